package nl.fieldlab.sandbox.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.fieldlab.sandbox.app.ExitCodes;
import nl.fieldlab.sandbox.report.HostileNamesTest;
import nl.fieldlab.sandbox.stats.Comparison;

/** Where commands may write, what they read back after a killed write, and what reaches the terminal. */
class ReportFolderCommandsTest extends ShellTestSupport {

    @TempDir
    Path tmp;

    @Test
    void anOutputFolderInsideTheCompiledRulesCacheIsRefused() {
        String setting = System.getProperty("fieldlab.rule-cache", "");
        assertFalse(setting.isEmpty() || setting.equals("off"), "the build gives the tests a rule cache folder");
        Path cache = Path.of(setting);
        CommandLine.Outcome o = run("run scenarios/smoke.yaml --out " + cache.resolve("x"));
        assertEquals(ExitCodes.BAD_INPUT, o.exitCode(), o.output());
        assertTrue(o.error().contains(": it lies inside the compiled-rules cache "), o.error());
        assertFalse(Files.exists(cache.resolve("x")), "nothing is written there");
    }

    /** A run killed between setting the old folder aside and moving the new one in: report finds it again. */
    @Test
    void reportListsAFolderAKillLeftSetAside() throws IOException {
        Path out = tmp.resolve("r");
        ok("run scenarios/smoke.yaml --out " + out);
        Files.move(out, tmp.resolve(".r.old-5"));
        CommandLine.Outcome o = ok("report");
        assertTrue(o.output().contains(out.resolve("report.md").toString()), o.output());
        assertTrue(Files.exists(out.resolve("manifest.json")));
    }

    @Test
    void noEscapeSequenceOfACommandLineReachesTheTerminal() throws IOException {
        Path script = tmp.resolve("session.txt");
        Files.writeString(script, "rules list --exemption E9\u001b[31mred\u001b]0;title\u0007\n");
        CommandLine.Outcome o = run("script " + script);
        assertEquals(ExitCodes.BAD_INPUT, o.exitCode(), o.output());
        assertTrue(o.output().contains("> rules list --exemption E9\u241b[31mred"), "the echo: " + o.output());
        assertTrue(o.error().contains("unknown exemption 'E9\u241b[31mred"), o.error());
        HostileNamesTest.assertNoControls(o.output(), "the output");
        HostileNamesTest.assertNoControls(o.error(), "the error");
    }

    /** compare's tables, for a run whose group and variant names hold a comma, a quote, a line break and escapes. */
    @Test
    void compareShowsHostileNamesOnOneLineWithoutEscapes() {
        var report = HostileNamesTest.hostileReport();
        Comparison c = report.comparison();
        List<String> metrics = new ArrayList<>(c.metrics().keySet());
        String shown = SandboxCommands.headline(c, metrics) + SandboxCommands.differences(c, report.verdicts(), metrics)
                + SandboxCommands.detail(c, report.verdicts(),
                        "group.scenario." + HostileNamesTest.GROUP + ".placementRate");
        HostileNamesTest.assertNoControls(shown, "compare");
        assertTrue(shown.lines().anyMatch(l -> l.startsWith("group.scenario.ww, \"metal\" line two \u241b[31mred")),
                "the group's row is one line:\n" + shown);
        String header = shown.lines().findFirst().orElseThrow();
        assertTrue(header.contains("E2, \"trial\" \u241b[2J"), "the variant's column header is one line: " + header);
    }
}
