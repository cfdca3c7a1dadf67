package nl.fieldlab.sandbox.app;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import nl.fieldlab.sandbox.cases.RuleCaseLoader;
import nl.fieldlab.sandbox.rules.RuleLibrary;
import nl.fieldlab.sandbox.scenario.ScenarioLoader;

/**
 * The files users write, each with its JSON Schema (written from the types the loaders bind to) and where the
 * shipped copy of that schema lives, beside the files it describes, so that the
 * {@code # yaml-language-server: $schema=...} line at the top of each shipped file finds it.
 */
public enum FileSchema {
    SCENARIO("scenario", Path.of("scenarios"), "scenario.schema.json", ScenarioLoader::schema),
    RULE_CASES("rule-cases", Path.of("rules", "cases"), "rule-cases.schema.json", RuleCaseLoader::schema),
    EXEMPTION("exemption", Path.of("rules", "exemptions"), "exemption.schema.json", RuleLibrary::exemptionSchema),
    SOURCES("sources", Path.of("rules"), "sources.schema.json", nl.fieldlab.sandbox.rules.Sources::schema),
    SUPPORT("support", Path.of("rules", "support"), "support.schema.json",
            nl.fieldlab.sandbox.rules.ProcessSupport::schema);

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final String word;
    private final Path folder;
    private final String fileName;
    private final Supplier<ObjectNode> schema;

    FileSchema(String word, Path folder, String fileName, Supplier<ObjectNode> schema) {
        this.word = word;
        this.folder = folder;
        this.fileName = fileName;
        this.schema = schema;
    }

    /** The name users give, e.g. {@code rule-cases}. */
    public String word() {
        return word;
    }

    /** The folder of the shipped files (relative to the project), which holds the schema. */
    public Path folder() {
        return folder;
    }

    public String fileName() {
        return fileName;
    }

    public ObjectNode schema() {
        return schema.get();
    }

    /** The schema as written to its file: indented JSON with a final newline. */
    public String text() {
        return JSON.writeValueAsString(schema()).replace("\r\n", "\n") + "\n";
    }

    public static List<String> words() {
        return Arrays.stream(values()).map(FileSchema::word).toList();
    }

    public static FileSchema byWord(String word) {
        for (FileSchema k : values()) {
            if (k.word.equals(word)) {
                return k;
            }
        }
        return null;
    }
}
