package nl.fieldlab.sandbox.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import nl.fieldlab.sandbox.stats.Summary;

/** The smallest difference a run could call: Holm's first bar, t(1 - alpha / 2m, n - 1), times the standard error. */
class FamilySectionTest {

    /** A difference over 20 replications whose standard error is exactly 1. */
    private static final Summary SE_ONE = new Summary(0.5, Math.sqrt(20), 1, -1.6, 2.6, 20);

    @Test
    void theBarRisesWithTheNumberOfTests() {
        // t(0.975, 19) = 2.09 for one test; t(1 - 0.05/48, 19) = 3.56 for 24 (design note 24: "3.56 at n = 20")
        assertEquals("2.09", FamilySection.smallestCallable(SE_ONE, 1, 1));
        assertEquals("3.56", FamilySection.smallestCallable(SE_ONE, 24, 1));
        // in the member's unit: work-years are months in work / 12
        assertEquals("0.297", FamilySection.smallestCallable(SE_ONE, 24, 1.0 / 12));
        assertEquals("n/a", FamilySection.smallestCallable(Summary.of(new double[] {1}), 24, 1));
    }
}
