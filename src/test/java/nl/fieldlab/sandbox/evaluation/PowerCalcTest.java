package nl.fieldlab.sandbox.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.junit.jupiter.api.Test;

/**
 * The analytic power of each design against the rejection rate of its estimator on synthetic data with a planted
 * effect (the "done when"), the null's rejection rate, and near misses that a wrong formula would fail.
 */
class PowerCalcTest {

    private static final double ALPHA = 0.05;
    private static final double POWER = 0.8;
    private static final int REPLICATIONS = 2_000;
    /** Three binomial standard errors of a rate near 0.8 over 2,000 replications. */
    private static final double BAND_80 = 3 * Math.sqrt(0.8 * 0.2 / REPLICATIONS);

    private static final double P0 = 0.6;
    private static final int PER_ARM = 300;

    @Test
    void theLotteryMdeIsTheTextbookFigure() {
        // 2.80 * sqrt(0.24 * 2 / 300) = 2.80 * 0.04 = 0.112 (Bloom 1995's multiplier at 0.05 and 0.8)
        assertEquals(2.8016, PowerCalc.multiplier(ALPHA, POWER, PowerCalc.NORMAL), 1e-4);
        assertEquals(0.11206, PowerCalc.lotteryMde(Math.sqrt(P0 * (1 - P0)), PER_ARM, PER_ARM, ALPHA, POWER), 1e-4);
    }

    @Test
    void aLotteryRejectsAsOftenAsTheFormulaSays() {
        double sigma0 = Math.sqrt(P0 * (1 - P0));
        double delta = PowerCalc.lotteryMde(sigma0, PER_ARM, PER_ARM, ALPHA, POWER);
        // the honest formula uses each arm's own variance: p1 = 0.712 has a smaller one than p0
        double analytic = PowerCalc.power(delta, seOfBernoulli(P0 + delta), ALPHA, PowerCalc.NORMAL);
        double empirical = lotteryRejectionRate(delta, new Random(0));
        assertEquals(analytic, empirical, BAND_80, "planted effect at the MDE");
        // near miss: an MDE off by sqrt(2) (a forgotten 1/n_C) would predict a power far outside the band
        double forgotten = PowerCalc.power(delta, seOfBernoulli(P0 + delta) / Math.sqrt(2), ALPHA, PowerCalc.NORMAL);
        assertTrue(Math.abs(forgotten - empirical) > 3 * BAND_80, "a forgotten 1/n_C: " + forgotten);
    }

    @Test
    void atHalfTheMdeTheFormulaStillHolds() {
        double delta = PowerCalc.lotteryMde(Math.sqrt(P0 * (1 - P0)), PER_ARM, PER_ARM, ALPHA, POWER) / 2;
        double analytic = PowerCalc.power(delta, seOfBernoulli(P0 + delta), ALPHA, PowerCalc.NORMAL);
        assertEquals(0.30, analytic, 0.02);
        double band = 3 * Math.sqrt(analytic * (1 - analytic) / REPLICATIONS);
        assertEquals(analytic, lotteryRejectionRate(delta, new Random(1)), band);
    }

    @Test
    void withNoEffectALotteryRejectsAtAlpha() {
        assertEquals(ALPHA, PowerCalc.power(0, 1, ALPHA, PowerCalc.NORMAL), 1e-12);
        assertEquals(ALPHA, lotteryRejectionRate(0, new Random(2)), 0.015);
    }

    @Test
    void clusterRandomisationNeedsTheDesignEffect() {
        // 40 employers of 25, a planted employer effect at ICC 0.05: DE = 1 + 24 * 0.05 = 2.2
        int clusters = 40;
        int size = 25;
        double icc = 0.05;
        assertEquals(2.2, PowerCalc.designEffect(size, 0, icc), 1e-12);
        double mde = PowerCalc.clusterMde(1, icc, size, 0, clusters / 2, clusters / 2, ALPHA, POWER);
        double df = PowerCalc.clusterDf(clusters / 2, clusters / 2);
        double analytic = PowerCalc.power(mde, PowerCalc.clusterSe(1, icc, size, 0, 20, 20), ALPHA, df);
        assertEquals(POWER, analytic, 0.005);
        Random random = new Random(3);
        double tCrit = new TDistribution(null, df).inverseCumulativeProbability(1 - ALPHA / 2);
        int rejected = 0;
        int naive = 0;
        for (int r = 0; r < REPLICATIONS; r++) {
            double[] means = new double[clusters];
            double individualSs = 0;
            for (int j = 0; j < clusters; j++) {
                double u = Math.sqrt(icc) * random.nextGaussian() + (j < clusters / 2 ? mde : 0);
                double sum = 0;
                double[] y = new double[size];
                for (int i = 0; i < size; i++) {
                    y[i] = u + Math.sqrt(1 - icc) * random.nextGaussian();
                    sum += y[i];
                }
                means[j] = sum / size;
                for (double v : y) {
                    individualSs += (v - means[j]) * (v - means[j]);
                }
            }
            double[] t = twoSample(means, clusters / 2);
            if (Math.abs(t[0] / t[1]) > tCrit) {
                rejected++;
            }
            // the individual-level SE that ignores the design effect: total variance over n per arm
            double total = individualSs / (clusters * size) + t[2];
            double seNaive = Math.sqrt(total * 2.0 / (clusters / 2 * size));
            if (Math.abs(t[0] / seNaive) > 1.96) {
                naive++;
            }
        }
        double empirical = rejected / (double) REPLICATIONS;
        assertEquals(analytic, empirical, 0.03, "cluster difference with the design effect");
        assertTrue(naive / (double) REPLICATIONS > empirical + 0.1, "ignoring DE overstates power: " + naive);
    }

    @Test
    void aSteppedWedgeRejectsAsOftenAsItsVarianceSays() {
        // 12 municipalities in 4 steps (5 periods), 40 people a cell, cluster-period correlation 0.01
        int k = 12;
        int s = 4;
        double m = 40;
        double rho = 0.01;
        double mde = PowerCalc.steppedWedgeMde(k, s, m, 1, rho, ALPHA, POWER);
        double df = PowerCalc.steppedWedgeDf(k, s);
        assertEquals(43, df);
        double analytic = PowerCalc.power(mde, Math.sqrt(PowerCalc.steppedWedgeVariance(k, s, m, 1, rho)), ALPHA, df);
        assertEquals(POWER, analytic, 0.005);
        RealMatrix x = PowerCalc.steppedWedgeDesign(k, s);
        RealMatrix xtxInv = new LUDecomposition(x.transpose().multiply(x)).getSolver().getInverse();
        int theta = x.getColumnDimension() - 1;
        double tCrit = new TDistribution(null, df).inverseCumulativeProbability(1 - ALPHA / 2);
        double cellSd = Math.sqrt((1 - rho) / m + rho);
        Random random = new Random(4);
        int rejected = 0;
        double sumEstimate = 0;
        for (int r = 0; r < REPLICATIONS; r++) {
            double[] u = new double[k];
            for (int i = 0; i < k; i++) {
                u[i] = random.nextGaussian() * 0.3; // a large municipality effect: the fixed effects remove it
            }
            double[] y = new double[x.getRowDimension()];
            for (int row = 0; row < y.length; row++) {
                y[row] = u[row / (s + 1)] + 0.05 * (row % (s + 1)) + mde * x.getEntry(row, theta)
                        + cellSd * random.nextGaussian();
            }
            RealVector yv = MatrixUtils.createRealVector(y);
            RealVector beta = xtxInv.operate(x.transpose().operate(yv));
            RealVector resid = yv.subtract(x.operate(beta));
            double s2 = resid.dotProduct(resid) / df;
            double se = Math.sqrt(s2 * xtxInv.getEntry(theta, theta));
            sumEstimate += beta.getEntry(theta);
            if (Math.abs(beta.getEntry(theta) / se) > tCrit) {
                rejected++;
            }
        }
        assertEquals(analytic, rejected / (double) REPLICATIONS, 0.03);
        double se = Math.sqrt(PowerCalc.steppedWedgeVariance(k, s, m, 1, rho));
        assertEquals(mde, sumEstimate / REPLICATIONS, 3 * se / Math.sqrt(REPLICATIONS), "unbiased");
    }

    @Test
    void aSteppedWedgeNeedsEqualGroups() {
        assertThrows(IllegalArgumentException.class, () -> PowerCalc.steppedWedgeVariance(10, 4, 40, 1, 0.01));
    }

    @Test
    void aRegressionDiscontinuityLosesToTheSlopeItMustFit() {
        // uniform ages 40-60, cutoff 50, bandwidth 10: D and (age - 50) correlate at sqrt(3)/2, so the SE doubles
        Random random = new Random(5);
        int n = 2_000;
        double tau = 0.0;
        double[] age = new double[n];
        for (int i = 0; i < n; i++) {
            age[i] = 40 + 20 * random.nextDouble();
        }
        double r = correlation(age);
        assertEquals(Math.sqrt(3) / 2, r, 0.02);
        double mdeRd = PowerCalc.rdMde(1, n / 2.0, n / 2.0, r, ALPHA, POWER);
        assertEquals(2 * PowerCalc.lotteryMde(1, n / 2.0, n / 2.0, ALPHA, POWER), mdeRd, 0.05 * mdeRd);
        // simulate the local linear estimator at the planted jump tau = MDE with a slope of 0.02 a year
        tau = mdeRd;
        int rejected = 0;
        int biasedRejected = 0;
        for (int rep = 0; rep < 1_000; rep++) {
            double[][] xs = new double[n][];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                double c = age[i] - 50;
                double d = c >= 0 ? 1 : 0;
                xs[i] = new double[] {d, c, d * c};
                y[i] = tau * d + 0.02 * c + random.nextGaussian();
            }
            double[] fit = ols(xs, y, 3);
            if (Math.abs(fit[0] / fit[1]) > 1.96) {
                rejected++;
            }
            // near miss: leave the slope out and the jump absorbs it (bias 0.02 * 10 = 0.2)
            double[][] noSlope = new double[n][];
            for (int i = 0; i < n; i++) {
                noSlope[i] = new double[] {xs[i][0]};
            }
            double[] biased = ols(noSlope, y, 1);
            if (Math.abs(biased[0] - tau) > 0.1) {
                biasedRejected++;
            }
        }
        double analytic = PowerCalc.power(tau, PowerCalc.rdSe(1, n / 2.0, n / 2.0, r), ALPHA, PowerCalc.NORMAL);
        assertEquals(analytic, rejected / 1_000.0, 3 * Math.sqrt(0.16 / 1_000));
        assertTrue(biasedRejected > 900, "without the slope the jump is biased: " + biasedRejected);
    }

    @Test
    void aDifferenceInDifferencesCountsFourGroupsAndTheirShock() {
        // four groups of 400 at no shock: SE = sqrt(4/400) = 0.1; a shock of 0.01 multiplies each term by 4.99
        assertEquals(0.1, PowerCalc.didSe(1, 0, 400, 400, 400, 400), 1e-12);
        assertEquals(0.1 * Math.sqrt(4.99), PowerCalc.didSe(1, 0.01, 400, 400, 400, 400), 1e-12);
        assertEquals(2.8016 * 0.1, PowerCalc.didMde(1, 0, ALPHA, POWER, 400, 400, 400, 400), 1e-3);
    }

    @Test
    void theSampleNeededRoundTripsTheMde() {
        double sigma = 0.49;
        double needed = PowerCalc.lotteryNeeded(0.05, sigma, ALPHA, POWER);
        assertEquals(0.05, PowerCalc.lotteryMde(sigma, needed, needed, ALPHA, POWER), 0.0005);
        assertEquals(0.05, PowerCalc.lotteryMde(sigma, needed - 2, needed - 2, ALPHA, POWER), 0.0005);
        assertTrue(PowerCalc.lotteryMde(sigma, needed - 1, needed - 1, ALPHA, POWER) > 0.05 - 1e-9);
        assertTrue(PowerCalc.lotteryMde(sigma, needed, needed, ALPHA, POWER) <= 0.05);
        assertTrue(Double.isNaN(PowerCalc.lotteryNeeded(0, sigma, ALPHA, POWER)), "no effect to detect");
        double clusters = PowerCalc.clustersNeeded(0.05, sigma, 0.05, 25, 0, ALPHA, POWER);
        assertEquals(Math.ceil(needed * 2.2 / 25), clusters, 1);
    }

    private static double seOfBernoulli(double p1) {
        return PowerCalc.lotterySe(Math.sqrt(p1 * (1 - p1)), Math.sqrt(P0 * (1 - P0)), PER_ARM, PER_ARM);
    }

    /** The rejection rate of the difference in means (unpooled SE, normal test) over Bernoulli arms. */
    private static double lotteryRejectionRate(double delta, Random random) {
        double z = new NormalDistribution().inverseCumulativeProbability(1 - ALPHA / 2);
        int rejected = 0;
        for (int r = 0; r < REPLICATIONS; r++) {
            int t = 0;
            int c = 0;
            for (int i = 0; i < PER_ARM; i++) {
                t += random.nextDouble() < P0 + delta ? 1 : 0;
                c += random.nextDouble() < P0 ? 1 : 0;
            }
            double pt = t / (double) PER_ARM;
            double pc = c / (double) PER_ARM;
            double se = Math.sqrt(pt * (1 - pt) / PER_ARM + pc * (1 - pc) / PER_ARM);
            if (Math.abs(pt - pc) / se > z) {
                rejected++;
            }
        }
        return rejected / (double) REPLICATIONS;
    }

    /** {difference, pooled SE, within-arm variance of the means} of the first {@code nT} values against the rest. */
    private static double[] twoSample(double[] v, int nT) {
        double mt = 0;
        double mc = 0;
        for (int i = 0; i < v.length; i++) {
            if (i < nT) {
                mt += v[i] / nT;
            } else {
                mc += v[i] / (v.length - nT);
            }
        }
        double ss = 0;
        for (int i = 0; i < v.length; i++) {
            double d = v[i] - (i < nT ? mt : mc);
            ss += d * d;
        }
        double s2 = ss / (v.length - 2);
        return new double[] {mt - mc, Math.sqrt(s2 * (1.0 / nT + 1.0 / (v.length - nT))), s2};
    }

    private static double correlation(double[] age) {
        double[] d = new double[age.length];
        double[] c = new double[age.length];
        for (int i = 0; i < age.length; i++) {
            c[i] = age[i] - 50;
            d[i] = c[i] >= 0 ? 1 : 0;
        }
        return new org.apache.commons.math3.stat.correlation.PearsonsCorrelation().correlation(d, c);
    }

    /** {first coefficient, its classical SE} of an OLS fit with an intercept. */
    private static double[] ols(double[][] x, double[] y, int p) {
        var ols = new org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression();
        ols.newSampleData(y, x);
        return new double[] {ols.estimateRegressionParameters()[1], ols.estimateRegressionParametersStandardErrors()[1]};
    }
}
