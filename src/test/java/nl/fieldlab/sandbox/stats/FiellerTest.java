package nl.fieldlab.sandbox.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.distribution.TDistribution;
import org.junit.jupiter.api.Test;

/** Fieller's interval of a ratio of paired mean differences: the set of ratios the data do not reject. */
class FiellerTest {

    /** Whether θ lies in Fieller's set: (ĉ − θŵ)² ≤ t²(v_cc − 2θ v_cw + θ² v_ww), computed here from scratch. */
    private static boolean inSet(double[] c, double[] w, double theta) {
        int n = c.length;
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            z[i] = c[i] - theta * w[i];
        }
        // c − θw has mean ĉ − θŵ and variance/n = v_cc − 2θ v_cw + θ² v_ww: the set is where its t-test does not reject
        Summary s = Summary.of(z);
        double t = new TDistribution(null, n - 1).inverseCumulativeProbability(0.975);
        return s.mean() * s.mean() <= t * t * s.se() * s.se();
    }

    @Test
    void theIntervalIsTheSetOfRatiosATTestOfCMinusThetaWDoesNotReject() {
        // a noisy denominator (t about 4.4): Fieller's interval is wider on the side where the denominator may be small
        double[] w = {4, 9, 2, 7, 3, 8, 5, 6, 1, 5};
        double[] c = {9_000, 14_000, 1_000, 15_000, 7_000, 12_000, 13_000, 8_000, 6_000, 9_000};
        Ratio r = Ratio.fieller(c, w, "work-years");
        assertTrue(r.defined());
        assertEquals(94_000 / 50.0, r.estimate(), 1e-9);
        // the ends are where the t-test of c − θw is just at its bar: just inside is in the set, just outside is not
        double eps = 1e-6 * Math.abs(r.ciHigh());
        assertTrue(inSet(c, w, r.ciLow() + eps));
        assertFalse(inSet(c, w, r.ciLow() - eps));
        assertTrue(inSet(c, w, r.ciHigh() - eps));
        assertFalse(inSet(c, w, r.ciHigh() + eps));
        // asymmetric: longer above the estimate, where the denominator's low end divides
        assertTrue(r.ciHigh() - r.estimate() > r.estimate() - r.ciLow() + 50);
        // and not the delta method's symmetric interval
        Ratio delta = Ratio.of(c, w, "work-years");
        assertTrue(Math.abs(delta.ciHigh() - r.ciHigh()) > 50);
        assertEquals(delta.se(), r.se(), 1e-9);
    }

    @Test
    void agreesWithTheDeltaMethodWhenTheDenominatorIsPrecise() {
        double[] w = {50, 51, 49, 50.5, 49.5, 50, 50.2, 49.8};
        double[] c = {100_000, 104_000, 97_000, 101_000, 99_500, 98_000, 102_000, 100_500};
        Ratio f = Ratio.fieller(c, w, "work-years");
        Ratio d = Ratio.of(c, w, "work-years");
        assertEquals(d.ciLow(), f.ciLow(), 0.02 * (d.ciHigh() - d.ciLow()));
        assertEquals(d.ciHigh(), f.ciHigh(), 0.02 * (d.ciHigh() - d.ciLow()));
    }

    @Test
    void unboundedAndSoNotDefinedWhenTheDenominatorIsNotSignificant() {
        Ratio r = Ratio.fieller(new double[] {5000, 6000, 7000, 5500}, new double[] {3, -2, 1, -1}, "work-years");
        assertFalse(r.defined());
        assertEquals("not defined: the difference in work-years is not significant", r.undefined());
        // every θ is then in the set for these data, or the set is the outside of an interval: no finite interval
        assertTrue(inSet(new double[] {5000, 6000, 7000, 5500}, new double[] {3, -2, 1, -1}, 1e9));
    }

    @Test
    void notDefinedWhenTheDenominatorFellOrIsNotCalled() {
        double[] c = {5000, 6000, 7000};
        assertEquals("not defined: work-years fell",
                Ratio.fieller(c, new double[] {-10, -11, -9}, "work-years").undefined());
        assertEquals("not defined: the difference in work-years is not significant after Holm's correction",
                Ratio.fieller(c, new double[] {10, 11, 9}, "work-years", false,
                        "the difference in work-years is not significant after Holm's correction").undefined());
    }

    @Test
    void aNegativeNumeratorGivesANegativeRatioWithItsInterval() {
        // more work at a lower cost: the ratio is a saving per extra work-year, and its interval stays finite
        double[] w = {30, 35, 31, 36, 33, 34};
        double[] c = {-600_000, -650_000, -580_000, -700_000, -610_000, -640_000};
        Ratio r = Ratio.fieller(c, w, "work-years");
        assertTrue(r.defined());
        assertTrue(r.ciLow() < r.estimate() && r.estimate() < r.ciHigh() && r.ciHigh() < 0);
    }
}
