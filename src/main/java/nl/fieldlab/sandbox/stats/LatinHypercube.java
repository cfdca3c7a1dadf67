package nl.fieldlab.sandbox.stats;

import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;

/**
 * A Latin hypercube design: n points in (0, 1)^k with each column stratified, so that each of the n equal strata of
 * every column holds exactly one point. Column j of a candidate is {@code (perm_j(i) + U_ij) / n}. Of
 * {@link #CANDIDATES} candidates drawn from one fixed design seed, the one whose largest pairwise rank correlation
 * between columns is smallest is kept: with 32 points, chance correlations of about 0.18 between two drawn values
 * would otherwise blur which of them moved a result.
 *
 * @param points           n rows of k values in (0, 1)
 * @param largestCorrelation the kept design's largest |Spearman rho| between two columns (0 with one column)
 * @param firstCorrelation the first candidate's, for comparison
 */
public record LatinHypercube(double[][] points, double largestCorrelation, double firstCorrelation) {

    /** Candidate designs drawn; the least correlated is kept. */
    public static final int CANDIDATES = 50;

    /** The design seed of every robustness run: the same draws for the same number of points and values. */
    public static final long DESIGN_SEED = 42;

    /** An n x k design from {@code seed} (Well19937c, deterministic on every JVM). */
    public static LatinHypercube of(int n, int k, long seed) {
        if (n < 2 || k < 1) {
            throw new IllegalArgumentException("a design needs at least 2 points and 1 column, got " + n + " x " + k);
        }
        RandomGenerator random = new Well19937c(seed);
        double[][] best = null;
        double bestRho = Double.POSITIVE_INFINITY;
        double first = Double.NaN;
        for (int c = 0; c < CANDIDATES; c++) {
            double[][] candidate = candidate(n, k, random);
            double rho = largestCorrelation(candidate);
            if (c == 0) {
                first = rho;
            }
            if (rho < bestRho) {
                best = candidate;
                bestRho = rho;
            }
        }
        return new LatinHypercube(best, bestRho, first);
    }

    private static double[][] candidate(int n, int k, RandomGenerator random) {
        double[][] x = new double[n][k];
        for (int j = 0; j < k; j++) {
            int[] perm = new int[n];
            for (int i = 0; i < n; i++) {
                perm[i] = i;
            }
            for (int i = n - 1; i > 0; i--) { // Fisher-Yates
                int r = random.nextInt(i + 1);
                int t = perm[i];
                perm[i] = perm[r];
                perm[r] = t;
            }
            for (int i = 0; i < n; i++) {
                // nextDouble is in [0, 1): a point never falls on its stratum's upper edge
                x[i][j] = (perm[i] + random.nextDouble()) / n;
            }
        }
        return x;
    }

    /** The largest |Spearman rho| between two columns of {@code x}. */
    static double largestCorrelation(double[][] x) {
        int k = x[0].length;
        double largest = 0;
        SpearmansCorrelation spearman = new SpearmansCorrelation();
        for (int a = 0; a < k; a++) {
            for (int b = a + 1; b < k; b++) {
                largest = Math.max(largest, Math.abs(spearman.correlation(column(x, a), column(x, b))));
            }
        }
        return largest;
    }

    /** Column j of the design. */
    public double[] column(int j) {
        return column(points, j);
    }

    private static double[] column(double[][] x, int j) {
        double[] c = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            c[i] = x[i][j];
        }
        return c;
    }
}
