package nl.fieldlab.sandbox.simulation;

import nl.fieldlab.sandbox.scenario.Behaviour;

/**
 * Mechanism {@code match-quality}: a hire's productivity in the job is the expected one times a match factor the
 * employer learns only by working with the worker; a bad match ends more often in the first year.
 */
final class MatchQuality {

    static final String ID = "match-quality";
    /** The first year of a job: probation, or a first fixed-term contract. */
    static final int PROBATION_MONTHS = 12;

    private final double sd;
    private final double sdGap;
    private final double badThreshold;
    private final double badMatchRate;

    MatchQuality(Behaviour b) {
        sd = b.get("match.quality-sd");
        sdGap = b.get("match.quality-sd.gap");
        badThreshold = b.get("match.bad-threshold");
        badMatchRate = b.get("retention.bad-match-rate");
    }

    /** The match factor for a standard normal draw: mean 1, kept between 0.2 and 1.8; more spread with a gap. */
    double factor(double standardNormal, boolean gap) {
        return Math.max(0.2, Math.min(1.8, 1 + (gap ? sdGap : sd) * standardNormal));
    }

    /** The chance, before anything is learnt, that a match turns out bad. */
    double badChance(boolean gap) {
        double z = (badThreshold - 1) / (gap ? sdGap : sd);
        return 0.5 * org.apache.commons.math3.special.Erf.erfc(-z / Math.sqrt(2));
    }

    /**
     * The match factor for a gap of relative size {@code s} (mechanism skill-distance): the spread rises from the
     * no-gap spread at s = 0 to the gap spread at s = 1 and stays there; exactly the boolean values at 0 and 1 and above.
     */
    double factor(double standardNormal, double s) {
        return s == 0 || s >= 1 ? factor(standardNormal, s >= 1)
                : Math.max(0.2, Math.min(1.8, 1 + spread(s) * standardNormal));
    }

    /** {@link #badChance(boolean)} for a gap of relative size {@code s}. */
    double badChance(double s) {
        if (s == 0 || s >= 1) {
            return badChance(s >= 1);
        }
        double z = (badThreshold - 1) / spread(s);
        return 0.5 * org.apache.commons.math3.special.Erf.erfc(-z / Math.sqrt(2));
    }

    private double spread(double s) {
        return sd + Math.min(1, s) * (sdGap - sd);
    }

    /** Whether a match this good is a bad one. */
    boolean bad(double factor) {
        return factor < badThreshold;
    }

    /** The extra monthly chance that the job ends, in month {@code monthsInJob} (0 = the first) of the job. */
    double extraSeparation(double factor, int monthsInJob) {
        return bad(factor) && monthsInJob < PROBATION_MONTHS ? badMatchRate : 0;
    }
}
