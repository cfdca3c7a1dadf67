package nl.fieldlab.sandbox.simulation;

import nl.fieldlab.sandbox.domain.Status;
import nl.fieldlab.sandbox.scenario.Behaviour;

/**
 * Mechanism {@code job-loss}: a worker in a job loses it with a monthly chance that depends on the route into it,
 * and a fixed-term contract may end without renewal (never for a bad match) until the chain rule makes it
 * permanent.
 */
final class JobLoss {

    static final String ID = "job-loss";

    private final double[] byRoute = new double[Status.values().length];

    private final double renewal;

    JobLoss(Behaviour b) {
        for (Status s : Status.values()) {
            byRoute[s.ordinal()] = b.get("retention.separation-rate", s);
        }
        renewal = b.get("retention.renewal-rate");
    }

    /**
     * The chance that the contract ends this month without renewal: at the end of each fixed-term contract of
     * {@code contractMonths} (0 = permanent), until the job has lasted {@code chainMaxMonths}.
     *
     * @param monthsInJob months the job has lasted at the start of this month
     */
    double nonRenewal(int monthsInJob, int contractMonths, double chainMaxMonths, boolean badMatch) {
        if (contractMonths <= 0 || monthsInJob == 0 || monthsInJob % contractMonths != 0
                || monthsInJob > chainMaxMonths) {
            return 0;
        }
        return badMatch ? 1 : 1 - renewal;
    }

    /** The monthly chance that a job entered from {@code route} ends. */
    double chance(Status route) {
        return byRoute[route.ordinal()];
    }
}
