package nl.fieldlab.sandbox.stats;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * The two-sided t-test of a paired difference to the baseline, from the same mean and standard error as its 95 %
 * interval, so that a p below 0.05 and an interval excluding 0 always agree. Commons Math's {@code TTest} gives the
 * same p on ordinary data but throws or returns NaN when every pair differs by the same amount, and does not skip
 * pairs that are not numbers as {@link Summary} does.
 *
 * @param mean the mean difference
 * @param t    mean / standard error
 * @param p    the two-sided p-value; NaN with fewer than two pairs
 * @param n    the pairs that counted
 */
public record PairedTest(double mean, double t, double p, int n) {

    public static PairedTest of(Summary d) {
        if (d.n() < 2) {
            return new PairedTest(d.mean(), Double.NaN, Double.NaN, d.n());
        }
        if (d.se() == 0) {
            // every pair differs by the same amount: no noise, so the difference is certain (or exactly 0)
            return new PairedTest(d.mean(), d.mean() == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, d.mean()),
                    d.mean() == 0 ? 1 : 0, d.n());
        }
        double t = d.mean() / d.se();
        double p = 2 * new TDistribution(null, d.n() - 1).cumulativeProbability(-Math.abs(t));
        return new PairedTest(d.mean(), t, Math.min(1, p), d.n());
    }
}
