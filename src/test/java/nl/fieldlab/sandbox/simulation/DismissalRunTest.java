package nl.fieldlab.sandbox.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.fieldlab.sandbox.TestRuns;
import nl.fieldlab.sandbox.domain.PaymentType;
import nl.fieldlab.sandbox.rules.Answer;
import nl.fieldlab.sandbox.rules.RuleBase;
import nl.fieldlab.sandbox.rules.Variant;
import nl.fieldlab.sandbox.scenario.Scenario;
import nl.fieldlab.sandbox.scenario.ScenarioLoader;

/**
 * Announced dismissals (baseline law, question DISMISSAL): the layoff draw announces a dismissal, the worker stays in
 * work for the notice period the rules give (BW 7:672), and only then claims WW, with the transition payment the
 * rules owe (BW 7:673) booked from the employer to the worker in that month.
 */
class DismissalRunTest {

    @TempDir
    static Path tmp;

    static Scenario scenario;

    /** The smoke scenario with 40 workers at risk of layoff (ids 100-139) over 12 months. */
    @BeforeAll
    static void scenario() throws IOException {
        String text = Files.readString(Path.of("scenarios/smoke.yaml")).replace("months: 6", "months: 12")
                .replace("employers:\n", """
                          - group: at-risk
                            count: 40
                            status: EMPLOYED
                            age: {min: 30, max: 55}
                            education: {MBO2: 1}
                            field: print-production
                            dailyWage: {min: 120, max: 180}
                            workHistoryYears: {min: 1, max: 20}
                            layoffRate: 0.15
                        employers:
                        """);
        Path file = tmp.resolve("dismissal.yaml");
        Files.writeString(file, text);
        scenario = ScenarioLoader.load(file);
    }

    /** One traced worker's events of the kinds named, and the transition payments booked for them. */
    record Path1(List<int[]> announced, List<Integer> laidOff, List<Integer> wwGranted, double transition) {
    }

    static Path1 trace(RuleBase rules, int worker) {
        List<int[]> announced = new ArrayList<>();
        List<Integer> laidOff = new ArrayList<>();
        List<Integer> ww = new ArrayList<>();
        double[] paid = new double[1];
        Simulator.trace(scenario, rules, 0, worker, new Trace() {
            @Override
            public void event(int month, String kind, String detail, String mechanism,
                    nl.fieldlab.sandbox.domain.Question q, Answer a) {
                switch (kind) {
                    case "dismissal announced" -> announced.add(new int[] {month,
                            (int) a.entitlement("notice.months", -1)});
                    case "laid off" -> laidOff.add(month);
                    case "WW granted" -> ww.add(month);
                    default -> {
                    }
                }
            }

            @Override
            public void paid(int month, int spellMonth, Answer.PaymentLine line) {
                if (line.type() == PaymentType.TRANSITION_PAYMENT) {
                    paid[0] += line.amount();
                }
            }
        });
        return new Path1(announced, laidOff, ww, paid[0]);
    }

    @Test
    void theJobEndsAndWwBeginsWhenTheNoticePeriodTheRulesGiveRunsOut() {
        RuleBase rules = RuleBase.compile(TestRuns.library(), Variant.baseline());
        RuleBase e2 = RuleBase.compile(TestRuns.library(), new Variant("E2", List.of("E2"), Map.of()));
        int checked = 0;
        int longer = 0;
        int same = 0;
        for (int worker = 100; worker < 140; worker++) {
            Path1 p = trace(rules, worker);
            Path1 other = trace(e2, worker);
            if (!p.announced().isEmpty() && !other.announced().isEmpty()) {
                // common random numbers: a worker still at risk is dismissed in the same month in every variant
                assertEquals(p.announced().get(0)[0], other.announced().get(0)[0], "worker " + worker);
                same++;
            }
            assertTrue(p.announced().size() <= 1, "one dismissal per job: worker " + worker);
            if (p.announced().isEmpty()) {
                assertEquals(List.of(), p.laidOff(), "near miss: no layoff without an announcement, worker " + worker);
                continue;
            }
            int month = p.announced().get(0)[0];
            int notice = p.announced().get(0)[1];
            assertTrue(notice >= 1 && notice <= 4, "BW 7:672 lid 2: 1 to 4 months, worker " + worker);
            if (month + notice >= scenario.months()) {
                assertEquals(List.of(), p.laidOff(), "still in notice at the horizon, worker " + worker);
                continue;
            }
            if (p.laidOff().isEmpty()) {
                continue; // moved to a simulated employer during notice
            }
            assertEquals(List.of(month + notice), p.laidOff(), "laid off when notice runs out, worker " + worker);
            assertTrue(p.wwGranted().contains(month + notice), "claims WW that month, worker " + worker);
            assertTrue(p.wwGranted().stream().allMatch(m -> m >= month + notice), "no WW in notice, worker " + worker);
            assertTrue(p.transition() > 0, "a transition payment is owed, worker " + worker);
            checked++;
            longer += notice > 1 ? 1 : 0;
        }
        assertTrue(checked >= 5, "enough layoffs to see: " + checked);
        assertTrue(longer >= 1, "some notice periods are longer than a month: " + longer);
        assertTrue(same >= 5, "announcements compared across variants: " + same);
    }

    @Test
    void theTransitionPaymentsBookedAreTheRulesAmountsAndEveryAnnouncementIsAccountedFor() {
        SimulationResult r = TestRuns.run(scenario, 2);
        Map<String, double[]> m = r.metrics().get("baseline");
        for (int rep = 0; rep < m.get(Metrics.LAYOFFS).length; rep++) {
            double announced = m.get(Metrics.DISMISSALS_ANNOUNCED)[rep];
            double laidOff = m.get(Metrics.LAYOFFS)[rep];
            double moved = m.get(Metrics.MOVED_IN_NOTICE)[rep];
            assertTrue(announced > 0 && laidOff > 0, "replication " + rep);
            assertTrue(laidOff + moved <= announced, "each announcement ends at most once, replication " + rep);
            assertTrue(m.get(Metrics.TRANSITION_PAYMENTS)[rep] > 0, "replication " + rep);
            assertEquals(0, m.get(Metrics.TRANSITION_OFFSET)[rep], 1e-9, "no offset without a transition budget");
        }
    }
}
