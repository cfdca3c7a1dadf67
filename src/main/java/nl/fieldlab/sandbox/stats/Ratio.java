package nl.fieldlab.sandbox.stats;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * The ratio of two mean paired differences, such as the extra public cost per extra placement, with its 95 %
 * confidence interval by the delta method over the replications: for differences {@code c} (cost) and {@code p}
 * (placements) per replication, {@code R = mean(c) / mean(p)} and {@code se(R) = sd(c - R p) / (sqrt(n) |mean(p)|)}.
 * A ratio is only defined when the denominator's difference is significant; {@code undefined} says why it is not.
 *
 * @param estimate  the ratio, NaN when undefined
 * @param se        its standard error
 * @param ciLow     lower end of the interval
 * @param ciHigh    upper end of the interval
 * @param n         replications that counted
 * @param undefined why no ratio can be given, or null
 */
public record Ratio(double estimate, double se, double ciLow, double ciHigh, int n, String undefined) {

    /** The denominator's difference is not significant: a ratio would divide by something that may be zero. */
    public static final String NOT_SIGNIFICANT = "not defined: the difference in %s is not significant";
    /** The denominator fell: there is no cost per extra unit when there are fewer units. */
    public static final String FEWER = "not defined: %s fell";

    /**
     * The ratio of the mean of {@code numerator} to the mean of {@code denominator}, both paired differences per
     * replication (NaN entries left out pairwise).
     *
     * @param what the denominator's name, for the reason when undefined ("placements")
     */
    public static Ratio of(double[] numerator, double[] denominator, String what) {
        int n = 0;
        for (int i = 0; i < numerator.length; i++) {
            if (!Double.isNaN(numerator[i]) && !Double.isNaN(denominator[i])) {
                n++;
            }
        }
        double[] num = new double[n];
        double[] den = new double[n];
        for (int i = 0, k = 0; i < numerator.length; i++) {
            if (!Double.isNaN(numerator[i]) && !Double.isNaN(denominator[i])) {
                num[k] = numerator[i];
                den[k++] = denominator[i];
            }
        }
        Summary d = Summary.of(den);
        if (n < 2) {
            return undefined(n, "not defined: fewer than two replications");
        }
        if (!d.excludesZero()) {
            return undefined(n, String.format(NOT_SIGNIFICANT, what));
        }
        if (d.mean() < 0) {
            return undefined(n, String.format(FEWER, what));
        }
        double r = Summary.of(num).mean() / d.mean();
        double[] residual = new double[n];
        for (int i = 0; i < n; i++) {
            residual[i] = num[i] - r * den[i];
        }
        double se = Summary.of(residual).sd() / (Math.sqrt(n) * Math.abs(d.mean()));
        double t = new TDistribution(null, n - 1).inverseCumulativeProbability(1 - (1 - Summary.LEVEL) / 2);
        return new Ratio(r, se, r - t * se, r + t * se, n, null);
    }

    private static Ratio undefined(int n, String why) {
        return new Ratio(Double.NaN, Double.NaN, Double.NaN, Double.NaN, n, why);
    }

    public boolean defined() {
        return undefined == null;
    }
}
