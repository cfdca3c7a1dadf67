package nl.fieldlab.sandbox.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.fieldlab.sandbox.domain.Actor;
import nl.fieldlab.sandbox.rules.RuleInfo;
import nl.fieldlab.sandbox.scenario.Scenario;

/** explain, explain --diff and friction on the smoke scenario. */
class ExplainerTest {

    @TempDir
    static Path tmp;

    static Workbench workbench;
    static Explainer explainer;
    static int workers;

    @BeforeAll
    static void load() {
        workbench = new Workbench("rules", tmp.resolve("reports").toString(), List.of());
        Scenario s = workbench.loadScenario(Path.of("scenarios/smoke.yaml"));
        workers = s.workerCount();
        explainer = new Explainer(workbench);
    }

    @Test
    void explanationHasMonthsDecisionsRulesSourcesAndPayments() {
        Explainer.Explanation e = explainer.explain(0, null, 0);
        assertEquals("baseline", e.variant());
        assertEquals("ww", e.worker().group());
        assertFalse(e.monthBlocks().isEmpty());
        Explainer.MonthBlock first = e.monthBlocks().get(0);
        assertEquals(e.start(), first.yearMonth());

        // the WW grant: allowed, by rules with a legal source and the parameter values they read
        Explainer.Step grant = e.steps().get(0);
        assertEquals("WW granted", grant.kind());
        assertEquals(Explainer.Decision.ALLOWED, grant.decision());
        Explainer.RuleUse amount = grant.rules().stream().filter(u -> u.effects().stream()
                .anyMatch(x -> x.startsWith("pays WW_BENEFIT"))).findFirst().orElseThrow();
        assertTrue(amount.source().contains("Werkloosheidswet"), amount.source());
        assertTrue(amount.where().startsWith("baseline/"), amount.where());
        assertFalse(amount.parameters().isEmpty(), "the WW amount rule reads parameters");
        amount.parameters().forEach(p -> assertTrue(grant.question().has(p.key()), p.key()));

        // payments: per month and line, and totals per payer
        Explainer.PaymentRow ww = first.payments().stream().filter(p -> p.payer() == Actor.UWV).findFirst()
                .orElseThrow();
        assertEquals(Actor.WORKER, ww.payee());
        assertEquals(amount.ruleId(), ww.ruleId());
        assertTrue(ww.amount() > 0);
        assertTrue(e.consequences().paidBy().get(Actor.UWV) >= ww.amount());
        assertTrue(e.consequences().monthsOnBenefit() >= 1);
    }

    @Test
    void aRuleListsTheParametersOfTheFunctionsItsFunctionsCall() {
        // TAX-ON-BENEFIT calls monthlyWageTax, which reads the brackets and credits through functions of its own
        Explainer.Step grant = explainer.explain(0, null, 0).steps().get(0);
        Explainer.RuleUse tax = grant.rules().stream().filter(u -> u.ruleId().equals("TAX-ON-BENEFIT")).findFirst()
                .orElseThrow(() -> new AssertionError("the WW grant withholds wage tax: " + grant.rules()));
        List<String> keys = tax.parameters().stream().map(p -> p.key()).toList();
        for (String key : List.of("tax.table.annual-wage-step", "tax.bracket-1.max", "tax.bracket-1.rate",
                "tax.general-credit.max", "tax.general-credit.phase-out-rate")) {
            assertTrue(keys.contains(key), key + " in " + keys);
        }
    }

    @Test
    void aBlockedDecisionNamesTheBlockingRuleAndItsSource() {
        for (int w = 0; w < workers; w++) {
            for (Explainer.Step s : explainer.explain(w, "baseline", 0).steps()) {
                if (s.decision() != Explainer.Decision.BLOCKED) {
                    continue;
                }
                assertEquals(s.answer().blockedBy(), s.rules().get(0).ruleId());
                RuleInfo info = workbench.rules().forVariants(List.of(nl.fieldlab.sandbox.rules.Variant.baseline()), 1)
                        .get("baseline").rules().get(s.rules().get(0).ruleId());
                assertEquals(info.source(), s.rules().get(0).source());
                assertFalse(s.rules().get(0).source().isBlank());
                assertTrue(s.rules().get(0).effects().get(0).startsWith("blocks: "), s.rules().get(0).effects().toString());
                return;
            }
        }
        throw new AssertionError("no worker in the smoke scenario has a blocked decision");
    }

    @Test
    void diffFindsWhereE2ChangesATrialPlacement() {
        Explainer.Diff found = null;
        for (int w = 0; w < workers && found == null; w++) {
            Explainer.Diff d = explainer.diff(w, "E2", 0);
            if (d.differs() && d.causeKind() == Explainer.Cause.EXEMPTION) {
                found = d;
            }
        }
        assertNotNull(found, "some worker's trial placement changes under E2");
        Explainer.Diff d = found;
        assertEquals(d.baseExplanation().start().plusMonths(d.month()), d.yearMonth());
        assertEquals(d.baseStep().kind(), d.otherStep().kind());
        assertTrue(d.clauses().stream().anyMatch(c -> c.exemption().equals("E2") && c.ruleId().startsWith("E2-")),
                d.clauses().toString());
        assertTrue(d.suspended().values().stream().anyMatch(by -> by.contains("E2")), d.suspended().toString());
        assertTrue(d.cause().contains("E2"), d.cause());
        // nothing differs before that month: same event kinds and decisions
        List<String> before = path(d.baseExplanation(), d.month());
        assertEquals(before, path(d.otherExplanation(), d.month()));
        // and in that month the answers differ
        assertFalse(d.baseStep().answer().equals(d.otherStep().answer()));
    }

    private static List<String> path(Explainer.Explanation e, int untilMonth) {
        return e.steps().stream().filter(s -> s.month() < untilMonth).map(s -> s.month() + " " + s.kind() + " "
                + s.decision()).toList();
    }

    @Test
    void aWorkerWhosePathDoesNotChangeGetsNoDifference() {
        for (int w = workers - 1; w >= 0; w--) {
            Explainer.Diff d = explainer.diff(w, "E2", 0);
            if (!d.differs()) {
                assertEquals(-1, d.month());
                assertNull(d.baseStep());
                assertEquals(Explainer.Cause.NONE, d.causeKind());
                assertTrue(d.cause().startsWith("no difference"), d.cause());
                return;
            }
        }
        throw new AssertionError("every worker's path changes under E2");
    }

    @Test
    void badInputIsOneLine() {
        CommandFailure v = assertThrows(CommandFailure.class, () -> explainer.explain(0, "E99", 0));
        assertTrue(v.getMessage().startsWith("unknown variant 'E99'"), v.getMessage());
        CommandFailure w = assertThrows(CommandFailure.class, () -> explainer.explain(workers, null, 0));
        assertTrue(w.getMessage().contains("workers are 0 to " + (workers - 1)), w.getMessage());
        CommandFailure r = assertThrows(CommandFailure.class, () -> explainer.explain(0, null, 99));
        assertTrue(r.getMessage().contains("no replication 99"), r.getMessage());
        assertThrows(CommandFailure.class, () -> explainer.diff(0, "baseline", "baseline", 0));
    }

    @Test
    void anExemptionIdWorksAsAVariant() {
        // E1 is not a variant of the smoke scenario: the baseline plus E1 is traced
        assertEquals("E1", explainer.explain(0, "E1", 0).variant());
    }

    @Test
    void frictionNeedsARun() {
        Workbench fresh = new Workbench("rules", tmp.resolve("none").toString(), List.of());
        CommandFailure f = assertThrows(CommandFailure.class, () -> new Explainer(fresh).friction(null));
        assertTrue(f.getMessage().contains("use: run"), f.getMessage());
    }

    @Test
    void frictionRanksBlockingRulesAndShowsTheExemptionThatLiftsThem() throws IOException {
        // No shipped exemption switches off a blocking rule (E1 no longer lifts a course block: on WW any course may
        // be followed), so the library gets one that does: E99 lifts UWV's waiting months before a WW trial
        // placement. The smoke scenario's WW recipients are fresh out of work, with E99 alone as a variant.
        Path rules = nl.fieldlab.sandbox.TestRuns.copyTree(Path.of("rules"), tmp.resolve("friction-rules"));
        Files.writeString(rules.resolve("exemptions/E99-no-trial-waiting.yaml"), """
                id: E99
                title: Trial placement without waiting months
                description: WW recipients may start a trial placement in their first months out of work.
                mechanism: Earlier trial placements.
                risk: Deadweight.
                source: "test exemption"
                suspends: [TRIAL-WW-WAITING]
                scope:
                  questions: [TRIAL_PLACEMENT]
                  statuses: [WW]
                """);
        Workbench wb = new Workbench(rules.toString(), tmp.resolve("friction-reports").toString(), List.of());
        Explainer ex = new Explainer(wb);
        Path file = tmp.resolve("fresh-ww.yaml");
        String text = Files.readString(Path.of("scenarios/smoke.yaml"))
                .replace("id: smoke", "id: fresh-ww")
                .replace("    monthsUnemployed: {min: 3, max: 5}", "    monthsUnemployed: {min: 0, max: 1}")
                .replace("  - name: E2\n    exemptions: [E2]", "  - name: E99\n    exemptions: [E99]");
        assertTrue(text.contains("{min: 0, max: 1}") && text.contains("exemptions: [E99]"), "scenario edited");
        Files.writeString(file, text);
        wb.loadScenario(file);
        wb.run(new Workbench.RunOptions(file, tmp.resolve("fresh-ww"), null, null, 2, null, null, "run"));

        Explainer.Friction f = ex.friction(null);
        assertEquals("baseline", f.variant());
        assertEquals("fresh-ww", f.scenarioId());
        assertFalse(f.rows().isEmpty());
        for (int i = 1; i < f.rows().size(); i++) {
            assertTrue(f.rows().get(i - 1).blocked().mean() >= f.rows().get(i).blocked().mean(), "ranked");
        }
        Explainer.FrictionRow waiting = f.rows().stream().filter(r -> r.ruleId().equals("TRIAL-WW-WAITING"))
                .findFirst().orElseThrow(() -> new AssertionError("TRIAL-WW-WAITING blocks: " + f.rows()));
        assertTrue(waiting.source().contains("UWV"), waiting.source());
        Explainer.ExemptionEffect e99 = waiting.exemptions().stream().filter(x -> x.exemption().equals("E99"))
                .findFirst().orElseThrow();
        assertEquals("E99", e99.variant());
        assertTrue(e99.blocked().mean() < 0, "E99 lifts the rule: " + e99.blocked());
        assertNotNull(e99.placements());

        assertThrows(CommandFailure.class, () -> ex.friction("nope"));
        assertEquals("E99", ex.friction("E99").variant());
    }

    /**
     * A variant that does worse gets a reading of why, with one worker whose answer its exemption changed; that
     * example is what {@code explain --diff} replays: the same first placements in both variants.
     */
    @Test
    void theReportSaysWhyAVariantDoesWorseWithAnExampleExplainAgreesWith() {
        // smoke's E2 loses fewer months in work since a trial follows only a refused direct hire and employers offer
        // few (issue 23): here they offer trials as readily as before the calibration (0.5), and with 10 replications
        // (the fewest a verdict needs) Holm's correction calls the loss (replication 0, which explain replays, is
        // the same as with smoke's 3)
        Path file = tmp.resolve("smoke-trials.yaml");
        try {
            java.nio.file.Files.writeString(file, java.nio.file.Files.readString(Path.of("scenarios/smoke.yaml"))
                    .replace("\nvariants:", "\nbehaviour:\n  hire.trial-offer-rate: 0.5\nvariants:"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Workbench trials = new Workbench("rules", tmp.resolve("reports-trials").toString(), List.of());
        Scenario smoke = trials.loadScenario(file);
        assertEquals(0.5, smoke.behaviour().get("hire.trial-offer-rate"), "update the test: smoke's variants moved");
        Explainer explainer = new Explainer(trials);
        Scenario s = smoke.with(smoke.seed(), nl.fieldlab.sandbox.stats.HeadlineFamily.MIN_REPLICATIONS,
                smoke.behaviour(), smoke.variants());
        nl.fieldlab.sandbox.simulation.SimulationResult r = nl.fieldlab.sandbox.TestRuns.run(s, 2);
        nl.fieldlab.sandbox.report.Report report = nl.fieldlab.sandbox.TestRuns.report(r);
        var why = report.leadSections().stream().filter(x -> x.id().equals("why-worse")).findFirst().orElseThrow(
                () -> new AssertionError("smoke's E2 gives fewer years in work at a higher cost: a why section"));
        String text = String.join("\n", why.paragraphs());
        assertTrue(text.contains("E2 does worse than the baseline (headline verdicts): ") && text.contains("fewer years in work ("), text);
        assertTrue(why.rows().stream().anyMatch(row -> row.get(0).equals("E2") && row.get(2).equals("trial-screening")
                && row.get(3).startsWith("months on a trial placement")), why.rows().toString());
        var example = r.changedAnswers().get("E2").stream()
                .filter(nl.fieldlab.sandbox.simulation.ChangedAnswer::setBack).findFirst().orElseThrow();
        assertTrue(text.contains("worker " + example.worker() + " "), text);
        assertTrue(text.contains("E2-TRIAL-DURATION"), "the example names the exemption's rule:\n" + text);

        Explainer.Diff d = explainer.diff(example.worker(), "E2", 0);
        assertTrue(d.differs());
        assertEquals(example.basePlaced(), d.baseExplanation().consequences().firstPlacement(),
                "explain replays the baseline run the example came from");
        assertEquals(example.placed(), d.otherExplanation().consequences().firstPlacement(),
                "explain replays the variant run the example came from");
        assertFalse(d.yearMonth().isAfter(example.month()), "the paths part at the changed answer or before");
    }

    @Test
    void aVariantThatDoesNoWorseGetsNoReadingOfWhy() {
        Scenario s = workbench.scenario();
        Scenario same = s.with(s.seed(), s.replications(), s.behaviour(), List.of(s.variants().get(0),
                new nl.fieldlab.sandbox.rules.Variant("E3", List.of("E3"), java.util.Map.of())));
        nl.fieldlab.sandbox.report.Report report = nl.fieldlab.sandbox.TestRuns.report(
                nl.fieldlab.sandbox.TestRuns.run(same, 2));
        assertTrue(report.leadSections().stream().noneMatch(x -> x.id().equals("why-worse")),
                "E3 does not reach smoke's workers (its scope is MRA): nothing got worse, nothing to explain");
    }
}
