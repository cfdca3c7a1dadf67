package nl.fieldlab.sandbox.evaluation;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;

/**
 * The estimators a pilot of an exemption would use, each the one whose power {@link PowerCalc} computes: the
 * difference in means of a lottery, the difference of cluster means when employers are randomised, and the
 * cell-means regression of a complete stepped wedge. Difference in differences and the regression discontinuity
 * are analytic only in this version: no estimator here runs them on simulated pilots.
 */
public final class Estimators {

    /** An estimate with its standard error and the degrees of freedom of its test (infinite: normal). */
    public record Estimate(double theta, double se, double df) {

        /** Whether a two-sided test at {@code alpha} rejects no effect. */
        public boolean rejects(double alpha) {
            if (!(se > 0)) {
                return false;
            }
            double c = Double.isInfinite(df) ? new NormalDistribution(null, 0, 1).inverseCumulativeProbability(1 - alpha / 2)
                    : new TDistribution(null, df).inverseCumulativeProbability(1 - alpha / 2);
            return Math.abs(theta / se) > c;
        }

        /** The lower and upper ends of the {@code 1 - alpha} confidence interval. */
        public double[] interval(double alpha) {
            double c = Double.isInfinite(df) ? new NormalDistribution(null, 0, 1).inverseCumulativeProbability(1 - alpha / 2)
                    : new TDistribution(null, df).inverseCumulativeProbability(1 - alpha / 2);
            return new double[] {theta - c * se, theta + c * se};
        }
    }

    private Estimators() {
    }

    /**
     * A lottery's intention-to-treat effect: the treated arm's mean less the control arm's, with the unpooled
     * (Welch) standard error and a normal test, as for large arms of individuals.
     */
    public static Estimate differenceInMeans(Moments treated, Moments control) {
        double se = Math.sqrt(treated.variance() / treated.n() + control.variance() / control.n());
        return new Estimate(treated.mean() - control.mean(), se, PowerCalc.NORMAL);
    }

    /** The same over individual outcomes. */
    public static Estimate differenceInMeans(double[] treated, double[] control) {
        return differenceInMeans(Moments.of(treated), Moments.of(control));
    }

    /**
     * The effect when whole employers are randomised: the difference between the arms' means of employer means,
     * each employer one observation, the pooled variance and a t test at clusters less two degrees of freedom.
     * Analysing clusters as units keeps the test honest whatever the intra-cluster correlation.
     */
    public static Estimate clusterDifference(double[] treatedMeans, double[] controlMeans) {
        Moments t = Moments.of(treatedMeans);
        Moments c = Moments.of(controlMeans);
        double df = t.n() + c.n() - 2;
        double pooled = ((t.n() - 1) * t.variance() + (c.n() - 1) * c.variance()) / df;
        double se = Math.sqrt(pooled * (1 / t.n() + 1 / c.n()));
        return new Estimate(t.mean() - c.mean(), se, df);
    }

    /**
     * A complete stepped wedge's effect: least squares on the cluster-period means (cluster-major, {@code steps +
     * 1} periods a cluster) with cluster and period fixed effects, equal cell sizes so that the weights are equal;
     * t at {@link PowerCalc#steppedWedgeDf} degrees of freedom.
     */
    public static Estimate steppedWedge(double[] cellMeans, int clusters, int steps) {
        RealMatrix x = PowerCalc.steppedWedgeDesign(clusters, steps);
        RealMatrix xtxInv = new LUDecomposition(x.transpose().multiply(x)).getSolver().getInverse();
        RealVector y = MatrixUtils.createRealVector(cellMeans);
        RealVector beta = xtxInv.operate(x.transpose().operate(y));
        RealVector resid = y.subtract(x.operate(beta));
        double df = PowerCalc.steppedWedgeDf(clusters, steps);
        int theta = x.getColumnDimension() - 1;
        double se = Math.sqrt(resid.dotProduct(resid) / df * xtxInv.getEntry(theta, theta));
        return new Estimate(beta.getEntry(theta), se, df);
    }
}
