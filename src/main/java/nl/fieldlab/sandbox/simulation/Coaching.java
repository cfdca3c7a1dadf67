package nl.fieldlab.sandbox.simulation;

import nl.fieldlab.sandbox.scenario.Behaviour;

/**
 * Mechanism {@code coaching}: a provider paid per outcome coaches a capped cohort for a few months, picking most of
 * it by predicted job chance (cream-skimming); coached workers reach and win vacancies more often (the boosts are in
 * {@link JobSearch} and {@link Hiring}).
 */
final class Coaching {

    static final String ID = "coaching";

    private final int months;
    private final double creamSkimming;

    Coaching(Behaviour b) {
        months = (int) Math.round(b.get("coaching.months"));
        creamSkimming = b.get("coaching.cream-skimming");
    }

    /** Months a coaching project lasts. */
    int months() {
        return months;
    }

    /** The share of a cohort picked by predicted job chance; the rest is picked at random. */
    double creamSkimming() {
        return creamSkimming;
    }
}
