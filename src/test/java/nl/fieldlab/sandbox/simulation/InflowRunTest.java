package nl.fieldlab.sandbox.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.fieldlab.sandbox.TestRuns;
import nl.fieldlab.sandbox.scenario.Scenario;
import nl.fieldlab.sandbox.scenario.ScenarioLoader;
import nl.fieldlab.sandbox.scenario.WorkerGroup;

/** Mechanism inflow: new spells out of work join a group each month, so a running fieldlab meets new people. */
class InflowRunTest {

    @TempDir
    Path tmp;

    @Test
    void entrantsArriveEvenlyWithTheFractionCarriedOver() {
        WorkerGroup g = TestRuns.scenario("scenarios/smoke.yaml").workers().get(0);
        WorkerGroup flowing = new WorkerGroup(g.group(), g.count(), g.status(), g.region(), g.age(), g.education(),
                g.field(), g.household(), g.wageValue(), g.dailyWage(), g.workHistoryYears(), g.monthsUnemployed(),
                g.meansTestShare(), g.disabledShare(), g.background(), g.layoffRate(), g.youngChildShare(),
                g.illnessBenefitBeforeShare(), g.childUnder12Share(), g.coursePayer(), 2.5, g.occupation());
        int[] months = new int[4];
        for (int m = 0; m < 4; m++) {
            months[m] = flowing.entrantsIn(m);
        }
        assertEquals("[2, 3, 2, 3]", java.util.Arrays.toString(months));
        assertEquals(10, flowing.entrants(4));
        assertEquals(0, g.entrantsIn(3), "near miss: a group without inflow is closed");
    }

    private Scenario smoke(String inflow) throws IOException {
        String text = Files.readString(Path.of("scenarios/smoke.yaml")).replace("months: 6", "months: 24")
                .replace("    monthsUnemployed: {min: 3, max: 5}\n", "    monthsUnemployed: {min: 3, max: 5}\n"
                        + (inflow == null ? "" : "    inflowPerMonth: " + inflow + "\n"));
        Path file = tmp.resolve("smoke-" + inflow + ".yaml");
        Files.writeString(file, text);
        return ScenarioLoader.load(file);
    }

    private static double mean(SimulationResult r, String variant, String metric) {
        double[] v = r.metrics().get(variant).get(metric);
        return java.util.Arrays.stream(v).average().orElseThrow();
    }

    @Test
    void entrantsClaimTheirBenefitFromTheirMonthAndJoinTheCalibrationCohortWhenTheirYearFits() throws IOException {
        Scenario closed = smoke(null);
        Scenario open = smoke("5");
        assertEquals(closed.workerCount() + 120, open.workerCount(), "5 a month over 24 months");
        SimulationResult c = TestRuns.run(closed, 2);
        SimulationResult o = TestRuns.run(open, 2);
        String v = "baseline";
        assertEquals(0, mean(c, v, Metrics.ENTRANTS), 1e-9);
        assertEquals(115, mean(o, v, Metrics.ENTRANTS), 1e-9, "those of months 1-23 (month 0's start as the stock)");
        String seekers = "group.scenario.ww." + Metrics.GROUP_SEEKERS;
        assertEquals(mean(c, v, seekers) + 120, mean(o, v, seekers), 1e-9, "every entrant is a job seeker");
        // the WW cohort: the stock of 60, month 0's 5, and those of months 1-12, whose first 12 months fit
        assertTrue(mean(o, v, "calibration.wwExitToWork12m") > 0);
        assertTrue(mean(o, v, Metrics.PLACEMENTS) > mean(c, v, Metrics.PLACEMENTS), "entrants are placed too");
        assertTrue(mean(o, v, Metrics.BENEFIT_PAYMENTS) > mean(c, v, Metrics.BENEFIT_PAYMENTS), "entrants draw WW");
    }

    @Test
    void theStockKeepsItsDrawsWhateverTheInflow() throws IOException {
        Person[] closed = Population.draw(smoke(null), Fields.of(smoke(null)), Rng.forSeed(7));
        Person[] open = Population.draw(smoke("5"), Fields.of(smoke("5")), Rng.forSeed(7));
        for (int i = 0; i < closed.length; i++) {
            assertEquals(closed[i], open[i], "worker " + i);
        }
        assertEquals(closed.length + 120, open.length);
        assertEquals(0, open[closed.length].monthsUnemployed(), "an entrant's spell starts when it enters");
        assertEquals(23, open[open.length - 1].entryMonth());
    }
}
