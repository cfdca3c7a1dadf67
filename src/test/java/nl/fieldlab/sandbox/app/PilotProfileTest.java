package nl.fieldlab.sandbox.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import nl.fieldlab.sandbox.TestRuns;
import nl.fieldlab.sandbox.rules.Exemption;
import nl.fieldlab.sandbox.scenario.Scenario;
import nl.fieldlab.sandbox.simulation.Simulator;

/**
 * Profile {@code -Ppilot} (not CI: minutes per scenario): a lottery pilot of each exemption of every seed scenario,
 * {@code fieldlab.pilot.replications} replications (default 40); the empirical power agrees with the analytic power
 * at the plug-in effect within three binomial standard errors and 0.05. Prints each scenario's pilot table.
 */
@EnabledIfSystemProperty(named = "fieldlab.pilot", matches = "true")
class PilotProfileTest {

    private static final int REPLICATIONS = Integer.getInteger("fieldlab.pilot.replications", 40);

    @ParameterizedTest
    @ValueSource(strings = {"default", "learning-account-mra", "case-sprint-techport", "social-cooperative-kennemerland"})
    void aLotteryPilotOfEachSeedScenarioExemption(String name) {
        Scenario scenario = TestRuns.scenario("scenarios/" + name + ".yaml");
        List<String> ids = new ArrayList<>();
        scenario.variants().forEach(v -> v.exemptions().forEach(e -> {
            if (!ids.contains(e)) {
                ids.add(e);
            }
        }));
        int month = scenario.months() > 12 ? 12 : 6;
        int j = month == 12 ? 1 : 0;
        for (String id : ids) {
            Exemption ex = TestRuns.library().exemption(id);
            Scenario s = PilotPlan.scenarioFor(scenario, ex, REPLICATIONS);
            Simulator.Plan plan = new Simulator.Plan(s, Simulator.deciders(s, TestRuns.compile(s)));
            PilotPlan.Row r = PilotPlan.lottery(plan, ex, REPLICATIONS, Simulator.defaultThreads(), j, month, 0.05,
                    "", "difference in means");
            System.out.printf(Locale.ROOT, "pilot %s %s m%d: n %.0f/%.0f control %.3f estimate %.4f [%.4f, %.4f] "
                    + "power %.3f [%.3f, %.3f] analytic %.3f bias %.4f [%.4f, %.4f] spillover %.4f%n", name, id, month,
                    r.treated(), r.control(), r.controlMean(), r.estimate().mean(), r.estimate().ciLow(),
                    r.estimate().ciHigh(), r.powerEmpirical(), r.powerLow(), r.powerHigh(), r.powerAnalytic(),
                    r.bias().mean(), r.bias().ciLow(), r.bias().ciHigh(), r.spillover().mean());
            double p = r.powerAnalytic();
            assertEquals(p, r.powerEmpirical(), 3 * Math.sqrt(Math.max(p * (1 - p), 0.0475) / REPLICATIONS) + 0.05,
                    name + " " + id);
        }
    }
}
