package nl.fieldlab.sandbox.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LatinHypercubeTest {

    private static final int N = 32;
    private static final int K = 20;

    @Test
    void eachColumnHitsEachStratumOnce() {
        LatinHypercube d = LatinHypercube.of(N, K, LatinHypercube.DESIGN_SEED);
        for (int j = 0; j < K; j++) {
            boolean[] hit = new boolean[N];
            for (double u : d.column(j)) {
                assertTrue(u >= 0 && u < 1, "in [0, 1): " + u);
                int stratum = (int) Math.floor(u * N);
                assertFalse(hit[stratum], "column " + j + " hits stratum " + stratum + " twice");
                hit[stratum] = true;
            }
        }
    }

    @Test
    void theSameSeedGivesTheSameDesignAndAnotherSeedAnother() {
        double[][] a = LatinHypercube.of(N, K, 7).points();
        double[][] b = LatinHypercube.of(N, K, 7).points();
        for (int i = 0; i < N; i++) {
            assertArrayEquals(a[i], b[i]);
        }
        assertFalse(a[0][0] == LatinHypercube.of(N, K, 8).points()[0][0]);
    }

    @Test
    void theKeptCandidateIsNoMoreCorrelatedThanTheFirst() {
        LatinHypercube d = LatinHypercube.of(N, K, LatinHypercube.DESIGN_SEED);
        assertTrue(d.largestCorrelation() <= d.firstCorrelation());
        assertEquals(d.largestCorrelation(), LatinHypercube.largestCorrelation(d.points()), 1e-12);
        // with 20 columns the largest of 190 chance correlations of one candidate is about 0.45; keeping the best of
        // 50 brings it well below
        assertTrue(d.largestCorrelation() < d.firstCorrelation() || d.firstCorrelation() < 0.3,
                d.largestCorrelation() + " against " + d.firstCorrelation());
    }
}
