package nl.fieldlab.sandbox.shell;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What commands read back after a killed write. */
class ReportFolderCommandsTest extends ShellTestSupport {

    @TempDir
    Path tmp;

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
