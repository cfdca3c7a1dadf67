package nl.fieldlab.sandbox.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BiFunction;

import org.junit.jupiter.api.Test;

import nl.fieldlab.sandbox.rules.Variant;
import nl.fieldlab.sandbox.scenario.Behaviour;
import nl.fieldlab.sandbox.scenario.RobustnessSpec;
import nl.fieldlab.sandbox.scenario.Scenario;
import nl.fieldlab.sandbox.scenario.ScenarioLoader;
import nl.fieldlab.sandbox.simulation.Metrics;
import nl.fieldlab.sandbox.simulation.Rng;
import nl.fieldlab.sandbox.simulation.SimulationResult;
import nl.fieldlab.sandbox.stats.Comparison;
import nl.fieldlab.sandbox.stats.HeadlineFamily;

/** The robustness service with a planted runner: no simulation, the differences are functions of the drawn values. */
class RobustnessPlantedTest {

    private static final String A = "coaching.hire-boost"; // 0-0.2, linear
    private static final String B = "coaching.contact-boost"; // 0.1-0.5, linear
    private static final Scenario SMOKE = ScenarioLoader.load(Path.of("scenarios/smoke.yaml"));

    /** A result whose variant E2 differs from the baseline by {@code diff(values, replication)} in every metric. */
    private static SimulationResult planted(Scenario s, BiFunction<Scenario, Integer, Double> diff) {
        Map<String, Map<String, double[]>> metrics = new LinkedHashMap<>();
        for (Variant v : s.variants()) {
            Map<String, double[]> m = new LinkedHashMap<>();
            for (HeadlineFamily.Member member : HeadlineFamily.MEMBERS) {
                double[] x = new double[s.replications()];
                for (int j = 0; j < x.length; j++) {
                    x[j] = v.name().equals(Variant.BASELINE) ? 100 : 100 + diff.apply(s, j);
                }
                m.put(member.metric(), x);
            }
            if (v.name().equals(Variant.BASELINE)) {
                // a calibration measure that follows drawn value A: the section shows how far the draws move it
                double[] c = new double[s.replications()];
                java.util.Arrays.fill(c, s.behaviour().get(A));
                m.put(Metrics.CALIBRATION_PREFIX + "wwExitToWork12m", c);
            } else {
                m.put(Metrics.CALIBRATION_PREFIX + "wwExitToWork12m", new double[s.replications()]);
            }
            metrics.put(v.name(), m);
        }
        return new SimulationResult(s, s.variants().stream().map(Variant::name).toList(), metrics, Map.of(),
                Map.of(), Map.of(), Double.NaN, Map.of(), 0, Map.of());
    }

    private static Comparison mainRun(double difference) {
        return Comparison.of(planted(SMOKE.with(SMOKE.seed(), 10, SMOKE.behaviour(), SMOKE.variants()),
                (s, j) -> difference + 0.1 * j));
    }

    private static RobustnessSpec spec(int draws) {
        return new RobustnessSpec(draws, 2, List.of(A, B), null);
    }

    @Test
    void aPlantedStepInOneValueIsFoundAndTheOtherIsNot() {
        // Y = +1 where A lies in the lowest 30 % of its range, else -1; B does nothing
        double cut = 0.3 * 0.2;
        Robustness.Result r = new Robustness((d, k) -> planted(d, (s, j) -> s.behaviour().get(A) < cut ? 1.0 : -1.0))
                .run(SMOKE, spec(20), mainRun(1));
        Robustness.Row row = r.row("E2", Metrics.PLACEMENTS);
        // the design stratifies A: exactly 6 of 20 draws fall below 30 % of its range
        assertEquals(6, row.share().held());
        assertEquals(A, row.moved().named());
        assertTrue(row.moved().each().get(A).rho() < -0.75, "rho " + row.moved().each().get(A).rho());
        assertTrue(row.moved().each().get(B).holm() >= 0.05);
        assertEquals("holds in 6 of 20 draws of the behaviour ranges (30 % [15 %, 52 %])",
                r.holdsText("E2", Metrics.PLACEMENTS));
        // no replication noise within a draw: none of the spread is noise
        assertEquals(0, row.noise(), 1e-12);
        // the baseline's calibration measure follows A (0 to 0.2, 0.1 in the main run) across the draws
        String band = r.section().paragraphs().stream().filter(p -> p.contains("calibration measures")).findFirst()
                .orElseThrow();
        assertTrue(band.contains("wwExitToWork12m 0.0") && band.contains(" to 0.1") && band.endsWith("(0.100)."),
                band);
    }

    @Test
    void aSignificantVerdictIsGradedByTheShareOfDrawsThatKeepIt() {
        double cut = 0.3 * 0.2;
        // the main run's difference is significant (+1 with small spread): 6 of 20 draws keep it, 14 reverse it
        Robustness.Result reverses = new Robustness((d, k) -> planted(d, (s, j) -> s.behaviour().get(A) < cut ? 1.0
                : -1.0)).run(SMOKE, spec(20), mainRun(1));
        assertEquals("reverses in most draws of the behaviour ranges (6 of 20 hold, 30 % [15 %, 52 %])",
                reverses.verdictText("E2", Metrics.PLACEMENTS));
        // 14 of 20 keep it: it depends, and A, which decides it, is named
        Robustness.Result depends = new Robustness((d, k) -> planted(d, (s, j) -> s.behaviour().get(A) < cut ? -1.0
                : 1.0)).run(SMOKE, spec(20), mainRun(1));
        assertTrue(depends.verdictText("E2", Metrics.PLACEMENTS).startsWith("depends on the assumptions: it holds "
                + "in 14 of 20 draws (70 % [48 %, 85 %]); coaching.hire-boost moves it most (rho = +0."),
                depends.verdictText("E2", Metrics.PLACEMENTS));
        Robustness.Result holds = new Robustness((d, k) -> planted(d, (s, j) -> 1.0)).run(SMOKE, spec(20),
                mainRun(1));
        assertEquals("holds in 20 of 20 draws of the behaviour ranges (100 % [84 %, 100 %])",
                holds.verdictText("E2", Metrics.PLACEMENTS));
        // a main run that is not significant states no verdict, only the split
        Robustness.Result split = new Robustness((d, k) -> planted(d, (s, j) -> 1.0)).run(SMOKE, spec(20),
                Comparison.of(planted(SMOKE.with(SMOKE.seed(), 10, SMOKE.behaviour(), SMOKE.variants()),
                        (s, j) -> j % 2 == 0 ? 1.0 : -0.8)));
        assertEquals("above 0 in 20 of 20 draws of the behaviour ranges", split.verdictText("E2",
                Metrics.PLACEMENTS));
        // a main run whose interval excludes 0 but which the report's corrected verdicts do not call: no verdict
        nl.fieldlab.sandbox.stats.Calls none = new nl.fieldlab.sandbox.stats.Calls() {
            @Override
            public boolean called(String variant, String metric) {
                return false;
            }

            @Override
            public String why(String variant, String metric) {
                return "not called";
            }
        };
        Robustness.Result uncalled = new Robustness((d, k) -> planted(d, (s, j) -> 1.0)).run(SMOKE, spec(20),
                mainRun(1), none);
        assertEquals("above 0 in 20 of 20 draws of the behaviour ranges", uncalled.verdictText("E2",
                Metrics.PLACEMENTS));
    }

    @Test
    void aSmallEffectUnderNoiseNamesNothingAndAsksForReplications() {
        Random noise = new Random(0);
        Map<Long, double[]> perDraw = new LinkedHashMap<>();
        Robustness.Result r = new Robustness((d, k) -> planted(d, (s, j) -> {
            double[] e = perDraw.computeIfAbsent(s.seed(), x -> new double[] {noise.nextGaussian(),
                    noise.nextGaussian()});
            return 1 + 0.01 * s.behaviour().get(A) + e[j];
        })).run(SMOKE, spec(32), mainRun(1));
        Robustness.Row row = r.row("E2", Metrics.MONTHS_IN_WORK);
        assertNull(row.moved().named(), row.moved().text());
        assertTrue(row.noise() > Robustness.NOISY, "noise share " + row.noise());
        assertTrue(r.section().paragraphs().stream().anyMatch(p -> p.contains("raise the replications per draw")));
    }

    @Test
    void everyVariantOfADrawSharesItsSeedAndNoTwoDrawsShareOne() {
        List<Scenario> asked = new ArrayList<>();
        Robustness.Result r = new Robustness((d, k) -> {
            asked.add(d);
            return planted(d, (s, j) -> 1.0);
        }).run(SMOKE, spec(8), mainRun(1));
        assertEquals(8, asked.size());
        var seeds = new HashSet<Long>();
        for (int k = 0; k < asked.size(); k++) {
            Scenario d = asked.get(k);
            // one scenario per draw carries every variant: they run on the draw's streams together (paired)
            assertEquals(SMOKE.variants(), d.variants());
            assertEquals(Rng.derive(SMOKE.seed(), Rng.Purpose.ROBUSTNESS_DRAW, k), d.seed());
            assertEquals(2, d.replications());
            assertTrue(seeds.add(d.seed()), "draw " + k + " repeats a seed");
            assertNotEquals(SMOKE.seed(), d.seed());
            assertEquals(r.draws().get(k).values().get(A), d.behaviour().get(A), 0);
            assertNull(d.robustness());
        }
    }

    @Test
    void aValueTheScenarioSetsIsHeldUnlessTheBlockGivesItARange() {
        Scenario set = SMOKE.with(SMOKE.seed(), SMOKE.replications(), Behaviour.with(Map.of(A, 0.15)),
                SMOKE.variants());
        ParameterSpace held = ParameterSpace.of(set, spec(8));
        assertEquals(List.of(A), held.held());
        assertEquals(List.of(B), held.drawn().stream().map(ParameterSpace.Drawn::name).toList());
        ParameterSpace own = ParameterSpace.of(set, new RobustnessSpec(8, 2, List.of(A, B), Map.of(A,
                new RobustnessSpec.RangeSpec(0.1, 0.2, null, "assumed", "planted"))));
        assertEquals(List.of(), own.held());
        assertEquals(0.15, own.drawn().stream().filter(d -> d.name().equals(A)).findFirst().orElseThrow().inUse(),
                0);
        assertTrue(own.drawn().stream().anyMatch(ParameterSpace.Drawn::scenarioRange));
    }

    @Test
    void aCalibratedValueIsRefusedWithWhatToDoInstead() {
        var e = org.junit.jupiter.api.Assertions.assertThrows(CommandFailure.class, () -> ParameterSpace.of(SMOKE,
                new RobustnessSpec(8, 2, List.of("hire.base"), null)));
        assertTrue(e.getMessage().startsWith("hire.base is calibrated (scenarios/calibration.yaml"), e.getMessage());
        assertTrue(e.getMessage().endsWith("give it a range under robustness.ranges, with a source, to draw it "
                + "anyway"));
    }
}
