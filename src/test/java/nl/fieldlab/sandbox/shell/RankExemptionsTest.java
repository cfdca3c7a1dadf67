package nl.fieldlab.sandbox.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.fieldlab.sandbox.app.ExitCodes;

/**
 * rank-exemptions on smoke: each exemption's reach and what its rules paid beside its effect on work-years, the
 * headline family's verdicts, and an exemption that reaches no one here saying so instead of ranking as 0 [0, 0].
 */
class RankExemptionsTest extends ShellTestSupport {

    @TempDir
    Path tmp;

    @Test
    void anUnreachedExemptionSaysWhyAndEveryRowShowsReachCostAndVerdict() throws IOException {
        ok("scenario load scenarios/smoke.yaml");
        Path out = tmp.resolve("ranking");
        CommandLine.Outcome o = run("rank-exemptions --replications 10 --out " + out);
        assertEquals(ExitCodes.OK, o.exitCode(), o.output() + o.error());
        String console = o.output();
        assertTrue(console.contains("Exemptions ranked by effect on work-years"), console);
        assertTrue(console.contains("workers in scope / participants"), console);
        assertTrue(console.contains("paid by its rules (euro)") && console.contains("extra net public cost (euro)"),
                console);
        assertTrue(console.contains("corrected together by Holm's method"), console);
        String md = Files.readString(out.resolve("ranking.md"));
        String e3 = md.lines().filter(l -> l.startsWith("| - | E3 ")).findFirst()
                .orElseThrow(() -> new AssertionError("E3 is unranked:\n" + md));
        assertTrue(e3.contains("does not reach this scenario: "), e3);
        assertFalse(e3.contains("0 [0, 0]"), e3);
        // unranked rows come after every ranked one
        List<String> rows = md.lines().filter(l -> l.matches("\\| (\\d+|-) \\| .*")).toList();
        int firstUnranked = rows.indexOf(rows.stream().filter(l -> l.startsWith("| - |")).findFirst().orElseThrow());
        assertTrue(rows.subList(firstUnranked, rows.size()).stream().allMatch(l -> l.startsWith("| - |")), md);
        assertTrue(firstUnranked > 0, "some exemption reaches smoke's workers:\n" + md);
        String csv = Files.readString(out.resolve("ranking.csv"));
        assertTrue(csv.lines().findFirst().orElseThrow().endsWith(",status,reach_workers,reach_participants,paid,"
                + "net_public_cost_mean,net_public_cost_ci_low,net_public_cost_ci_high,p,p_adjusted,called"), csv);
        assertTrue(csv.lines().anyMatch(l -> l.startsWith(",E3,") && l.contains("does not reach this scenario")),
                csv);
    }

    @Test
    void aMetricOutsideTheFamilyIsExploratory() {
        var ranking = new nl.fieldlab.sandbox.app.Analyses.Ranking(null, "placementRate", List.of(), null, null, null,
                List.of(), null, null);
        assertTrue(nl.fieldlab.sandbox.app.Analyses.rankingText(ranking).startsWith("Exploratory: placementRate is "
                + "not in the headline family, so no difference here is a verdict"));
        var workYears = new nl.fieldlab.sandbox.app.Analyses.Ranking(null, "monthsInWork", List.of(), null, null,
                null, List.of(), null, null);
        assertEquals("work-years", workYears.label());
        assertEquals(1.5, workYears.shown(nl.fieldlab.sandbox.stats.Summary.of(new double[] {12, 24})).mean(), 1e-12);
    }
}
