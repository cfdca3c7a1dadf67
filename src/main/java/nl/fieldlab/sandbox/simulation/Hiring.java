package nl.fieldlab.sandbox.simulation;

import nl.fieldlab.sandbox.scenario.Behaviour;

/**
 * Mechanism {@code hiring}: an employer hires a candidate with a chance that rises with what the work is worth (the
 * candidate's expected productivity times the job's normal wage, less expected sickness) against what the employer
 * pays after the rules' subsidies, dispensations, wage-cost advantages and no-risk cover.
 *
 * <p>The chance is {@code base * (worth / cost) ^ elasticity}, at most 1. Valuing the work at the job's normal wage,
 * not at the wage paid, is what lets an instrument that lowers the wage paid (wage dispensation, E5) raise hiring:
 * the worker's output does not fall with the wage.
 */
final class Hiring {

    static final String ID = "hiring";

    private final double base;
    private final double elasticity;
    private final double sicknessShare;
    private final double sicknessShareDisabled;
    private final double coachingBoost;
    private final double badMatchCostMonths;

    Hiring(Behaviour b) {
        badMatchCostMonths = b.get("hire.bad-match-cost-months");
        base = b.get("hire.base");
        elasticity = b.get("hire.cost-elasticity");
        sicknessShare = b.get("hire.sickness-share");
        sicknessShareDisabled = b.get("hire.sickness-share.disabled");
        coachingBoost = b.get("coaching.hire-boost");
    }

    /**
     * What the employer weighs.
     *
     * @param productivity   the candidate's expected productivity in the job over the first year, as a share of a
     *                       worker who fits it (wage value, ramp-up, apprentice time at school, what a trial showed)
     * @param normalWage     the job's normal monthly wage (the collective-agreement wage, at least the minimum wage,
     *                       with holiday allowance) for the contract hours
     * @param netCost        what the employer pays a month on average over the first year, after everything the
     *                       rules pay it (subsidies, wage-cost advantages, sickness benefit under the no-risk policy,
     *                       training grants) and everything it pays (wage, course fees)
     * @param otherWorth     money a month the hire is worth to the employer beyond the work (social-return credit
     *                       while its obligation is unmet), in euro
     * @param disabled       the candidate has an occupational disability (more sickness expected)
     * @param coached        a provider coaches the candidate
     * @param badMatchRisk   the chance the employer sees that the hire turns out a bad match (a trial lowers it)
     * @param sicknessCarried someone else carries the worker's sickness: the firm pays only for the hours worked (a
     *                       cooperative's placed member, whose sick hours the cooperative does not invoice)
     */
    record Offer(double productivity, double normalWage, double netCost, double otherWorth, boolean disabled,
            boolean coached, double badMatchRisk, boolean sicknessCarried) {

        Offer(double productivity, double normalWage, double netCost, double otherWorth, boolean disabled,
                boolean coached, double badMatchRisk) {
            this(productivity, normalWage, netCost, otherWorth, disabled, coached, badMatchRisk, false);
        }

        Offer(double productivity, double normalWage, double netCost, double otherWorth, boolean disabled,
                boolean coached) {
            this(productivity, normalWage, netCost, otherWorth, disabled, coached, 0);
        }
    }

    /**
     * What the work is worth to the employer a month over the first year: output at the normal wage, less sickness
     * and the expected loss on a bad match, plus other worth.
     */
    double worth(Offer o) {
        // sick hours that are not invoiced lower worth and cost alike: leaving both out keeps their ratio
        double sick = o.sicknessCarried() ? 0 : sicknessShare(o.disabled());
        double badMatch = o.badMatchRisk() * badMatchCostMonths / MatchQuality.PROBATION_MONTHS;
        return (o.productivity() * (1 - sick) - badMatch) * o.normalWage() + o.otherWorth();
    }

    /** The share of working time an employer expects a worker to be sick. */
    double sicknessShare(boolean disabled) {
        return disabled ? sicknessShareDisabled : sicknessShare;
    }

    /** The chance the employer hires. */
    double chance(Offer o) {
        double ratio = worth(o) / Math.max(o.netCost(), 1);
        double chance = base * Math.pow(Math.max(ratio, 0), elasticity);
        if (o.coached()) {
            chance *= 1 + coachingBoost;
        }
        return Math.min(1, chance);
    }
}
