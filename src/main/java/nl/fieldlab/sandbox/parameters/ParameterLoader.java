package nl.fieldlab.sandbox.parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.annotation.JsonProperty;

import tools.jackson.core.type.TypeReference;
import nl.fieldlab.sandbox.domain.FreeText;
import nl.fieldlab.sandbox.input.InputError;
import nl.fieldlab.sandbox.input.Months;
import nl.fieldlab.sandbox.input.YamlFile;

/**
 * Reads the parameter files: each is a YAML mapping from parameter key to its description, unit, legal reference
 * and dated values.
 *
 * <pre>
 * wml.hourly.adult:
 *   description: Statutory hourly minimum wage from age 21
 *   unit: EUR/hour
 *   reference: Wet minimumloon en minimumvakantiebijslag, art. 8
 *   values:
 *     - {from: 2025-01, value: 14.06, source: "S1 vertiadvies.nl"}
 *     - {from: 2026-01, value: 14.71, source: "S3; rijksoverheid.nl 10-12-2025", unverified: false}
 * </pre>
 */
public final class ParameterLoader {

    private ParameterLoader() {
    }

    /** One dated value as written: {@code {from: 2026-01, value: 14.71, source: "...", unverified: false}}. */
    public record ValueSpec(@JsonProperty(required = true) String from, @JsonProperty(required = true) Double value,
            @JsonProperty(required = true) @FreeText String source, Boolean unverified) {
    }

    /**
     * A parameter as written. {@code min} and {@code max} declare the values it may take; without them its unit's
     * range holds ({@link Units}), and a unit without one needs them.
     */
    record ParameterSpec(@FreeText String description, @JsonProperty(required = true) String unit,
            @JsonProperty(required = true) @FreeText String reference,
            @JsonProperty(required = true) List<ValueSpec> values, Boolean municipal, Double min, Double max) {
    }

    /** Reads every {@code *.yaml} under {@code dir}, in path order. Duplicate keys across files are errors. */
    public static ParameterTable load(Path dir) {
        Map<String, Parameter> all = new LinkedHashMap<>();
        for (Path file : yamlFiles(dir)) {
            for (Parameter p : read(file)) {
                Parameter earlier = all.putIfAbsent(p.key(), p);
                if (earlier != null) {
                    throw new InputError(file, p.line(), p.key(),
                            "parameter already defined in " + earlier.file() + ":" + earlier.line());
                }
            }
        }
        return new ParameterTable(all);
    }

    /** Reads one parameter file. */
    public static List<Parameter> read(Path file) {
        YamlFile yaml = YamlFile.open(file);
        Map<String, ParameterSpec> specs = yaml.read(
                YamlFile.mapper().getTypeFactory().constructType(new TypeReference<LinkedHashMap<String, ParameterSpec>>() {
                }));
        List<Parameter> out = new ArrayList<>();
        if (specs == null) {
            return out;
        }
        String display = InputError.display(file);
        for (Map.Entry<String, ParameterSpec> entry : specs.entrySet()) {
            String key = entry.getKey();
            ParameterSpec spec = entry.getValue();
            if (!yaml.check(spec != null, key, "expected unit, reference and values")) {
                continue;
            }
            yaml.check(key.matches("[a-z0-9][a-z0-9.-]*"), key,
                    "parameter keys are lower case, with dots and dashes (e.g. wml.hourly.adult)");
            yaml.check(!spec.reference().isBlank(), key + ".reference", "the legal reference must not be empty");
            yaml.check(!spec.values().isEmpty(), key + ".values", "at least one dated value is required");
            Units.Range range = range(yaml, key, spec.unit(), spec.min(), spec.max(), null);
            List<DatedValue> values = datedValues(yaml, key, spec.values(), range, spec.unit());
            out.add(new Parameter(key, spec.description() == null ? "" : spec.description(), spec.unit(),
                    spec.reference(), values, display, yaml.line(key), Boolean.TRUE.equals(spec.municipal()), range));
        }
        yaml.done();
        return out;
    }

    /**
     * The range of a parameter at {@code key}: {@code min} and {@code max} as declared (both or neither), else
     * {@code inherited} (the baseline parameter an exemption overrides), else its unit's. A unit without a range and
     * no declared range is a problem noted at {@code key.unit}; the result is then {@link Parameter#ANY}.
     */
    public static Units.Range range(YamlFile yaml, String key, String unit, Double min, Double max,
            Units.Range inherited) {
        if (min != null || max != null) {
            if (!yaml.check(min != null && max != null, key + (min == null ? ".min" : ".max"),
                    "declare both min and max, or neither (the unit's range then holds)")
                    || !yaml.check(min <= max, key + ".max", "max is below min")) {
                return Parameter.ANY;
            }
            return new Units.Range(min, max, false, "declared in the parameter's file");
        }
        if (inherited != null) {
            return inherited;
        }
        Units.Range byUnit = Units.of(unit);
        if (byUnit == null) {
            yaml.problem(key + ".unit", "unit " + nl.fieldlab.sandbox.input.PlainText.quote(unit == null ? "" : unit)
                    + " has no known range; declare min: and max: for this parameter"
                    + nl.fieldlab.sandbox.input.Suggestions.didYouMean(unit == null ? "" : unit, Units.all().keySet())
                    + " (units with a range: " + String.join(", ", Units.all().keySet()) + ")");
            return Parameter.ANY;
        }
        return byUnit;
    }

    /**
     * Reads dated values at {@code key + ".values"}: every value has a month and a source, an unverified one says so,
     * lies in {@code range}, and comes after the one before it (the order a reader checks them in); returned in
     * ascending order. Parameter files and exemption declarations use it alike.
     */
    public static List<DatedValue> datedValues(YamlFile yaml, String key, List<ValueSpec> specs, Units.Range range,
            String unit) {
        List<DatedValue> values = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            ValueSpec v = specs.get(i);
            String at = key + ".values[" + i + "]";
            if (!yaml.check(v != null, at, "expected {from: YYYY-MM, value: N, source: \"...\"}")) {
                continue;
            }
            YearMonth from = Months.parse(yaml, at + ".from", v.from());
            String outside = Parameter.problem(v.value(), range, unit);
            yaml.check(outside == null, at + ".value", outside);
            yaml.check(!v.source().isBlank(), at + ".source", "every value needs a source");
            boolean unverified = Boolean.TRUE.equals(v.unverified());
            yaml.check(!unverified || v.source().toLowerCase().contains("unverified"), at + ".source",
                    "an unverified value must say 'unverified' in its source");
            if (from != null) {
                DatedValue before = values.isEmpty() ? null : values.get(values.size() - 1);
                if (before != null && from.equals(before.from())) {
                    yaml.problem(at + ".from", "two values from " + from);
                } else if (before != null && from.isBefore(before.from())) {
                    yaml.problem(at + ".from", from + " comes before the value above it (" + before.from()
                            + "); keep the values in ascending order of date");
                }
                values.add(new DatedValue(from, v.value(), v.source(), unverified));
            }
        }
        values.sort(Comparator.comparing(DatedValue::from));
        return values;
    }

    static List<Path> yamlFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new InputError(InputError.display(dir) + ": parameter folder not found");
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().endsWith(".yaml"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new InputError(InputError.display(dir) + ": cannot list parameter files: " + e.getMessage());
        }
    }
}
