package nl.fieldlab.sandbox.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.fieldlab.sandbox.input.InputError;
import nl.fieldlab.sandbox.input.InputErrors;
import nl.fieldlab.sandbox.scenario.EvidenceTable;
import nl.fieldlab.sandbox.stats.Summary;

/**
 * An evidence row known to fail is recorded in the table ({@code known-failing: {since, reason, issue}}): the check
 * reports it as KNOWN FAIL and does not fail for it, while a row that newly fails, or a recorded row that starts to
 * pass, still fails the check (exit 2), so that the record has to follow the model. A record the table cannot hold
 * (no date, no reason, on a row that is not simulated) is refused with the field named.
 */
class EvidenceKnownFailingTest {

    @TempDir
    Path dir;

    private static final String ROW = """
            rows:
              - id: bbl-completion
                instrument: BBL completion
                mechanism: bbl-contract
                population: "BBL leavers"
                country: NL
                horizon-months: 48
                outcome: "share with a diploma"
                measure: share
                published: 0.66
                band: [0.55, 0.75]
                band-reason: "tolerance"
                source: "CBS"
                table: "text"
                check: {scenario: evidence/bbl.yaml, variant: baseline, metric: bbl.completion}
            """;

    private EvidenceTable.Row load(String extra) throws IOException {
        Path f = dir.resolve("evidence.yaml");
        Files.writeString(f, ROW + extra);
        return EvidenceTable.load(f).rows().get(0);
    }

    private static Analyses.Verdict verdict(EvidenceTable.Row row, double simulated) {
        boolean passes = simulated >= row.low() && simulated <= row.high();
        return new Analyses.EvidenceRow(row, Summary.of(new double[] {simulated, simulated}), passes, "").verdict();
    }

    @Test
    void aRecordedFailureIsReportedAndDoesNotFailTheCheckButAPassOrANewFailureDoes() throws IOException {
        EvidenceTable.Row plain = load("");
        EvidenceTable.Row recorded = load("""
                    known-failing: {since: 2026-12-07, reason: "apprentices leave at one rate", issue: 23}
                """);
        assertEquals("apprentices leave at one rate", recorded.knownFailing().reason());
        assertEquals(Analyses.Verdict.PASS, verdict(plain, 0.66));
        assertEquals(Analyses.Verdict.FAIL, verdict(plain, 0.24));
        assertTrue(verdict(plain, 0.24).failsTheCheck(), "a new failure fails the check");
        assertEquals(Analyses.Verdict.KNOWN_FAIL, verdict(recorded, 0.24));
        assertFalse(verdict(recorded, 0.24).failsTheCheck(), "a recorded failure does not");
        // the near miss: the recorded row now passes, and the check fails until the record goes
        assertEquals(Analyses.Verdict.PASSES_BUT_RECORDED_FAILING, verdict(recorded, 0.70));
        assertTrue(verdict(recorded, 0.70).failsTheCheck());
        // a row that cannot run (NaN: the metric is missing) fails like any other
        assertEquals(Analyses.Verdict.FAIL, new Analyses.EvidenceRow(plain, Summary.of(new double[] {Double.NaN}),
                false, "cannot run").verdict());
    }

    /** A quick check's mean outside the band with an interval that reaches it cannot tell: the full check decides. */
    @Test
    void aQuickCheckThatCannotTellIsInconclusiveButAClearMissStillFails() throws IOException {
        EvidenceTable.Row plain = load("");
        // mean 0.87 outside [0.55, 0.75], interval from about 0.47 to 1.27 at 4 replications
        Summary wide = Summary.of(new double[] {0.47, 0.9, 1.2, 0.91});
        assertTrue(wide.mean() > plain.high() && wide.ciLow() <= plain.high(), wide.toString());
        Analyses.EvidenceRow quick = new Analyses.EvidenceRow(plain, wide, false, "", true);
        assertEquals(Analyses.Verdict.INCONCLUSIVE_QUICK, quick.verdict());
        assertFalse(quick.verdict().failsTheCheck());
        assertEquals(Analyses.Verdict.FAIL, new Analyses.EvidenceRow(plain, wide, false, "", false).verdict(),
                "near miss: the full check judges the mean");
        Summary clear = Summary.of(new double[] {0.95, 0.96, 0.97, 0.96});
        assertEquals(Analyses.Verdict.FAIL, new Analyses.EvidenceRow(plain, clear, false, "", true).verdict(),
                "near miss: an interval wholly outside the band fails the quick check too");
        Map<Analyses.Verdict, Long> counts = new EnumMap<>(Analyses.Verdict.class);
        counts.put(Analyses.Verdict.PASS, 3L);
        counts.put(Analyses.Verdict.INCONCLUSIVE_QUICK, 1L);
        assertTrue(Analyses.evidenceSummary(4, counts).endsWith("; 1 inconclusive at 4 replications (the full check,"
                + " without --quick, decides)"), Analyses.evidenceSummary(4, counts));
    }

    @Test
    void theSummarySaysWhatToDoAboutEachKindOfFailure() {
        Map<Analyses.Verdict, Long> counts = new EnumMap<>(Analyses.Verdict.class);
        counts.put(Analyses.Verdict.PASS, 3L);
        counts.put(Analyses.Verdict.KNOWN_FAIL, 2L);
        counts.put(Analyses.Verdict.NOT_SIMULATED, 1L);
        assertEquals("6 rows: 5 simulated, 3 pass, 0 fail, 2 known failing, 1 not simulated",
                Analyses.evidenceSummary(6, counts));
        counts.put(Analyses.Verdict.PASSES_BUT_RECORDED_FAILING, 1L);
        counts.put(Analyses.Verdict.FAIL, 1L);
        String s = Analyses.evidenceSummary(8, counts);
        assertTrue(s.contains("1 recorded as known-failing now passes (remove their known-failing record"), s);
        assertTrue(s.contains("record the row as known-failing (since, reason, issue)") && s.contains("never widen"), s);
    }

    @Test
    void aRecordWithoutADayOrAReasonOrOnARowNotSimulatedIsRefused() throws IOException {
        InputError e = assertThrows(InputError.class, () -> load("""
                    known-failing: {since: yesterday, reason: " ", issue: 0}
                """));
        String problems = e instanceof InputErrors many ? String.join("\n", many.problems().stream()
                .map(InputError::getMessage).toList()) : e.getMessage();
        assertTrue(problems.contains("rows[0].known-failing.since: expected the day the failure was recorded,"
                + " yyyy-mm-dd, got 'yesterday'"), problems);
        assertTrue(problems.contains("rows[0].known-failing.reason: expected why the row fails"), problems);
        assertTrue(problems.contains("rows[0].known-failing.issue: expected the number of the issue"), problems);
        Path f = dir.resolve("evidence.yaml");
        Files.writeString(f, ROW.replace("check: {scenario: evidence/bbl.yaml, variant: baseline, metric:"
                + " bbl.completion}", "check: {none: \"not modelled\"}")
                + "    known-failing: {since: 2026-12-07, reason: \"r\", issue: 23}\n");
        InputError none = assertThrows(InputError.class, () -> EvidenceTable.load(f));
        assertTrue(none.getMessage().contains("a row that is not simulated cannot fail"), none.getMessage());
    }
}
