package nl.fieldlab.sandbox.stats;

import java.util.Locale;

import org.apache.commons.math3.stat.interval.ConfidenceInterval;
import org.apache.commons.math3.stat.interval.WilsonScoreInterval;

/**
 * In how many of {@code draws} draws a result held, with a 95 % Wilson score interval for the share. Wilson rather
 * than the normal approximation because shares near 1 are the interesting ones, where the normal interval runs past
 * 1 and collapses to a point at 32 of 32.
 */
public record SignShare(int held, int draws, double low, double high) {

    public static SignShare of(int held, int draws) {
        if (draws < 1 || held < 0 || held > draws) {
            throw new IllegalArgumentException("held " + held + " of " + draws);
        }
        ConfidenceInterval ci = new WilsonScoreInterval().createInterval(draws, held, 0.95);
        return new SignShare(held, draws, Math.max(0, ci.getLowerBound()), Math.min(1, ci.getUpperBound()));
    }

    public double share() {
        return (double) held / draws;
    }

    /** As {@code 30 of 32 (94 % [80 %, 98 %])}. */
    public String text() {
        return held + " of " + draws + " (" + pct(share()) + " [" + pct(low) + ", " + pct(high) + "])";
    }

    private static String pct(double v) {
        return String.format(Locale.ROOT, "%d %%", Math.round(100 * v));
    }
}
