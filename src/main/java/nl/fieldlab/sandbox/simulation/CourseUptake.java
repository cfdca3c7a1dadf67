package nl.fieldlab.sandbox.simulation;

import nl.fieldlab.sandbox.scenario.Behaviour;

/**
 * Mechanism {@code course-uptake}: a job seeker facing a large skills gap proposes a course into the vacancy's
 * field, or seeks one into a shortage field; a course the worker must pay for is started less often, and a learning
 * loan lifts part of that barrier for the few who use it.
 */
final class CourseUptake {

    static final String ID = "course-uptake";

    private final double uptake;
    private final double spontaneous;
    private final double selfPayAcceptance;
    private final double loanTakeUp;

    CourseUptake(Behaviour b) {
        uptake = b.get("course.uptake");
        spontaneous = b.get("course.spontaneous-rate");
        selfPayAcceptance = b.get("course.self-pay-acceptance");
        loanTakeUp = b.get("course.loan-take-up");
    }

    /** The chance a large skills gap to a vacancy leads to a course proposal. */
    double uptake() {
        return uptake;
    }

    /** The monthly chance a job seeker outside the shortage fields seeks a course into one. */
    double spontaneous() {
        return spontaneous;
    }

    /**
     * The chance the worker starts an approved course, given what the worker would pay for it and whether the rules
     * offer a learning loan.
     */
    double startChance(double workerPays, boolean loanOffered) {
        if (workerPays <= 0) {
            return 1;
        }
        return selfPayAcceptance + (loanOffered ? (1 - selfPayAcceptance) * loanTakeUp : 0);
    }
}
