package nl.fieldlab.sandbox.stats;

import java.util.Arrays;
import java.util.Comparator;

/**
 * How the p-values of the headline family are corrected for testing many differences at once. Commons Math 3.6 has
 * no multiple-comparison procedure, so both are written out here.
 */
public enum Correction {

    /**
     * Holm's step-down method: controls the family-wise error (the chance of any false call) under any dependence
     * between the tests. The default, because net public cost and its present value are nearly the same test.
     */
    HOLM("Holm's method", "family-wise error") {
        @Override
        void adjustSorted(double[] sorted, double[] adjusted) {
            int m = sorted.length;
            double running = 0;
            for (int i = 0; i < m; i++) {
                running = Math.max(running, Math.min(1, (m - i) * sorted[i]));
                adjusted[i] = running;
            }
        }
    },

    /**
     * Benjamini and Hochberg's step-up method: controls the false discovery rate (the expected share of false
     * calls among the calls). It holds for independent or positively dependent tests.
     */
    BENJAMINI_HOCHBERG("the Benjamini-Hochberg method", "false discovery rate") {
        @Override
        void adjustSorted(double[] sorted, double[] adjusted) {
            int m = sorted.length;
            double running = 1;
            for (int i = m - 1; i >= 0; i--) {
                running = Math.min(running, Math.min(1, (double) m / (i + 1) * sorted[i]));
                adjusted[i] = running;
            }
        }
    };

    private final String label;
    private final String controls;

    Correction(String label, String controls) {
        this.label = label;
        this.controls = controls;
    }

    /** The name in a sentence, e.g. "Holm's method". */
    public String label() {
        return label;
    }

    /** What it holds at alpha, e.g. "family-wise error". */
    public String controls() {
        return controls;
    }

    /**
     * The adjusted p-values, in the order given. A p that is not a number stays so and is not counted among the
     * tests (a difference with fewer than two replications is no test).
     */
    public double[] adjust(double[] p) {
        Integer[] order = java.util.stream.IntStream.range(0, p.length).filter(i -> !Double.isNaN(p[i])).boxed()
                .toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> p[i]));
        double[] sorted = new double[order.length];
        for (int i = 0; i < order.length; i++) {
            sorted[i] = p[order[i]];
        }
        double[] adjustedSorted = new double[order.length];
        adjustSorted(sorted, adjustedSorted);
        double[] adjusted = new double[p.length];
        Arrays.fill(adjusted, Double.NaN);
        for (int i = 0; i < order.length; i++) {
            adjusted[order[i]] = adjustedSorted[i];
        }
        return adjusted;
    }

    abstract void adjustSorted(double[] sorted, double[] adjusted);

    /** The correction named in a scenario, or null when the name is none of them. */
    public static Correction named(String name) {
        for (Correction c : values()) {
            if (c.name().equals(name)) {
                return c;
            }
        }
        return null;
    }
}
