package nl.fieldlab.sandbox.simulation;

import nl.fieldlab.sandbox.scenario.Behaviour;

/**
 * Mechanism {@code age-gradient}: employers reach out to older job seekers less, and the less the older they are. A
 * job seeker's monthly chance of reaching a vacancy is multiplied by the factor of their age band: 1 under 50, then
 * one factor each for 50-54, 55-59 and 60 and over (behaviour values {@code search.age-factor.<band>}). Published
 * exit rates fall steeply towards the pension age: 45 % of the unemployed aged 55 found a job within a year against
 * almost 20 % of those aged 60 (Kamerstuk 29 544 nr. 497), so one factor for everyone from 50 placed the 60-plus as
 * often as the 55-59s. This class is the one place the age factor lives; {@link JobSearch} asks it.
 */
final class AgeGradient {

    static final String ID = "age-gradient";

    /** The ages from which each factor holds, youngest first; under the first the factor is 1. */
    static final int[] BAND_STARTS = {50, 55, 60};
    static final String[] BAND_NAMES = {"50-54", "55-59", "60-plus"};

    private final double[] factors = new double[BAND_STARTS.length];

    AgeGradient(Behaviour b) {
        for (int i = 0; i < factors.length; i++) {
            factors[i] = b.get("search.age-factor." + BAND_NAMES[i]);
        }
    }

    /** The contact multiplier at {@code age} (whole years). */
    double contactFactor(int age) {
        double f = 1;
        for (int i = 0; i < BAND_STARTS.length && age >= BAND_STARTS[i]; i++) {
            f = factors[i];
        }
        return f;
    }
}
