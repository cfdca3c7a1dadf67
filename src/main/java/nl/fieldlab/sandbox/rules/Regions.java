package nl.fieldlab.sandbox.rules;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.annotation.JsonProperty;

import nl.fieldlab.sandbox.domain.FreeText;

import nl.fieldlab.sandbox.input.PlainText;
import nl.fieldlab.sandbox.input.Suggestions;
import nl.fieldlab.sandbox.input.YamlFile;

/**
 * The labour-market regions (arbeidsmarktregio's) a rules folder knows, and named groups of them (a metropolitan
 * region, a province's part), read from {@code rules/regions.yaml}. Scenario files place workers and employers in a
 * region; exemption scopes name regions or groups, and a group stands for its regions. A name that is neither fails
 * at load with the names it could have meant, so a typo never silently reaches nobody.
 *
 * @param regions code -> the region's official name
 * @param groups  code -> the regions it stands for
 * @param names   code -> name, for regions and groups alike
 */
public record Regions(Map<String, String> regions, Map<String, SortedSet<String>> groups, Map<String, String> names) {

    /** A folder without a regions file: any code is accepted, as before regions were declared. */
    public static final Regions OPEN = new Regions(Map.of(), Map.of(), Map.of());

    record RegionSpec(@JsonProperty(required = true) String name,
            @JsonProperty(required = true) @FreeText String source) {
    }

    record GroupSpec(@JsonProperty(required = true) String name, @JsonProperty(required = true) List<String> regions,
            @JsonProperty(required = true) @FreeText String source) {
    }

    record FileSpec(@JsonProperty(required = true) Map<String, RegionSpec> regions, Map<String, GroupSpec> groups) {
    }

    public Regions {
        regions = Collections.unmodifiableMap(new TreeMap<>(regions));
        groups = Collections.unmodifiableMap(new TreeMap<>(groups));
        names = Collections.unmodifiableMap(new TreeMap<>(names));
    }

    /** Reads {@code file}; a missing file gives {@link #OPEN}. */
    public static Regions load(Path file) {
        if (!Files.isRegularFile(file)) {
            return OPEN;
        }
        YamlFile yaml = YamlFile.open(file);
        FileSpec spec = yaml.read(FileSpec.class);
        Map<String, String> regions = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        spec.regions().forEach((code, r) -> {
            String at = "regions." + code;
            yaml.check(code.matches("[A-Z][A-Z0-9]{1,9}"), at, "expected a code of 2 to 10 capitals or digits");
            if (yaml.check(r != null, at, "expected {name: ..., source: ...}")) {
                regions.put(code, r.name());
                names.put(code, r.name());
            }
        });
        Map<String, SortedSet<String>> groups = new LinkedHashMap<>();
        Map<String, GroupSpec> groupSpecs = spec.groups() == null ? Map.of() : spec.groups();
        groupSpecs.forEach((code, g) -> {
            String at = "groups." + code;
            yaml.check(code.matches("[A-Z][A-Z0-9]{1,9}"), at, "expected a code of 2 to 10 capitals or digits");
            yaml.check(!regions.containsKey(code), at, "'" + code + "' is already a region");
            if (!yaml.check(g != null, at, "expected {name: ..., regions: [...], source: ...}")) {
                return;
            }
            SortedSet<String> members = new TreeSet<>();
            for (int i = 0; i < g.regions().size(); i++) {
                String m = g.regions().get(i);
                if (yaml.check(regions.containsKey(m), at + ".regions[" + i + "]", "no region " + PlainText.quote(m)
                        + Suggestions.didYouMean(m, regions.keySet()))) {
                    members.add(m);
                }
            }
            yaml.check(!g.regions().isEmpty(), at + ".regions", "expected at least one region");
            groups.put(code, members);
            names.put(code, g.name());
        });
        yaml.done();
        return new Regions(regions, groups, names);
    }

    /** Whether regions are declared at all (a folder without the file accepts any code). */
    public boolean declared() {
        return !regions.isEmpty();
    }

    public boolean isRegion(String code) {
        return !declared() || regions.containsKey(code);
    }

    /** What is wrong with a scope's region name, or null when it names a region or a group. */
    public String scopeProblem(String code) {
        if (!declared() || regions.containsKey(code) || groups.containsKey(code)) {
            return null;
        }
        Set<String> known = new TreeSet<>(regions.keySet());
        known.addAll(groups.keySet());
        return "no region or region group " + PlainText.quote(code) + " in regions.yaml"
                + Suggestions.didYouMean(code, known)
                + " (known: " + String.join(", ", known) + ")";
    }

    /** What is wrong with a worker's or employer's region, or null when it is a region. */
    public String regionProblem(String code) {
        if (isRegion(code)) {
            return null;
        }
        String hint = groups.containsKey(code) ? " ('" + code + "' is a group of regions: "
                + String.join(", ", groups.get(code)) + "; a scenario places people in one of them)"
                : Suggestions.didYouMean(code, regions.keySet());
        return "no labour-market region " + PlainText.quote(code) + " in the rules' regions.yaml" + hint + " (known: "
                + String.join(", ", regions.keySet()) + ")";
    }

    /** The regions a scope's names stand for: groups expanded, regions as given. */
    public Set<String> expand(List<String> codes) {
        List<String> out = new ArrayList<>();
        for (String c : codes) {
            if (groups.containsKey(c)) {
                out.addAll(groups.get(c));
            } else {
                out.add(c);
            }
        }
        return new TreeSet<>(out);
    }

    /** The name of a region or group, or the code itself. */
    public String name(String code) {
        return names.getOrDefault(code, code);
    }
}
