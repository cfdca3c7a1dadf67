package nl.fieldlab.sandbox.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.fieldlab.sandbox.simulation.Metrics;

/**
 * A scenario moves an exemption into its own region per variant (issue 25, item 1): the smoke scenario placed in
 * Groot Amsterdam, E2 as the rule file has it (Noord-Holland Noord) reaches nobody and is said so before and after the
 * run; E2 with {@code scope: {E2: {regions: [GA]}}} reaches the scenario's workers; and the report verifies.
 */
class ScopeRunTest {

    @TempDir
    Path tmp;

    @Test
    void anExemptionScopedIntoTheScenariosRegionReachesItsWorkers() throws IOException {
        String smoke = Files.readString(Path.of("scenarios/smoke.yaml"));
        String text = smoke.replace("region: NHN", "region: GA").replace("    exemptions: [E2]\n",
                "    exemptions: [E2]\n  - name: E2-GA\n    exemptions: [E2]\n    scope:\n      E2: {regions: [GA]}\n");
        assertTrue(text.contains("E2-GA") && text.contains("region: GA"));
        Path file = Files.writeString(tmp.resolve("smoke-ga.yaml"), text);
        Path rules = nl.fieldlab.sandbox.TestRuns.copyTree(Path.of("rules"), tmp.resolve("rules"));
        Workbench workbench = new Workbench(rules.toString(), tmp.resolve("reports").toString(), List.of());

        var s = workbench.loadScenario(file);
        List<String> warnings = Reachability.warnings(s, workbench.rules().library());
        assertEquals(List.of("warning: E2 reaches nobody in this scenario: its scope is region NHN and the scenario's "
                + "workers are in region GA (its effect will be zero) in variant E2; its legal route, a UWV policy "
                + "rule, allows scope: {E2: {regions: [GA]}}",
                "warning: variant E2 reaches nobody: every difference to the baseline is noise"), warnings);

        Path report = tmp.resolve("reports/smoke-ga");
        Workbench.LastRun r = workbench.run(new Workbench.RunOptions(file, report, null, null, 2, null, null, "run"));
        String reach = Metrics.REACH_PREFIX + "E2.workers";
        assertEquals(0, r.comparison().metrics().get(reach).get("E2").mean());
        assertTrue(r.comparison().metrics().get(reach).get("E2-GA").mean() > 0,
                "E2 scoped into GA reaches the scenario's workers");
        assertEquals(List.of("warning: variant E2: its exemptions reached no worker in 3 replications "
                + "(reach.E2.workers is 0)"), Reachability.afterRun(r.scenario(), r.comparison()));

        String md = Files.readString(report.resolve("report.md"));
        assertTrue(md.contains("| E2 in variant E2-GA | the scenario sets this scope for variant E2-GA in place of the "
                + "rule file's; confined to GA: a regional pilot of a national instrument (unverified) | questions "
                + "[TRIAL_PLACEMENT], regions [GA],"), "the exemptions section shows the scenario's scope");
        // the zero effect in E2 is explained by its own scope, though E2-GA reaches people
        assertTrue(md.contains("E2 reached nobody in variant E2: its scope is region NHN and the scenario's workers "
                + "are in region GA. Its effect is zero for that reason."), "the reach note names the region");

        Verifier.Result v = new Verifier(workbench).verify(report);
        assertTrue(v.identical(), v::toString);
    }
}
