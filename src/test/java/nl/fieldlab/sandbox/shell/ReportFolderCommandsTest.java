package nl.fieldlab.sandbox.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.fieldlab.sandbox.app.ExitCodes;

/** Where commands may write, and what they read back after a killed write. */
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
}
