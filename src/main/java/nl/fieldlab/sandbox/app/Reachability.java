package nl.fieldlab.sandbox.app;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import nl.fieldlab.sandbox.domain.CourseRoute;
import nl.fieldlab.sandbox.domain.Status;
import nl.fieldlab.sandbox.rules.Exemption;
import nl.fieldlab.sandbox.rules.RouteArea;
import nl.fieldlab.sandbox.rules.RuleLibrary;
import nl.fieldlab.sandbox.rules.Variant;
import nl.fieldlab.sandbox.scenario.Scenario;
import nl.fieldlab.sandbox.simulation.Metrics;
import nl.fieldlab.sandbox.stats.Comparison;
import nl.fieldlab.sandbox.stats.Summary;

/**
 * Which exemptions of a scenario's variants can reach nobody in it, from each variant's scope of them (the
 * scenario's where it sets one, else the rule file's) and the scenario alone; and, after a run, which variants
 * reached nobody. {@code scenario load}, {@code validate} and {@code run} say the same lines, so a designer learns it
 * before a run, not from a zero effect.
 */
public final class Reachability {

    private Reachability() {
    }

    /** What the scenario holds that a scope is met against. */
    private record Facts(Set<String> regions, Set<Status> statuses, int minAge, int maxAge, boolean technical) {

        static Facts of(Scenario s) {
            Set<String> regions = new TreeSet<>();
            Set<Status> statuses = EnumSet.noneOf(Status.class);
            int minAge = Integer.MAX_VALUE;
            int maxAge = 0;
            for (var g : s.workers()) {
                if (g.count() == 0) {
                    continue;
                }
                regions.add(g.region() == null ? s.region() : g.region());
                statuses.add(g.status());
                minAge = Math.min(minAge, g.age().min());
                maxAge = Math.max(maxAge, g.age().max() + (s.months() + 11) / 12);
            }
            // the statuses workers can move into: a laid-off worker claims WW, WW runs out into bijstand or nothing,
            // a career switcher can become a training company's apprentice (an employee)
            if (statuses.contains(Status.EMPLOYED)) {
                statuses.add(Status.WW);
            }
            if (statuses.contains(Status.WW)) {
                statuses.add(Status.BIJSTAND);
                statuses.add(Status.NONE);
            }
            boolean trainingCompanies = s.employers().stream()
                    .anyMatch(e -> Boolean.TRUE.equals(e.recognisedTrainingCompany()));
            if (trainingCompanies && s.courses().stream().anyMatch(c -> c.route() == CourseRoute.BBL)) {
                statuses.add(Status.EMPLOYED);
            }
            boolean technical = s.employers().stream().anyMatch(e -> Boolean.TRUE.equals(e.technical()))
                    || s.courses().stream().anyMatch(c -> Boolean.TRUE.equals(c.shortageOccupation()));
            return new Facts(regions, statuses, minAge == Integer.MAX_VALUE ? 0 : minAge, maxAge, technical);
        }

        String whyNone(Exemption e, Scenario s) {
            return e.scope().whyNoneCovered(regions, statuses, minAge, maxAge, technical, s.start(), s.end());
        }

        boolean outsideRegions(Exemption e) {
            return !e.scope().regions().isEmpty() && e.scope().regions().stream().noneMatch(regions::contains);
        }
    }

    /** Per variant (in scenario order), each of its exemptions whose scope in that variant reaches nobody, and why. */
    public static Map<String, Map<String, String>> byVariant(Scenario s, RuleLibrary library) {
        Facts facts = Facts.of(s);
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        for (Variant v : s.variants()) {
            Map<String, String> why = new TreeMap<>();
            for (String id : v.exemptions()) {
                Exemption e = library.exemption(id);
                if (e == null) {
                    continue;
                }
                String reason = facts.whyNone(v.scoped(e, library.regions()), s);
                if (reason != null) {
                    why.put(id, reason);
                }
            }
            if (!why.isEmpty()) {
                out.put(v.name(), why);
            }
        }
        return out;
    }

    /**
     * Each exemption whose scope reaches nobody in every variant that lists it, and why (the first such variant's
     * reason): the report's and rank-exemptions' view by exemption.
     */
    public static Map<String, String> byExemption(Scenario s, RuleLibrary library) {
        Map<String, Map<String, String>> byVariant = byVariant(s, library);
        Map<String, String> out = new TreeMap<>();
        Set<String> reached = new TreeSet<>();
        for (Variant v : s.variants()) {
            Map<String, String> why = byVariant.getOrDefault(v.name(), Map.of());
            for (String id : v.exemptions()) {
                if (!why.containsKey(id)) {
                    reached.add(id);
                } else {
                    out.putIfAbsent(id, why.get(id));
                }
            }
        }
        out.keySet().removeAll(reached);
        return out;
    }

    /**
     * The warnings before a run, one line each: "warning: E1 reaches nobody in this scenario: its scope is region NHN
     * and the scenario's workers are in region GA (its effect will be zero) in variant E1; its legal route, a
     * ministerial regulation under an existing statutory power, allows scope: {E1: {regions: [GA]}}", and for a
     * variant none of whose exemptions reaches anyone, "warning: variant E1 reaches nobody: every difference to the
     * baseline is noise".
     */
    public static List<String> warnings(Scenario s, RuleLibrary library) {
        Facts facts = Facts.of(s);
        Map<String, Map<String, String>> byVariant = byVariant(s, library);
        // one line per exemption and reason, naming the variants it holds for
        Map<String, List<String>> variantsOf = new LinkedHashMap<>();
        Map<String, String> hintOf = new LinkedHashMap<>();
        for (Variant v : s.variants()) {
            for (Map.Entry<String, String> e : byVariant.getOrDefault(v.name(), Map.of()).entrySet()) {
                String line = e.getKey() + " reaches nobody in this scenario: " + e.getValue()
                        + " (its effect will be zero)";
                variantsOf.computeIfAbsent(line, k -> new ArrayList<>()).add(v.name());
                Exemption ex = v.scoped(library.exemption(e.getKey()), library.regions());
                if (facts.outsideRegions(ex) && !facts.regions().isEmpty()) {
                    hintOf.putIfAbsent(line, RouteArea.hint(ex, facts.regions()));
                }
            }
        }
        List<String> out = new ArrayList<>();
        variantsOf.forEach((line, variants) -> out.add("warning: " + line + " in variant"
                + (variants.size() == 1 ? " " : "s ") + String.join(", ", variants)
                + (hintOf.containsKey(line) ? "; " + hintOf.get(line) : "")));
        for (Variant v : s.variants()) {
            Map<String, String> why = byVariant.getOrDefault(v.name(), Map.of());
            if (!v.exemptions().isEmpty() && why.keySet().containsAll(v.exemptions()) && v.supports().isEmpty()) {
                out.add("warning: variant " + v.name() + " reaches nobody: every difference to the baseline is noise");
            }
        }
        return out;
    }

    /**
     * After a run: each variant with exemptions none of which reached a worker in any replication, "warning: variant
     * E1: its exemptions reached no worker in 10 replications (reach.E1.workers is 0)".
     */
    public static List<String> afterRun(Scenario s, Comparison c) {
        List<String> out = new ArrayList<>();
        for (Variant v : s.variants()) {
            if (v.exemptions().isEmpty()) {
                continue;
            }
            List<String> zero = new ArrayList<>();
            int n = s.replications();
            for (String id : v.exemptions()) {
                Summary workers = c.metrics().getOrDefault(Metrics.REACH_PREFIX + id + ".workers", Map.of())
                        .get(v.name());
                if (workers == null || workers.mean() > 0) {
                    zero.clear();
                    break;
                }
                zero.add(Metrics.REACH_PREFIX + id + ".workers");
                n = workers.n();
            }
            if (!zero.isEmpty()) {
                out.add("warning: variant " + v.name() + ": its exemptions reached no worker in " + n
                        + " replications (" + String.join(", ", zero) + (zero.size() == 1 ? " is" : " are") + " 0)");
            }
        }
        return out;
    }
}
