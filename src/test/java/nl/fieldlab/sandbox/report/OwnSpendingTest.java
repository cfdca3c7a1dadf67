package nl.fieldlab.sandbox.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import nl.fieldlab.sandbox.simulation.Metrics;
import nl.fieldlab.sandbox.stats.Calls;
import nl.fieldlab.sandbox.stats.Comparison;
import nl.fieldlab.sandbox.stats.Summary;

/**
 * The cost-effectiveness narrative states only what the verdicts call, and claims no break-even or saving for a variant
 * whose own rules pay about nothing: a fall in net public cost it did not pay for comes from changed behaviour.
 */
class OwnSpendingTest {

    /**
     * E10, a provincial mirror whose own rules pay {@code paid} a replication, with a called fall in net public cost of
     * about EUR 300k whose cumulative path first rises (so that a break-even month exists to be claimed).
     */
    private static PlantedRun e10(double paid) {
        PlantedRun run = new PlantedRun("E10").set(Metrics.PUBLIC_COST, PlantedRun.around(-300_000, 20_000))
                .set(Metrics.MONTHS_IN_WORK, PlantedRun.around(0, 50))
                .set(Metrics.REACH_PREFIX + "E10.paid", PlantedRun.constant(paid));
        run.base.put(Metrics.REACH_PREFIX + "E10.paid", PlantedRun.constant(0));
        run.costByMonth = new double[] {50_000, 50_000, -100_000, -100_000, -100_000, -100_000};
        return run;
    }

    /** The report's lead sections as text: paragraphs and every cell. */
    private static String leadText(PlantedRun run) {
        var result = run.result();
        Report report = new Report(result, Comparison.of(result), Map.of(), Map.of());
        return report.leadSections().stream().map(s -> String.join("\n", s.paragraphs()) + "\n"
                + s.rows().stream().map(r -> String.join(" | ", r)).collect(Collectors.joining("\n")))
                .collect(Collectors.joining("\n"));
    }

    @Test
    void aVariantWhoseRulesPayNothingGetsNoBreakEvenAndNoSaving() {
        String text = leadText(e10(0));
        assertFalse(text.contains("Break-even: month"), text);
        assertFalse(text.contains("falls by"), text);
        String reading = text.lines().filter(l -> l.startsWith("E10: ")).findFirst().orElseThrow();
        assertFalse(reading.contains("saves") || reading.contains("saving"), reading);
        assertTrue(text.contains("E10: no cost per extra work-year"), text);
        assertTrue(text.contains("Lower net public cost from changed behaviour (not money its rules spent): EUR"
                + " -300,000"), text);
        assertTrue(text.contains("Break-even: none: its own rules pay about nothing (EUR 0 a replication), so the net"
                + " public cost difference, EUR -300,000"), text);
        // the over-time table's break-even row says the same, not a month
        assertTrue(text.contains("break-even | none: its own rules pay about nothing"), text);
    }

    @Test
    void nearMissAVariantThatPaysForItGetsItsBreakEvenMonth() {
        String text = leadText(e10(200_000));
        assertTrue(text.contains("Net public cost falls by EUR 300,000"), text);
        assertTrue(text.contains("Break-even: month 3 (2026-03)"), text);
    }

    @Test
    void aNetCostThatIsNotCalledGetsNoBreakEven() {
        PlantedRun run = e10(200_000).set(Metrics.PUBLIC_COST, PlantedRun.around(-300_000, 400_000));
        String text = leadText(run);
        assertTrue(text.contains("Break-even: none: the extra net public cost is not called"), text);
        assertFalse(text.contains("Break-even: month"), text);
    }

    @Test
    void aboutNothingIsBelowAThousandEuroOrOnePerCentOfTheNetCostDifference() {
        Summary small = Summary.of(new double[] {-50_000, -60_000});
        Summary large = Summary.of(new double[] {-1_000_000, -1_000_000});
        assertTrue(new OwnSpending(999).aboutNothing(small));
        assertFalse(new OwnSpending(1_001).aboutNothing(small));
        assertTrue(new OwnSpending(9_999).aboutNothing(large), "1 % of EUR 1 M");
        assertFalse(new OwnSpending(10_001).aboutNothing(large));
        // support costs count as own spending
        assertEquals(3_600, OwnSpending.of(Map.of(Metrics.SUPPORT_PREFIX + "P1.cost", new double[] {3_600, 3_600},
                Metrics.SUPPORT_PREFIX + "P1.participants", new double[] {3, 3})).mean(), 1e-9);
    }

    @Test
    void aRatioIsDefinedOnlyWhenItsDenominatorIsCalled() {
        // work-years up beyond their interval, but the verdicts do not call them (say, after Holm's correction)
        PlantedRun run = new PlantedRun("E4").set(Metrics.MONTHS_IN_WORK, PlantedRun.around(720, 30))
                .set(Metrics.PUBLIC_COST, PlantedRun.around(600_000, 20_000));
        Calls strict = new Calls() {
            @Override
            public boolean called(String variant, String metric) {
                return metric.equals(Metrics.PUBLIC_COST);
            }

            @Override
            public String why(String variant, String metric) {
                return "not significant after Holm's correction (p 0.011, adjusted 0.26)";
            }
        };
        CostEffectiveness c = CostEffectiveness.of(run.result(), Map.of(), strict).get(0);
        assertEquals("not defined: the difference in work-years is not called: not significant after Holm's"
                + " correction (p 0.011, adjusted 0.26)", c.costPerExtraWorkYear().undefined());
        assertFalse(c.perYearInWork().defined());
        assertEquals(CostEffectiveness.Quadrant.UNCLEAR, c.quadrant());
        assertTrue(CostEffectiveness.of(run.result()).get(0).costPerExtraWorkYear().defined(), "called uncorrected");
    }
}
