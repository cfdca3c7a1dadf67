package nl.fieldlab.sandbox.simulation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import nl.fieldlab.sandbox.TestRuns;
import nl.fieldlab.sandbox.scenario.Behaviour;
import nl.fieldlab.sandbox.scenario.Scenario;

/**
 * The run closes vacancies through mechanism vacancies (outsiders by market tightness, and lapses), and simulated
 * workers contest each vacancy with the month's outsiders.
 */
class VacancyCompetitionRunTest {

    static final Scenario SMOKE = TestRuns.scenario("scenarios/smoke.yaml");

    static double unfilledAtEnd(Map<String, Double> behaviour) {
        return mean(behaviour, Metrics.VACANCIES_UNFILLED);
    }

    static double mean(Map<String, Double> behaviour, String metric) {
        Map<String, Double> b = new HashMap<>(SMOKE.behaviour().overrides());
        b.putAll(behaviour);
        Scenario s = SMOKE.with(SMOKE.seed(), SMOKE.replications(), Behaviour.with(b), SMOKE.variants());
        double[] unfilled = TestRuns.run(s, 1).metrics().get(s.variants().get(0).name())
                .get(metric);
        double sum = 0;
        for (double u : unfilled) {
            sum += u;
        }
        return sum / unfilled.length;
    }

    @Test
    void outsidersLeaveFewerVacanciesOpenInASlackMarketThanInATightOne() {
        double slack = unfilledAtEnd(Map.of("market.tightness", 0.3));
        double tight = unfilledAtEnd(Map.of("market.tightness", 3.0));
        assertTrue(slack < tight, "slack " + slack + " < tight " + tight);
    }

    @Test
    void simulatedWorkersArePlacedLessOftenWhenMoreOutsidersCompete() {
        double slack = mean(Map.of("market.tightness", 0.1), Metrics.PLACEMENTS);
        double tight = mean(Map.of("market.tightness", 5.0), Metrics.PLACEMENTS);
        assertTrue(slack < tight, "slack " + slack + " < tight " + tight);
    }

    @Test
    void vacanciesThatLapseAreNotLeftOpen() {
        double none = unfilledAtEnd(Map.of());
        double lapsing = unfilledAtEnd(Map.of("vacancy.lapse-rate", 0.5));
        assertTrue(lapsing < none, "lapsing " + lapsing + " < none " + none);
    }
}
