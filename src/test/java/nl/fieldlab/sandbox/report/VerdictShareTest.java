package nl.fieldlab.sandbox.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import nl.fieldlab.sandbox.simulation.Metrics;
import nl.fieldlab.sandbox.stats.Comparison;

/**
 * A verdict the cost-effectiveness reading states carries how often it held across the draws of the behaviour ranges;
 * a difference the report does not call gets no such line, and a run without draws says its verdicts are untested.
 */
class VerdictShareTest {

    private static final String HELD = "holds in 30 of 32 draws of the behaviour ranges (94 % [80 %, 98 %])";

    private static PlantedRun run() {
        // a called fall in net public cost that its rules paid for; work-years unchanged (not called)
        PlantedRun run = new PlantedRun("E9").set(Metrics.PUBLIC_COST, PlantedRun.around(-300_000, 20_000))
                .set(Metrics.MONTHS_IN_WORK, PlantedRun.around(0, 50))
                .set(Metrics.REACH_PREFIX + "E9.paid", PlantedRun.constant(200_000));
        run.base.put(Metrics.REACH_PREFIX + "E9.paid", PlantedRun.constant(0));
        return run;
    }

    private static String reading(Report report) {
        Report.Section ce = report.leadSections().stream().filter(s -> s.id().equals("cost-effectiveness"))
                .findFirst().orElseThrow();
        return String.join("\n", ce.paragraphs());
    }

    private static Report report() {
        var result = run().result();
        return new Report(result, Comparison.of(result), Map.of(), Map.of());
    }

    @Test
    void aCalledVerdictCarriesItsShareOfDraws() {
        Report.Section empty = new Report.Section("robustness", "Robustness to the behaviour assumptions", List.of(),
                List.of(), List.of());
        Report withDraws = report().withRobustness(new Report.Robustness(empty, empty, Map.of(),
                (variant, metric) -> HELD + " [" + variant + " " + metric + "]"));
        String text = reading(withDraws);
        assertTrue(text.contains("Across the behaviour ranges, net public cost (EUR): " + HELD + " [E9 "
                + Metrics.PUBLIC_COST + "]"), text);
        // near miss: work-years are not called, so their share is not quoted as a verdict
        assertFalse(text.contains("work-years: " + HELD), text);
        assertTrue(text.contains("each reading below says how often its verdicts hold there"), text);
    }

    @Test
    void withoutDrawsTheReportSaysItsVerdictsAreUntested() {
        String text = reading(report());
        assertFalse(text.contains("Across the behaviour ranges"), text);
        assertTrue(text.contains("so no verdict here is tested against them"), text);
    }
}
