package nl.fieldlab.sandbox.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import nl.fieldlab.sandbox.TestRuns;
import nl.fieldlab.sandbox.rules.Variant;
import nl.fieldlab.sandbox.scenario.Behaviour;
import nl.fieldlab.sandbox.scenario.Scenario;

/**
 * Mechanism take-up in a run: a scheme its claimant does not know pays nothing and does not tip the employer's
 * decision to hire; one every employer knows and claims without steps is paid in every case it is granted.
 */
class TakeUpRunTest {

    private static final String LKV = Metrics.TAKE_UP_PREFIX + "lkv.";

    @Test
    void anLkvNoEmployerKnowsIsNeitherPaidNorWeighedWhenHiring() {
        SimulationResult unaware = run(Map.of("takeup.lkv.awareness", 0.0));
        SimulationResult known = run(Map.of("takeup.lkv.awareness", 1.0, "takeup.lkv.steps", 0.0));
        Map<String, double[]> u = unaware.metrics().get(Variant.BASELINE);
        Map<String, double[]> k = known.metrics().get(Variant.BASELINE);
        double unawarePlacements = 0;
        double knownPlacements = 0;
        for (int rep = 0; rep < u.get(LKV + "granted").length; rep++) {
            assertTrue(u.get(LKV + "granted")[rep] > 0, "the scenario has hires the LKV is granted in");
            assertEquals(0, u.get(LKV + "claimed")[rep]);
            assertEquals(u.get(LKV + "granted")[rep], u.get(LKV + "unaware")[rep]);
            assertEquals(0, u.get(LKV + "paid")[rep], "an unclaimed LKV pays nothing");
            assertTrue(u.get(LKV + "unclaimed")[rep] > 0, "what it would have paid is counted");
            assertEquals(k.get(LKV + "granted")[rep], k.get(LKV + "claimed")[rep], "known and without steps: claimed");
            assertTrue(k.get(LKV + "paid")[rep] > 0);
            assertEquals(0, k.get(LKV + "unclaimed")[rep]);
            unawarePlacements += u.get(Metrics.PLACEMENTS)[rep];
            knownPlacements += k.get(Metrics.PLACEMENTS)[rep];
        }
        // the same draws: the claimed LKV lowers the employer's cost and so tips some hires; the unknown one tips none
        assertTrue(knownPlacements > unawarePlacements, "placements with the LKV known " + knownPlacements
                + ", unknown " + unawarePlacements);
    }

    /** The default scenario, smaller and shorter, baseline only, with the behaviour values set. */
    private static SimulationResult run(Map<String, Double> behaviour) {
        Scenario base = TestRuns.scenario("scenarios/default.yaml").scaled(0.3);
        Map<String, Double> values = new LinkedHashMap<>(base.behaviour().overrides());
        values.putAll(behaviour);
        Scenario s = base.withMonths(24).with(base.seed(), 2, Behaviour.with(values), List.of(Variant.baseline()));
        return TestRuns.run(s, 2);
    }
}
