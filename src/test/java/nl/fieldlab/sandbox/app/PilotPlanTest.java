package nl.fieldlab.sandbox.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import nl.fieldlab.sandbox.TestRuns;
import nl.fieldlab.sandbox.rules.Exemption;
import nl.fieldlab.sandbox.scenario.Scenario;
import nl.fieldlab.sandbox.simulation.Simulator;

/**
 * A lottery pilot inside the simulator on a small scenario (CI): its empirical power agrees with the analytic power
 * at the same runs' plug-in effect, and an exemption whose scope misses the scenario has no one to pilot (near
 * miss). The seed scenarios run under the profile {@code -Ppilot}.
 */
class PilotPlanTest {

    private static final Scenario SMALL = TestRuns.scenario("src/test/resources/pilot/pilot-small.yaml");
    private static final int REPLICATIONS = 20;
    /** employment 12 months after intake: index 1 of 6, 12, 24, 36 */
    private static final int MONTH_12 = 1;

    @Test
    void theEmpiricalPowerOfALotteryAgreesWithTheAnalyticPower() {
        PilotPlan.Row row = pilot("E2");
        assertTrue(row.treated() > 50 && row.control() > 50, row.toString());
        assertTrue(Math.abs(row.treated() - row.control()) < 0.3 * (row.treated() + row.control()), "about half");
        double p = row.powerAnalytic();
        double band = 3 * Math.sqrt(Math.max(p * (1 - p), 0.05 * 0.95) / REPLICATIONS) + 0.05;
        assertEquals(p, row.powerEmpirical(), band, row.toString());
        assertTrue(row.powerLow() <= row.powerEmpirical() && row.powerEmpirical() <= row.powerHigh());
        assertEquals(REPLICATIONS, row.bias().n());
    }

    @Test
    void drawingEmployersCountsEmployersAsUnits() {
        Exemption ex = TestRuns.library().exemption("E2");
        Scenario s = PilotPlan.scenarioFor(SMALL, ex, REPLICATIONS);
        Simulator.Plan plan = new Simulator.Plan(s, Simulator.deciders(s, TestRuns.compile(s)));
        PilotPlan.Row row = PilotPlan.employer(plan, ex, REPLICATIONS, 2, 0.05, "fits", "difference of employer means");
        int employers = SMALL.employers().stream().mapToInt(g -> g.count()).sum();
        assertEquals(employers, row.treated() + row.control(), 1e-9, "every employer is in one arm");
        assertTrue(row.perEmployer());
        double p = row.powerAnalytic();
        double band = 3 * Math.sqrt(Math.max(p * (1 - p), 0.05 * 0.95) / REPLICATIONS) + 0.05;
        assertEquals(p, row.powerEmpirical(), band, row.toString());
    }

    @Test
    void anExemptionThatReachesNoOneHasNoOneToPilot() {
        // E3's scope is the MRA; the scenario's workers are in NHN
        PilotPlan.Row row = pilot("E3");
        assertEquals(0, row.treated());
        assertEquals(0, row.control());
    }

    @Test
    void wilsonsIntervalByHand() {
        // 0 of 4: [0, 0.490]; 8 of 10: [0.490, 0.943] (Wilson 1927)
        double[] none = PilotPlan.wilson(0, 4, 0.05);
        assertEquals(0, none[0], 1e-12);
        assertEquals(0.490, none[1], 0.001);
        double[] most = PilotPlan.wilson(8, 10, 0.05);
        assertEquals(0.490, most[0], 0.001);
        assertEquals(0.943, most[1], 0.001);
    }

    private static PilotPlan.Row pilot(String id) {
        Exemption ex = TestRuns.library().exemption(id);
        Scenario s = PilotPlan.scenarioFor(SMALL, ex, REPLICATIONS);
        Simulator.Plan plan = new Simulator.Plan(s, Simulator.deciders(s, TestRuns.compile(s)));
        return PilotPlan.lottery(plan, ex, REPLICATIONS, 2, MONTH_12, 12, 0.05, "fits", "difference in means");
    }
}
