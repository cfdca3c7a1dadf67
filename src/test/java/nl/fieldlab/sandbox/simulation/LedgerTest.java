package nl.fieldlab.sandbox.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.fieldlab.sandbox.TestRuns;
import nl.fieldlab.sandbox.domain.Actor;
import nl.fieldlab.sandbox.rules.Exemption;
import nl.fieldlab.sandbox.rules.RuleBase;
import nl.fieldlab.sandbox.rules.RuleLibrary;
import nl.fieldlab.sandbox.rules.Variant;
import nl.fieldlab.sandbox.scenario.Scenario;

/**
 * The ledger books what changes hands, in every variant: money is conserved (what one actor pays another receives),
 * no course is funded twice, and the check that says so can fail.
 */
class LedgerTest {

    /** One run per region an exemption is scoped to: the baseline and the exemptions of that region. */
    private static List<SimulationResult> everyExemption;

    @TempDir
    Path tmp;

    /**
     * The default scenario, smaller and shorter, placed in each region the library's exemptions are scoped to, under
     * the baseline and each exemption of that region alone.
     */
    private static List<Scenario> everyExemptionScenarios(RuleLibrary library) {
        Scenario base = TestRuns.scenario("scenarios/default.yaml").scaled(0.1);
        Map<String, List<Variant>> byRegion = new java.util.TreeMap<>();
        for (Exemption e : library.exemptions()) {
            String region = e.scope().regions().isEmpty() ? base.region() : e.scope().regions().iterator().next();
            byRegion.computeIfAbsent(region, r -> new ArrayList<>(List.of(Variant.baseline())))
                    .add(new Variant(e.id(), List.of(e.id()), Map.of()));
        }
        List<Scenario> out = new ArrayList<>();
        byRegion.forEach((region, variants) -> out.add(
                base.inRegion(region).withMonths(36).with(base.seed(), 2, base.behaviour(), variants)));
        return out;
    }

    private static Map<String, Map<String, double[]>> metrics() {
        Map<String, Map<String, double[]>> out = new LinkedHashMap<>();
        for (SimulationResult r : everyExemption) {
            r.metrics().forEach((variant, m) -> out.put(variant.equals(Variant.BASELINE)
                    ? Variant.BASELINE + " in " + r.scenario().region() : variant, m));
        }
        return out;
    }

    private static SimulationResult run(RuleLibrary library, Scenario s) {
        Map<String, RuleBase> bases = new LinkedHashMap<>();
        for (Variant v : s.variants()) {
            bases.put(v.name(), RuleBase.compile(library, v));
        }
        return new Simulator(2, null, null).run(s, bases);
    }

    @BeforeAll
    static void runEveryExemption() {
        everyExemption = everyExemptionScenarios(TestRuns.library()).stream().map(s -> run(TestRuns.library(), s))
                .toList();
    }

    @Test
    void whatOneActorPaysAnotherReceivesInEveryVariant() {
        metrics().forEach((variant, metrics) -> {
            int reps = metrics.get(Metrics.PLACEMENTS).length;
            for (int rep = 0; rep < reps; rep++) {
                double sum = 0;
                double moved = 0;
                for (Actor a : Actor.values()) {
                    double net = metrics.get(Metrics.NET_PREFIX + a.name())[rep];
                    sum += net;
                    moved += Math.abs(net);
                }
                assertTrue(moved > 0, variant + ": nothing was paid");
                assertEquals(0, sum, 1e-6 * moved, variant + " replication " + rep + ": the actors' nets add to " + sum);
            }
        });
    }

    @Test
    void noVariantFundsACourseTwice() {
        metrics().forEach((variant, metrics) -> {
            double[] started = metrics.get(Metrics.COURSES_STARTED);
            double[] overFunded = metrics.get(Metrics.COURSES_OVER_FUNDED);
            for (int rep = 0; rep < started.length; rep++) {
                assertTrue(started[rep] > 0, variant + ": no course started, so the check proves nothing");
                assertEquals(0, overFunded[rep], variant + " replication " + rep + ": courses funded twice");
            }
        });
    }

    @Test
    void aLearningAccountThatPaysRegardlessOfWhoPaidTheFeeIsCaught() throws IOException {
        Path rules = TestRuns.copyTree(Path.of("rules"), tmp.resolve("rules"));
        Path drl = rules.resolve("exemptions/E3-learning-account.drl");
        String text = Files.readString(drl);
        String owed = "payer == Actor.WORKER";
        assertTrue(text.contains(owed), "update the test: E3 no longer counts only the worker's own fee");
        // the defect the money issue found: the account pays up to its maximum whoever paid the course
        Files.writeString(drl, text.replace(owed, "payer != Actor.STATE"));
        RuleLibrary broken = RuleLibrary.load(rules);

        Scenario s = TestRuns.scenario("scenarios/default.yaml").scaled(0.1).inRegion("GA").withMonths(36);
        Variant e3 = new Variant("E3", List.of("E3"), Map.of());
        SimulationResult r = run(broken, s.with(s.seed(), 2, s.behaviour(), List.of(Variant.baseline(), e3)));
        double[] overFunded = r.metrics().get("E3").get(Metrics.COURSES_OVER_FUNDED);
        for (int rep = 0; rep < overFunded.length; rep++) {
            assertTrue(overFunded[rep] > 0, "replication " + rep + ": the double payment went unnoticed");
        }
        assertEquals(0, r.metrics().get(Variant.BASELINE).get(Metrics.COURSES_OVER_FUNDED)[0]);
    }
}
