package nl.fieldlab.sandbox.shell;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.fieldlab.sandbox.app.ExitCodes;

/**
 * The robustness section in a real run of the smoke scenario (4 draws x 2 replications: seconds): it is in every
 * format, the same on one thread as on several, and verify reruns the same draws.
 */
class RobustnessSmokeRunTest extends ShellTestSupport {

    @TempDir
    Path tmp;

    @Test
    void theSectionIsThereReproducibleAndVerified() throws IOException {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        CommandLine.Outcome o = run("run scenarios/smoke.yaml --robustness 4 --threads 1 --out " + a);
        assertEquals(ExitCodes.OK, o.exitCode(), o.error());
        assertTrue(o.output().contains("Robustness: 4 draws x 2 replications"), o.output());
        assertEquals(ExitCodes.OK, run("run scenarios/smoke.yaml --robustness 4 --threads 2 --out " + b).exitCode());
        assertArrayEquals(Files.readAllBytes(a.resolve("report.json")), Files.readAllBytes(b.resolve("report.json")),
                "report.json differs between 1 and 2 threads");
        String md = Files.readString(a.resolve("report.md"));
        assertTrue(md.contains("## Robustness to the behaviour assumptions"), md);
        assertTrue(md.contains("## The behaviour values drawn"), md);
        assertTrue(md.contains("assumed range"), md);
        assertTrue(md.contains("4 draws across the behaviour ranges (--robustness 4)"), md);
        assertTrue(Files.readString(a.resolve("report.html")).contains("Robustness to the behaviour assumptions"));
        String json = Files.readString(a.resolve("report.json"));
        assertTrue(json.contains("\"robustness\" : {") && json.contains("\"replicationsPerDraw\" : 2"), json);
        assertTrue(Files.readString(a.resolve("manifest.json")).contains("\"draws\" : 4"));
        CommandLine.Outcome v = run("verify " + a);
        assertEquals(ExitCodes.OK, v.exitCode(), v.output() + v.error());
    }

    @Test
    void withoutABlockOrTheOptionARunHasNoSection() throws IOException {
        Path c = tmp.resolve("c");
        assertEquals(ExitCodes.OK, run("run scenarios/smoke.yaml --out " + c).exitCode());
        assertFalse(Files.readString(c.resolve("report.md")).contains("Robustness to the behaviour"));
        assertFalse(Files.readString(c.resolve("report.json")).contains("\"robustness\""));
        assertFalse(Files.readString(c.resolve("manifest.json")).contains("\"robustness\""));
    }
}
