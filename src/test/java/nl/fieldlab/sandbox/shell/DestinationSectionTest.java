package nl.fieldlab.sandbox.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.fieldlab.sandbox.app.ExitCodes;

/**
 * Where people landed reaches every output (issue 25, item 2): report.md and report.html carry the section,
 * summary.csv the dest.* rows, and compare --destinations prints the two tables.
 */
class DestinationSectionTest extends ShellTestSupport {

    @TempDir
    Path tmp;

    @Test
    void theRunsOutputsShowWherePeopleLanded() throws IOException {
        Path out = tmp.resolve("smoke");
        CommandLine.Outcome run = run("run scenarios/smoke.yaml --out " + out);
        assertEquals(ExitCodes.OK, run.exitCode(), run.error());

        String md = Files.readString(out.resolve("report.md"));
        assertTrue(md.contains("## Where people landed (exploratory)"), "report.md has the section");
        assertTrue(md.contains("## The wage gained against the benefit left (exploratory)"), "and the income table");
        assertTrue(md.contains("| employer: installation | placements |"), "a row per employer group");
        assertTrue(md.contains("| gain: net in work less benefit left (EUR a month) |"), "the gain row");
        assertTrue(Files.readString(out.resolve("report.html")).contains("Where people landed (exploratory)"));
        String csv = Files.readString(out.resolve("summary.csv"));
        assertTrue(csv.contains("dest.income.gain"), "summary.csv has the gain");
        assertTrue(csv.contains("dest.wage.min-125.workYears"), "and the wage bands");

        CommandLine.Outcome c = run("compare --destinations");
        assertEquals(ExitCodes.OK, c.exitCode(), c.error());
        assertTrue(c.output().contains("Where people landed (exploratory)"), c.output());
        assertTrue(c.output().contains("The wage gained against the benefit left (exploratory)"), c.output());
        assertTrue(c.output().contains("field: electrical"), c.output());
        assertTrue(c.output().contains("E2 - baseline [95 % CI]"), c.output());

        CommandLine.Outcome both = run("compare --destinations --metric placements");
        assertEquals(ExitCodes.BAD_INPUT, both.exitCode());
        assertTrue(both.error().contains("--destinations and --metric: give one") || both.output().contains(
                "--destinations and --metric: give one"), both.error() + both.output());
    }
}
