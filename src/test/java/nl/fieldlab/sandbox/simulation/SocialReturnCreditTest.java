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
 * E7's social-return credit is granted per completed certificate, as its declaration says, and it is money: the
 * contracting authority pays it when the course is completed, never for a course dropped or failed.
 */
class SocialReturnCreditTest {

    @TempDir
    Path tmp;

    /**
     * WW career switchers in Noord-Holland Noord and social-cooperative members with vacancies they can only fill
     * after a certificate course (no member has a public contract, so every credit is E7's), with every course
     * completed or none.
     */
    private Map<String, Map<String, double[]>> run(double completion) throws IOException {
        String yaml = """
                id: e7-completion
                description: WW career switchers retrained for the social cooperative's members
                region: NHN
                start: 2026-01
                months: 18
                seed: 11
                replications: 2
                workers:
                  - group: ww-switchers
                    count: 300
                    status: WW
                    age: {min: 25, max: 45}
                    education: {MBO1: 1.0}
                    field: metal-production
                    dailyWage: {min: 120, max: 160}
                    workHistoryYears: {min: 10, max: 20}
                    monthsUnemployed: {min: 0, max: 3}
                employers:
                  - group: members
                    count: 20
                    sector: installation
                    field: electrical
                    staff: 30
                    vacancyRate: 1.0
                    requiredEducation: MBO2
                    hourlyWage: 18.00
                    hoursPerWeek: 38
                    contractMonths: 12
                    technical: true
                    shortage: true
                    socialCooperative: true
                courses:
                  - id: installer-certificate
                    field: electrical
                    level: MBO2
                    months: 6
                    route: OTHER
                    credential: CERTIFICATE
                    price: 3500
                    shortageOccupation: true
                    kansberoep: true
                behaviour:
                  course.uptake: 1
                  course.self-pay-acceptance: 1
                  course.completion: %s
                  course.completion-with-search-duty: %s
                  course.completion.apprentice: %s
                  apprentice.offer-rate: 0
                variants:
                  - name: baseline
                  - name: E7
                    exemptions: [E7]
                """.formatted(completion, completion, completion);
        Path file = tmp.resolve("e7-" + completion + ".yaml");
        Files.writeString(file, yaml);
        return TestRuns.run(ScenarioLoader.load(file), 2).metrics();
    }

    @Test
    void aCourseNeverCompletedEarnsNoCreditAndNoMoney() throws IOException {
        Map<String, double[]> e7 = run(0).get("E7");
        for (int rep = 0; rep < 2; rep++) {
            assertTrue(e7.get("reach.E7.participants")[rep] > 0, "E7 admitted courses in replication " + rep);
            assertEquals(0, e7.get(Metrics.COURSES_COMPLETED)[rep]);
            assertEquals(0, e7.get(Metrics.SROI_CREDITS)[rep], "no credit without a completed certificate");
            assertEquals(0, e7.get("reach.E7.paid")[rep], "no money without a completed certificate");
        }
    }

    @Test
    void eachCompletedCertificateEarnsTheCreditAndTheContractingAuthorityPaysIt() throws IOException {
        Map<String, double[]> e7 = run(1).get("E7");
        for (int rep = 0; rep < 2; rep++) {
            double credits = e7.get(Metrics.SROI_CREDITS)[rep];
            assertTrue(credits > 0, "completed certificates earned credit in replication " + rep);
            assertEquals(0, credits % 5000, 1e-6, "5,000 per completed certificate: " + credits);
            assertTrue(credits <= 5000 * e7.get(Metrics.COURSES_COMPLETED)[rep]);
            // the credit is money the contracting authority pays the member: what E7's rules paid
            assertEquals(credits, e7.get("reach.E7.paid")[rep], 1e-6);
        }
    }
}
