package nl.fieldlab.sandbox.rules;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonProperty;

import nl.fieldlab.sandbox.domain.FreeText;
import tools.jackson.core.type.TypeReference;

import nl.fieldlab.sandbox.input.YamlFile;

/**
 * The target groups (doelgroepen) a rules folder declares in {@code groups.yaml}: the names classification rules
 * assert with {@code InGroup} and decision rules test. Declaring them once lets {@code rules check} catch a name
 * that is misspelt, tested but never set, or set but never tested.
 *
 * @param descriptions group name -> what it means
 * @param file         the file they were read from (display form), or empty when the folder has none
 */
public record TargetGroups(Map<String, String> descriptions, String file) {

    /** A folder without {@code groups.yaml}: nothing is declared and nothing is checked. */
    public static final TargetGroups NONE = new TargetGroups(Map.of(), "");

    record GroupSpec(@JsonProperty(required = true) @FreeText String description,
            @JsonProperty(required = true) @FreeText String source) {
    }

    public TargetGroups {
        descriptions = Collections.unmodifiableMap(new TreeMap<>(descriptions));
    }

    public static TargetGroups load(Path file) {
        if (!Files.isRegularFile(file)) {
            return NONE;
        }
        YamlFile yaml = YamlFile.open(file);
        Map<String, GroupSpec> specs = yaml.read(YamlFile.mapper().getTypeFactory()
                .constructType(new TypeReference<LinkedHashMap<String, GroupSpec>>() {
                }));
        Map<String, String> out = new LinkedHashMap<>();
        if (specs != null) {
            specs.forEach((name, g) -> {
                yaml.check(name.matches("[A-Z][A-Z0-9_]*"), name, "expected a group name in capitals and underscores");
                if (yaml.check(g != null, name, "expected {description: ..., source: ...}")) {
                    out.put(name, g.description());
                }
            });
        }
        yaml.done();
        return new TargetGroups(out, nl.fieldlab.sandbox.input.InputError.display(file));
    }

    public boolean declared() {
        return !file.isEmpty();
    }
}
