package nl.fieldlab.sandbox.evaluation;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Minimum detectable effect (MDE), power and sample needed for the five pilot designs: an individual lottery, a
 * randomisation of employers (clusters), a stepped wedge across municipalities, a difference in differences
 * against comparison regions and a regression discontinuity at an age limit. Two-sided tests at {@code alpha}.
 *
 * <p>The MDE is {@code M * SE} with {@code M = z(1 - alpha/2) + z(power)} (Bloom 1995, <i>Evaluation Review</i>
 * 19(5):547-556); with few units (clusters, cluster-periods) the quantiles are Student's t at the design's degrees
 * of freedom (Bloom 2005, <i>Learning More from Social Experiments</i>, ch. 4). Power at an effect is the
 * probability that the estimate's |t| exceeds the critical value, both tails counted, so that power at no effect
 * is {@code alpha}; up to the far tail it inverts the MDE formula ({@code power(mde(p)) = p}).
 */
public final class PowerCalc {

    /** Degrees of freedom that stand for "normal": large samples of individuals. */
    public static final double NORMAL = Double.POSITIVE_INFINITY;

    private static final NormalDistribution Z = new NormalDistribution(null, 0, 1);

    private PowerCalc() {
    }

    /** {@code q(1 - alpha/2) + q(power)}, the quantiles normal when {@code df} is infinite, else Student's t. */
    public static double multiplier(double alpha, double power, double df) {
        return quantile(1 - alpha / 2, df) + quantile(power, df);
    }

    /** The smallest true effect that a test at {@code alpha} detects with probability {@code power}. */
    public static double mde(double se, double alpha, double power, double df) {
        return multiplier(alpha, power, df) * se;
    }

    /**
     * The probability that a two-sided test at {@code alpha} rejects when the true effect is {@code effect} and
     * the estimate's standard error is {@code se}: {@code F(|d| - c) + F(-|d| - c)} with {@code d = effect/se}
     * and {@code F} the normal or t distribution (the shifted-central approximation to the noncentral t).
     */
    public static double power(double effect, double se, double alpha, double df) {
        if (!(se > 0)) {
            return Double.NaN;
        }
        double d = Math.abs(effect) / se;
        double c = quantile(1 - alpha / 2, df);
        return cdf(d - c, df) + cdf(-d - c, df);
    }

    /** The standard error of a difference in means between arms of {@code nT} and {@code nC} people. */
    public static double lotterySe(double sigmaT, double sigmaC, double nT, double nC) {
        return Math.sqrt(sigmaT * sigmaT / nT + sigmaC * sigmaC / nC);
    }

    /** A lottery's MDE on the intention-to-treat effect, one outcome SD {@code sigma} in both arms. */
    public static double lotteryMde(double sigma, double nT, double nC, double alpha, double power) {
        return mde(lotterySe(sigma, sigma, nT, nC), alpha, power, NORMAL);
    }

    /**
     * People per arm (1:1) a lottery needs to detect {@code effect} with {@code power}: {@code 2 M^2 sigma^2 /
     * effect^2}, rounded up. NaN when there is no effect to detect ({@code effect} zero or not a number).
     */
    public static double lotteryNeeded(double effect, double sigma, double alpha, double power) {
        if (!(Math.abs(effect) > 0)) {
            return Double.NaN;
        }
        double m = multiplier(alpha, power, NORMAL);
        return Math.ceil(2 * m * m * sigma * sigma / (effect * effect));
    }

    /**
     * The design effect of clusters of mean size {@code meanSize} whose sizes vary with coefficient of variation
     * {@code cv}, at intra-cluster correlation {@code icc}: {@code 1 + ((cv^2 + 1) m - 1) icc} (Eldridge, Ashby
     * and Kerry 2006, <i>Int J Epidemiol</i> 35:1292-1300). With equal sizes it is Kish's {@code 1 + (m - 1) icc}.
     */
    public static double designEffect(double meanSize, double cv, double icc) {
        return 1 + ((cv * cv + 1) * meanSize - 1) * icc;
    }

    /**
     * The standard error of an individual-level difference between arms of {@code jT} and {@code jC} clusters of
     * {@code meanSize} people, inflated by the design effect.
     */
    public static double clusterSe(double sigma, double icc, double meanSize, double cv, int jT, int jC) {
        double de = designEffect(meanSize, cv, icc);
        return sigma * Math.sqrt(de * (1.0 / (jT * meanSize) + 1.0 / (jC * meanSize)));
    }

    /** Degrees of freedom of a comparison of cluster means: clusters less two. */
    public static double clusterDf(int jT, int jC) {
        return jT + jC - 2;
    }

    /** MDE when whole clusters (employers) are randomised, t at clusters less two degrees of freedom. */
    public static double clusterMde(double sigma, double icc, double meanSize, double cv, int jT, int jC,
            double alpha, double power) {
        return mde(clusterSe(sigma, icc, meanSize, cv, jT, jC), alpha, power, clusterDf(jT, jC));
    }

    /**
     * Clusters per arm (1:1) needed to detect {@code effect}: {@code 2 M^2 sigma^2 DE / (m effect^2)}, normal
     * quantiles, rounded up. NaN when there is no effect to detect.
     */
    public static double clustersNeeded(double effect, double sigma, double icc, double meanSize, double cv,
            double alpha, double power) {
        if (!(Math.abs(effect) > 0)) {
            return Double.NaN;
        }
        double m = multiplier(alpha, power, NORMAL);
        double de = designEffect(meanSize, cv, icc);
        return Math.ceil(2 * m * m * sigma * sigma * de / (meanSize * effect * effect));
    }

    /**
     * The variance of the treatment effect in a complete stepped wedge: {@code clusters} municipalities cross over
     * in {@code steps} equal groups, one group per step, over {@code steps + 1} periods; each cluster-period mean
     * holds {@code perCell} people. The model has cluster and period fixed effects, so the between-cluster ICC
     * drops out and only the cluster-period correlation {@code rhoCp} is left (Hussey and Hughes 2007, <i>Contemp
     * Clin Trials</i> 28:182-191, with fixed cluster effects; Hooper et al. 2016, <i>Stat Med</i> 35:4718-4728).
     * Weighted least squares on the cell means, the weight {@code 1/(sigma_e^2/m + sigma_cp^2)}.
     */
    public static double steppedWedgeVariance(int clusters, int steps, double perCell, double sigma, double rhoCp) {
        if (steps < 1 || clusters < steps || clusters % steps != 0) {
            throw new IllegalArgumentException("a complete stepped wedge needs the clusters (" + clusters
                    + ") in equal groups, one per step (" + steps + ")");
        }
        int periods = steps + 1;
        double cellVariance = (1 - rhoCp) * sigma * sigma / perCell + rhoCp * sigma * sigma;
        RealMatrix x = steppedWedgeDesign(clusters, steps);
        RealMatrix info = x.transpose().multiply(x).scalarMultiply(1 / cellVariance);
        RealMatrix inverse = new LUDecomposition(info).getSolver().getInverse();
        int theta = clusters + periods - 1;
        return inverse.getEntry(theta, theta);
    }

    /**
     * The design matrix of a complete stepped wedge, one row per cluster-period (cluster-major): cluster dummies,
     * dummies for periods 2..S+1, and the treatment indicator last. Group {@code g} (clusters {@code g*K/S} ..)
     * is treated from period {@code g + 1} on (0-based), so no one is treated in period 0 and all in the last.
     */
    public static RealMatrix steppedWedgeDesign(int clusters, int steps) {
        int periods = steps + 1;
        int perGroup = clusters / steps;
        RealMatrix x = MatrixUtils.createRealMatrix(clusters * periods, clusters + periods);
        for (int i = 0; i < clusters; i++) {
            int start = i / perGroup + 1;
            for (int j = 0; j < periods; j++) {
                int row = i * periods + j;
                x.setEntry(row, i, 1);
                if (j > 0) {
                    x.setEntry(row, clusters + j - 1, 1);
                }
                x.setEntry(row, clusters + periods - 1, j >= start ? 1 : 0);
            }
        }
        return x;
    }

    /**
     * Residual degrees of freedom of the stepped wedge's cell-means regression: cells less parameters,
     * {@code K(S+1) - K - (S+1)}. (The design note had one fewer; the regression has K + S + 1 parameters.)
     */
    public static double steppedWedgeDf(int clusters, int steps) {
        return (double) clusters * (steps + 1) - clusters - (steps + 1);
    }

    /** MDE of a complete stepped wedge. */
    public static double steppedWedgeMde(int clusters, int steps, double perCell, double sigma, double rhoCp,
            double alpha, double power) {
        double se = Math.sqrt(steppedWedgeVariance(clusters, steps, perCell, sigma, rhoCp));
        return mde(se, alpha, power, steppedWedgeDf(clusters, steps));
    }

    /**
     * The standard error of a 2x2 difference in differences, {@code (T1 - T0) - (C1 - C0)}, whose four groups
     * ({@code n[0..3]}: treated after, treated before, comparison after, comparison before) each share a
     * region-period shock with correlation {@code rhoRp}: {@code sigma^2 * sum DE_g / n_g}, {@code DE_g = 1 +
     * (n_g - 1) rhoRp}. With one treated region the interval rests on the declared {@code rhoRp} (Conley and
     * Taber 2011, <i>REStat</i> 93:113-125).
     */
    public static double didSe(double sigma, double rhoRp, double... n) {
        double v = 0;
        for (double g : n) {
            v += (1 + (g - 1) * rhoRp) / g;
        }
        return sigma * Math.sqrt(v);
    }

    /** MDE of a 2x2 difference in differences (normal quantiles). */
    public static double didMde(double sigma, double rhoRp, double alpha, double power, double... n) {
        return mde(didSe(sigma, rhoRp, n), alpha, power, NORMAL);
    }

    /**
     * The standard error of a local linear regression discontinuity with {@code nLeft} and {@code nRight} people
     * either side of the cutoff: the randomised experiment's SE inflated by {@code 1/sqrt(1 - r^2)}, {@code r}
     * the correlation between the treatment indicator and the centred running variable in the bandwidth sample
     * (Schochet 2009, <i>J Educ Behav Stat</i> 34:238-266).
     */
    public static double rdSe(double sigma, double nLeft, double nRight, double r) {
        return lotterySe(sigma, sigma, nRight, nLeft) / Math.sqrt(1 - r * r);
    }

    /** MDE of a local linear regression discontinuity (normal quantiles). */
    public static double rdMde(double sigma, double nLeft, double nRight, double r, double alpha, double power) {
        return mde(rdSe(sigma, nLeft, nRight, r), alpha, power, NORMAL);
    }

    private static double quantile(double p, double df) {
        return Double.isInfinite(df) ? Z.inverseCumulativeProbability(p)
                : new TDistribution(null, df).inverseCumulativeProbability(p);
    }

    private static double cdf(double x, double df) {
        return Double.isInfinite(df) ? Z.cumulativeProbability(x) : new TDistribution(null, df).cumulativeProbability(x);
    }
}
