package nl.fieldlab.sandbox.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

import nl.fieldlab.sandbox.evaluation.Estimators.Estimate;

/** Each estimator by hand on a small case, and its rejection rate against {@link PowerCalc} on synthetic data. */
class EstimatorsTest {

    private static final double ALPHA = 0.05;
    private static final int REPLICATIONS = 2_000;

    @Test
    void aDifferenceInMeansByHand() {
        // treated 1,1,0,1 (mean 0.75, variance 0.25); control 0,1,0,0 (0.25, 0.25): SE = sqrt(0.25/4 * 2)
        Estimate e = Estimators.differenceInMeans(new double[] {1, 1, 0, 1}, new double[] {0, 1, 0, 0});
        assertEquals(0.5, e.theta(), 1e-12);
        assertEquals(Math.sqrt(0.125), e.se(), 1e-12);
        assertTrue(Double.isInfinite(e.df()));
        // the same from summed moments, as a run keeps them
        Estimate m = Estimators.differenceInMeans(new Moments(4, 3, 3), new Moments(4, 1, 1));
        assertEquals(e, m);
        assertFalse(e.rejects(ALPHA), "z = 1.41");
        assertEquals(0.5 - 1.959964 * Math.sqrt(0.125), e.interval(ALPHA)[0], 1e-5);
    }

    @Test
    void aClusterDifferenceCountsEmployersNotPeople() {
        // means 0.5, 0.7 against 0.2, 0.4: difference 0.3, pooled variance 0.02, SE 0.1414, 2 df
        Estimate e = Estimators.clusterDifference(new double[] {0.5, 0.7}, new double[] {0.2, 0.4});
        assertEquals(0.3, e.theta(), 1e-12);
        assertEquals(Math.sqrt(0.02), e.se(), 1e-12);
        assertEquals(2, e.df());
        assertFalse(e.rejects(ALPHA), "t = 2.12 against 4.30 at 2 df");
        // near miss: the same difference read as a normal test would reject
        assertTrue(new Estimate(0.3, Math.sqrt(0.02), PowerCalc.NORMAL).rejects(ALPHA));
    }

    @Test
    void theClusterDifferenceHoldsItsSizeUnderAStrongEmployerEffect() {
        // ICC 0.2, 20 employers of 30, no effect: cluster means keep the rejection rate at alpha
        Random random = new Random(10);
        int rejected = 0;
        for (int r = 0; r < REPLICATIONS; r++) {
            double[] t = new double[10];
            double[] c = new double[10];
            for (int j = 0; j < 20; j++) {
                double u = Math.sqrt(0.2) * random.nextGaussian();
                double s = 0;
                for (int i = 0; i < 30; i++) {
                    s += u + Math.sqrt(0.8) * random.nextGaussian();
                }
                (j < 10 ? t : c)[j % 10] = s / 30;
            }
            if (Estimators.clusterDifference(t, c).rejects(ALPHA)) {
                rejected++;
            }
        }
        assertEquals(ALPHA, rejected / (double) REPLICATIONS, 0.015);
    }

    @Test
    void theSteppedWedgeEstimatorMatchesItsPower() {
        int k = 12;
        int s = 4;
        double perCell = 40;
        double rho = 0.01;
        double mde = PowerCalc.steppedWedgeMde(k, s, perCell, 1, rho, ALPHA, 0.8);
        var x = PowerCalc.steppedWedgeDesign(k, s);
        double cellSd = Math.sqrt((1 - rho) / perCell + rho);
        Random random = new Random(11);
        int rejected = 0;
        int rejectedNull = 0;
        for (int r = 0; r < REPLICATIONS; r++) {
            double[] y = new double[x.getRowDimension()];
            double[] y0 = new double[y.length];
            for (int row = 0; row < y.length; row++) {
                double noise = (row / (s + 1)) * 0.1 + cellSd * random.nextGaussian();
                y[row] = noise + mde * x.getEntry(row, x.getColumnDimension() - 1);
                y0[row] = noise;
            }
            rejected += Estimators.steppedWedge(y, k, s).rejects(ALPHA) ? 1 : 0;
            rejectedNull += Estimators.steppedWedge(y0, k, s).rejects(ALPHA) ? 1 : 0;
        }
        assertEquals(0.8, rejected / (double) REPLICATIONS, 0.03);
        assertEquals(ALPHA, rejectedNull / (double) REPLICATIONS, 0.015);
    }
}
