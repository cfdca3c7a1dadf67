package nl.fieldlab.sandbox.stats;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * Mean of a metric over replications with its 95 % confidence interval (Student's t, n - 1 degrees of freedom).
 * Values that are not numbers (a rate with no one to count) are left out; {@code n} says how many counted.
 */
public record Summary(double mean, double sd, double se, double ciLow, double ciHigh, int n) {

    public static final double LEVEL = 0.95;

    public static Summary of(double[] values) {
        int n = 0;
        double sum = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                n++;
                sum += v;
            }
        }
        if (n == 0) {
            return new Summary(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0);
        }
        double mean = sum / n;
        if (n == 1) {
            return new Summary(mean, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 1);
        }
        double ss = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                ss += (v - mean) * (v - mean);
            }
        }
        double sd = Math.sqrt(ss / (n - 1));
        double se = sd / Math.sqrt(n);
        double t = new TDistribution(null, n - 1).inverseCumulativeProbability(1 - (1 - LEVEL) / 2);
        return new Summary(mean, sd, se, mean - t * se, mean + t * se, n);
    }

    /** The paired difference {@code variant - baseline}, replication by replication. */
    public static Summary paired(double[] variant, double[] baseline) {
        double[] d = new double[Math.min(variant.length, baseline.length)];
        for (int i = 0; i < d.length; i++) {
            d[i] = Double.isNaN(variant[i]) || Double.isNaN(baseline[i]) ? Double.NaN : variant[i] - baseline[i];
        }
        return of(d);
    }

    /** Whether the confidence interval lies wholly above or below zero. */
    public boolean excludesZero() {
        return n >= 2 && (ciLow > 0 || ciHigh < 0);
    }

    /** The same summary in another unit ({@code factor} > 0), e.g. months as years. */
    public Summary times(double factor) {
        return new Summary(mean * factor, sd * factor, se * factor, ciLow * factor, ciHigh * factor, n);
    }

    /** Half the width of the confidence interval. */
    public double halfWidth() {
        return (ciHigh - ciLow) / 2;
    }
}
