package nl.fieldlab.sandbox.evaluation;

import nl.fieldlab.sandbox.stats.Summary;

/**
 * What a pilot of an exemption held to its cap can show, from a rollout run's numbers: the arms a lottery at the cap
 * would have, the minimum detectable effect on an outcome some months after intake, the power against the simulated
 * effect, and the sample needed for it.
 *
 * <p>The cap as a sample (design note §2.4): of the {@code eligible} intake, a share {@code c = participants /
 * eligible} takes part when offered. A lottery at the cap offers {@code nT = min(N/2, cap/c)} people, so that its
 * participants fill the cap, and leaves {@code nC = N - nT} as controls; without a cap the arms are equal. At month
 * {@code k} only the intakes at least {@code k} months before the horizon are observed, so both arms shrink by
 * {@code observed / eligible}.
 *
 * @param treated people offered in the treated arm, observed at the month
 * @param control people in the control arm, observed at the month
 * @param takeUp  participants per eligible person offered, in the rollout
 */
public record AtCap(double treated, double control, double takeUp) {

    /**
     * The arms of a lottery at the cap.
     *
     * @param cap the cap in participants; 0 or not a number when the exemption has none
     */
    public static AtCap of(double eligible, double observed, double participants, double cap) {
        if (!(eligible > 0)) {
            return new AtCap(0, 0, Double.NaN);
        }
        double c = participants / eligible;
        double nT = cap > 0 && c > 0 ? Math.min(eligible / 2, cap / c) : eligible / 2;
        double seen = observed / eligible;
        return new AtCap(nT * seen, (eligible - nT) * seen, c);
    }

    /** A lottery's MDE on a share whose control value is {@code p}. */
    public double lotteryMde(double p, double alpha, double power) {
        return PowerCalc.lotteryMde(sd(p), treated, control, alpha, power);
    }

    /** A lottery's power against the effect {@code effect} on a share whose control value is {@code p}. */
    public double lotteryPower(double effect, double p, double alpha) {
        return PowerCalc.power(effect, PowerCalc.lotterySe(sd(p), sd(p), treated, control), alpha, PowerCalc.NORMAL);
    }

    /**
     * MDE when {@code employers} employers are drawn half and half, the same people spread over them at
     * intra-cluster correlation {@code icc} (approximate: people are not attached to an employer before a hire).
     */
    public double employerMde(double p, int employers, double icc, double alpha, double power) {
        if (employers < 4) {
            return Double.NaN;
        }
        int jT = employers / 2;
        int jC = employers - jT;
        double perEmployer = (treated + control) / employers;
        return PowerCalc.clusterMde(sd(p), icc, perEmployer, 0, jT, jC, alpha, power);
    }

    /**
     * MDE of a 2x2 difference in differences: the eligible intake in the region before and after, against
     * comparison regions with as many people (an assumption), sharing a region-period shock {@code rho}.
     */
    public double didMde(double p, double rho, double alpha, double power) {
        double n = treated + control;
        return PowerCalc.didMde(sd(p), rho, alpha, power, n, n, n, n);
    }

    /**
     * People per arm a lottery needs to detect the simulated effect; NaN (no effect to detect) when its interval
     * holds zero.
     */
    public static double needed(Summary effect, double p, double alpha, double power) {
        if (effect == null || effect.n() < 2 || !effect.excludesZero()) {
            return Double.NaN;
        }
        return PowerCalc.lotteryNeeded(effect.mean(), sd(p), alpha, power);
    }

    private static double sd(double p) {
        return Math.sqrt(p * (1 - p));
    }
}
