package nl.fieldlab.sandbox.simulation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.fieldlab.sandbox.TestRuns;
import nl.fieldlab.sandbox.scenario.ScenarioLoader;

/**
 * Mechanism stepping-stone through a run: E6 (bijstand clients keep 50 % of their earnings) brings more side jobs, and
 * whether that raises or lowers exits to work depends on when in the spell the side jobs begin. The factors are set
 * far from 1 here so that the sign shows in a small run; the defaults are milder. Before the mechanism a side job
 * never changed anyone's chance of a regular job, and E6's effect on placements was zero by construction (issue 23).
 */
class SteppingStoneRunTest {

    @TempDir
    Path tmp;

    private double e6MinusBaselinePlacements(int monthsUnemployedMin, int monthsUnemployedMax) throws IOException {
        String yaml = """
                id: stepping-stone
                description: bijstand clients, E6's earnings disregard against the baseline's
                region: NHN
                start: 2026-01
                months: 12
                seed: 8
                replications: 2
                workers:
                  - group: bijstand
                    count: 400
                    status: BIJSTAND
                    age: {min: 30, max: 45}
                    education: {MBO2: 1.0}
                    field: logistics
                    workHistoryYears: {min: 5, max: 10}
                    monthsUnemployed: {min: %d, max: %d}
                employers:
                  - group: warehouses
                    count: 20
                    sector: logistics
                    field: logistics
                    staff: 50
                    vacancyRate: 2.0
                    requiredEducation: MBO2
                    hourlyWage: 15.00
                    hoursPerWeek: 36
                    contractMonths: 0
                behaviour:
                  course.uptake: 0
                  course.spontaneous-rate: 0
                  sidejob.start-rate.BIJSTAND: 0.3
                  sidejob.stop-rate: 0.02
                  sidejob.contact-factor.early: 0.3
                  sidejob.contact-factor.late: 3
                variants:
                  - name: baseline
                  - name: E6
                    exemptions: [E6]
                """.formatted(monthsUnemployedMin, monthsUnemployedMax);
        Path file = tmp.resolve("stone-" + monthsUnemployedMin + ".yaml");
        Files.writeString(file, yaml);
        Map<String, Map<String, double[]>> m = TestRuns.run(ScenarioLoader.load(file), 2).metrics();
        double[] base = m.get("baseline").get(Metrics.PLACEMENTS);
        double[] e6 = m.get("E6").get(Metrics.PLACEMENTS);
        double sides = m.get("E6").get(Metrics.SIDE_JOBS)[0] - m.get("baseline").get(Metrics.SIDE_JOBS)[0];
        assertTrue(sides > 0, "E6 brings more side jobs: " + sides);
        return (e6[0] + e6[1] - base[0] - base[1]) / 2;
    }

    @Test
    void e6LowersExitsWhereSideJobsBeginEarlyInTheSpellAndRaisesThemWhereTheyBeginLate() throws IOException {
        double early = e6MinusBaselinePlacements(0, 2);
        double late = e6MinusBaselinePlacements(24, 48);
        assertTrue(early < 0, "side jobs early in the spell lock in: E6 - baseline placements " + early);
        assertTrue(late > 0, "side jobs late in the spell are stepping stones: E6 - baseline placements " + late);
    }
}
