package nl.fieldlab.sandbox.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.apache.commons.math3.stat.inference.TTest;
import org.junit.jupiter.api.Test;

/** The paired t-test's p-value, from the same t as the interval. */
class PairedTestTest {

    @Test
    void theSamePAsCommonsMathsPairedTTestOnOrdinaryData() {
        Random random = new Random(0);
        for (int trial = 0; trial < 20; trial++) {
            int n = 3 + trial;
            double[] a = new double[n];
            double[] b = new double[n];
            for (int i = 0; i < n; i++) {
                b[i] = random.nextGaussian() * 10;
                a[i] = b[i] + random.nextGaussian() + 0.3 * trial / 10;
            }
            assertEquals(new TTest().pairedTTest(a, b), PairedTest.of(Summary.paired(a, b)).p(), 1e-12,
                    "trial " + trial);
        }
    }

    @Test
    void aPBelowFivePercentExactlyWhenTheIntervalExcludesZero() {
        Random random = new Random(0);
        for (int trial = 0; trial < 200; trial++) {
            double[] d = new double[10];
            for (int i = 0; i < d.length; i++) {
                d[i] = random.nextGaussian() + 0.7;
            }
            Summary s = Summary.of(d);
            assertEquals(s.excludesZero(), PairedTest.of(s).p() < 0.05, "trial " + trial);
        }
    }

    @Test
    void noNoiseGivesPZeroForADifferenceAndOneForNone() {
        assertEquals(0, PairedTest.of(Summary.of(new double[] {2, 2, 2})).p());
        assertEquals(1, PairedTest.of(Summary.of(new double[] {0, 0, 0})).p());
    }

    @Test
    void oneReplicationIsNoTest() {
        assertTrue(Double.isNaN(PairedTest.of(Summary.of(new double[] {5})).p()));
        assertTrue(Double.isNaN(PairedTest.of(Summary.of(new double[] {5, Double.NaN})).p()));
    }
}
