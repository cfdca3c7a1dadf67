package nl.fieldlab.sandbox.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.fieldlab.sandbox.rules.RuleBases;
import nl.fieldlab.sandbox.rules.RuleBudget;
import nl.fieldlab.sandbox.rules.RuleRunawayException;
import nl.fieldlab.sandbox.rules.RunawayRules;

/**
 * A session whose rules folder gains a runaway rule: the run fails with the rule named and writes no report, and the
 * session goes back to the rules it used before (as when a changed rule file does not compile); once the rule is
 * gone, runs work again. The time budget is set low for the test; the outcome is waited for, not timed.
 */
class RunawayRunTest {

    @TempDir
    Path tmp;

    @AfterEach
    void restore() {
        System.clearProperty(RuleBudget.SECONDS_PROPERTY);
    }

    @Test
    void theSessionKeepsItsLastGoodRulesAndWritesNoReport() throws IOException {
        Path rules = nl.fieldlab.sandbox.TestRuns.copyTree(Path.of("rules"), tmp.resolve("rules"));
        Path reports = tmp.resolve("reports");
        Workbench workbench = new Workbench(rules.toString(), reports.toString(), List.of());
        Path smoke = Path.of("scenarios/smoke.yaml");
        workbench.run(new Workbench.RunOptions(smoke, reports.resolve("good"), null, null, 2, null, null, "run"));
        RuleBases good = workbench.rules();
        List<String> before = list(reports);

        System.setProperty(RuleBudget.SECONDS_PROPERTY, "0.5");
        for (String drl : List.of(RunawayRules.FACTS, RunawayRules.LOOP)) {
            Files.writeString(rules.resolve(RunawayRules.FILE), drl);
            RuleRunawayException e = assertThrows(RuleRunawayException.class, () -> workbench.run(
                    new Workbench.RunOptions(smoke, reports.resolve("bad"), null, null, 2, null, null, "run")));
            assertTrue(e.getMessage().startsWith(RunawayRules.FILE + ":"), e.getMessage());
            assertTrue(e.getMessage().endsWith("; stopped; the rules in use before the change stay in use"),
                    e.getMessage());
            assertEquals(ExitCodes.BAD_INPUT, ExitCodes.of(e));
            assertSame(good, workbench.rules(), "the last good rule base is back in use");
            assertFalse(workbench.allRules().containsKey(e.rule()));
            assertFalse(Files.exists(reports.resolve("bad")), "no report");
            assertEquals(before, list(reports), "nothing else written (the folder's lock file aside)");
        }
        Files.delete(rules.resolve(RunawayRules.FILE));
        workbench.run(new Workbench.RunOptions(smoke, reports.resolve("again"), null, null, 2, null, null, "run"));
        assertTrue(Files.exists(reports.resolve("again/report.json")));
    }

    private static List<String> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            // a report folder's lock file stays, as after every run (ReportFolder)
            return s.map(p -> dir.relativize(p).toString()).filter(n -> !n.endsWith(".lock")).sorted().toList();
        }
    }
}
