package nl.fieldlab.sandbox.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import nl.fieldlab.sandbox.domain.Actor;
import nl.fieldlab.sandbox.domain.PaymentType;
import nl.fieldlab.sandbox.domain.Question;
import nl.fieldlab.sandbox.rules.Answer;
import nl.fieldlab.sandbox.rules.RuleBase;
import nl.fieldlab.sandbox.rules.Variant;
import nl.fieldlab.sandbox.scenario.Scenario;
import nl.fieldlab.sandbox.scenario.ScenarioLoader;

/**
 * Mechanism work-to-work (support P2): during the notice period of an announced dismissal, a course on the transition
 * budget lowers the transition payment by its fee (BW 7:673 lid 6), and a secondment may end in a hire by the host
 * without a spell on WW. Without P2 none of this happens (the near miss).
 */
class WorkToWorkTest {

    @TempDir
    static Path tmp;

    static Scenario scenario;

    /** The smoke scenario in GA (P2's region) with 60 workers at risk (ids 100-159) over 18 months. */
    @BeforeAll
    static void scenario() throws IOException {
        String text = Files.readString(Path.of("scenarios/smoke.yaml")).replace("months: 6", "months: 18")
                .replace("region: NHN", "region: GA")
                .replace("employers:\n", """
                          - group: at-risk
                            count: 60
                            status: EMPLOYED
                            age: {min: 30, max: 55}
                            education: {MBO2: 1}
                            field: print-production
                            dailyWage: {min: 120, max: 180}
                            workHistoryYears: {min: 5, max: 20}
                            layoffRate: 0.1
                        employers:
                        """)
                .replace("  - name: E2\n    exemptions: [E2]\n", "  - name: W2W\n    supports: [P2]\n");
        Path file = tmp.resolve("w2w.yaml");
        Files.writeString(file, text);
        scenario = ScenarioLoader.load(file);
    }

    private static double sum(Map<String, double[]> m, String metric) {
        return java.util.Arrays.stream(m.get(metric)).sum();
    }

    @Test
    void theRouteSecondsTrainsAndCoachesOnlyInTheVariantThatNamesIt() {
        SimulationResult r = TestRuns.run(scenario, 2);
        Map<String, double[]> with = r.metrics().get("W2W");
        Map<String, double[]> without = r.metrics().get("baseline");
        assertTrue(sum(with, Metrics.SECONDMENTS) > 0, "secondments");
        assertTrue(sum(with, Metrics.W2W_COURSE_STARTS) > 0, "courses on the transition budget");
        assertTrue(sum(with, Metrics.TRANSITION_OFFSET) > 0, "fees set off");
        assertTrue(sum(with, "support.P2.participants") > 0, "participants");
        for (String metric : List.of(Metrics.SECONDMENTS, Metrics.SECONDMENTS_HIRED, Metrics.W2W_COURSE_STARTS,
                Metrics.TRANSITION_OFFSET)) {
            assertEquals(0, sum(without, metric), 1e-9, "near miss, no P2: " + metric);
        }
    }

    /** What one traced worker went through. */
    record Seen(List<String> kinds, double transitionPaid, double employerCourseFees, double[] owed) {
    }

    static Seen trace(RuleBase rules, int worker) {
        List<String> kinds = new ArrayList<>();
        double[] paid = new double[2];
        double[] owed = {Double.NaN, 0};
        Simulator.trace(scenario, rules, 0, worker, new Trace() {
            @Override
            public void event(int month, String kind, String detail, String mechanism, Question q, Answer a) {
                kinds.add(kind + (mechanism == null ? "" : " [" + mechanism + "]"));
                if (kind.equals("laid off")) {
                    owed[0] = a.amount("transition.payment", 0);
                    owed[1] = a.amount("transition.offset", 0);
                }
            }

            @Override
            public void paid(int month, int spellMonth, Answer.PaymentLine line) {
                if (line.type() == PaymentType.TRANSITION_PAYMENT) {
                    paid[0] += line.amount();
                } else if (line.type() == PaymentType.COURSE_FEE && line.payer() == Actor.EMPLOYER) {
                    paid[1] += line.amount();
                }
            }
        });
        return new Seen(kinds, paid[0], paid[1], owed);
    }

    @Test
    void aCourseInNoticeIsSetOffAndASecondmentHireNeedsNoWw() {
        RuleBase p2 = RuleBase.compile(TestRuns.library(), scenario.variants().get(1));
        RuleBase baseline = RuleBase.compile(TestRuns.library(), Variant.baseline());
        int offsets = 0;
        int secondmentHires = 0;
        for (int worker = 100; worker < 160; worker++) {
            Seen s = trace(p2, worker);
            boolean trained = s.kinds().contains("offered a course [work-to-work]")
                    && s.kinds().contains("course started [course-uptake]");
            if (trained && s.kinds().contains("laid off") && s.employerCourseFees() > 0) {
                // the fee the old employer paid comes off the payment owed, never below nothing
                assertEquals(Math.min(s.employerCourseFees(), s.owed()[0]), s.owed()[1], 0.01, "worker " + worker);
                assertEquals(s.owed()[0] - s.owed()[1], s.transitionPaid(), 0.01, "worker " + worker);
                offsets++;
            }
            if (s.kinds().contains("hired [work-to-work]")) {
                assertTrue(s.kinds().contains("secondment started [work-to-work]"), "worker " + worker);
                List<String> before = s.kinds().subList(0, s.kinds().indexOf("hired [work-to-work]"));
                assertFalse(before.contains("WW granted"), "moved without unemployment: worker " + worker);
                assertFalse(before.contains("laid off"), "a move is a resignation: worker " + worker);
                secondmentHires++;
            }
            Seen b = trace(baseline, worker);
            assertFalse(b.kinds().stream().anyMatch(k -> k.endsWith("[work-to-work]")), "near miss: worker " + worker);
        }
        assertTrue(offsets >= 1, "courses set off: " + offsets);
        assertTrue(secondmentHires >= 1, "secondments ending in a hire: " + secondmentHires);
    }
}
