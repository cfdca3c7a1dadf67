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
        double[][] pairs = pairwise(numerator, denominator);
        double[] num = pairs[0];
        double[] den = pairs[1];
        int n = num.length;
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

    /**
     * The same ratio with Fieller's 95 % interval, which is exact under normality and, unlike the delta method's, not
     * symmetric: it widens on the side where the denominator may be small. It is the set of {@code θ} with
     * {@code (ĉ − θŵ)² ≤ t²(v_cc − 2θ v_cw + θ² v_ww)}, where {@code v_xy = cov(x, y)/n}; that set is a bounded
     * interval exactly when the denominator's difference is significant ({@code |ŵ|/√v_ww > t}). Defined only when the
     * denominator rose significantly; {@code se} is the delta method's, for reference.
     *
     * @param what the denominator's name, for the reason when undefined ("work-years")
     */
    public static Ratio fieller(double[] numerator, double[] denominator, String what) {
        return fieller(numerator, denominator, what, true, null);
    }

    /**
     * The same, defined only when {@code denominatorCalled} (the report's verdicts call the denominator's difference);
     * {@code whyNot} is the reason given otherwise ("the difference in work-years is not significant after Holm's
     * correction"), null for the plain {@link #NOT_SIGNIFICANT} text.
     */
    public static Ratio fieller(double[] numerator, double[] denominator, String what, boolean denominatorCalled,
            String whyNot) {
        double[][] pairs = pairwise(numerator, denominator);
        double[] num = pairs[0];
        double[] den = pairs[1];
        int n = num.length;
        if (n < 2) {
            return undefined(n, "not defined: fewer than two replications");
        }
        Summary c = Summary.of(num);
        Summary w = Summary.of(den);
        double t = new TDistribution(null, n - 1).inverseCumulativeProbability(1 - (1 - Summary.LEVEL) / 2);
        double vww = w.se() * w.se();
        double vcc = c.se() * c.se();
        double vcw = covariance(num, den, c.mean(), w.mean()) / n;
        double a = w.mean() * w.mean() - t * t * vww;
        if (!denominatorCalled || !(a > 0)) {
            return undefined(n, whyNot != null && !denominatorCalled ? "not defined: " + whyNot
                    : String.format(NOT_SIGNIFICANT, what));
        }
        if (w.mean() < 0) {
            return undefined(n, String.format(FEWER, what));
        }
        double b = c.mean() * w.mean() - t * t * vcw;
        double k = c.mean() * c.mean() - t * t * vcc;
        // a > 0 and θ = ĉ/ŵ satisfies the inequality, so the discriminant is not negative (up to rounding)
        double root = Math.sqrt(Math.max(0, b * b - a * k));
        double r = c.mean() / w.mean();
        double[] residual = new double[n];
        for (int i = 0; i < n; i++) {
            residual[i] = num[i] - r * den[i];
        }
        double se = Summary.of(residual).sd() / (Math.sqrt(n) * Math.abs(w.mean()));
        return new Ratio(r, se, (b - root) / a, (b + root) / a, n, null);
    }

    private static double[][] pairwise(double[] numerator, double[] denominator) {
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
        return new double[][] {num, den};
    }

    private static double covariance(double[] x, double[] y, double mx, double my) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += (x[i] - mx) * (y[i] - my);
        }
        return s / (x.length - 1);
    }

    private static Ratio undefined(int n, String why) {
        return new Ratio(Double.NaN, Double.NaN, Double.NaN, Double.NaN, n, why);
    }

    public boolean defined() {
        return undefined == null;
    }
}
