package nl.fieldlab.sandbox.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.fieldlab.sandbox.TestRuns;
import nl.fieldlab.sandbox.scenario.Scenario;
import nl.fieldlab.sandbox.scenario.ScenarioLoader;

/**
 * E10's learning loan costs the province only for the workers who draw it: the course-uptake mechanism decides who
 * starts a course on the loan, and the rules' loan cost (grant element and administration) is booked for them, not
 * for every worker who pays. WW recipients pay their own BBL certificate course; the province pays nothing else here
 * (no employer is a training company, so no work-based learning subsidy).
 */
class LearningLoanCostTest {

    @TempDir
    Path tmp;

    private Scenario ww(double loanTakeUp) throws IOException {
        String text = """
                id: loan
                description: WW recipients who pay their own BBL certificate course, with and without the provincial loan
                region: NHN
                start: 2026-01
                months: 18
                seed: 11
                replications: 2
                workers:
                  - group: ww-logistics
                    count: 400
                    status: WW
                    age: {min: 25, max: 50}
                    education: {MBO1: 0.5, MBO2: 0.5}
                    field: logistics
                    dailyWage: {min: 110, max: 170}
                    workHistoryYears: {min: 5, max: 25}
                    monthsUnemployed: {min: 0, max: 3}
                employers:
                  - group: installation
                    count: 20
                    sector: installation
                    field: electrical
                    staff: 40
                    vacancyRate: 1.0
                    requiredEducation: MBO3
                    hourlyWage: 18.50
                    hoursPerWeek: 38
                    contractMonths: 12
                    technical: true
                    shortage: true
                    recognisedTrainingCompany: false
                courses:
                  - id: installer-certificate-bbl2
                    field: electrical
                    level: MBO2
                    months: 9
                    route: BBL
                    credential: CERTIFICATE
                    price: 3500
                    shortageOccupation: true
                behaviour:
                  course.loan-take-up: %s
                variants:
                  - name: baseline
                  - name: E10
                    exemptions: [E10]
                """.formatted(loanTakeUp);
        Path file = tmp.resolve("loan-" + loanTakeUp + ".yaml");
        Files.writeString(file, text);
        return ScenarioLoader.load(file);
    }

    private static double mean(SimulationResult r, String variant, String metric) {
        return Arrays.stream(r.metrics().get(variant).get(metric)).average().orElseThrow();
    }

    @Test
    void aLoanNobodyDrawsCostsTheProvinceNothingThoughItIsOffered() throws IOException {
        SimulationResult r = TestRuns.run(ww(0), 1);
        assertTrue(mean(r, "E10", Metrics.RETRAINING_PREFIX + "WORKER") > 5 * 3500,
                "workers start courses they pay for: " + mean(r, "E10", Metrics.RETRAINING_PREFIX + "WORKER"));
        assertEquals(0, mean(r, "E10", Metrics.NET_PREFIX + "PROVINCE"), 1e-6,
                "no worker drew the loan, yet the province paid for it");
    }

    @Test
    void everyWorkerWhoStartsOnTheLoanCostsTheProvinceItsGrantElementAndAdministration() throws IOException {
        SimulationResult r = TestRuns.run(ww(1), 1);
        // take-up 1: every worker who pays the 3,500 fee starts, on the loan (others, on bijstand after their WW,
        // have the municipality pay); each loan costs the province 3,500 lent x (0.04 + 0.10) = 490, a grant to the
        // worker that the worker's retraining cost nets (3,010 a course), and 300 administration: 790
        double paidByWorkers = mean(r, "E10", Metrics.RETRAINING_PREFIX + "WORKER") / (3500 - 490);
        assertTrue(paidByWorkers > 5, "courses the workers paid: " + paidByWorkers);
        assertEquals(-790 * paidByWorkers, mean(r, "E10", Metrics.NET_PREFIX + "PROVINCE"), 1e-6);
        assertEquals(0, mean(r, "baseline", Metrics.NET_PREFIX + "PROVINCE"), 1e-6, "near miss: no loan, no cost");
    }
}
