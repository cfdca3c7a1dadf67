package nl.fieldlab.sandbox.stats;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import nl.fieldlab.sandbox.rules.Variant;
import nl.fieldlab.sandbox.simulation.SimulationResult;

/**
 * Each metric's mean and CI per variant, and each variant's paired difference to the baseline.
 *
 * @param metrics     metric -> variant -> summary
 * @param differences variant (not the baseline) -> metric -> paired difference to the baseline
 */
public record Comparison(List<String> variants, Map<String, Map<String, Summary>> metrics,
        Map<String, Map<String, Summary>> differences) {

    public static Comparison of(SimulationResult r) {
        Map<String, Map<String, Summary>> metrics = new LinkedHashMap<>();
        Map<String, Map<String, Summary>> differences = new LinkedHashMap<>();
        Map<String, double[]> base = r.metrics().get(Variant.BASELINE);
        for (String v : r.variants()) {
            if (!v.equals(Variant.BASELINE)) {
                differences.put(v, new LinkedHashMap<>());
            }
        }
        for (String metric : base.keySet()) {
            Map<String, Summary> byVariant = new LinkedHashMap<>();
            for (String v : r.variants()) {
                double[] values = r.metrics().get(v).get(metric);
                byVariant.put(v, Summary.of(values));
                if (!v.equals(Variant.BASELINE)) {
                    differences.get(v).put(metric, Summary.paired(values, base.get(metric)));
                }
            }
            metrics.put(metric, byVariant);
        }
        return new Comparison(r.variants(), metrics, differences);
    }
}
