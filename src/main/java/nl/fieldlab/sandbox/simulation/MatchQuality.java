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
    private final double badThreshold;
    private final double badMatchRate;

    MatchQuality(Behaviour b) {
        sd = b.get("match.quality-sd");
        badThreshold = b.get("match.bad-threshold");
        badMatchRate = b.get("retention.bad-match-rate");
    }

    /** The match factor for a standard normal draw: mean 1, kept between 0.2 and 1.8. */
    double factor(double standardNormal) {
        return Math.max(0.2, Math.min(1.8, 1 + sd * standardNormal));
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
