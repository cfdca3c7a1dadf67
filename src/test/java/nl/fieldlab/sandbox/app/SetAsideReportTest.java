package nl.fieldlab.sandbox.app;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run killed between the two moves of its write leaves the earlier report set aside as {@code .NAME.old-*} and
 * nothing under its name. Built here as the kill leaves it on disk: verify reads the report by its name anyway.
 */
class SetAsideReportTest {

    @TempDir
    Path tmp;

    @Test
    void verifyFindsAReportAKillLeftSetAside() throws IOException {
        Path rules = nl.fieldlab.sandbox.TestRuns.copyTree(Path.of("rules"), tmp.resolve("rules"));
        Workbench workbench = new Workbench(rules.toString(), tmp.resolve("reports").toString(), List.of());
        Path report = tmp.resolve("reports/smoke");
        workbench.run(new Workbench.RunOptions(Path.of("scenarios/smoke.yaml"), report, null, null, 2, null, null,
                "run"));
        Path aside = tmp.resolve("reports/.smoke.old-4242");
        Files.move(report, aside);
        Files.createDirectories(tmp.resolve("reports/.smoke.partial-4242")); // the new one, never moved in

        Verifier.Result r = new Verifier(workbench).verify(report);
        assertTrue(r.identical(), r::toString);
        assertTrue(Files.exists(report.resolve("report.json")), "the report is back under its name");
        assertFalse(Files.exists(aside));
    }
}
