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
import nl.fieldlab.sandbox.domain.Actor;
import nl.fieldlab.sandbox.rules.Variant;
import nl.fieldlab.sandbox.scenario.ScenarioLoader;

/**
 * A part-time job beside bijstand brings the public purse the tax withheld on it less the labour credit the annual
 * assessment returns, and its employer's premiums: the refund is tax not received (a lower receipt), not public
 * spending, and the premiums reach UWV.
 */
class SideJobLedgerTest {

    @TempDir
    Path tmp;

    @Test
    void theLabourCreditRefundLowersReceiptsAndThePremiumsReachUwv() throws IOException {
        String yaml = """
                id: side-jobs
                description: bijstand clients who take small part-time jobs and find no other work
                region: NHN
                start: 2026-01
                months: 12
                seed: 5
                replications: 2
                workers:
                  - group: bijstand
                    count: 200
                    status: BIJSTAND
                    age: {min: 30, max: 50}
                    education: {MBO1: 1.0}
                    field: retail
                    household: {SINGLE: 1.0}
                    workHistoryYears: {min: 0, max: 5}
                    monthsUnemployed: {min: 12, max: 24}
                employers:
                  - group: shops
                    count: 5
                    sector: retail
                    field: electrical
                    staff: 30
                    vacancyRate: 0.01
                    requiredEducation: MBO4
                    hourlyWage: 15.00
                    hoursPerWeek: 36
                    contractMonths: 12
                behaviour:
                  course.uptake: 0
                  sidejob.start-rate.BIJSTAND: 1
                  sidejob.stop-rate: 0
                variants:
                  - name: baseline
                """;
        Path file = tmp.resolve("side-jobs.yaml");
        Files.writeString(file, yaml);
        Map<String, double[]> m = TestRuns.run(ScenarioLoader.load(file), 2).metrics().get(Variant.BASELINE);
        for (int rep = 0; rep < 2; rep++) {
            assertTrue(m.get(Metrics.SIDE_JOB_MONTHS)[rep] > 0, "side jobs were held in replication " + rep);
            // no subsidy, course or coach: nothing is public spending, the refund included
            assertEquals(0, m.get(Metrics.PUBLIC_SPENDING)[rep], 1e-6, "public spending in replication " + rep);
            assertTrue(m.get(Metrics.NET_PREFIX + Actor.UWV.name())[rep] > 0, "the side jobs' premiums reach UWV");
            assertTrue(m.get(Metrics.NET_PREFIX + Actor.EMPLOYER.name())[rep] < 0, "their employers pay them");
        }
    }
}
