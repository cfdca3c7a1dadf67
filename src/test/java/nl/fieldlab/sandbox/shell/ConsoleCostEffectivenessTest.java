package nl.fieldlab.sandbox.shell;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import nl.fieldlab.sandbox.report.PlantedRun;
import nl.fieldlab.sandbox.report.Report;
import nl.fieldlab.sandbox.simulation.Metrics;
import nl.fieldlab.sandbox.stats.Comparison;

/** The console's cost table leads with the cost per extra work-year and its quadrant, short where there is none. */
class ConsoleCostEffectivenessTest {

    private static String table(PlantedRun run) {
        var result = run.result();
        return SandboxCommands.costEffectiveness(new Report(result, Comparison.of(result), Map.of(), Map.of()));
    }

    @Test
    void theCostPerExtraWorkYearAndItsQuadrantComeFirst() {
        String t = table(new PlantedRun("E4").set(Metrics.MONTHS_IN_WORK, PlantedRun.around(720, 30))
                .set(Metrics.PUBLIC_COST, PlantedRun.around(600_000, 20_000)));
        String header = t.lines().findFirst().orElseThrow();
        assertTrue(header.matches("variant +cost per extra work-year +quadrant +extra placements .*"), header);
        String row = t.lines().filter(l -> l.startsWith("E4 ")).findFirst().orElseThrow();
        assertTrue(row.matches("E4 +10,000 \\[[0-9,]+, [0-9,]+\\] +trade-off .*"), row);
    }

    @Test
    void withoutACalledWorkYearDifferenceItSaysSoInShort() {
        String t = table(new PlantedRun("E1").set(Metrics.MONTHS_IN_WORK, PlantedRun.around(0, 100)));
        String row = t.lines().filter(l -> l.startsWith("E1 ")).findFirst().orElseThrow();
        assertTrue(row.matches("E1 +none: work-years not called +unclear .*"), row);
    }
}
