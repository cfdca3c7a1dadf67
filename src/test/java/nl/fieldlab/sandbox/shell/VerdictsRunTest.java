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

/** Verdicts through the commands: below 10 replications a run calls nothing and says so; a ranking refuses. */
class VerdictsRunTest extends ShellTestSupport {

    @TempDir
    Path tmp;

    @Test
    void belowTenReplicationsARunStillRunsButCallsNothingAndSaysSo() throws IOException {
        Path out = tmp.resolve("smoke");
        CommandLine.Outcome o = run("run scenarios/smoke.yaml --out " + out);
        assertEquals(ExitCodes.OK, o.exitCode(), o.error());
        assertTrue(o.output().contains("3 replications, below the 10 a verdict needs: no difference is called"),
                o.output());
        String md = Files.readString(out.resolve("report.md"));
        String family = md.substring(md.indexOf("## Headline verdicts"), md.indexOf("\n## ", md.indexOf(
                "## Headline verdicts") + 5));
        assertTrue(family.contains("3 replications, below the 10 a verdict needs: no difference is called"), family);
        assertTrue(family.lines().filter(l -> l.startsWith("| E2 |")).count() == 6, family);
        assertTrue(family.lines().filter(l -> l.startsWith("| E2 |")).noneMatch(l -> l.contains(" *")), family);
        assertTrue(family.contains("too few replications"), family);
        CommandLine.Outcome compare = run("compare");
        assertTrue(compare.output().contains("no difference is called"), compare.output());
        assertTrue(compare.output().lines().filter(l -> !l.contains("* =")).noneMatch(l -> l.contains(" *")),
                compare.output());
    }

    @Test
    void rankExemptionsRefusesBelowTenReplicationsBeforeItSimulates() {
        CommandLine.Outcome o = run("rank-exemptions --replications 3 --out " + tmp.resolve("ranking"));
        assertEquals(ExitCodes.BAD_INPUT, o.exitCode(), o.output());
        assertTrue(o.error().contains("--replications: rank-exemptions calls differences and needs at least 10 "
                + "replications (got 3); give --replications 10 or more"), o.error());
        assertFalse(Files.exists(tmp.resolve("ranking")));
    }

    @Test
    void runWithTwoSeedsCallsOnlyWhatBothCallAndVerifyRerunsBoth() throws IOException {
        Path plain = tmp.resolve("plain");
        Path two = tmp.resolve("two");
        assertEquals(ExitCodes.OK, run("run scenarios/smoke.yaml --replications 10 --out " + plain).exitCode());
        CommandLine.Outcome o = run("run scenarios/smoke.yaml --replications 10 --seeds 2 --out " + two);
        assertEquals(ExitCodes.OK, o.exitCode(), o.error());
        long second = nl.fieldlab.sandbox.stats.SeedAgreement.seedOf(7, 1);
        assertTrue(o.output().contains("Seed check: 2 runs with independent seeds (7, " + second + ")"), o.output());
        String md = Files.readString(two.resolve("report.md"));
        assertTrue(md.contains("Seed check: 2 runs with independent seeds (7, " + second + "); a difference is "
                + "called only where every run calls it, in the same direction."), md);
        assertTrue(md.contains("| seed 7 | seed " + second + " | verdict |"), md);
        assertTrue(md.contains("2 runs with independent seeds instead of the file's 1"), "a change from the file");
        assertTrue(Files.readString(two.resolve("manifest.json")).contains("\"seeds\" : 2"));
        // run 0 is the plain run: the same metrics, byte for byte
        var mapper = tools.jackson.databind.json.JsonMapper.builder().build();
        assertEquals(mapper.readTree(Files.readString(plain.resolve("report.json"))).get("metrics"),
                mapper.readTree(Files.readString(two.resolve("report.json"))).get("metrics"));
        CommandLine.Outcome verify = run("verify " + two);
        assertEquals(ExitCodes.OK, verify.exitCode(), verify.output() + verify.error());
    }

    @Test
    void seedsOutsideOneToFiveAreRefused() {
        for (String k : new String[] {"0", "9"}) {
            CommandLine.Outcome o = run("run scenarios/smoke.yaml --seeds " + k + " --out " + tmp.resolve("s" + k));
            assertEquals(ExitCodes.BAD_INPUT, o.exitCode(), o.output());
            assertTrue(o.error().contains("--seeds: expected 1 to 5 runs with independent seeds, got " + k),
                    o.error());
        }
    }
}
