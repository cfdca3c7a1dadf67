package nl.fieldlab.sandbox.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import nl.fieldlab.sandbox.rules.RuleInfo;
import nl.fieldlab.sandbox.rules.Variant;
import nl.fieldlab.sandbox.simulation.Metrics;
import nl.fieldlab.sandbox.simulation.SimulationResult;
import nl.fieldlab.sandbox.stats.Comparison;
import nl.fieldlab.sandbox.stats.Summary;

/**
 * The content of a report, computed once from a run and rendered into every format. Everything here is a pure
 * function of the run, so two runs of the same inputs give the same report.
 *
 * @param result      the simulation result
 * @param comparison  means, CIs and paired differences
 * @param rules       every rule of every variant, by id (for legal sources)
 * @param exemptionTitles exemption id -> title
 */
public record Report(SimulationResult result, Comparison comparison, Map<String, RuleInfo> rules,
        Map<String, String> exemptionTitles) {

    /** A rule that blocked actions in a variant: how often on average, and the source it encodes. */
    public record Blocking(String rule, Summary blocked, String source, String exemption) {
    }

    public String scenarioId() {
        return result.scenario().id();
    }

    public List<String> variants() {
        return result.variants();
    }

    /** Headline metrics (those documented in {@link Metrics#DESCRIPTIONS}) present in this run. */
    public List<String> headline() {
        return Metrics.DESCRIPTIONS.keySet().stream().filter(comparison.metrics()::containsKey).toList();
    }

    public List<String> metricsWithPrefix(String prefix) {
        return comparison.metrics().keySet().stream().filter(k -> k.startsWith(prefix)).toList();
    }

    /** Rules that blocked at least one action in the variant, most blocking first. */
    public List<Blocking> topBlocking(String variant, int limit) {
        List<Blocking> out = new ArrayList<>();
        for (String metric : metricsWithPrefix(Metrics.BLOCKED_PREFIX)) {
            Summary s = comparison.metrics().get(metric).get(variant);
            if (s != null && s.mean() > 0) {
                String id = metric.substring(Metrics.BLOCKED_PREFIX.length());
                RuleInfo info = rules.get(id);
                out.add(new Blocking(id, s, info == null ? "" : info.source(),
                        info == null ? null : info.exemption()));
            }
        }
        out.sort(Comparator.comparingDouble((Blocking b) -> -b.blocked().mean()).thenComparing(Blocking::rule));
        return out.size() > limit ? out.subList(0, limit) : out;
    }

    /** Cumulative mean placements by month, per variant. */
    public Map<String, double[]> cumulativePlacements() {
        Map<String, double[]> out = new LinkedHashMap<>();
        result.placementsByMonth().forEach((v, perMonth) -> {
            double[] cum = new double[perMonth.length];
            double sum = 0;
            for (int m = 0; m < perMonth.length; m++) {
                sum += perMonth[m];
                cum[m] = sum;
            }
            out.put(v, cum);
        });
        return out;
    }

    public List<String> nonBaselineVariants() {
        return variants().stream().filter(v -> !v.equals(Variant.BASELINE)).toList();
    }

    public String variantLabel(String variant) {
        var v = result.scenario().variant(variant);
        if (v == null || v.exemptions().isEmpty()) {
            return variant;
        }
        List<String> titles = new ArrayList<>();
        for (String e : v.exemptions()) {
            titles.add(e + " " + exemptionTitles.getOrDefault(e, ""));
        }
        return variant + " (" + String.join("; ", titles).strip() + ")";
    }
}
