package nl.fieldlab.sandbox.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Break-even and the number format of the cost-effectiveness tables. */
class CostEffectivenessTest {

    @Test
    void cumulativeDifferenceAddsTheMonthlyDifferences() {
        assertArrayEquals(new double[] {100, 150, 120, -30},
                CostEffectiveness.cumulativeDifference(new double[] {300, 250, 170, 50}, new double[] {200, 200, 200, 200}),
                1e-9);
    }

    @Test
    void breakEvenIsTheFirstMonthFromWhichTheVariantStaysAtOrBelowTheBaseline() {
        // costs more for three months, then at or below for good: break-even in month index 3
        assertEquals(3, CostEffectiveness.breakEven(new double[] {100, 150, 120, -30, -80}));
        // dips below and rises again: only the last crossing counts
        assertEquals(4, CostEffectiveness.breakEven(new double[] {100, -10, 50, 20, 0}));
        // still above at the horizon: no break-even
        assertEquals(-1, CostEffectiveness.breakEven(new double[] {100, -10, 50}));
        // never above: break-even from the start
        assertEquals(0, CostEffectiveness.breakEven(new double[] {0, -5, -10}));
        // a euro of rounding is not a cost
        assertEquals(0, CostEffectiveness.breakEven(new double[] {0.5, 0.9, -1}));
    }

    @Test
    void numbersHaveThreeSignificantDigitsBelowAThousand() {
        assertEquals("0", ReportWriter.fmt(0));
        assertEquals("0", ReportWriter.fmt(-0.0));
        assertEquals("0.123", ReportWriter.fmt(0.12345));
        assertEquals("12.3", ReportWriter.fmt(12.345));
        assertEquals("-12.3", ReportWriter.fmt(-12.345));
        assertEquals("10.0", ReportWriter.fmt(9.996));
        assertEquals("1,000", ReportWriter.fmt(999.6));
        assertEquals("123,457", ReportWriter.fmt(123456.7));
        assertEquals("n/a", ReportWriter.fmt(Double.NaN));
        assertEquals("2.10 M", CostEffectiveness.money(2_104_000));
        assertEquals("-610,000", CostEffectiveness.money(-610_000));
    }
}
