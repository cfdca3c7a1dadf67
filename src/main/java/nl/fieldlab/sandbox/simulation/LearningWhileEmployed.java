package nl.fieldlab.sandbox.simulation;

import nl.fieldlab.sandbox.domain.CoursePayer;
import nl.fieldlab.sandbox.domain.Education;
import nl.fieldlab.sandbox.domain.WorkerFacts;
import nl.fieldlab.sandbox.scenario.Behaviour;

/**
 * Mechanism {@code learning-while-employed}: people in work seek a course on their own initiative, not only when a
 * vacancy they contact asks for skills they lack. Course demand that came only from job search reached a learning
 * account's users at a fraction of a per cent a year and none with higher education, while the published use of
 * learning accounts leans towards people in work and the better educated.
 *
 * <p>Each month a worker in a job outside the simulated employers whose field is not a shortage field, and who is not
 * in a course, seeks a course into a shortage field with a chance from a yearly rate ({@code learning.employed-rate})
 * times a factor for their education ({@code learning.education-factor.low} for no diploma up to MBO 2, 1 for MBO 3
 * and 4, {@code learning.education-factor.high} for HBO and WO). A course sought on one's own initiative is not one the
 * employer must enable for the job (BW 7:611a), so the worker is its payer under today's law unless the scenario
 * names a payer for the group; whether the worker then starts it is mechanism course-uptake (what they would pay, a
 * learning account or loan). Employer-requested training for the current job is outside the model: it changes no
 * outcome the simulation measures.
 */
final class LearningWhileEmployed {

    static final String ID = "learning-while-employed";

    private final double yearlyRate;
    private final double lowFactor;
    private final double highFactor;

    LearningWhileEmployed(Behaviour b) {
        yearlyRate = b.get("learning.employed-rate");
        lowFactor = b.get("learning.education-factor.low");
        highFactor = b.get("learning.education-factor.high");
    }

    /** The education factor: low up to MBO 2, 1 for MBO 3 and 4, high for HBO and WO. */
    double educationFactor(Education e) {
        return e.atLeast(Education.HBO) ? highFactor : e.atLeast(Education.MBO3) ? 1 : lowFactor;
    }

    /** The monthly chance a worker in work with this education seeks a course (the yearly chance spread evenly). */
    double monthlyChance(Education e) {
        double yearly = Math.min(1, yearlyRate * educationFactor(e));
        return 1 - Math.pow(1 - yearly, 1.0 / 12);
    }

    /** The facts the rules read for a course sought on one's own initiative: the worker pays unless the scenario says. */
    static WorkerFacts ownInitiative(WorkerFacts f) {
        return f.coursePayer() == CoursePayer.DEFAULT ? f.withCoursePayer(CoursePayer.WORKER) : f;
    }
}
