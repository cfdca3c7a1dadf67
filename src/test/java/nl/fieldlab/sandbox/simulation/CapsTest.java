package nl.fieldlab.sandbox.simulation;

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
import nl.fieldlab.sandbox.rules.RuleBase;
import nl.fieldlab.sandbox.rules.RuleLibrary;
import nl.fieldlab.sandbox.rules.Variant;
import nl.fieldlab.sandbox.scenario.Scenario;

/**
 * Exemption caps hold for what is actually paid, including payments that fall due later: with a tight budget the
 * total paid never passes it, and the refusals are counted.
 */
class CapsTest {

    @TempDir
    Path tmp;

    @Test
    void anOutcomeFundPaysNeverMoreThanItsBudgetAndSaysWhoItTurnedAway() throws IOException {
        Path rules = TestRuns.copyTree(Path.of("rules"), tmp.resolve("rules"));
        Path e8 = rules.resolve("exemptions/E8-outcome-fund.yaml");
        String text = Files.readString(e8);
        assertTrue(text.contains("budget: 1500000"), "update the test: E8's budget line changed");
        Files.writeString(e8, text.replace("budget: 1500000", "budget: 30000"));
        RuleLibrary library = RuleLibrary.load(rules);

        Scenario base = TestRuns.scenario("scenarios/default.yaml").scaled(0.3);
        Variant v = new Variant("E8", List.of("E8"), Map.of());
        Scenario s = base.withMonths(36).with(base.seed(), 4, base.behaviour(), List.of(Variant.baseline(), v));
        Map<String, RuleBase> bases = new LinkedHashMap<>();
        bases.put(Variant.BASELINE, RuleBase.compile(library, Variant.baseline()));
        bases.put("E8", RuleBase.compile(library, v));
        SimulationResult r = new Simulator(2, null, null).run(s, bases);

        double[] paid = r.metrics().get("E8").get("reach.E8.paid");
        double[] refused = r.metrics().get("E8").get("reach.E8.refused");
        double[] coached = r.metrics().get("E8").get(Metrics.COACHED);
        for (int rep = 0; rep < paid.length; rep++) {
            assertTrue(paid[rep] <= 30000 + 1e-6, "replication " + rep + " paid " + paid[rep] + " against 30,000");
            assertTrue(paid[rep] > 0, "the fund paid something in replication " + rep);
            assertTrue(refused[rep] > 0, "the tight budget turned placements away in replication " + rep);
            assertTrue(coached[rep] > 0);
        }
        // the ledger agrees: what the outcome fund paid is what the cap counted
        double[] fund = r.metrics().get("E8").get(Metrics.NET_PREFIX + "OUTCOME_FUND");
        for (int rep = 0; rep < paid.length; rep++) {
            assertEquals(-paid[rep], fund[rep], 1e-6);
        }
    }
}
