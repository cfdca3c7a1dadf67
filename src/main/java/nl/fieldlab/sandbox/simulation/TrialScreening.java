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
    private final double badMatchCostMonths;
    private final double apprenticeProductivity;
    private final double badChance;
    /** What a trial of the standard length offers a candidate of full wage value: where the offer rate holds. */
    private final double reference;

    TrialScreening(Behaviour b) {
        offerRate = b.get("hire.trial-offer-rate");
        gapProductivity = b.get("hire.gap-productivity");
        monthsToBridge = b.get("trial.months-to-bridge-gap");
        monthsToLearn = b.get("trial.months-to-learn");
        badMatchCostMonths = b.get("hire.bad-match-cost-months");
        apprenticeProductivity = b.get("apprentice.productivity");
        badChance = new MatchQuality(b).badChance(true);
        int standard = (int) Math.round(monthsToLearn);
        reference = gainMonths(standard, 1) + riskRemovedMonths(standard);
    }

    /**
     * The chance an employer that has turned down the direct hire of a candidate with a small skills gap offers a
     * trial of {@code months}: the offer rate, scaled by what the trial gives the employer (unpaid output and the
     * bad-match risk it removes) against what a trial of the standard length gives for a candidate of full wage value.
     *
     * @param wageValue the candidate's wage value (productivity in a job that fits, as a share)
     */
    double offerChance(int months, double wageValue) {
        if (months < 1) {
            return 0;
        }
        return Math.min(1, offerRate * (gainMonths(months, wageValue) + riskRemovedMonths(months)) / reference);
    }

    /** The employer's gain from a trial: the unpaid output over its months, in months of the job's normal wage. */
    double gainMonths(int months, double wageValue) {
        double sum = 0;
        for (int t = 0; t < months; t++) {
            sum += wageValue * skill(t + 0.5, true);
        }
        return sum;
    }

    /** The risk a trial takes away: the expected bad-match loss it shows before a hire, in months of the normal wage. */
    double riskRemovedMonths(int months) {
        return badChance * learnt(months) * badMatchCostMonths;
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
     * The same for a gap of relative size {@code s} (mechanism skill-distance: the skill distance over the distance of
     * a small gap): the start productivity falls from 1 at s = 0 by s times the small gap's shortfall, not below an
     * apprentice's, and the gap takes s times as long to bridge. At s = 0 and s = 1 it is exactly the no-gap and the
     * gap value, so the calibrated gap productivity keeps its meaning.
     */
    double skill(double monthsWorked, double s) {
        if (s == 0 || s == 1) {
            return skill(monthsWorked, s == 1);
        }
        double start = Math.max(apprenticeProductivity, 1 - s * (1 - gapProductivity));
        return start + (1 - start) * Math.min(1, monthsWorked / (s * monthsToBridge));
    }

    /** {@link #firstYearSkill(double, boolean)} for a gap of relative size {@code s} (see {@link #skill(double, double)}). */
    double firstYearSkill(double monthsDone, double s) {
        if (s == 0 || s == 1) {
            return firstYearSkill(monthsDone, s == 1);
        }
        double sum = 0;
        for (int t = 0; t < MatchQuality.PROBATION_MONTHS; t++) {
            sum += skill(monthsDone + t + 0.5, s);
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
