package nl.fieldlab.sandbox.simulation;

import nl.fieldlab.sandbox.scenario.Behaviour;

/**
 * Mechanism {@code trial-screening}: an employer offers a trial placement to a candidate with a small skills gap;
 * during it the employer learns the match and the worker gains job-specific skill, and at the end the employer hires
 * with the hiring chance at what it has learnt. A longer trial helps only where skill or screening still had
 * something to add.
 */
final class TrialScreening {

    static final String ID = "trial-screening";

    private final double offerRate;
    private final double gapProductivity;
    private final double monthsToBridge;
    private final double monthsToLearn;

    TrialScreening(Behaviour b) {
        offerRate = b.get("hire.trial-offer-rate");
        gapProductivity = b.get("hire.gap-productivity");
        monthsToBridge = b.get("trial.months-to-bridge-gap");
        monthsToLearn = b.get("trial.months-to-learn");
    }

    /** The chance an employer proposes a trial placement to a candidate with a small skills gap. */
    double offerRate() {
        return offerRate;
    }

    /**
     * A candidate's productivity in the job after {@code monthsWorked} months of doing it: from the gap productivity,
     * rising in proportion to the months it takes to bridge the gap (job-specific skill).
     */
    double skill(double monthsWorked, boolean gap) {
        if (!gap) {
            return 1;
        }
        return gapProductivity + (1 - gapProductivity) * Math.min(1, monthsWorked / monthsToBridge);
    }

    /** A candidate's average productivity over the first year of a job started with {@code monthsDone} months done. */
    double firstYearSkill(double monthsDone, boolean gap) {
        double sum = 0;
        for (int t = 0; t < MatchQuality.PROBATION_MONTHS; t++) {
            sum += skill(monthsDone + t + 0.5, gap);
        }
        return sum / MatchQuality.PROBATION_MONTHS;
    }

    /**
     * What the employer believes of the match after a trial of {@code months}: the true factor for the share it has
     * learnt, the prior (1) for the rest.
     */
    double learntMatch(double months, double trueFactor) {
        double learnt = learnt(months);
        return learnt * trueFactor + (1 - learnt);
    }

    /**
     * The months after which a trial shows the employer nothing more: the match fully learnt and the skills gap
     * bridged. An employer uses a trial for that long where the rules allow it (an extension, E2's longer trial), and
     * decides once, at its end; a longer allowance adds nothing beyond this.
     */
    int monthsWithSomethingToShow() {
        return (int) Math.ceil(Math.max(monthsToLearn, monthsToBridge));
    }

    /** The share of the match the employer has learnt after a trial of {@code months}. */
    double learnt(double months) {
        return Math.min(1, months / monthsToLearn);
    }
}
