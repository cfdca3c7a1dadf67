package nl.fieldlab.sandbox.simulation;

import nl.fieldlab.sandbox.scenario.Behaviour;

/**
 * Mechanism {@code apprenticeship}: a recognised training company may take on a career switcher with a large skills
 * gap as a paid BBL apprentice (employment contract plus course). It weighs the hire with {@link Hiring}, at apprentice
 * productivity during the course, against its wage cost plus the course net of what the rules pay the host employer.
 */
final class Apprenticeship {

    static final String ID = "apprenticeship";

    private final double offerRate;
    private final double productivity;

    Apprenticeship(Behaviour b) {
        offerRate = b.get("apprentice.offer-rate");
        productivity = b.get("apprentice.productivity");
    }

    /** The chance that a training company considers a career switcher for an apprenticeship. */
    double offerRate() {
        return offerRate;
    }

    /**
     * An apprentice's average productivity over the first year: apprentice productivity for the course months, then
     * full.
     */
    double firstYearProductivity(int courseMonths) {
        int during = Math.min(courseMonths, MatchQuality.PROBATION_MONTHS);
        return (during * productivity + (MatchQuality.PROBATION_MONTHS - during)) / MatchQuality.PROBATION_MONTHS;
    }
}
