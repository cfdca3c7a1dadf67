package nl.fieldlab.sandbox.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.fieldlab.sandbox.TestRuns;
import nl.fieldlab.sandbox.input.InputError;
import nl.fieldlab.sandbox.rules.RuleCompileException;

/** The workbench keeps the last good rule base, and a failed run writes nothing. */
class WorkbenchTest {

    @TempDir
    Path tmp;

    Path copyRules() throws IOException {
        return TestRuns.copyTree(Path.of("rules"), tmp.resolve("rules"));
    }

    Workbench workbench(Path rules) {
        return new Workbench(rules.toString(), tmp.resolve("reports").toString(), List.of());
    }

    Workbench.RunOptions options(Path scenario, Path out) {
        return new Workbench.RunOptions(scenario, out, null, null, 2, null, null, "run");
    }

    @Test
    void aBrokenRuleFileKeepsTheLastGoodRuleBase() throws IOException {
        Path rules = copyRules();
        Workbench w = workbench(rules);
        String good = w.rules().library().hash();
        Path drl = rules.resolve("baseline/decisions/trial-placement.drl");
        Files.writeString(drl, Files.readString(drl).replace("insert(new Block($q, \"worked for this employer before\"));",
                "insert(new Block($q, \"worked for this employer before\")"));
        RuleCompileException e = assertThrows(RuleCompileException.class, w::reloadRules);
        assertTrue(e.problems().get(0).startsWith("baseline/decisions/trial-placement.drl:"), e.problems().get(0));
        assertTrue(e.problems().get(0).matches("baseline/decisions/trial-placement.drl:\\d+: .*"), e.problems().get(0));
        assertEquals(good, w.rules().library().hash(), "the last good rule base stays in use");
        // the workbench still answers with the good rules
        assertTrue(w.allRules().containsKey("TRIAL-FORMER-EMPLOYEE"));
    }

    @Test
    void reloadPicksUpAFixedFile() throws IOException {
        Path rules = copyRules();
        Workbench w = workbench(rules);
        String before = w.rules().library().hash();
        Path params = rules.resolve("parameters/trial-placement.yaml");
        Files.writeString(params, Files.readString(params).replace("value: 3, source: \"S13", "value: 4, source: \"S13"));
        List<String> changed = w.reloadRules();
        assertEquals(List.of("parameters/trial-placement.yaml"), changed);
        assertFalse(before.equals(w.rules().library().hash()));
    }

    @Test
    void aFailedRunWritesNothing() throws IOException {
        Path scenario = tmp.resolve("bad-variant.yaml");
        Files.writeString(scenario, Files.readString(Path.of("scenarios/smoke.yaml"))
                .replace("exemptions: [E2]", "exemptions: [E99]"));
        Workbench w = workbench(Path.of("rules"));
        Path out = tmp.resolve("reports/should-not-exist");
        InputError e = assertThrows(InputError.class, () -> w.run(options(scenario, out)));
        assertTrue(e.getMessage().matches(".*bad-variant\\.yaml:\\d+: variants\\[1]\\.exemptions\\[0]: no exemption 'E99'.*"),
                e.getMessage());
        assertFalse(Files.exists(out));
        assertFalse(Files.exists(tmp.resolve("reports")) && Files.list(tmp.resolve("reports")).findAny().isPresent());
    }

    @Test
    void aRunWritesTheWholeReportFolder() {
        Workbench w = workbench(Path.of("rules"));
        Path out = tmp.resolve("reports/smoke");
        Workbench.LastRun r = w.run(options(Path.of("scenarios/smoke.yaml"), out));
        for (String f : List.of("report.md", "report.json", "summary.csv", "manifest.json")) {
            assertTrue(Files.exists(out.resolve(f)), f);
        }
        assertEquals(out, r.reportDir());
        try (Stream<Path> s = Files.list(tmp.resolve("reports"))) {
            assertEquals(List.of("index.md", "smoke"),
                    s.map(p -> p.getFileName().toString()).sorted().toList(),
                    "the report and the index, no temporary folders and no lock file left");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
