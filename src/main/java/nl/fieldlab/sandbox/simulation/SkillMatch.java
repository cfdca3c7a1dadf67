package nl.fieldlab.sandbox.simulation;

import nl.fieldlab.sandbox.scenario.Behaviour;

/**
 * Mechanism {@code skill-distance}: in a scenario with a skills taxonomy, the share of a job's essential skills a
 * candidate lacks sets the gap: none at 0, small up to {@code skills.small-gap-distance}, large beyond; and its size
 * relative to a small gap, s, sizes the first-year productivity, the months to bridge it and the match spread
 * ({@link TrialScreening#skill(double, double)}, {@link MatchQuality#factor(double, double)}), anchored so that a gap
 * of the small-gap distance has exactly the calibrated small-gap values.
 */
final class SkillMatch {

    static final String ID = "skill-distance";

    enum Gap { NONE, SMALL, LARGE }

    private final double smallGap;

    SkillMatch(Behaviour b) {
        smallGap = b.get("skills.small-gap-distance");
    }

    /** The gap's size relative to a small one: 0 for no gap, 1 at the small-gap distance. */
    double s(double distance) {
        return distance / smallGap;
    }

    /** The gap class of a distance: none at 0, small up to the small-gap distance, large above it. */
    Gap gap(double distance) {
        return distance == 0 ? Gap.NONE : distance <= smallGap ? Gap.SMALL : Gap.LARGE;
    }
}
