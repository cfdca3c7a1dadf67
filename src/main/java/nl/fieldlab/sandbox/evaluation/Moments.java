package nl.fieldlab.sandbox.evaluation;

/**
 * An outcome summed over a group of people: their number, the sum and the sum of squares. This is what a run
 * keeps per exemption, arm and month after intake, and all that a difference in means needs.
 */
public record Moments(double n, double sum, double sumSquares) {

    public static final Moments EMPTY = new Moments(0, 0, 0);

    /** The moments of a list of values. */
    public static Moments of(double... values) {
        double s = 0;
        double ss = 0;
        for (double v : values) {
            s += v;
            ss += v * v;
        }
        return new Moments(values.length, s, ss);
    }

    /** This group and another together. */
    public Moments plus(Moments o) {
        return new Moments(n + o.n, sum + o.sum, sumSquares + o.sumSquares);
    }

    public double mean() {
        return n > 0 ? sum / n : Double.NaN;
    }

    /** The sample variance ({@code n - 1} in the denominator); NaN below two people. */
    public double variance() {
        if (n < 2) {
            return Double.NaN;
        }
        return Math.max(0, (sumSquares - sum * sum / n) / (n - 1));
    }

    public double sd() {
        return Math.sqrt(variance());
    }
}
