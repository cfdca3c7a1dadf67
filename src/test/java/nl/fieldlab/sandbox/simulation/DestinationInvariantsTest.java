package nl.fieldlab.sandbox.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import nl.fieldlab.sandbox.TestRuns;
import nl.fieldlab.sandbox.scenario.Scenario;

/**
 * Where people landed adds up: in each replication and variant of the smoke run, each dimension's placements sum to
 * the placements and its work-years to the months in work / 12; every variant reports the same keys; and the income
 * figures agree with each other.
 */
class DestinationInvariantsTest {

    static Scenario smoke;
    static RunTotals[][] totals;

    @BeforeAll
    static void runSmoke() {
        smoke = TestRuns.scenario("scenarios/smoke.yaml");
        Simulator.Plan plan = new Simulator.Plan(smoke, Simulator.deciders(smoke, TestRuns.compile(smoke)));
        totals = new RunTotals[smoke.variants().size()][smoke.replications()];
        for (int v = 0; v < totals.length; v++) {
            for (int r = 0; r < totals[v].length; r++) {
                totals[v][r] = plan.run(v, r, () -> false, () -> {
                });
            }
        }
    }

    private static double sum(Map<String, Double> m, Predicate<String> category, String suffix) {
        return m.entrySet().stream().filter(e -> e.getKey().startsWith(Metrics.DEST_PREFIX)
                && e.getKey().endsWith(suffix) && category.test(e.getKey().substring(Metrics.DEST_PREFIX.length())))
                .mapToDouble(Map.Entry::getValue).sum();
    }

    @Test
    void eachDimensionAddsUpToPlacementsAndYearsInWork() {
        List<Predicate<String>> dimensions = List.of(k -> k.startsWith("employer."), k -> k.startsWith("field."),
                k -> k.startsWith("technical.") || k.startsWith("nonTechnical."), k -> k.startsWith("wage."));
        double placed = 0;
        for (RunTotals[] byVariant : totals) {
            for (RunTotals t : byVariant) {
                Map<String, Double> m = t.metrics();
                placed += m.get(Metrics.PLACEMENTS);
                for (Predicate<String> d : dimensions) {
                    assertEquals(m.get(Metrics.PLACEMENTS), sum(m, d, ".placements"), 1e-9);
                    assertEquals(m.get(Metrics.MONTHS_IN_WORK) / 12, sum(m, d, ".workYears"), 1e-9);
                }
            }
        }
        assertTrue(placed > 0, "the smoke runs place someone");
    }

    @Test
    void everyVariantReportsTheSameKeysAndNoMoreThan55() {
        Set<String> first = null;
        for (RunTotals[] byVariant : totals) {
            for (RunTotals t : byVariant) {
                Set<String> keys = new TreeSet<>(t.metrics().keySet());
                keys.removeIf(k -> !k.startsWith(Metrics.DEST_PREFIX));
                if (first == null) {
                    first = keys;
                }
                assertEquals(first, keys);
            }
        }
        assertTrue(first.size() <= 55, first.size() + " destination metrics");
        // an expect: line may name each of them, and not a misspelt one
        for (String k : first) {
            assertEquals(null, Metrics.problem(k, Set.of("ww", "bijstand"), null), k);
        }
        assertTrue(Metrics.problem("dest.income.gian", Set.of(), null).startsWith("unknown metric"));
        assertTrue(Metrics.problem("dest.wage.min-130.placements", Set.of(), null).startsWith("unknown metric"));
        assertEquals((2 + 2 + 2 + 5) * 2 + 5, first.size());
    }

    @Test
    void theGainIsNetInWorkLessTheBenefitLeft() {
        for (RunTotals[] byVariant : totals) {
            for (RunTotals t : byVariant) {
                Map<String, Double> m = t.metrics();
                if (m.get(Metrics.PLACEMENTS) == 0) {
                    continue;
                }
                assertEquals(m.get(Metrics.DEST_INCOME_NET_IN_WORK) - m.get(Metrics.DEST_INCOME_BENEFIT_LEFT),
                        m.get(Metrics.DEST_INCOME_GAIN), 1e-6);
                // smoke's jobs pay at least the minimum wage for 32 hours a week, and WW or bijstand was left
                assertTrue(m.get(Metrics.DEST_INCOME_WAGE) > 1500, "gross wage " + m.get(Metrics.DEST_INCOME_WAGE));
                assertTrue(m.get(Metrics.DEST_INCOME_BENEFIT_LEFT) > 0, "benefit left "
                        + m.get(Metrics.DEST_INCOME_BENEFIT_LEFT));
                assertTrue(m.get(Metrics.DEST_INCOME_NET_IN_WORK) < m.get(Metrics.DEST_INCOME_WAGE),
                        "net in work is below the gross wage (wage tax)");
                double share = m.get(Metrics.DEST_INCOME_NO_GAIN_SHARE);
                assertTrue(share >= 0 && share <= 1, "no-gain share " + share);
            }
        }
    }
}
