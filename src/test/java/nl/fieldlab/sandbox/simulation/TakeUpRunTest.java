package nl.fieldlab.sandbox.simulation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.fieldlab.sandbox.TestRuns;
import nl.fieldlab.sandbox.domain.Actor;
import nl.fieldlab.sandbox.rules.RuleBase;
import nl.fieldlab.sandbox.rules.RuleLibrary;
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
        // the LKV weighs in full (mechanism hiring-response) and employers hire at half the calibrated base, so that
        // hiring chances are not at 1 already and what take-up alone does shows above the noise
        SimulationResult unaware = run(Map.of("takeup.lkv.awareness", 0.0, "hire.response.WAGE_COST_ADVANTAGE", 1.0,
                "hire.base", 0.42));
        SimulationResult known = run(Map.of("takeup.lkv.awareness", 1.0, "takeup.lkv.steps", 0.0,
                "hire.response.WAGE_COST_ADVANTAGE", 1.0, "hire.base", 0.42));
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
            unawarePlacements += u.get(ELIGIBLE_PLACED)[rep];
            knownPlacements += k.get(ELIGIBLE_PLACED)[rep];
        }
        // the same draws: the claimed LKV lowers the employer's cost and so tips some hires of the workers it is for
        // (the jobs-agreement LKV of 2026); the unknown one tips none. All placements need not rise: a tipped hire
        // takes a vacancy another job seeker might have got (mechanism vacancies)
        assertTrue(knownPlacements > unawarePlacements, "placement rate of the LKV's group, known " + knownPlacements
                + ", unknown " + unawarePlacements);
    }

    @TempDir
    Path tmp;

    @Test
    void theWorkAmbassadorRaisesLkvTakeUpInItsScopeOnlyAndTheProvincePaysForIt() throws IOException {
        // P9 (an id no shipped support uses) is the work ambassador of P1 in a region the scenario's workers do not live in: the near miss
        Path rules = TestRuns.copyTree(Path.of("rules"), tmp.resolve("rules"));
        String p1 = Files.readString(rules.resolve("support/P1-work-ambassador.yaml"));
        assertTrue(p1.contains("id: P1\n") && p1.contains("regions: [NHN]"), "update the test: P1 changed");
        Files.writeString(rules.resolve("support/P9-elsewhere.yaml"),
                p1.replace("id: P1\n", "id: P9\n").replace("regions: [NHN]", "regions: [GA]"));
        RuleLibrary library = RuleLibrary.load(rules);
        Scenario base = TestRuns.scenario("scenarios/default.yaml").scaled(0.3);
        Variant withP1 = new Variant("P1", List.of(), Map.of()).withSupports(List.of("P1"));
        Variant withP9 = new Variant("P9", List.of(), Map.of()).withSupports(List.of("P9"));
        Scenario s = base.withMonths(24).with(base.seed(), 2, base.behaviour(), List.of(Variant.baseline(), withP1,
                withP9));
        Map<String, RuleBase> bases = new LinkedHashMap<>();
        for (Variant v : s.variants()) {
            bases.put(v.name(), RuleBase.compile(library, v));
        }
        SimulationResult r = new Simulator(2, null, null).run(s, bases);
        Map<String, double[]> b = r.metrics().get(Variant.BASELINE);
        Map<String, double[]> in = r.metrics().get("P1");
        Map<String, double[]> out = r.metrics().get("P9");

        // out of scope: nobody reached, nothing paid, every claim and placement as in the baseline
        for (String metric : b.keySet()) {
            if (metric.startsWith(Metrics.TAKE_UP_PREFIX) || metric.equals(Metrics.PLACEMENTS)
                    || metric.equals(Metrics.PUBLIC_COST)) {
                assertArrayEquals(b.get(metric), out.get(metric), metric);
            }
        }
        double lkvBase = 0;
        double lkvIn = 0;
        for (int rep = 0; rep < 2; rep++) {
            assertEquals(0, out.get(Metrics.SUPPORT_PREFIX + "P9.participants")[rep]);
            double participants = in.get(Metrics.SUPPORT_PREFIX + "P1.participants")[rep];
            double cost = in.get(Metrics.SUPPORT_PREFIX + "P1.cost")[rep];
            assertTrue(participants > 0, "P1 helped hires in its scope in replication " + rep);
            assertEquals(participants * 1200, cost, 1e-6, "EUR 1,200 per participant");
            // the province pays nothing else in this scenario: its net position is the support's cost
            assertEquals(0, b.get(Metrics.NET_PREFIX + Actor.PROVINCE.name())[rep], 1e-6);
            assertEquals(-cost, in.get(Metrics.NET_PREFIX + Actor.PROVINCE.name())[rep], 1e-6);
            lkvBase += b.get(LKV + "claimed")[rep] / b.get(LKV + "granted")[rep];
            lkvIn += in.get(LKV + "claimed")[rep] / in.get(LKV + "granted")[rep];
        }
        assertTrue(lkvIn > lkvBase, "LKV take-up with the work ambassador " + lkvIn / 2 + ", without " + lkvBase / 2);
    }

    @Test
    void anExemptionAppliedWithoutAClaimIsNoSchemeAndOneWithAClaimIs() {
        Scenario base = TestRuns.scenario("scenarios/default.yaml").scaled(0.1);
        Variant both = new Variant("E1+E9", List.of("E1", "E9"), Map.of());
        Scenario s = base.withMonths(6).with(base.seed(), 1, base.behaviour(), List.of(Variant.baseline(), both));
        Map<String, double[]> m = TestRuns.run(s, 1).metrics().get("E1+E9");
        assertTrue(m.containsKey(Metrics.TAKE_UP_PREFIX + "E9.granted"), "E9 declares a claim: " + m.keySet());
        assertTrue(!m.containsKey(Metrics.TAKE_UP_PREFIX + "E1.granted"), "E1 is applied by UWV without a claim");
        assertTrue(m.containsKey(Metrics.TAKE_UP_PREFIX + "lkv.granted"));
    }

    /** The default scenario, smaller and shorter, baseline only, with the behaviour values set. */
    /** The placement rate of the workers the 2026 LKV is for (the jobs-agreement register). */
    static final String ELIGIBLE_PLACED = "group.target.JOBS_AGREEMENT.placementRate";

    private static SimulationResult run(Map<String, Double> behaviour) {
        Scenario base = TestRuns.scenario("scenarios/default.yaml").scaled(0.3);
        Map<String, Double> values = new LinkedHashMap<>(base.behaviour().overrides());
        values.putAll(behaviour);
        Scenario s = base.withMonths(24).with(base.seed(), 2, Behaviour.with(values), List.of(Variant.baseline()));
        return TestRuns.run(s, 2);
    }
}
