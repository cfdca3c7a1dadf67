package nl.fieldlab.sandbox.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Replications that detect a headline difference after the family's correction, checked by hand. */
class PlanFamilyTest {

    private static final double POWER = 0.8;

    @Test
    void aDifferenceOfOneSdNeedsTheMinimumAloneAndTwentyAmongTwentyFourTests() {
        // m = 1: (t(0.975, 9) + t(0.8, 9)) / sqrt(10) = (2.262 + 0.883) / 3.162 = 0.995 <= 1
        assertEquals(10, Analyses.neededToDetect(1, 1, 1, POWER));
        // m = 24: t(1 - 0.05/48, n - 1) + t(0.8, n - 1) <= sqrt(n) first holds at n = 20
        assertEquals(20, Analyses.neededToDetect(1, 1, 24, POWER));
        assertEquals(20, Analyses.neededToDetect(1, -1, 24, POWER), "a fall is detected as a rise");
    }

    @Test
    void halfAnSdNeedsAboutFourTimesAsMany() {
        assertEquals(66, Analyses.neededToDetect(1, 0.5, 24, POWER));
    }
}
