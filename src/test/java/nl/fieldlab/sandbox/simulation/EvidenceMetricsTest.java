package nl.fieldlab.sandbox.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.fieldlab.sandbox.TestRuns;
import nl.fieldlab.sandbox.scenario.ScenarioLoader;

/**
 * The metrics the evidence rows read, so that nobody traces workers one by one to check a row: BBL completion and
 * graduates in work, retention after a placement and after a converted trial, trials against exits from WW to work,
 * and exit to work within 12 months by status, group and age band. Each is checked against the counts it is made of
 * or against another metric that measures the same cohort another way.
 */
class EvidenceMetricsTest {

    @TempDir
    static Path tmp;

    static Map<String, double[]> m;

    @BeforeAll
    static void run() throws IOException {
        String yaml = """
                id: evidence-metrics
                description: WW recipients of every age, with a training company (BBL) and jobs a small gap away (trials)
                region: NHN
                start: 2026-01
                months: 36
                seed: 23
                replications: 2
                workers:
                  - group: ww-all-ages
                    count: 500
                    status: WW
                    age: {min: 25, max: 64}
                    education: {MBO1: 0.5, MBO2: 0.5}
                    field: logistics
                    dailyWage: {min: 110, max: 160}
                    workHistoryYears: {min: 10, max: 30}
                    monthsUnemployed: {min: 3, max: 6}
                employers:
                  - group: installers
                    count: 20
                    sector: installation
                    field: electrical
                    staff: 30
                    vacancyRate: 1.0
                    requiredEducation: MBO3
                    hourlyWage: 18.00
                    hoursPerWeek: 38
                    contractMonths: 12
                    technical: true
                    shortage: true
                    recognisedTrainingCompany: true
                  - group: logistics
                    count: 30
                    sector: logistics
                    field: logistics
                    staff: 60
                    vacancyRate: 0.6
                    requiredEducation: MBO2
                    hourlyWage: 15.20
                    hoursPerWeek: 36
                    contractMonths: 12
                courses:
                  - id: installer-bbl2
                    field: electrical
                    level: MBO3
                    months: 9
                    route: BBL
                    credential: DIPLOMA
                    price: 3500
                    shortageOccupation: true
                    kansberoep: true
                behaviour:
                  course.uptake: 0
                  apprentice.offer-rate: 1
                  hire.trial-offer-rate: 0.5   # enough trials to follow their retention (the default is calibrated lower)
                variants:
                  - name: baseline
                """;
        Path file = tmp.resolve("metrics.yaml");
        Files.writeString(file, yaml);
        m = TestRuns.run(ScenarioLoader.load(file), 2).metrics().get("baseline");
    }

    @Test
    void bblCompletionIsTheCompletedAmongTheEndedAndGraduatesAreFollowedUp() {
        for (int r = 0; r < 2; r++) {
            double ended = m.get(Metrics.APPRENTICESHIPS_ENDED)[r];
            assertTrue(ended > 20, "apprenticeships ended: " + ended);
            assertEquals(m.get(Metrics.APPRENTICESHIPS_COMPLETED)[r] / ended, m.get(Metrics.BBL_COMPLETION)[r], 1e-12);
            double inWork = m.get(Metrics.BBL_GRADUATES_IN_WORK)[r];
            // graduates stay in the training company's job after the course: most are in work three months on
            assertTrue(inWork > 0.5 && inWork <= 1, "graduates in work: " + inWork);
        }
    }

    @Test
    void retentionAfterAPlacementAndAfterAConvertedTrialAreShares() {
        for (String name : new String[] {Metrics.RETENTION_12M, Metrics.RETENTION_18M, Metrics.TRIAL_CONVERSION,
                Metrics.TRIAL_RETENTION_12M, Metrics.TRIALS_PER_WW_EXIT}) {
            for (double v : m.get(name)) {
                assertTrue(v > 0 && v <= 1, name + ": " + v);
            }
        }
        for (int r = 0; r < 2; r++) {
            // a job kept 18 months was kept 12: over the same first placements the 18-month share cannot be higher;
            // the cohorts differ only by the placements of months 18 to 23 (not yet 18 months old at the end)
            assertTrue(m.get(Metrics.RETENTION_18M)[r] <= m.get(Metrics.RETENTION_12M)[r] + 0.05);
            assertTrue(m.get(Metrics.TRIALS_STARTED)[r] >= m.get(Metrics.TRIALS_CONVERTED)[r]);
        }
    }

    @Test
    void exitToWorkWithinTwelveMonthsByStatusGroupAndAgeBand() {
        for (int r = 0; r < 2; r++) {
            double ww = m.get("exitToWork12m.status.WW")[r];
            assertEquals(m.get("calibration.wwExitToWork12m")[r], ww, 1e-12);
            assertEquals(ww, m.get("exitToWork12m.scenario.ww-all-ages")[r], 1e-12);
            double low = 1;
            double high = 0;
            for (String band : Metrics.EXIT_AGE_BANDS) {
                double v = m.get("exitToWork12m.status.WW.age." + band)[r];
                assertEquals(v, m.get("exitToWork12m.age." + band)[r], 1e-12, band); // everyone is on WW here
                low = Math.min(low, v);
                high = Math.max(high, v);
            }
            // the overall share is a weighted mean of the bands'
            assertTrue(low <= ww && ww <= high, low + " <= " + ww + " <= " + high);
            // the contact chance falls from 50: under-50s leave for work more often than the 60-plus
            assertTrue(m.get("exitToWork12m.age.under-50")[r] > m.get("exitToWork12m.age.60-plus")[r]);
        }
    }

    @Test
    void theNamesAreKnownToEvidenceRowsAndANearMissIsRefused() {
        Set<String> groups = Set.of("ww-all-ages");
        assertNull(Metrics.problem("exitToWork12m.status.WW.age.55-59", groups, null));
        assertNull(Metrics.problem("exitToWork12m.scenario.ww-all-ages", groups, null));
        assertNull(Metrics.problem("bbl.graduatesInWork", groups, null));
        String p = Metrics.problem("exitToWork12m.age.60+", groups, null);
        assertTrue(p != null && p.contains("60-plus"), p);
        assertFalse(Metrics.problem("exitToWork12m.scenario.nobody", groups, null) == null);
    }

    @Test
    void courseTakeUpIsAYearlyRateByStatusAndEducationAtTheStart() {
        RunTotals t = new RunTotals(24, java.util.List.of("g"));
        // 4 employed HBO workers of whom 2 start a course, 10 bijstand MBO1 workers of whom 1 does, over two years
        for (int i = 0; i < 14; i++) {
            boolean employed = i < 4;
            t.count(person(i, employed ? nl.fieldlab.sandbox.domain.Status.EMPLOYED
                    : nl.fieldlab.sandbox.domain.Status.BIJSTAND, employed ? nl.fieldlab.sandbox.domain.Education.HBO
                    : nl.fieldlab.sandbox.domain.Education.MBO1), Set.of(), !employed, -1, 0, 0, -1, false,
                    i < 2 || i == 4);
        }
        Map<String, Double> r = t.metrics();
        assertEquals(2 / 4.0 / 2, r.get("courseTakeUp.education.high"), 1e-12);
        assertEquals(1 / 10.0 / 2, r.get("courseTakeUp.education.low"), 1e-12);
        assertEquals(2 / 4.0 / 2, r.get("courseTakeUp.status.EMPLOYED"), 1e-12);
        assertEquals(5.0, r.get(Metrics.COURSE_TAKE_UP_EDUCATION_RATIO), 1e-12);
        assertEquals(2 / 3.0, r.get(Metrics.COURSE_STARTERS_EMPLOYED_SHARE), 1e-12);
        assertTrue(Double.isNaN(r.get("courseTakeUp.education.medium")), "no medium-educated worker: n/a");
        assertNull(Metrics.problem("courseTakeUp.education.high", Set.of(), null));
        assertFalse(Metrics.problem("courseTakeUp.education.hbo", Set.of(), null) == null);
    }

    private static Person person(int id, nl.fieldlab.sandbox.domain.Status status,
            nl.fieldlab.sandbox.domain.Education education) {
        return new Person(id, 0, status, "NHN", 40, 1, nl.fieldlab.sandbox.domain.Household.SINGLE, education, 0, 100,
                100, 10, 5, 0, false, false, false, "", 0, false, nl.fieldlab.sandbox.domain.CoursePayer.DEFAULT, 0);
    }
}
