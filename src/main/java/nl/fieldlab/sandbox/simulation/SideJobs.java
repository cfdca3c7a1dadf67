package nl.fieldlab.sandbox.simulation;

import nl.fieldlab.sandbox.domain.Status;
import nl.fieldlab.sandbox.scenario.Behaviour;

/**
 * Mechanism {@code side-jobs}: a benefit recipient takes or leaves a small part-time job; the start rate rises with
 * the share of earnings the rules let the worker keep after the benefit is reduced (the earnings disregard).
 */
final class SideJobs {

    static final String ID = "side-jobs";

    private final double[] startByStatus = new double[Status.values().length];
    private final double stop;
    private final double hoursPerWeek;
    private final double elasticity;
    private final double referenceKeep;

    SideJobs(Behaviour b) {
        for (Status s : Status.values()) {
            String key = "sidejob.start-rate." + s.name();
            startByStatus[s.ordinal()] = Behaviour.isKnown(key) ? b.get(key) : 0;
        }
        stop = b.get("sidejob.stop-rate");
        hoursPerWeek = b.get("sidejob.hours-per-week");
        elasticity = b.get("sidejob.keep-elasticity");
        referenceKeep = b.get("sidejob.reference-keep-share");
    }

    /**
     * The monthly chance of starting a part-time job.
     *
     * @param status    the benefit
     * @param keepShare the share of the earnings the worker would keep (1 minus the benefit reduction per euro earned)
     */
    double startChance(Status status, double keepShare) {
        double base = startByStatus[status.ordinal()];
        if (base <= 0) {
            return 0;
        }
        double keep = Math.max(0.01, keepShare);
        return Math.min(1, base * Math.pow(keep / referenceKeep, elasticity));
    }

    /** The kept share at which the start rates hold. */
    double referenceKeep() {
        return referenceKeep;
    }

    /** The monthly chance that a part-time job ends. */
    double stopChance() {
        return stop;
    }

    /** Monthly earnings of a part-time job at the given hourly wage. */
    double earnings(double hourlyWage, double weeksPerMonth) {
        return Math.round(hoursPerWeek * weeksPerMonth * hourlyWage * 100) / 100.0;
    }
}
