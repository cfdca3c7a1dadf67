package nl.fieldlab.sandbox.scenario;

import java.nio.file.Path;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonProperty;

import nl.fieldlab.sandbox.input.InputError;
import nl.fieldlab.sandbox.input.YamlFile;
import nl.fieldlab.sandbox.rules.Hashes;
import nl.fieldlab.sandbox.rules.Variant;

/** Reads and validates a scenario file. Every problem names the file, the line and the field. */
public final class ScenarioLoader {

    private ScenarioLoader() {
    }

    record Spec(
            @JsonProperty(required = true) String id,
            @JsonProperty(required = true) String description,
            String region,
            @JsonProperty(required = true) String start,
            @JsonProperty(required = true) Integer months,
            @JsonProperty(required = true) Long seed,
            @JsonProperty(required = true) Integer replications,
            Scenario.PopulationMode population,
            @JsonProperty(required = true) List<WorkerGroup> workers,
            @JsonProperty(required = true) List<EmployerGroup> employers,
            List<CourseSpec> courses,
            Map<String, Double> behaviour,
            @JsonProperty(required = true) List<VariantSpec> variants,
            List<ExpectationSpec> expect) {
    }

    public static Scenario load(Path file) {
        YamlFile yaml = YamlFile.open(file);
        Spec s = yaml.read(Spec.class);
        yaml.check(s.id().matches("[A-Za-z0-9][A-Za-z0-9_.-]*"), "id",
                "expected letters, digits, '-', '_' or '.' (it names the report folder)");
        YearMonth start;
        try {
            start = YearMonth.parse(s.start());
        } catch (DateTimeParseException e) {
            throw yaml.error("start", "expected a month as YYYY-MM, got '" + s.start() + "'");
        }
        yaml.check(s.months() >= 1 && s.months() <= 240, "months", "expected 1 to 240 months");
        yaml.check(s.replications() >= 2, "replications",
                "expected at least 2 replications (a confidence interval needs two)");
        String region = s.region() == null ? "NHN" : s.region();

        yaml.check(!s.workers().isEmpty(), "workers", "expected at least one worker group");
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < s.workers().size(); i++) {
            checkWorkers(yaml, "workers[" + i + "]", s.workers().get(i), ids);
        }
        yaml.check(!s.employers().isEmpty(), "employers", "expected at least one employer group");
        ids.clear();
        for (int i = 0; i < s.employers().size(); i++) {
            checkEmployers(yaml, "employers[" + i + "]", s.employers().get(i), ids);
        }
        List<CourseSpec> courses = s.courses() == null ? List.of() : s.courses();
        ids.clear();
        for (int i = 0; i < courses.size(); i++) {
            String at = "courses[" + i + "]";
            CourseSpec c = courses.get(i);
            yaml.check(ids.add(c.id()), at + ".id", "course id '" + c.id() + "' is used twice");
            yaml.check(c.months() >= 1, at + ".months", "expected at least 1 month");
            yaml.check(c.price() >= 0, at + ".price", "expected a price of at least 0");
        }

        Map<String, Double> behaviour = s.behaviour() == null ? Map.of() : s.behaviour();
        for (Map.Entry<String, Double> e : behaviour.entrySet()) {
            String at = "behaviour." + e.getKey();
            yaml.check(Behaviour.isKnown(e.getKey()), at, "unknown behaviour value '" + e.getKey()
                    + "' (see README.md, Behaviour, for the names)");
            yaml.check(e.getValue() != null && e.getValue() >= 0, at, "expected a number of at least 0");
        }

        yaml.check(!s.variants().isEmpty(), "variants", "expected at least the variant 'baseline'");
        List<Variant> variants = new ArrayList<>();
        ids.clear();
        for (int i = 0; i < s.variants().size(); i++) {
            VariantSpec v = s.variants().get(i);
            String at = "variants[" + i + "]";
            yaml.check(v.name().matches("[A-Za-z0-9][A-Za-z0-9_+.-]*"), at + ".name",
                    "expected letters, digits, '+', '-', '_' or '.'");
            yaml.check(ids.add(v.name()), at + ".name", "variant '" + v.name() + "' is defined twice");
            List<String> ex = v.exemptions() == null ? List.of() : v.exemptions();
            Map<String, Double> params = v.parameters() == null ? Map.of() : new LinkedHashMap<>(v.parameters());
            if (v.name().equals(Variant.BASELINE)) {
                yaml.check(ex.isEmpty(), at + ".exemptions", "the baseline has no exemptions; it is the reference");
            }
            variants.add(new Variant(v.name(), ex, params));
        }
        yaml.check(variants.stream().anyMatch(v -> v.name().equals(Variant.BASELINE)), "variants",
                "expected a variant named 'baseline' (the reference the others are compared with)");
        variants.sort((a, b) -> a.name().equals(Variant.BASELINE) ? -1 : b.name().equals(Variant.BASELINE) ? 1 : 0);

        List<ExpectationSpec> expect = s.expect() == null ? List.of() : s.expect();
        for (int i = 0; i < expect.size(); i++) {
            ExpectationSpec e = expect.get(i);
            String at = "expect[" + i + "]";
            yaml.check(ids.contains(e.variant()), at + ".variant", "no variant named '" + e.variant() + "'");
            int kinds = (Boolean.TRUE.equals(e.raises()) ? 1 : 0) + (Boolean.TRUE.equals(e.lowers()) ? 1 : 0)
                    + (e.below() != null ? 1 : 0) + (e.above() != null ? 1 : 0);
            yaml.check(kinds == 1, at, "expected exactly one of raises: true, lowers: true, below: N, above: N");
            yaml.check(!(Boolean.TRUE.equals(e.raises()) || Boolean.TRUE.equals(e.lowers()))
                    || !e.variant().equals(Variant.BASELINE), at + ".variant",
                    "raises/lowers compare a variant with the baseline; name another variant");
        }

        return new Scenario(s.id(), s.description().strip(), region, start, s.months(), s.seed(), s.replications(),
                s.population() == null ? Scenario.PopulationMode.FIXED : s.population(), s.workers(), s.employers(),
                courses, Behaviour.with(behaviour), variants, expect, InputError.display(file),
                Hashes.sha256(yaml.text()));
    }

    private static void checkWorkers(YamlFile yaml, String at, WorkerGroup g, Set<String> ids) {
        yaml.check(ids.add(g.group()), at + ".group", "group '" + g.group() + "' is used twice");
        yaml.check(g.count() >= 0, at + ".count", "expected a count of at least 0");
        range(yaml, at + ".age", g.age(), 15, 67);
        shares(yaml, at + ".education", g.education());
        if (g.household() != null) {
            shares(yaml, at + ".household", g.household());
        }
        range(yaml, at + ".wageValue", g.wageValue(), 0, 100);
        range(yaml, at + ".dailyWage", g.dailyWage(), 0, 2000);
        range(yaml, at + ".workHistoryYears", g.workHistoryYears(), 0, 52);
        range(yaml, at + ".monthsUnemployed", g.monthsUnemployed(), 0, 600);
        share(yaml, at + ".meansTestShare", g.meansTestShare());
        share(yaml, at + ".disabledShare", g.disabledShare());
        share(yaml, at + ".layoffRate", g.layoffRate());
    }

    private static void checkEmployers(YamlFile yaml, String at, EmployerGroup g, Set<String> ids) {
        yaml.check(ids.add(g.group()), at + ".group", "group '" + g.group() + "' is used twice");
        yaml.check(g.count() >= 0, at + ".count", "expected a count of at least 0");
        yaml.check(g.staff() >= 1, at + ".staff", "expected at least 1 employee");
        yaml.check(g.vacancyRate() >= 0, at + ".vacancyRate", "expected a rate of at least 0");
        yaml.check(g.hourlyWage() > 0, at + ".hourlyWage", "expected a wage above 0");
        yaml.check(g.hoursPerWeek() >= 1 && g.hoursPerWeek() <= 60, at + ".hoursPerWeek", "expected 1 to 60 hours");
        yaml.check(g.contractMonths() == null || g.contractMonths() >= 0, at + ".contractMonths",
                "expected months of at least 0 (0 = permanent)");
    }

    private static void range(YamlFile yaml, String at, Range r, int lo, int hi) {
        if (r == null) {
            return;
        }
        yaml.check(r.min() != null && r.max() != null, at, "expected min and max");
        yaml.check(r.min() >= lo && r.max() <= hi, at, "expected values from " + lo + " to " + hi);
        yaml.check(r.min() <= r.max(), at, "min is above max");
    }

    private static void share(YamlFile yaml, String at, Double v) {
        if (v != null) {
            yaml.check(v >= 0 && v <= 1, at, "expected a share from 0 to 1");
        }
    }

    private static <K> void shares(YamlFile yaml, String at, Map<K, Double> m) {
        yaml.check(!m.isEmpty(), at, "expected at least one share");
        double sum = 0;
        for (Map.Entry<K, Double> e : m.entrySet()) {
            yaml.check(e.getValue() != null && e.getValue() >= 0, at + "." + e.getKey(), "expected a share of at least 0");
            sum += e.getValue();
        }
        yaml.check(Math.abs(sum - 1) < 1e-6, at, "shares must sum to 1 (they sum to " + sum + ")");
    }
}
