package nl.fieldlab.sandbox.simulation;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import nl.fieldlab.sandbox.domain.CoursePayer;
import nl.fieldlab.sandbox.domain.Education;
import nl.fieldlab.sandbox.domain.Household;
import nl.fieldlab.sandbox.domain.Status;

/**
 * The outcomes a pilot measures, as a CBS-microdata evaluation reads them: a job counts as paid work and a trial
 * placement does not (it pays no wage); a job outside the simulated employers counts; someone who left the labour
 * market counts as neither.
 */
class PilotOutcomesTest {

    @Test
    void aJobIsPaidWorkAndATrialPlacementIsNot() {
        Worker w = new Worker(person(Status.WW));
        assertFalse(PilotOutcomes.employed(w), "a WW client out of work");
        w.trial = new Spells.Trial(0, null, null, 0, 2, 0.5, 1);
        assertFalse(PilotOutcomes.employed(w), "a trial placement pays no wage");
        w.trial = null;
        w.job = new Spells.Job(0, null, null, 0, Status.WW, false, false, 0.5, new Spells.Job.Value(2_000, 2_500));
        assertTrue(PilotOutcomes.employed(w));
    }

    @Test
    void aJobOutsideTheSimulatedEmployersIsPaidWork() {
        Worker w = new Worker(person(Status.EMPLOYED));
        assertTrue(PilotOutcomes.employed(w));
        w.active = false;
        assertFalse(PilotOutcomes.employed(w), "left the labour market");
        assertFalse(PilotOutcomes.onBenefit(w));
    }

    private static Person person(Status status) {
        return new Person(0, 0, status, "NHN", 40, 1, Household.SINGLE, Education.NONE, 0, 100, 100, 10, 5, 3, true,
                false, false, "", 0, false, CoursePayer.DEFAULT, 0);
    }
}
