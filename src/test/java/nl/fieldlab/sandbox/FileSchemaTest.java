package nl.fieldlab.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import nl.fieldlab.sandbox.app.FileSchema;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The published JSON Schemas (scenarios/scenario.schema.json, rules/cases/rule-cases.schema.json,
 * rules/exemptions/exemption.schema.json) are the ones the loaders' types give, every shipped file names its schema
 * on its first line and passes it, and on the bad-input corpus the schema refuses only what the loader refuses and
 * refuses everything the loader refuses for its shape. (ScenarioFuzzTest checks the same agreement on mutated
 * scenarios.)
 */
class FileSchemaTest {

    static final String MODELINE = "# yaml-language-server: $schema=";

    @ParameterizedTest
    @EnumSource(FileSchema.class)
    void theCommittedSchemaIsTheOneTheLoaderTypesGive(FileSchema kind) throws IOException {
        Path file = kind.folder().resolve(kind.fileName());
        assertTrue(Files.isRegularFile(file), file + " is missing");
        assertEquals(kind.text(), Files.readString(file), file + " is out of date; write it again with: "
                + "java -jar target/fieldlab.jar schema " + kind.word() + " > " + file);
    }

    @ParameterizedTest
    @EnumSource(FileSchema.class)
    void everyShippedFileNamesItsSchemaAndPassesIt(FileSchema kind) throws IOException {
        List<Path> files = shipped(kind);
        assertFalse(files.isEmpty(), "no shipped files for " + kind.word());
        for (Path f : files) {
            String first = Files.readString(f).lines().findFirst().orElse("");
            assertTrue(first.startsWith(MODELINE), f + ": the first line names the schema: " + MODELINE + "...");
            Path schema = f.getParent().resolve(first.substring(MODELINE.length()).strip()).normalize();
            assertEquals(kind.folder().resolve(kind.fileName()).normalize(), schema, f + " names the wrong schema");
            List<String> problems = SchemaCheck.problems(kind, f);
            assertNotNull(problems, f + " is not YAML");
            assertEquals(List.of(), problems, f + " does not pass " + schema);
        }
    }

    /**
     * The files of a kind that the tool ships: scenarios (not the evidence and calibration tables), cases, exemptions,
     * the source register.
     */
    static List<Path> shipped(FileSchema kind) throws IOException {
        try (Stream<Path> s = Files.walk(kind.folder())) {
            return s.filter(p -> p.toString().endsWith(".yaml")).filter(p -> switch (kind) {
                case SCENARIO -> !List.of("evidence.yaml", "calibration.yaml").contains(p.getFileName().toString());
                case RULE_CASES -> !p.getFileName().toString().equals("defaults.yaml");
                case EXEMPTION, SUPPORT -> true;
                case SOURCES -> p.equals(kind.folder().resolve("sources.yaml"));
            }).sorted().toList();
        }
    }

    @Test
    void schemaAndLoaderAgreeOnTheBadInputCorpus() throws IOException {
        List<JsonNode> cases = new ArrayList<>();
        for (Path corpus : BadInputCorpusTest.corpusFiles()) {
            YAMLMapper.builder().build().readTree(Files.readString(corpus)).get("cases").forEach(cases::add);
        }
        int checked = 0;
        int refused = 0;
        int beyond = 0;
        List<String> disagreements = new ArrayList<>();
        for (JsonNode c : cases) {
            for (Map.Entry<FileSchema, String> input : inputs(c).entrySet()) {
                Path file = Files.createTempFile("schema-case", ".yaml");
                try {
                    Files.writeString(file, input.getValue());
                    List<String> problems = SchemaCheck.problems(input.getKey(), file);
                    if (problems == null) {
                        continue; // not YAML: the parser answers before any schema
                    }
                    checked++;
                    int exit = c.get("exit").asInt();
                    String message = c.get("message").asString();
                    String name = c.get("name").asString();
                    if (!problems.isEmpty()) {
                        refused++;
                        if (exit != 1) {
                            disagreements.add(name + ": the schema refuses what the loader accepts: " + problems);
                        }
                    } else if (exit == 1 && SchemaCheck.anyShapeProblem(List.of(message))
                            && message.contains(input.getKey() == FileSchema.SCENARIO ? "case.yaml" : ".yaml")) {
                        disagreements.add(name + ": the schema accepts what the loader refuses for its shape: "
                                + message);
                    } else if (exit == 1) {
                        beyond++;
                    }
                } finally {
                    Files.delete(file);
                }
            }
        }
        System.out.printf("schema against the bad-input corpus: %d inputs checked, %d refused by the schema (all "
                + "refused by the loader), %d refused by the loader only (values, dates, ids: beyond a schema)%n",
                checked, refused, beyond);
        assertEquals(List.of(), disagreements);
        assertTrue(checked >= 40 && refused >= 10, "the corpus exercises the schema: " + checked + " checked");
    }

    /** The scenario, rule-case and exemption texts a corpus case gives, by kind. */
    static Map<FileSchema, String> inputs(JsonNode c) throws IOException {
        Map<FileSchema, String> out = new java.util.EnumMap<>(FileSchema.class);
        String command = c.get("command").asString();
        if (command.startsWith("validate ") || command.startsWith("run ")) {
            String text = BadInputCorpusTest.caseText(c);
            if (text != null && (c.has("scenario") || !c.has("as") || c.get("as").asString().endsWith(".yaml"))) {
                out.put(FileSchema.SCENARIO, text);
            }
        }
        if (c.has("files")) {
            for (Map.Entry<String, JsonNode> f : c.get("files").properties()) {
                if (!f.getValue().isString() || !f.getKey().endsWith(".yaml")) {
                    continue;
                }
                String text = BadInputCorpusTest.expand(f.getValue().asString());
                if (f.getKey().equals("rules/sources.yaml")) {
                    out.put(FileSchema.SOURCES, text);
                } else if (f.getKey().startsWith("rules/exemptions/")) {
                    out.put(FileSchema.EXEMPTION, text);
                } else if (f.getKey().startsWith("rules/cases/") && !f.getKey().endsWith("defaults.yaml")) {
                    out.put(FileSchema.RULE_CASES, text);
                }
            }
        }
        return out;
    }

    @Test
    void theReadmeListsTheRequiredFieldsTheSchemaRequires() throws IOException {
        JsonNode schema = FileSchema.SCENARIO.schema();
        JsonNode defs = schema.get("$defs");
        Map<String, JsonNode> byLabel = Map.of("top level", schema, "each worker group", defs.get("WorkerGroup"),
                "each employer group", defs.get("EmployerGroup"), "each course", defs.get("CourseSpec"),
                "each variant", defs.get("VariantSpec"), "each expectation", defs.get("ExpectationSpec"));
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf("**Required fields**");
        assertTrue(start >= 0, "README.md has a **Required fields** list");
        String list = readme.substring(start, readme.indexOf("\n\n", start));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(top level|each [a-z ]+): ((?:`\\w+`(?:, )?)+)")
                .matcher(list);
        Map<String, List<String>> found = new java.util.TreeMap<>();
        while (m.find()) {
            found.put(m.group(1), List.of(m.group(2).replace("`", "").split(", ")));
        }
        assertEquals(new java.util.TreeSet<>(byLabel.keySet()), found.keySet(), "README's required-field lines");
        found.forEach((label, fields) -> assertEquals(strings(byLabel.get(label).get("required")), fields,
                "README.md, required fields of " + label));
    }

    static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asString()));
        return out;
    }
}
