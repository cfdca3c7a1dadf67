package nl.fieldlab.sandbox.simulation;

import nl.fieldlab.sandbox.scenario.Behaviour;

/**
 * Mechanism {@code course-uptake}: a job seeker facing a large skills gap proposes a course into the vacancy's
 * field, or seeks one into a shortage field; a course the worker must pay for is started less often, and a learning
 * loan lifts part of that barrier for the few who use it. The loan is drawn by those it brought to start and by the
 * same share of those who would have paid from their own means: its cost is booked for them, not for every payer.
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

    /** What the worker does with an approved course: not start it, start it, or start it on a learning loan. */
    enum Start { NOT_STARTED, STARTED, STARTED_ON_LOAN }

    /**
     * The worker's decision, from a uniform draw {@code u} in [0, 1), consistent with {@link #startChance}: of those
     * who would pay from their own means ({@code u} below the self-pay acceptance) a share {@code course.loan-take-up}
     * borrows all the same; of the rest, the loan's take-up share starts only because of the loan and borrows. A
     * worker who pays nothing has nothing to borrow.
     */
    Start start(double workerPays, boolean loanOffered, double u) {
        if (workerPays <= 0) {
            return Start.STARTED;
        }
        if (!loanOffered) {
            return u < selfPayAcceptance ? Start.STARTED : Start.NOT_STARTED;
        }
        if (u < selfPayAcceptance) {
            return u < selfPayAcceptance * loanTakeUp ? Start.STARTED_ON_LOAN : Start.STARTED;
        }
        return u < startChance(workerPays, true) ? Start.STARTED_ON_LOAN : Start.NOT_STARTED;
    }
}
