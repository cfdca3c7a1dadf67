package nl.fieldlab.sandbox.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The extra cost per extra unit: a ratio of paired mean differences, defined only when the denominator rose. */
class RatioTest {

    @Test
    void theRatioOfMeanDifferencesWithADeltaMethodInterval() {
        // cost differences 2,000 x placements plus noise; the ratio is the ratio of the means, not the mean of ratios
        double[] placements = {10, 12, 8, 11, 9};
        double[] cost = {21_000, 23_000, 17_000, 22_500, 16_500};
        Ratio r = Ratio.of(cost, placements, "placements");
        assertTrue(r.defined());
        assertEquals(100_000 / 50.0, r.estimate(), 1e-9);
        assertEquals(5, r.n());
        // residuals c - R p: 1000, -1000, 1000, 500, -1500 (mean 0, sum of squares 5.5 M); se = sd / (sqrt(5) * 10)
        assertEquals(Math.sqrt(5.5e6 / 4) / (Math.sqrt(5) * 10), r.se(), 1e-9);
        assertTrue(r.ciLow() < 2000 && 2000 < r.ciHigh());
        assertEquals(2000 - r.ciLow(), r.ciHigh() - 2000, 1e-9);
    }

    @Test
    void notDefinedWhenThePlacementDifferenceIsNotSignificant() {
        Ratio r = Ratio.of(new double[] {5000, 6000, 7000, 5500}, new double[] {3, -2, 1, -1}, "placements");
        assertFalse(r.defined());
        assertTrue(Double.isNaN(r.estimate()));
        assertEquals("not defined: the difference in placements is not significant", r.undefined());
    }

    @Test
    void notDefinedWhenPlacementsFell() {
        Ratio r = Ratio.of(new double[] {5000, 6000, 7000}, new double[] {-10, -11, -9}, "placements");
        assertEquals("not defined: placements fell", r.undefined());
    }

    @Test
    void replicationsWithoutAValueAreLeftOutInPairs() {
        Ratio r = Ratio.of(new double[] {1000, Double.NaN, 1200, 900}, new double[] {10, 11, Double.NaN, 9},
                "placements");
        assertEquals(2, r.n());
        assertEquals(1900 / 19.0, r.estimate(), 1e-9);
        assertEquals("not defined: fewer than two replications",
                Ratio.of(new double[] {1}, new double[] {1}, "placements").undefined());
    }
}
