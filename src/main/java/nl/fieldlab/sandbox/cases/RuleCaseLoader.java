package nl.fieldlab.sandbox.cases;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import nl.fieldlab.sandbox.domain.CourseFacts;
import nl.fieldlab.sandbox.domain.EmployerFacts;
import nl.fieldlab.sandbox.domain.QuestionType;
import nl.fieldlab.sandbox.domain.WorkerFacts;
import nl.fieldlab.sandbox.input.InputError;
import nl.fieldlab.sandbox.input.JsonSchema;
import nl.fieldlab.sandbox.input.Months;
import nl.fieldlab.sandbox.input.YamlFile;

/**
 * Reads rule-case files. Worker, employer and course facts start from {@code rules/cases/defaults.yaml}, then the
 * file's own {@code defaults:}, then the case; so a case names only what matters to it.
 */
public final class RuleCaseLoader {

    /**
     * A rule-case file as written: the fields {@link #read} accepts, the one place they are listed (the JSON
     * Schema of rule-case files is written from these records). Every case field may also come from the file's
     * {@code defaults:}, so none is required on its own; facts are given in part, the rest from
     * {@code rules/cases/defaults.yaml}.
     */
    record CaseFile(CaseSpec defaults, @JsonProperty(required = true) List<CaseSpec> cases) {
    }

    record CaseSpec(
            @JsonPropertyDescription("what the case shows, in words") String name,
            @JsonPropertyDescription("the month the question is asked, YYYY-MM") String month,
            QuestionType question,
            @JsonPropertyDescription("baseline, or exemption ids joined by '+', e.g. E1+E2") String variant,
            List<String> exemptions,
            @JsonPropertyDescription("parameter overrides, key: value") Map<String, Double> parameters,
            Integer startYear, WorkerFacts worker, EmployerFacts employer, CourseFacts course,
            Boolean formerEmployee, Boolean afterTrial, Integer rampUpPct, Integer counterfactualPct,
            @JsonPropertyDescription("what the answer must contain") ExpectSpec expect) {
    }

    record ExpectSpec(Boolean allowed, String blockedBy,
            @JsonPropertyDescription("the month of the spell (1 = its first) whose answer is checked") Integer month,
            Map<String, Double> payments, Map<String, Double> entitlements, Map<String, Double> obligations,
            Map<String, Double> amounts, List<String> groups, List<String> notGroups, List<String> fired,
            List<String> notFired, Double tolerance) {
    }

    private static final Set<String> CASE_KEYS = Set.copyOf(JsonSchema.fieldNames(CaseSpec.class));
    private static final Set<String> EXPECT_KEYS = Set.copyOf(JsonSchema.fieldNames(ExpectSpec.class));
    private static final String DEFAULTS_FILE = "defaults.yaml";

    private RuleCaseLoader() {
    }

    /** The JSON Schema of rule-case files. */
    public static ObjectNode schema() {
        return JsonSchema.of(CaseFile.class, "Fieldlab Sandbox rule cases",
                "Questions put to the rules with the answer they must give (rules/cases/*.yaml; see rules/README.md)",
                Set.of(WorkerFacts.class, EmployerFacts.class, CourseFacts.class));
    }

    /** Reads every case file under {@code path} (a folder or one file). */
    public static List<RuleCase> load(Path path, Path casesFolder) {
        ObjectNode builtIn = defaults(casesFolder);
        List<RuleCase> cases = new ArrayList<>();
        for (Path file : caseFiles(path)) {
            cases.addAll(read(file, builtIn));
        }
        return cases;
    }

    static List<Path> caseFiles(Path path) {
        if (Files.isRegularFile(path)) {
            return List.of(path);
        }
        if (!Files.isDirectory(path)) {
            throw new InputError(InputError.display(path) + ": no such case file or folder");
        }
        try (Stream<Path> s = Files.walk(path)) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().endsWith(".yaml"))
                    .filter(p -> !p.getFileName().toString().equals(DEFAULTS_FILE))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new InputError(InputError.display(path) + ": cannot list case files: " + e.getMessage());
        }
    }

    private static ObjectNode defaults(Path casesFolder) {
        Path file = casesFolder.resolve(DEFAULTS_FILE);
        YamlFile yaml = YamlFile.open(file);
        JsonNode root = yaml.tree();
        yaml.require(root instanceof ObjectNode, "", "expected worker, employer and course defaults");
        for (String key : List.of("worker", "employer", "course")) {
            yaml.check(root.get(key) instanceof ObjectNode, key, "expected the default " + key + " facts");
        }
        yaml.done();
        return (ObjectNode) root;
    }

    static List<RuleCase> read(Path file, ObjectNode builtIn) {
        YamlFile yaml = YamlFile.open(file);
        JsonNode root = yaml.tree();
        yaml.require(root instanceof ObjectNode, "", "expected 'cases:' (and optionally 'defaults:')");
        checkKeys(yaml, root, "", Set.copyOf(JsonSchema.fieldNames(CaseFile.class)));
        ObjectNode fileDefaults = root.get("defaults") instanceof ObjectNode d ? d : YamlFile.mapper().createObjectNode();
        checkKeys(yaml, fileDefaults, "defaults", CASE_KEYS);
        JsonNode list = root.get("cases");
        yaml.require(list != null && list.isArray() && !list.isEmpty(), "cases", "expected a list of cases");
        List<RuleCase> out = new ArrayList<>();
        String display = InputError.display(file);
        for (int i = 0; i < list.size(); i++) {
            String at = "cases[" + i + "]";
            JsonNode c = list.get(i);
            if (!yaml.check(c instanceof ObjectNode, at, "expected a case with name, question and expect")) {
                continue;
            }
            checkKeys(yaml, c, at, CASE_KEYS);
            ObjectNode merged = fileDefaults.deepCopy();
            ((ObjectNode) c).properties().forEach(e -> merged.set(e.getKey(), e.getValue()));
            try {
                out.add(toCase(yaml, display, at, merged, fileDefaults, (ObjectNode) c, builtIn));
            } catch (InputError e) {
                yaml.absorb(e);
            }
        }
        yaml.done();
        return out;
    }

    private static RuleCase toCase(YamlFile yaml, String display, String at, ObjectNode c, ObjectNode fileDefaults,
            ObjectNode own, ObjectNode builtIn) {
        String name = text(yaml, c, at, "name", true);
        String monthText = text(yaml, c, at, "month", true);
        YearMonth month = Months.parse(yaml, at + ".month", monthText);
        yaml.require(month != null || monthText == null, at + ".month", "expected a month as YYYY-MM");
        QuestionType question = yaml.convert(required(yaml, c, at, "question"), QuestionType.class, at + ".question");
        List<String> exemptions = new ArrayList<>();
        if (c.has("exemptions")) {
            for (JsonNode e : c.get("exemptions")) {
                exemptions.add(e.asString());
            }
        }
        if (c.has("variant")) {
            String v = c.get("variant").asString();
            yaml.check(v.equals("baseline") || exemptions.isEmpty(), at + ".variant",
                    "give either variant: baseline or a list of exemptions");
            if (!v.equals("baseline")) {
                for (String id : v.split("\\+")) {
                    exemptions.add(id.strip());
                }
            }
        }
        Map<String, Double> parameters = new LinkedHashMap<>();
        if (c.has("parameters")) {
            c.get("parameters").properties().forEach(e -> {
                yaml.check(e.getValue().isNumber(), at + ".parameters." + e.getKey(), "expected a number");
                parameters.put(e.getKey(), e.getValue().asDouble());
            });
        }
        int startYear = c.has("startYear") ? c.get("startYear").asInt() : month.getYear();
        WorkerFacts worker = yaml.convert(merge(builtIn, fileDefaults, own, "worker"), WorkerFacts.class,
                at + ".worker");
        boolean wantsEmployer = question == QuestionType.HIRE || question == QuestionType.TRIAL_PLACEMENT;
        EmployerFacts employer = section(yaml, at, "employer", wantsEmployer, builtIn, fileDefaults, own,
                EmployerFacts.class);
        CourseFacts course = section(yaml, at, "course", question == QuestionType.COURSE, builtIn, fileDefaults,
                own, CourseFacts.class);
        boolean formerEmployee = c.has("formerEmployee") && c.get("formerEmployee").asBoolean();
        boolean afterTrial = c.has("afterTrial") && c.get("afterTrial").asBoolean();
        int rampUpPct = c.has("rampUpPct") ? c.get("rampUpPct").asInt() : 100;
        yaml.check(rampUpPct > 0 && rampUpPct <= 100, at + ".rampUpPct", "expected a percentage from 1 to 100");
        int counterfactualPct = c.has("counterfactualPct") ? c.get("counterfactualPct").asInt() : 0;
        yaml.check(counterfactualPct >= 0 && counterfactualPct <= 100, at + ".counterfactualPct",
                "expected a percentage from 0 to 100");
        JsonNode expect = required(yaml, c, at, "expect");
        yaml.require(expect instanceof ObjectNode, at + ".expect", "expected what the answer must contain");
        checkKeys(yaml, expect, at + ".expect", EXPECT_KEYS);
        return new RuleCase(display, yaml.line(at), name, month, exemptions, parameters, question, startYear,
                worker, employer, course, formerEmployee, afterTrial, rampUpPct, counterfactualPct,
                expectation(yaml, at + ".expect", expect));
    }

    private static <T> T section(YamlFile yaml, String at, String key, boolean byDefault, ObjectNode builtIn,
            ObjectNode fileDefaults, ObjectNode own, Class<T> type) {
        JsonNode explicit = own.has(key) ? own.get(key) : fileDefaults.get(key);
        if (explicit != null && explicit.isNull()) {
            return null;
        }
        if (explicit == null && !byDefault) {
            return null;
        }
        return yaml.convert(merge(builtIn, fileDefaults, own, key), type, at + "." + key);
    }

    private static ObjectNode merge(ObjectNode builtIn, ObjectNode fileDefaults, ObjectNode own, String key) {
        ObjectNode merged = ((ObjectNode) builtIn.get(key)).deepCopy();
        for (ObjectNode layer : List.of(fileDefaults, own)) {
            if (layer.get(key) instanceof ObjectNode o) {
                o.properties().forEach(e -> merged.set(e.getKey(), e.getValue()));
            }
        }
        return merged;
    }

    private static RuleCase.Expectation expectation(YamlFile yaml, String at, JsonNode e) {
        Boolean allowed = e.has("allowed") ? e.get("allowed").asBoolean() : null;
        String blockedBy = e.has("blockedBy") ? e.get("blockedBy").asString() : null;
        if (blockedBy != null) {
            yaml.check(allowed == null || !allowed, at + ".blockedBy", "a blocked case cannot also be allowed");
            allowed = false;
        }
        int spellMonth = e.has("month") ? e.get("month").asInt() : 1;
        yaml.check(spellMonth >= 1, at + ".month", "expected a spell month of at least 1");
        double tolerance = e.has("tolerance") ? e.get("tolerance").asDouble() : 0.01;
        return new RuleCase.Expectation(allowed, blockedBy, spellMonth, numbers(yaml, at, e, "payments"),
                numbers(yaml, at, e, "entitlements"), numbers(yaml, at, e, "obligations"),
                numbers(yaml, at, e, "amounts"), strings(e, "groups"), strings(e, "notGroups"), strings(e, "fired"),
                strings(e, "notFired"), tolerance);
    }

    private static Map<String, Double> numbers(YamlFile yaml, String at, JsonNode e, String key) {
        Map<String, Double> out = new LinkedHashMap<>();
        if (e.has(key)) {
            if (!yaml.check(e.get(key) instanceof ObjectNode, at + "." + key,
                    "expected a mapping of names to numbers")) {
                return out;
            }
            e.get(key).properties().forEach(p -> {
                yaml.check(p.getValue().isNumber(), at + "." + key + "." + p.getKey(), "expected a number");
                out.put(p.getKey(), p.getValue().asDouble());
            });
        }
        return out;
    }

    private static List<String> strings(JsonNode e, String key) {
        List<String> out = new ArrayList<>();
        if (e.has(key)) {
            for (JsonNode n : e.get(key)) {
                out.add(n.asString());
            }
        }
        return out;
    }

    private static void checkKeys(YamlFile yaml, JsonNode node, String at, Set<String> allowed) {
        for (Iterator<String> it = node.propertyNames().iterator(); it.hasNext();) {
            String key = it.next();
            yaml.check(allowed.contains(key), at.isEmpty() ? key : at + "." + key, "unknown field '" + key + "' (expected one of: "
                    + String.join(", ", new java.util.TreeSet<>(allowed)) + ")");
        }
    }

    private static JsonNode required(YamlFile yaml, JsonNode c, String at, String key) {
        JsonNode n = c.get(key);
        yaml.require(n != null && !n.isNull(), at, "missing field '" + key + "'");
        return n;
    }

    private static String text(YamlFile yaml, JsonNode c, String at, String key, boolean required) {
        JsonNode n = c.get(key);
        if (n == null || n.isNull()) {
            yaml.require(!required, at, "missing field '" + key + "'");
            return null;
        }
        return n.asString();
    }
}
