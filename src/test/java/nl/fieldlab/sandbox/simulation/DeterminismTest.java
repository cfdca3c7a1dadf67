package nl.fieldlab.sandbox.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import nl.fieldlab.sandbox.TestRuns;
import nl.fieldlab.sandbox.report.ReportWriter;
import nl.fieldlab.sandbox.rules.Variant;
import nl.fieldlab.sandbox.scenario.Scenario;
import nl.fieldlab.sandbox.stats.Comparison;
import nl.fieldlab.sandbox.stats.Summary;

/** Same scenario, seed and rules give the same report; variants share their random numbers. */
class DeterminismTest {

    @Test
    void sameSeedGivesIdenticalReportJson() {
        Scenario s = TestRuns.scenario("scenarios/smoke.yaml");
        String first = ReportWriter.json(TestRuns.report(TestRuns.run(s, 2)));
        String second = ReportWriter.json(TestRuns.report(TestRuns.run(s, 2)));
        assertEquals(first, second);
    }

    @Test
    void anotherSeedGivesAnotherReport() {
        Scenario s = TestRuns.scenario("scenarios/smoke.yaml");
        String first = ReportWriter.json(TestRuns.report(TestRuns.run(s, 2)));
        String other = ReportWriter.json(TestRuns.report(TestRuns.run(s.with(s.seed() + 1, s.replications(),
                s.behaviour(), s.variants()), 2)));
        assertNotEquals(first, other);
    }

    @Test
    void everyRunStartsOnceWithTheBaselineOneReplicationAhead() {
        Variant e1 = new Variant("E1", List.of("E1"), Map.of());
        Variant e2 = new Variant("E2", List.of("E2"), Map.of());
        List<String> order = Simulator.order(List.of(e1, Variant.baseline(), e2), 3).stream()
                .map(t -> t[0] + "/" + t[1]).toList();
        assertEquals(List.of("1/0", "1/1", "0/0", "2/0", "1/2", "0/1", "2/1", "0/2", "2/2"), order);
        assertEquals(List.of("0/0", "1/0", "0/1", "1/1"), Simulator.order(List.of(e1, e2), 2).stream()
                .map(t -> t[0] + "/" + t[1]).toList(), "without a baseline, replication by replication");
    }

    @Test
    void resultsDoNotDependOnTheNumberOfThreads() {
        Scenario s = TestRuns.scenario("scenarios/smoke.yaml");
        assertEquals(ReportWriter.json(TestRuns.report(TestRuns.run(s, 1))),
                ReportWriter.json(TestRuns.report(TestRuns.run(s, 2))));
    }

    @Test
    void aVariantWithoutExemptionsDiffersFromTheBaselineByExactlyZero() {
        Scenario s = TestRuns.scenario("scenarios/smoke.yaml");
        Scenario twin = s.with(s.seed(), 4, s.behaviour(), List.of(Variant.baseline(),
                new Variant("same-rules", List.of(), Map.of())));
        Comparison c = Comparison.of(TestRuns.run(twin, 2));
        Map<String, Summary> diffs = c.differences().get("same-rules");
        assertTrue(diffs.size() > 10);
        diffs.forEach((metric, d) -> {
            if (d.n() > 0) {
                assertEquals(0.0, d.mean(), 0.0, metric);
                assertEquals(0.0, d.ciLow(), 0.0, metric);
                assertEquals(0.0, d.ciHigh(), 0.0, metric);
            }
        });
        // and the runs themselves did something
        assertTrue(c.metrics().get(Metrics.PLACEMENTS).get(Variant.BASELINE).mean() > 0);
    }
}
