package nl.fieldlab.sandbox.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import nl.fieldlab.sandbox.domain.CoursePayer;
import nl.fieldlab.sandbox.domain.Education;
import nl.fieldlab.sandbox.domain.Household;
import nl.fieldlab.sandbox.domain.Status;
import nl.fieldlab.sandbox.domain.WorkerFacts;
import nl.fieldlab.sandbox.scenario.Behaviour;

/** Mechanism learning-while-employed: course demand from people in work, skewed by education. */
class LearningWhileEmployedTest {

    static final double EPS = 1e-12;
    final LearningWhileEmployed learning = new LearningWhileEmployed(Behaviour.defaults());

    @Test
    void twelveMonthlyChancesCompoundToTheYearlyRateTimesTheEducationFactor() {
        Behaviour b = Behaviour.defaults();
        double rate = b.get("learning.employed-rate");
        for (Education e : Education.values()) {
            double notInAYear = Math.pow(1 - learning.monthlyChance(e), 12);
            assertEquals(rate * learning.educationFactor(e), 1 - notInAYear, EPS, e.name());
        }
        assertEquals(b.get("learning.education-factor.low"), learning.educationFactor(Education.MBO2), EPS);
        assertEquals(1, learning.educationFactor(Education.MBO3), EPS, "near miss: MBO 3 is the reference");
        assertEquals(b.get("learning.education-factor.high"), learning.educationFactor(Education.HBO), EPS);
        assertTrue(learning.monthlyChance(Education.WO) > learning.monthlyChance(Education.MBO4)
                && learning.monthlyChance(Education.MBO4) > learning.monthlyChance(Education.NONE),
                "the better educated seek courses more often");
    }

    @Test
    void noDemandAtARateOfZero() {
        LearningWhileEmployed none = new LearningWhileEmployed(Behaviour.with(Map.of("learning.employed-rate", 0.0)));
        for (Education e : Education.values()) {
            assertEquals(0, none.monthlyChance(e), EPS);
        }
    }

    static WorkerFacts employed(CoursePayer payer) {
        return new WorkerFacts(40, Status.EMPLOYED, Household.SINGLE, Education.MBO3, "print-production", "NHN", 100,
                150, 20, 10, 36, 5, 0, true, false, false, "NONE", false, 0, 0, payer);
    }

    @Test
    void aCourseOnOnesOwnInitiativeIsTheWorkersToPayUnlessTheScenarioNamesAPayer() {
        assertEquals(CoursePayer.WORKER, LearningWhileEmployed.ownInitiative(employed(CoursePayer.DEFAULT))
                .coursePayer());
        WorkerFacts fund = employed(CoursePayer.SECTOR_FUND);
        assertSame(fund, LearningWhileEmployed.ownInitiative(fund), "near miss: the scenario's payer stays");
    }
}
