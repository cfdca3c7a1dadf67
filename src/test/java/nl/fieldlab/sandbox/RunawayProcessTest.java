package nl.fieldlab.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.fieldlab.sandbox.rules.RunawayRules;

/**
 * The runaway rules that cannot be tried inside the test JVM, each in a JVM of its own as {@code java -jar} runs:
 * allocation without end (the heap fills up; a small heap keeps it quick) and an exit by reflection (the shutdown
 * hook turns it into exit code 1 with a message). Both end with exit code 1, a message naming the rule, and no
 * report. One simulation thread, so that the heap fills up in the rule and not beside it. Waits are on the process,
 * with a generous bound.
 */
class RunawayProcessTest {

    @TempDir
    Path tmp;

    record Outcome(int exit, String output) {
    }

    Outcome run(String drl, String heap) throws IOException, InterruptedException {
        Path rules = RunawayRules.copyWith(tmp.resolve("rules"), drl);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, heap, "-Xshare:off", "-Dfieldlab.rule-cache=off",
                "-Dfieldlab.rules=" + rules, "-Dfieldlab.reports=" + tmp.resolve("reports"),
                "-cp", System.getProperty("java.class.path"), FieldlabApplication.class.getName(),
                "run", Path.of("scenarios/smoke.yaml").toAbsolutePath().toString(), "--out",
                tmp.resolve("reports/out").toString(), "--threads", "1"));
        Path log = tmp.resolve("output.txt");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(600, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the run did not end within 600 s:\n" + Files.readString(log));
        }
        return new Outcome(p.exitValue(), Files.readString(log));
    }

    @Test
    void allocationWithoutEndIsAClearErrorNamingTheRule() throws Exception {
        Outcome o = run(RunawayRules.ALLOCATION, "-Xmx600m");
        assertEquals(1, o.exit(), o.output());
        assertTrue(o.output().contains("error: " + RunawayRules.FILE + ":3: rule RUNAWAY-ALLOCATION ran out of memory"),
                o.output());
        assertFalse(Files.exists(tmp.resolve("reports/out")), "no report");
    }

    @Test
    void anExitFromInsideARuleIsAnErrorNamingTheRule() throws Exception {
        Outcome o = run(RunawayRules.EXIT_BY_REFLECTION, "-Xmx1g");
        assertEquals(1, o.exit(), o.output());
        assertTrue(o.output().contains("error: rule RUNAWAY-EXIT ended the program (System.exit or Runtime.exit);"
                + " rules may not, and nothing was written"), o.output());
        assertFalse(Files.exists(tmp.resolve("reports/out")), "no report");
    }
}
