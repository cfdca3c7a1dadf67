package nl.fieldlab.sandbox.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
 * UWV's condition for a trial placement, through a run: a trial only for a candidate the employer would not have hired
 * without one (limited chances of work without help). WW job seekers with a small skills gap (one education level
 * short) meet employers who would hire most of them directly. Before the condition the employer drew a trial for half
 * of all small-gap contacts whatever its direct-hire decision would have been, so trials were at least half of all
 * starts (at an offer rate of 0.5 and a direct-hire chance p: 1 / (1 + p) of starts; here 531 trials against 324
 * direct hires, 62 %); issue 23 found 49 % of baseline placements running through trials. With the condition a trial
 * follows only a refused direct hire, offered by what it gives the employer (offer chance o around the offer rate): at
 * most o (1 - p) / (o (1 - p) + p) of starts (here 142 trials against 710 direct hires, 17 %).
 */
class TrialLimitedChancesTest {

    @TempDir
    Path tmp;

    /** The run of the scenario below, baseline metrics. */
    private Map<String, double[]> run() throws IOException {
        String yaml = """
                id: trial-condition
                description: WW job seekers one level short of the job
                region: NHN
                start: 2026-01
                months: 12
                seed: 5
                replications: 2
                workers:
                  - group: ww
                    count: 400
                    status: WW
                    age: {min: 30, max: 45}
                    education: {MBO1: 1.0}
                    field: logistics
                    dailyWage: {min: 100, max: 130}
                    workHistoryYears: {min: 5, max: 15}
                    monthsUnemployed: {min: 3, max: 6}
                employers:
                  - group: warehouses
                    count: 20
                    sector: logistics
                    field: logistics
                    staff: 50
                    vacancyRate: 2.0
                    requiredEducation: MBO2
                    hourlyWage: 14.71
                    hoursPerWeek: 36
                    contractMonths: 0
                behaviour:
                  course.uptake: 0
                  course.spontaneous-rate: 0
                variants:
                  - name: baseline
                """;
        Path file = tmp.resolve("trial.yaml");
        Files.writeString(file, yaml);
        return TestRuns.run(ScenarioLoader.load(file), 2).metrics().get("baseline");
    }

    /** Trials started as a share of all starts (trials plus direct hires). */
    private double trialShareOfStarts() throws IOException {
        Map<String, double[]> b = run();
        double trials = 0;
        double direct = 0;
        for (int rep = 0; rep < 2; rep++) {
            trials += b.get(Metrics.TRIALS_STARTED)[rep];
            direct += b.get(Metrics.HIRES)[rep] - b.get(Metrics.TRIALS_CONVERTED)[rep];
        }
        assertTrue(trials + direct >= 100, "enough starts to measure: " + (trials + direct));
        return trials / (trials + direct);
    }

    @Test
    void trialsGoOnlyToCandidatesTheEmployerWouldNotHireDirectly() throws IOException {
        double share = trialShareOfStarts();
        assertTrue(share < 0.5, "trials are " + share + " of starts; without the condition they are at least half");
    }

    /** A trial that ends without a hire leaves its work undone: the employer opens the vacancy again. */
    @Test
    void aTrialThatEndsWithoutAHireReopensItsVacancy() throws IOException {
        Map<String, double[]> b = run();
        for (int rep = 0; rep < 2; rep++) {
            double failed = b.get(Metrics.TRIALS_ENDED)[rep] - b.get(Metrics.TRIALS_CONVERTED)[rep];
            assertTrue(failed > 0, "some trials end without a hire: " + failed);
            assertEquals(failed, b.get(Metrics.VACANCIES_REOPENED)[rep], 1e-9);
        }
    }
}
