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
 * E7's social-return credit is granted per completed certificate, as its declaration says, never for a course dropped
 * or failed, and it is not money: it counts towards the contractor's social-return obligation, so nobody pays it.
 */
class SocialReturnCreditTest {

    @TempDir
    Path tmp;

    /**
     * WW career switchers in Noord-Holland Noord and contractors with a public contract (so a social-return
     * obligation) that take them on as apprentices for a 6-month certificate (the simulation asks a course with an
     * employer only for an apprentice), with every course completed or none. A 6-month course completes in month 7,
     * inside the employer's first 12 months. Placements earn no credit here (share 0), so every credit is E7's.
     */
    private Map<String, Map<String, double[]>> run(double completion) throws IOException {
        String yaml = """
                id: e7-completion
                description: WW career switchers taken on as apprentices by contractors with a social-return clause
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
                  - group: contractors
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
                    recognisedTrainingCompany: true
                    sroiContractValue: 1000000
                courses:
                  - id: installer-certificate
                    field: electrical
                    level: MBO2
                    months: 6
                    route: BBL
                    credential: CERTIFICATE
                    price: 3500
                    shortageOccupation: true
                    kansberoep: true
                behaviour:
                  course.uptake: 0
                  course.completion: %s
                  course.completion-with-search-duty: %s
                  course.completion.apprentice: %s
                  apprentice.offer-rate: 1
                variants:
                  - name: baseline
                    parameters: {sroi.credit.share-of-annual-wage: 0}
                  - name: E7
                    exemptions: [E7]
                    parameters: {sroi.credit.share-of-annual-wage: 0}
                """.formatted(completion, completion, completion);
        Path file = tmp.resolve("e7-" + completion + ".yaml");
        Files.writeString(file, yaml);
        return TestRuns.run(ScenarioLoader.load(file), 2).metrics();
    }

    @Test
    void aCourseNeverCompletedEarnsNoCredit() throws IOException {
        Map<String, double[]> e7 = run(0).get("E7");
        for (int rep = 0; rep < 2; rep++) {
            assertTrue(e7.get("reach.E7.participants")[rep] > 0, "E7 admitted apprentices in replication " + rep);
            assertEquals(0, e7.get(Metrics.COURSES_COMPLETED)[rep]);
            assertEquals(0, e7.get(Metrics.SROI_CREDITS)[rep], "no credit without a completed certificate");
        }
    }

    @Test
    void eachCompletedCertificateEarnsTheCreditAndNobodyPaysMoneyForIt() throws IOException {
        Map<String, double[]> e7 = run(1).get("E7");
        for (int rep = 0; rep < 2; rep++) {
            double credits = e7.get(Metrics.SROI_CREDITS)[rep];
            assertTrue(credits > 0, "completed certificates earned credit in replication " + rep);
            assertEquals(0, credits % 5000, 1e-6, "5,000 per completed certificate: " + credits);
            assertTrue(credits <= 5000 * e7.get(Metrics.COURSES_COMPLETED)[rep]);
            // the credit counts towards the obligation: E7's rules pay nobody anything (they paid 5,000 per credit)
            assertEquals(0, e7.get("reach.E7.paid")[rep], 1e-6, "E7's rules pay no money");
        }
    }
}
