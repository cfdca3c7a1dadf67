package nl.fieldlab.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Ctrl-C while a batch command is still starting. The tester saw exit code 130 and not a word: Java's own handler
 * ended the process before the command's handler was installed. A real process gets a real signal while it starts.
 */
class StartupInterruptTest {

    /** Stands in for {@code main} up to where Spring would start, then waits there. */
    public static final class Starting {
        static final String MARK = "starting";

        public static void main(String[] args) throws InterruptedException {
            FieldlabApplication.answerEarlyInterrupts(args);
            System.out.println(MARK);
            System.out.flush();
            Thread.sleep(600_000);
        }
    }

    @Test
    void aCtrlCWhileABatchCommandStartsSaysNothingWasWritten() throws Exception {
        Ended ended = interruptWhileStarting("run", "scenarios/smoke.yaml");
        assertEquals(130, ended.exit());
        assertEquals("error: cancelled; nothing was written", ended.stderr().strip());
    }

    @Test
    void nearMissWithoutACommandJavasOwnHandlerEndsInSilence() throws Exception {
        // the interactive shell installs its own handling once JLine starts; before that this is Java's default
        Ended ended = interruptWhileStarting();
        assertEquals(130, ended.exit());
        assertEquals("", ended.stderr().strip());
    }

    record Ended(int exit, String stderr) {
    }

    static Ended interruptWhileStarting(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(
                // SIGINT as an interactive shell leaves it, also when the build runs in the background
                "env", "--default-signal=INT",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xshare:off",
                "-cp", System.getProperty("java.class.path"), Starting.class.getName()));
        command.addAll(List.of(args));
        Process child = new ProcessBuilder(command).start();
        try (BufferedReader stdout = reader(child.getInputStream());
                BufferedReader stderr = reader(child.getErrorStream())) {
            assertNotNull(stdout.readLine(), "the process ended before it started");
            assertEquals(0, new ProcessBuilder("kill", "-INT", String.valueOf(child.pid())).start().waitFor());
            int exit = child.waitFor();
            return new Ended(exit, String.join("\n", stderr.lines().toList()));
        } finally {
            child.destroyForcibly();
        }
    }

    static BufferedReader reader(java.io.InputStream in) {
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
}
