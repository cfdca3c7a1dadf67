package nl.fieldlab.sandbox.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import nl.fieldlab.sandbox.TestRuns;
import nl.fieldlab.sandbox.rules.Decider;
import nl.fieldlab.sandbox.rules.Exemption;
import nl.fieldlab.sandbox.rules.RuleBase;
import nl.fieldlab.sandbox.rules.Variant;
import nl.fieldlab.sandbox.scenario.Scenario;

/**
 * A pilot's assignment offers an exemption to those its design draws: a lottery draws each person once, the same
 * in every run of a replication; a lottery that draws no one leaves the exemption out of every question, one that
 * draws everyone is an ordinary run.
 */
class AssignmentTest {

    private static final Scenario SMOKE = TestRuns.scenario("scenarios/smoke.yaml");
    private static final RuleBase E2 = RuleBase.compile(TestRuns.library(), new Variant("E2", List.of("E2"), Map.of()));

    @Test
    void aLotteryDrawsAboutHalfTheSamePeopleInEveryRunOfAReplication() {
        Exemption e2 = TestRuns.library().exemption("E2");
        Person[] people = Simulator.population(SMOKE, 0);
        Assignment first = new Assignment.Lottery(0.5, Rng.forReplication(1, 0));
        Assignment again = new Assignment.Lottery(0.5, Rng.forReplication(1, 0));
        Assignment next = new Assignment.Lottery(0.5, Rng.forReplication(1, 1));
        int drawn = 0;
        int same = 0;
        int sameNext = 0;
        for (Person p : people) {
            boolean t = first.treatedArm(e2, p);
            drawn += t ? 1 : 0;
            same += t == again.treatedArm(e2, p) ? 1 : 0;
            sameNext += t == next.treatedArm(e2, p) ? 1 : 0;
            assertEquals(t, first.offered(e2, p, 3, 7), "a person's offer does not depend on month or employer");
        }
        int n = people.length;
        assertEquals(n / 2.0, drawn, 3 * Math.sqrt(n / 4.0), "about half of " + n);
        assertEquals(n, same, "the same draw in every run that shares the replication's streams");
        assertTrue(sameNext < n - 10, "another replication draws others: " + sameNext + " of " + n + " alike");
    }

    @Test
    void aLotteryOfEveryoneIsAnOrdinaryRunAndOfNoOneLeavesTheExemptionOut() {
        Map<String, Double> ordinary = run(Assignment.EVERYONE);
        assertEquals(ordinary, run(new Assignment.Lottery(1.0, Rng.forReplication(9, 0))));
        assertTrue(ordinary.get(Metrics.REACH_PREFIX + "E2.questions") > 0, "E2 reaches the smoke scenario");
        Map<String, Double> none = run(new Assignment.Lottery(0.0, Rng.forReplication(9, 0)));
        assertEquals(0.0, none.get(Metrics.REACH_PREFIX + "E2.questions"), "no question carries E2");
        assertNotEquals(ordinary.get(Metrics.REACH_PREFIX + "E2.questions"), none.get(Metrics.REACH_PREFIX + "E2.questions"));
    }

    @Test
    void anEmployerDrawOffersNothingAwayFromAnEmployer() {
        Exemption e2 = TestRuns.library().exemption("E2");
        Assignment.ByEmployer all = new Assignment.ByEmployer(1.0, Rng.forReplication(1, 0));
        Person p = Simulator.population(SMOKE, 0)[0];
        assertTrue(all.offered(e2, p, 0, 0));
        assertEquals(false, all.offered(e2, p, -1, 0), "a claim or a course is at no employer");
    }

    private static Map<String, Double> run(Assignment a) {
        Fields fields = Fields.of(SMOKE);
        Market market = Market.of(SMOKE, fields);
        return new Run(SMOKE, market, Simulator.population(SMOKE, 0), new Decider(E2), null,
                Rng.forReplication(SMOKE.seed(), 0), -1, null, null, null, () -> false).assign(a).run().metrics();
    }
}
