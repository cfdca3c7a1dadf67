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
 * @param unreachable exemption id -> why its scope can reach nobody in this scenario (from the scope and the
 *                    scenario alone); empty when every exemption can reach someone
 */
public record Report(SimulationResult result, Comparison comparison, Map<String, RuleInfo> rules,
        Map<String, String> exemptionTitles, Map<String, String> unreachable) {

    public Report(SimulationResult result, Comparison comparison, Map<String, RuleInfo> rules,
            Map<String, String> exemptionTitles) {
        this(result, comparison, rules, exemptionTitles, Map.of());
    }

    /** A section of plain paragraphs and one table of text, rendered the same way in every format. */
    public record Section(String id, String title, List<String> paragraphs, List<String> columns,
            List<List<String>> rows) {
    }

    /** The sections after the headline tables: effects by year, each exemption's reach, the mechanisms. */
    public List<Section> sections() {
        List<Section> out = new ArrayList<>();
        Section years = effectsByYear();
        if (years != null) {
            out.add(years);
        }
        Section reach = reach();
        if (reach != null) {
            out.add(reach);
        }
        out.add(mechanisms());
        return out;
    }

    private Section effectsByYear() {
        List<String> variants = nonBaselineVariants();
        List<String> years = metricsWithPrefix(Metrics.EMPLOYED_YEAR_PREFIX);
        if (variants.isEmpty() || years.size() < 2) {
            return null;
        }
        List<String> columns = new ArrayList<>(List.of("year", "baseline: in work at year end"));
        for (String v : variants) {
            columns.add(v + ": in work at year end");
            columns.add(v + ": placements in the year");
        }
        List<List<String>> rows = new ArrayList<>();
        for (int y = 1; y <= years.size(); y++) {
            List<String> row = new ArrayList<>();
            row.add(String.valueOf(y));
            row.add(ReportWriter.cell(comparison.metrics().get(Metrics.EMPLOYED_YEAR_PREFIX + y).get(Variant.BASELINE),
                    false));
            for (String v : variants) {
                row.add(ReportWriter.cell(comparison.differences().get(v).get(Metrics.EMPLOYED_YEAR_PREFIX + y), true));
                row.add(ReportWriter.cell(comparison.differences().get(v).get(Metrics.PLACEMENTS_YEAR_PREFIX + y), true));
            }
            rows.add(row);
        }
        return new Section("years", "Effects by year", List.of(
                "Former job seekers in work at the end of each simulated year (the baseline's number, then each "
                        + "variant's paired difference to it) and the placements made in that year (difference). "
                        + "Retraining usually costs employment first (people in a course search less: lock-in) and "
                        + "pays off later; a year-by-year view shows when an effect turns."), columns, rows);
    }

    private Section reach() {
        List<List<String>> rows = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (String v : nonBaselineVariants()) {
            var variant = result.scenario().variant(v);
            if (variant == null) {
                continue;
            }
            for (String ex : variant.exemptions()) {
                String p = Metrics.REACH_PREFIX + ex + ".";
                Summary workers = comparison.metrics().getOrDefault(p + "workers", Map.of()).get(v);
                if (workers == null) {
                    continue;
                }
                List<String> changed = new ArrayList<>();
                for (var t : nl.fieldlab.sandbox.domain.QuestionType.values()) {
                    Summary c = comparison.metrics().get(p + "changed." + t.name()).get(v);
                    if (c != null && c.mean() > 0) {
                        changed.add(ReportWriter.fmt(c.mean()) + " " + decision(t));
                    }
                }
                rows.add(List.of(v, ex, ReportWriter.fmt(workers.mean()),
                        ReportWriter.fmt(comparison.metrics().get(p + "questions").get(v).mean()),
                        changed.isEmpty() ? "none" : String.join(", ", changed),
                        ReportWriter.fmt(comparison.metrics().get(p + "participants").get(v).mean()),
                        ReportWriter.fmt(comparison.metrics().get(p + "refused").get(v).mean()),
                        ReportWriter.fmt(comparison.metrics().get(p + "paid").get(v).mean())));
                if (workers.mean() == 0) {
                    notes.add(ex + " reached nobody in variant " + v + ": " + unreachable.getOrDefault(ex,
                            "no question of this scenario fell in its scope") + ". Its effect is zero for that reason.");
                } else if (changed.isEmpty()) {
                    notes.add(ex + " reached " + ReportWriter.fmt(workers.mean()) + " workers in variant " + v
                            + " but changed no answer of the rules: its clauses did not apply to them.");
                }
            }
        }
        if (rows.isEmpty()) {
            return null;
        }
        List<String> paragraphs = new ArrayList<>(List.of("Per replication (means): the workers and questions "
                + "each exemption's scope covered, the rules' answers it changed against the baseline's answer to "
                + "the same question (by the decision they feed), the participants it admitted, the admissions "
                + "its budget could not pay (turned away), and what its own rules paid."));
        paragraphs.addAll(notes);
        return new Section("reach", "How far each exemption reached", paragraphs, List.of("variant", "exemption",
                "workers in scope", "questions in scope", "answers changed", "participants", "turned away by its cap",
                "paid by its rules (euro)"), rows);
    }

    private static String decision(nl.fieldlab.sandbox.domain.QuestionType t) {
        return switch (t) {
            case HIRE -> "hires";
            case TRIAL_PLACEMENT -> "trial placements";
            case COURSE -> "courses";
            case BENEFIT -> "benefits";
        };
    }

    private Section mechanisms() {
        Map<String, Double> overrides = result.scenario().behaviour().overrides();
        List<List<String>> rows = new ArrayList<>();
        for (var m : nl.fieldlab.sandbox.scenario.Behaviour.mechanisms().values()) {
            List<String> values = new ArrayList<>();
            for (String key : m.parameters()) {
                double v = result.scenario().behaviour().get(key);
                values.add(key + " = " + ReportWriter.fmt(v) + (overrides.containsKey(key) ? " (scenario)" : ""));
            }
            rows.add(List.of(m.id(), m.decision(), m.says(), String.join("; ", values), m.source()));
        }
        return new Section("mechanisms", "Behaviour: the mechanisms behind the effects", List.of(
                "The rules decide what is allowed and what it pays to whom; these mechanisms decide what people and "
                        + "employers do with that. Every difference between variants runs through one of them. Values "
                        + "marked (scenario) were set by the scenario file; the others are the documented defaults."),
                List.of("mechanism", "decision", "what it does", "values", "source"), rows);
    }

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
