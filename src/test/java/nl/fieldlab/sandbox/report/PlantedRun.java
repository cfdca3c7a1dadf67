package nl.fieldlab.sandbox.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import nl.fieldlab.sandbox.TestRuns;
import nl.fieldlab.sandbox.rules.Variant;
import nl.fieldlab.sandbox.scenario.Scenario;
import nl.fieldlab.sandbox.simulation.Metrics;
import nl.fieldlab.sandbox.simulation.SimulationResult;

/**
 * A run result with planted per-replication metrics for a baseline and one variant, on the smoke scenario's shape (6
 * months): the report's cost-effectiveness reads it as it reads a simulated one.
 */
public final class PlantedRun {

    public static final int REPLICATIONS = 10;

    final Scenario scenario;
    final String variant;
    final Map<String, double[]> base = new LinkedHashMap<>();
    final Map<String, double[]> own = new LinkedHashMap<>();

    public PlantedRun(String variant) {
        this(TestRuns.scenario("scenarios/smoke.yaml"), variant);
    }

    public PlantedRun(Scenario scenario, String variant) {
        this.scenario = scenario;
        this.variant = variant;
        for (String m : List.of(Metrics.PLACEMENTS, Metrics.MONTHS_IN_WORK, Metrics.EMPLOYED_AT_HORIZON,
                Metrics.BENEFIT_PAYMENTS, Metrics.PUBLIC_RECEIPTS, Metrics.PUBLIC_COST, Metrics.SOCIAL_COST,
                Metrics.PUBLIC_SPENDING, Metrics.PUBLIC_COST_PV, Metrics.ALL_PARTIES_COST, Metrics.COURSES_STARTED,
                Metrics.EMPLOYER_NET_RESULT, Metrics.EMPLOYER_NET_RESULT_PER_HIRE, Metrics.SROI_CREDITS)) {
            base.put(m, new double[REPLICATIONS]);
            own.put(m, new double[REPLICATIONS]);
        }
        for (nl.fieldlab.sandbox.domain.Actor a : nl.fieldlab.sandbox.domain.Actor.values()) {
            base.put(Metrics.NET_PREFIX + a.name(), new double[REPLICATIONS]);
            own.put(Metrics.NET_PREFIX + a.name(), new double[REPLICATIONS]);
        }
        base.put(Metrics.FISCAL_GAIN_PER_WORK_MONTH, constant(1_800));
        own.put(Metrics.FISCAL_GAIN_PER_WORK_MONTH, constant(1_800));
    }

    public static double[] constant(double v) {
        double[] out = new double[REPLICATIONS];
        java.util.Arrays.fill(out, v);
        return out;
    }

    /** Values around {@code mean} with a small spread (mean exactly {@code mean}), so their difference is significant. */
    public static double[] around(double mean, double spread) {
        double[] out = new double[REPLICATIONS];
        for (int i = 0; i < REPLICATIONS; i++) {
            out[i] = mean + spread * ((i % 5) - 2) * (i < 5 ? 1 : -1);
        }
        return out;
    }

    /** The variant's extra net public cost month by month (mean over replications); null: spread evenly. */
    double[] costByMonth;

    public PlantedRun set(String metric, double[] variantValues) {
        own.put(metric, variantValues);
        return this;
    }

    public SimulationResult result() {
        Map<String, Map<String, double[]>> metrics = new LinkedHashMap<>();
        metrics.put(Variant.BASELINE, base);
        metrics.put(variant, own);
        // the variant's extra net public cost spread evenly over the months, so that its cumulative path ends at its mean
        int months = scenario.months();
        double[] perMonth = new double[months];
        double mean = java.util.Arrays.stream(own.get(Metrics.PUBLIC_COST)).average().orElse(0);
        java.util.Arrays.fill(perMonth, mean / months);
        if (costByMonth != null) {
            perMonth = costByMonth.clone();
        }
        return new SimulationResult(scenario, List.of(Variant.BASELINE, variant), metrics, Map.of(), Map.of(),
                Map.of(Variant.BASELINE, new double[months], variant, perMonth), 0.0225, Map.of(), 0, Map.of());
    }

    CostEffectiveness costEffectiveness() {
        return CostEffectiveness.of(result()).get(0);
    }
}
