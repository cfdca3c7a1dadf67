package nl.fieldlab.sandbox.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGINT (Ctrl-C) in batch mode while a run moves its new report into place. The tester saw exit code 130 with
 * the new report in place: the exit code said "cancelled" of a run that had succeeded. A real process gets a real
 * signal at that very moment: it must finish and exit 0, with the new report in place.
 */
class InterruptedWriteTest {

    @TempDir
    Path tmp;

    @Test
    void aSigintOnceTheNewReportIsBeingMovedInIsRefusedAndTheRunExitsZero() throws Exception {
        Path out = tmp.resolve("smoke");
        ReportFolder.write(out, Map.of("report.md", "# the earlier report\n"), ReportFolderTest::manifest);

        List<String> command = new ArrayList<>(List.of(
                // SIGINT as an interactive shell leaves it, also when the build runs in the background
                "env", "--default-signal=INT",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xshare:off"));
        command.addAll(nl.fieldlab.sandbox.TestRuns.ruleCacheFlags());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), StopAtPointOfNoReturn.class.getName(),
                "run", "scenarios/smoke.yaml", "--out", out.toString(), "--threads", "1"));
        Process child = new ProcessBuilder(command).start();
        try (BufferedReader stdout = reader(child.getInputStream());
                BufferedReader stderr = reader(child.getErrorStream());
                OutputStream stdin = child.getOutputStream()) {
            String line;
            do {
                line = stdout.readLine();
                assertNotNull(line, "the run ended before its report reached the point of no return");
            } while (!line.equals(StopAtPointOfNoReturn.MARK));

            assertEquals(0, new ProcessBuilder("kill", "-INT", String.valueOf(child.pid())).start().waitFor());
            // the process answers the signal: it ends (as Java's own handler has it end, with 130), or says it
            // finishes first
            String said;
            do {
                said = stderr.readLine();
            } while (said != null && !said.contains("interrupt refused"));
            stdin.write('\n');
            stdin.flush();
            String rest = String.join("\n", stdout.lines().toList());
            int exit = child.waitFor();
            assertEquals(0, exit, "the new report is in place: the run succeeded\n" + rest);
            assertTrue(said != null && said.contains("the output is already in place"), said);
        } finally {
            child.destroyForcibly();
        }
        assertTrue(Files.readString(out.resolve("report.md")).startsWith("# Fieldlab Sandbox report: smoke"),
                "the new report is in place");
    }

    static BufferedReader reader(java.io.InputStream in) {
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
}
