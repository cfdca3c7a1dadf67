package nl.fieldlab.sandbox.cases;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
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
import nl.fieldlab.sandbox.domain.PaymentType;
import nl.fieldlab.sandbox.domain.Plausible;
import nl.fieldlab.sandbox.domain.QuestionType;
import nl.fieldlab.sandbox.domain.WorkerFacts;
import nl.fieldlab.sandbox.input.InputError;
import nl.fieldlab.sandbox.input.JsonSchema;
import nl.fieldlab.sandbox.input.Months;
import nl.fieldlab.sandbox.input.PlainText;
import nl.fieldlab.sandbox.input.Suggestions;
import nl.fieldlab.sandbox.input.YamlFile;
import nl.fieldlab.sandbox.rules.RuleLibrary;

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
            @Plausible(min = 1900, max = 2200, unit = "(a year)", source = "the years a month may name; at most the "
                    + "year of the case's month (checked too)") Integer startYear,
            WorkerFacts worker, EmployerFacts employer, CourseFacts course,
            Boolean formerEmployee, Boolean afterTrial,
            @Plausible(min = 1, max = 100, message = "expected a percentage from 1 to 100, got {value}",
                    source = "a productivity above 0, at most that of someone who fits the job") Integer rampUpPct,
            @Plausible(min = 0, max = 100, message = "expected a percentage from 0 to 100, got {value}",
                    source = "a chance in percent") Integer counterfactualPct,
            @JsonPropertyDescription("what the answer must contain") ExpectSpec expect) {
    }

    record ExpectSpec(Boolean allowed, String blockedBy,
            @JsonPropertyDescription("the month of the spell (1 = its first) whose answer is checked; 0 for what falls due "
                    + "when the worker draws a learning loan for the course")
            @Plausible(min = 0, max = 600, unit = "(month of the spell)", source = "fifty years") Integer month,
            @JsonPropertyDescription("per payment type, the total paid in that month of the spell")
            Map<PaymentType, Double> payments,
            Map<String, Double> entitlements, Map<String, Double> obligations,
            Map<String, Double> amounts, List<String> groups, List<String> notGroups, List<String> fired,
            List<String> notFired,
            @JsonPropertyDescription("allowed absolute difference for every number of the case (default 0.01)")
            @Plausible(min = 0, max = 100, unit = "(euro or units of the value)", source = "a wider tolerance lets a "
                    + "wrong rule pass; the shipped cases use 0.01 or less") Double tolerance) {
    }

    /** The default tolerance of a case's numbers. */
    static final double TOLERANCE = 0.01;

    private static final Set<String> CASE_KEYS = Set.copyOf(JsonSchema.fieldNames(CaseSpec.class));
    private static final String DEFAULTS_FILE = "defaults.yaml";

    private RuleCaseLoader() {
    }

    /** The JSON Schema of rule-case files. */
    public static ObjectNode schema() {
        return JsonSchema.of(CaseFile.class, "Fieldlab Sandbox rule cases",
                "Questions put to the rules with the answer they must give (rules/cases/*.yaml; see rules/README.md)",
                Set.of(WorkerFacts.class, EmployerFacts.class, CourseFacts.class));
    }

    /** Reads every case file under {@code path} (a folder or one file), checking what the files themselves say. */
    public static List<RuleCase> load(Path path, Path casesFolder) {
        return load(path, casesFolder, null);
    }

    /**
     * Reads every case file under {@code path} (a folder or one file) and checks the names the cases use against
     * {@code library} (when not null): exemptions, parameters and their ranges, rule ids, target groups, regions and
     * the words the rules compare a worker's background and an employer's training fund with. A name the rules do
     * not know would make a case pass or fail for the wrong reason ({@code notFired: [A-TYPO]} always holds).
     */
    public static List<RuleCase> load(Path path, Path casesFolder, RuleLibrary library) {
        ObjectNode builtIn = defaults(casesFolder);
        List<RuleCase> cases = new ArrayList<>();
        for (Path file : caseFiles(path)) {
            cases.addAll(read(file, builtIn, library));
        }
        return cases;
    }

    static List<Path> caseFiles(Path path) {
        if (!Files.exists(path)) {
            throw new InputError(InputError.display(path) + ": no such case file or folder");
        }
        if (!Files.isDirectory(path)) {
            return List.of(path); // a regular file, or what YamlFile.open refuses with what it is
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
        return read(file, builtIn, null);
    }

    static List<RuleCase> read(Path file, ObjectNode builtIn, RuleLibrary library) {
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
            ObjectNode merged = fileDefaults.deepCopy();
            ((ObjectNode) c).properties().forEach(e -> merged.set(e.getKey(), e.getValue()));
            try {
                RuleCase rc = toCase(yaml, display, at, merged, fileDefaults, (ObjectNode) c, builtIn);
                if (library != null) {
                    CaseNames.check(yaml, at, rc, library);
                }
                out.add(rc);
            } catch (InputError e) {
                yaml.absorb(e);
            }
        }
        yaml.done();
        return out;
    }

    private static RuleCase toCase(YamlFile yaml, String display, String at, ObjectNode c, ObjectNode fileDefaults,
            ObjectNode own, ObjectNode builtIn) {
        required(yaml, c, at, "name");
        required(yaml, c, at, "month");
        required(yaml, c, at, "question");
        required(yaml, c, at, "expect");
        // every field but the facts is bound by its type (the facts are merged over the defaults first): a word
        // where a number belongs, a number out of its range, an unknown key are errors at their line
        ObjectNode plain = c.deepCopy();
        plain.remove(List.of("worker", "employer", "course"));
        CaseSpec spec = yaml.convert(plain, CaseSpec.class, at);
        YearMonth month = Months.parse(yaml, at + ".month", spec.month());
        yaml.require(month != null, at + ".month", "expected a month as YYYY-MM");
        QuestionType question = spec.question();
        List<String> exemptions = new ArrayList<>(spec.exemptions() == null ? List.of() : spec.exemptions());
        if (spec.variant() != null) {
            String v = spec.variant();
            yaml.check(v.equals("baseline") || exemptions.isEmpty(), at + ".variant",
                    "give either variant: baseline or a list of exemptions");
            if (!v.equals("baseline")) {
                for (String id : v.split("\\+")) {
                    exemptions.add(id.strip());
                }
            }
        }
        Map<String, Double> parameters = spec.parameters() == null ? new LinkedHashMap<>()
                : new LinkedHashMap<>(spec.parameters());
        int startYear = spec.startYear() != null ? spec.startYear() : month.getYear();
        yaml.check(startYear <= month.getYear(), at + ".startYear", "the spell starts in " + startYear
                + ", after the month asked about (" + month + ")");
        WorkerFacts worker = yaml.convert(merge(builtIn, fileDefaults, own, "worker"), WorkerFacts.class,
                at + ".worker");
        yaml.check(worker.yearsWorkedSince2016() <= worker.workHistoryYears(), at + ".worker.yearsWorkedSince2016",
                "more years worked since 2016 (" + worker.yearsWorkedSince2016() + ") than in the whole work history ("
                        + worker.workHistoryYears() + ")");
        boolean wantsEmployer = question == QuestionType.HIRE || question == QuestionType.TRIAL_PLACEMENT;
        EmployerFacts employer = section(yaml, at, "employer", wantsEmployer, builtIn, fileDefaults, own,
                EmployerFacts.class);
        CourseFacts course = section(yaml, at, "course", question == QuestionType.COURSE, builtIn, fileDefaults,
                own, CourseFacts.class);
        boolean formerEmployee = Boolean.TRUE.equals(spec.formerEmployee());
        boolean afterTrial = Boolean.TRUE.equals(spec.afterTrial());
        int rampUpPct = spec.rampUpPct() != null ? spec.rampUpPct() : 100;
        int counterfactualPct = spec.counterfactualPct() != null ? spec.counterfactualPct() : 0;
        return new RuleCase(display, yaml.line(at), spec.name(), month, exemptions, parameters, question, startYear,
                worker, employer, course, formerEmployee, afterTrial, rampUpPct, counterfactualPct,
                expectation(yaml, at + ".expect", spec.expect()));
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

    private static RuleCase.Expectation expectation(YamlFile yaml, String at, ExpectSpec e) {
        Boolean allowed = e.allowed();
        String blockedBy = e.blockedBy();
        if (blockedBy != null) {
            yaml.check(allowed == null || !allowed, at + ".blockedBy", "a blocked case cannot also be allowed");
            allowed = false;
        }
        Map<String, Double> payments = new LinkedHashMap<>();
        if (e.payments() != null) {
            e.payments().forEach((type, amount) -> payments.put(type.name(), amount));
        }
        return new RuleCase.Expectation(allowed, blockedBy, e.month() == null ? 1 : e.month(), payments,
                orEmpty(e.entitlements()), orEmpty(e.obligations()), orEmpty(e.amounts()), orEmpty(e.groups()),
                orEmpty(e.notGroups()), orEmpty(e.fired()), orEmpty(e.notFired()),
                e.tolerance() == null ? TOLERANCE : e.tolerance());
    }

    private static <K> Map<K, Double> orEmpty(Map<K, Double> m) {
        return m == null ? new LinkedHashMap<>() : new LinkedHashMap<>(m);
    }

    private static List<String> orEmpty(List<String> l) {
        return l == null ? new ArrayList<>() : new ArrayList<>(l);
    }

    private static void checkKeys(YamlFile yaml, JsonNode node, String at, Set<String> allowed) {
        for (Iterator<String> it = node.propertyNames().iterator(); it.hasNext();) {
            String key = it.next();
            yaml.check(allowed.contains(key), at.isEmpty() ? key : at + "." + key, "unknown field "
                    + PlainText.quote(key) + Suggestions.didYouMean(key, allowed) + " (expected one of: "
                    + String.join(", ", new java.util.TreeSet<>(allowed)) + ")");
        }
    }

    private static JsonNode required(YamlFile yaml, JsonNode c, String at, String key) {
        JsonNode n = c.get(key);
        yaml.require(n != null && !n.isNull(), at, "missing field '" + key + "'");
        return n;
    }
}
