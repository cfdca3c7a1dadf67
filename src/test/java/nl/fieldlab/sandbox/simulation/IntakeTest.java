package nl.fieldlab.sandbox.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import nl.fieldlab.sandbox.TestRuns;
import nl.fieldlab.sandbox.domain.CoursePayer;
import nl.fieldlab.sandbox.domain.Education;
import nl.fieldlab.sandbox.domain.Household;
import nl.fieldlab.sandbox.domain.Status;
import nl.fieldlab.sandbox.rules.Exemption;
import nl.fieldlab.sandbox.rules.ExemptionScope;
import nl.fieldlab.sandbox.scenario.Scenario;

/**
 * Eligibility at intake from facts known at entry, and the pilot outcomes every run measures: the same eligible
 * people in the baseline and a variant of one replication.
 */
class IntakeTest {

    private static final YearMonth[] MONTHS = months(YearMonth.of(2026, 1), 24);
    /** WW in NHN, from age 50, open from the fourth month. */
    private static final Exemption WW_50_PLUS = exemption(new ExemptionScope(Set.of(), Set.of("NHN"), Set.of(Status.WW),
            50, 0, false, YearMonth.of(2026, 4), null, 0, 0, 0, false));

    @Test
    void aStockWorkerIsTakenInWhenTheExemptionOpens() {
        assertEquals(3, Intake.month(WW_50_PLUS, person(Status.WW, "NHN", 55, 0), MONTHS));
    }

    @Test
    void anEntrantIsTakenInOnEntry() {
        assertEquals(10, Intake.month(WW_50_PLUS, person(Status.WW, "NHN", 55, 10), MONTHS));
    }

    @Test
    void outsideTheRegionStatusOrHorizonNoOneIsEligible() {
        assertEquals(-1, Intake.month(WW_50_PLUS, person(Status.WW, "MRA", 55, 0), MONTHS));
        assertEquals(-1, Intake.month(WW_50_PLUS, person(Status.BIJSTAND, "NHN", 55, 0), MONTHS));
        assertEquals(-1, Intake.month(WW_50_PLUS, person(Status.WW, "NHN", 55, 30), MONTHS));
    }

    @Test
    void oneYearBelowTheAgeLimitAtIntakeIsNotEligible() {
        // 49 at the start, a birthday in month 6: still 49 at intake in month 3 (near miss), 50 with a birthday in 2
        assertEquals(-1, Intake.month(WW_50_PLUS, person(Status.WW, "NHN", 49, 0, 6), MONTHS));
        assertEquals(3, Intake.month(WW_50_PLUS, person(Status.WW, "NHN", 49, 0, 2), MONTHS));
    }

    @Test
    void everyRunOfAReplicationMeasuresTheSameEligiblePeople() {
        Scenario s = TestRuns.scenario("scenarios/smoke.yaml");
        Map<String, Map<String, double[]>> m = TestRuns.run(s, 1).metrics();
        double[] base = m.get("baseline").get(Metrics.PILOT_PREFIX + "E2.eligible");
        double[] e2 = m.get("E2").get(Metrics.PILOT_PREFIX + "E2.eligible");
        assertTrue(base[0] > 0, "E2's scope holds smoke's WW and bijstand workers in NHN");
        assertEquals(base[0], e2[0]);
        assertEquals(base[1], e2[1]);
        // smoke runs 6 months: an intake is never observed 12 months on
        assertTrue(Double.isNaN(m.get("baseline").get(Metrics.PILOT_PREFIX + "E2.employment.m12")[0]),
                "beyond the horizon");
    }

    private static Person person(Status status, String region, int age, int entry) {
        return person(status, region, age, entry, 1);
    }

    private static Person person(Status status, String region, int age, int entry, int birthday) {
        return new Person(0, 0, status, region, age, birthday, Household.SINGLE, Education.NONE, 0, 100, 100, 10, 5, 3,
                true, false, false, "", 0, false, CoursePayer.DEFAULT, entry);
    }

    private static Exemption exemption(ExemptionScope scope) {
        return new Exemption("EX", "test", "", "", "", "", List.of(), List.of(), Map.of(), scope, null, null, "EX.yaml");
    }

    private static YearMonth[] months(YearMonth start, int n) {
        YearMonth[] out = new YearMonth[n];
        for (int i = 0; i < n; i++) {
            out[i] = start.plusMonths(i);
        }
        return out;
    }
}
