package nl.fieldlab.sandbox.scenario;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import tools.jackson.databind.node.ObjectNode;

import nl.fieldlab.sandbox.domain.FreeText;
import nl.fieldlab.sandbox.domain.Plausible;
import nl.fieldlab.sandbox.input.InputError;
import nl.fieldlab.sandbox.input.JsonSchema;
import nl.fieldlab.sandbox.input.Months;
import nl.fieldlab.sandbox.input.PlainText;
import nl.fieldlab.sandbox.input.Suggestions;
import nl.fieldlab.sandbox.input.YamlFile;
import nl.fieldlab.sandbox.rules.Hashes;
import nl.fieldlab.sandbox.rules.ProcessSupport;
import nl.fieldlab.sandbox.rules.RouteArea;
import nl.fieldlab.sandbox.rules.ScopeOverride;
import nl.fieldlab.sandbox.rules.Variant;
import nl.fieldlab.sandbox.skills.Taxonomy;

/** Reads and validates a scenario file. Every problem names the file, the line and the field. */
public final class ScenarioLoader {

    private ScenarioLoader() {
    }

    record Spec(
            @JsonPropertyDescription("names the report folder: letters, digits, '-', '_' or '.'")
            @JsonProperty(required = true) String id,
            @JsonPropertyDescription("what the scenario asks, in words; the report quotes it")
            @JsonProperty(required = true) @FreeText String description,
            @JsonPropertyDescription("labour-market region code of rules/regions.yaml (default NHN)") String region,
            @JsonPropertyDescription("the municipality whose own policy choices apply (parameters marked municipal)")
            Municipality municipality,
            @JsonPropertyDescription("first simulated month, YYYY-MM") @JsonProperty(required = true) String start,
            @JsonPropertyDescription("months simulated, 1 to 240")
            @Plausible(min = 1, max = 240, unit = "months", source = "twenty years: beyond any evaluation horizon")
            @JsonProperty(required = true) Integer months,
            @JsonPropertyDescription("seed of the random draws: the same seed gives the same report")
            @JsonProperty(required = true) Long seed,
            @JsonPropertyDescription("Monte Carlo replications, 2 to 10,000")
            @Plausible(min = 2, max = MAX_REPLICATIONS, message = "expected 2 to 10000 replications (a confidence "
                    + "interval needs two), got {value}", source = "a confidence interval needs two; 10,000 is the "
                    + "most a precision study uses")
            @JsonProperty(required = true) Integer replications,
            @JsonPropertyDescription("PER_REPLICATION (default): drawn again in each replication, shared by the "
                    + "variants; FIXED: one population for every replication (the intervals then hold for that one)")
            Scenario.PopulationMode population,
            @JsonPropertyDescription("worker groups") @JsonProperty(required = true) List<WorkerGroup> workers,
            @JsonPropertyDescription("employer groups") @JsonProperty(required = true) List<EmployerGroup> employers,
            @JsonPropertyDescription("courses workers can take") List<CourseSpec> courses,
            @JsonPropertyDescription("behaviour assumptions by key (see the report's assumptions table)")
            Map<String, Double> behaviour,
            @JsonPropertyDescription("the variants compared; one is named baseline")
            @JsonProperty(required = true) List<VariantSpec> variants,
            @JsonPropertyDescription("what an evaluator expects of the run, checked after it") List<ExpectationSpec> expect,
            @JsonPropertyDescription("draws of the behaviour values across their ranges that every run also makes "
                    + "(the report's robustness section)") RobustnessSpec robustness,
            @JsonPropertyDescription("how the headline verdicts are reached: the correction for multiple tests and "
                    + "the runs with independent seeds (fixed before the run)") VerdictsSpec verdicts,
            @JsonPropertyDescription("skills-based matching: the built-in taxonomy workers, jobs and courses take "
                    + "their skills from") SkillsSpec skills) {
    }

    /** Most replications a scenario may ask for. */
    public static final int MAX_REPLICATIONS = 10_000;
    /** Most workers (or employers) in one group. */
    public static final int MAX_GROUP = 10_000_000;
    /** Longest scenario id: it names a folder. */
    public static final int MAX_ID = 80;
    /** Longest description. */
    public static final int MAX_DESCRIPTION = 4_000;
    /**
     * Most worker (and employer) groups: a group is a row of every per-group table of the report, and the shipped
     * scenarios have at most 7; the province's scenarios list groups by status and sector, a few dozen.
     */
    public static final int MAX_GROUPS = 200;
    /** Most courses. */
    public static final int MAX_COURSES = 200;
    /** Most variants: each is simulated in full; rank-exemptions, which runs one per exemption, needs about 12. */
    public static final int MAX_VARIANTS = 50;
    /** Most expectations. */
    public static final int MAX_EXPECTATIONS = 200;
    /** Longest name (a group, a field, a sector, a course id): names head table columns and rows. */
    public static final int MAX_NAME = 80;

    private static final java.util.regex.Pattern ID = java.util.regex.Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9_.-]*");

    /** The JSON Schema of scenario files. */
    public static ObjectNode schema() {
        return JsonSchema.of(Spec.class, "Fieldlab Sandbox scenario",
                "Worker and employer populations, behaviour, the variants to compare and what to expect"
                        + " (scenarios/*.yaml; see README.md)", Set.of());
    }

    /** Reads a scenario checking only what the file itself says. */
    public static Scenario load(Path file) {
        return load(file, ScenarioContext.none());
    }

    /**
     * Reads and validates a scenario file, also against the rule library and reports folder in {@code context}.
     * Every problem in the file is reported at once, each as {@code file:line: field: problem}.
     */
    public static Scenario load(Path file, ScenarioContext context) {
        YamlFile yaml = YamlFile.open(file);
        Spec s = yaml.read(Spec.class);
        checkId(yaml, s.id(), context);
        yaml.check(s.description().length() <= MAX_DESCRIPTION, "description",
                "at most " + MAX_DESCRIPTION + " characters (it has " + s.description().length() + ")");
        YearMonth start = Months.parse(yaml, "start", s.start());
        count(yaml, "workers", s.workers().size(), MAX_GROUPS, "worker groups");
        count(yaml, "employers", s.employers().size(), MAX_GROUPS, "employer groups");
        count(yaml, "courses", s.courses() == null ? 0 : s.courses().size(), MAX_COURSES, "courses");
        count(yaml, "variants", s.variants().size(), MAX_VARIANTS, "variants");
        count(yaml, "expect", s.expect() == null ? 0 : s.expect().size(), MAX_EXPECTATIONS, "expectations");
        String region = s.region() == null ? "NHN" : s.region();
        checkRegion(yaml, "region", s.region(), context);

        yaml.check(!s.workers().isEmpty(), "workers", "expected at least one worker group");
        Set<String> ids = new HashSet<>();
        Double pensionAge = context.statePensionAge() == null || start == null ? null
                : context.statePensionAge().apply(start);
        for (int i = 0; i < s.workers().size(); i++) {
            WorkerGroup g = s.workers().get(i);
            checkWorkers(yaml, "workers[" + i + "]", g, ids);
            checkRegion(yaml, "workers[" + i + "].region", g.region(), context);
            checkText(yaml, "workers[" + i + "].background", "worker.background", g.background(), context);
            if (pensionAge != null && g.age() != null && g.age().max() != null) {
                yaml.check(g.age().max() < pensionAge, "workers[" + i + "].age",
                        "expected ages below the state pension age (" + num(pensionAge) + " in " + start
                                + ", rules parameter aow.age), got max " + g.age().max()
                                + ": a worker of that age does not look for work");
            }
        }
        yaml.check(!s.employers().isEmpty(), "employers", "expected at least one employer group");
        ids.clear();
        for (int i = 0; i < s.employers().size(); i++) {
            checkEmployers(yaml, "employers[" + i + "]", s.employers().get(i), ids);
            checkRegion(yaml, "employers[" + i + "].region", s.employers().get(i).region(), context);
            checkText(yaml, "employers[" + i + "].trainingFund", "employer.trainingFund",
                    s.employers().get(i).trainingFund(), context);
        }
        List<CourseSpec> courses = s.courses() == null ? List.of() : s.courses();
        ids.clear();
        for (int i = 0; i < courses.size(); i++) {
            String at = "courses[" + i + "]";
            CourseSpec c = courses.get(i);
            yaml.check(ids.add(c.id()), at + ".id", "course id " + PlainText.quote(c.id()) + " is used twice");
            name(yaml, at + ".id", c.id());
            name(yaml, at + ".field", c.field());
            if (c.offeredBy() != null) {
                checkSprint(yaml, at + ".offeredBy", c.offeredBy(), ProcessSupport.Output.COURSE, "a course",
                        context);
            }
        }
        for (int i = 0; i < s.employers().size(); i++) {
            EmployerGroup.Carving carving = s.employers().get(i).carving();
            if (carving != null) {
                String at = "employers[" + i + "].carving";
                checkSprint(yaml, at + ".by", carving.by(), ProcessSupport.Output.CARVING, "carved jobs", context);
                yaml.check(carving.share() == null || carving.share() > 0, at + ".share", "expected above 0 to 1, got "
                        + num(carving.share() == null ? 0 : carving.share()) + " (a share of 0 carves no job: leave carving out)");
            }
        }

        Map<String, Double> behaviour = s.behaviour() == null ? Map.of() : s.behaviour();
        for (Map.Entry<String, Double> e : behaviour.entrySet()) {
            String problem = Behaviour.problem(e.getKey(), e.getValue());
            yaml.check(problem == null, "behaviour." + e.getKey(), problem);
        }

        Municipality municipality = s.municipality() == null ? Municipality.NONE : s.municipality();
        checkMunicipality(yaml, municipality, context);

        yaml.check(!s.variants().isEmpty(), "variants", "expected at least the variant 'baseline'");
        List<Variant> variants = new ArrayList<>();
        Set<String> variantNames = new HashSet<>();
        for (int i = 0; i < s.variants().size(); i++) {
            VariantSpec v = s.variants().get(i);
            String at = "variants[" + i + "]";
            yaml.check(v.name().matches("[A-Za-z0-9][A-Za-z0-9_+.-]{0,79}"), at + ".name",
                    "expected letters, digits, '+', '-', '_' or '.', at most 80");
            yaml.check(variantNames.add(v.name()), at + ".name", "variant " + PlainText.quote(v.name())
                    + " is defined twice");
            List<String> ex = v.exemptions() == null ? List.of() : v.exemptions();
            Map<String, Double> params = v.parameters() == null ? Map.of() : new LinkedHashMap<>(v.parameters());
            if (v.name().equals(Variant.BASELINE)) {
                yaml.check(ex.isEmpty(), at + ".exemptions", "the baseline has no exemptions; it is the reference");
            }
            checkVariantRules(yaml, at, ex, params, context);
            List<String> supports = v.supports() == null ? List.of() : v.supports();
            if (v.name().equals(Variant.BASELINE)) {
                yaml.check(supports.isEmpty(), at + ".supports", "the baseline has no process support; it is the "
                        + "reference");
            }
            checkSupports(yaml, at, supports, context);
            checkParameterOwners(yaml, at, ex, supports, params, context);
            checkInstrumentReach(yaml, at, supports, s, courses, context);
            Map<String, ScopeOverride> scopes = scopes(yaml, at, v, ex, context);
            variants.add(new Variant(v.name(), ex, params, Map.of(), supports, scopes));
        }
        SkillsSetup skills = checkSkills(yaml, s, courses);
        yaml.check(variants.isEmpty() || variants.stream().anyMatch(v -> v.name().equals(Variant.BASELINE)),
                "variants", "expected a variant named 'baseline' (the reference the others are compared with)");
        variants.sort((a, b) -> a.name().equals(Variant.BASELINE) ? -1 : b.name().equals(Variant.BASELINE) ? 1 : 0);

        if (s.robustness() != null) {
            checkRobustness(yaml, s.robustness(), Behaviour.with(behaviour), variants);
        }

        List<ExpectationSpec> expect = s.expect() == null ? List.of() : s.expect();
        Set<String> groups = new HashSet<>();
        s.workers().forEach(g -> groups.add(g.group()));
        for (int i = 0; i < expect.size(); i++) {
            ExpectationSpec e = expect.get(i);
            String at = "expect[" + i + "]";
            yaml.check(variantNames.contains(e.variant()), at + ".variant", "no variant named "
                    + PlainText.quote(e.variant()) + Suggestions.didYouMean(e.variant(), variantNames));
            String metricProblem = context.metricProblem() == null ? null
                    : context.metricProblem().apply(e.metric(), groups);
            yaml.check(metricProblem == null, at + ".metric", metricProblem);
            int kinds = (Boolean.TRUE.equals(e.raises()) ? 1 : 0) + (Boolean.TRUE.equals(e.lowers()) ? 1 : 0)
                    + (e.below() != null ? 1 : 0) + (e.above() != null ? 1 : 0);
            yaml.check(kinds == 1, at, "expected exactly one of raises: true, lowers: true, below: N, above: N");
            yaml.check(!(Boolean.TRUE.equals(e.raises()) || Boolean.TRUE.equals(e.lowers()))
                    || !e.variant().equals(Variant.BASELINE), at + ".variant",
                    "raises/lowers compare a variant with the baseline; name another variant");
        }
        yaml.done();

        Scenario scenario = new Scenario(s.id(), s.description().strip(), region, municipality, start, s.months(), s.seed(),
                s.replications(), s.population() == null ? Scenario.PopulationMode.PER_REPLICATION : s.population(),
                s.workers(), s.employers(), courses, Behaviour.with(behaviour), variants, expect,
                InputError.display(file), Hashes.sha256(yaml.text()), yaml.text(), s.robustness(), s.verdicts(), skills);
        checkFootprint(yaml, scenario, context);
        return scenario;
    }

    /**
     * A scenario's skills: a built-in taxonomy; then every worker and employer group names one of its occupations and
     * every course an occupation or its skills; without one, no group, course or variant may use skills. A skills
     * course gives no diploma, and a variant hires on skills only with a taxonomy and only in employer groups that exist.
     */
    private static SkillsSetup checkSkills(YamlFile yaml, Spec s, List<CourseSpec> courses) {
        Taxonomy taxonomy = null;
        if (s.skills() != null) {
            String id = s.skills().taxonomy();
            if (yaml.check(Taxonomy.SHIPPED.contains(id), "skills.taxonomy", "no built-in taxonomy "
                    + PlainText.quote(id) + Suggestions.didYouMean(id, Taxonomy.SHIPPED) + " (built in: "
                    + String.join(", ", Taxonomy.SHIPPED) + ")")) {
                taxonomy = Taxonomy.shipped(id);
            }
        }
        boolean declared = s.skills() != null;
        for (int i = 0; i < s.workers().size(); i++) {
            occupation(yaml, "workers[" + i + "].occupation", s.workers().get(i).occupation(), declared, taxonomy);
        }
        for (int i = 0; i < s.employers().size(); i++) {
            occupation(yaml, "employers[" + i + "].occupation", s.employers().get(i).occupation(), declared, taxonomy);
        }
        for (int i = 0; i < courses.size(); i++) {
            CourseSpec c = courses.get(i);
            String at = "courses[" + i + "]";
            if (c.occupation() != null) {
                occupation(yaml, at + ".occupation", c.occupation(), declared, taxonomy);
            }
            if (c.skills() != null) {
                if (!yaml.check(declared, at + ".skills", "needs skills.taxonomy at the top of the scenario")) {
                    continue;
                }
                yaml.check(!c.skills().isEmpty(), at + ".skills", "expected at least one skill id");
                for (int j = 0; j < c.skills().size(); j++) {
                    String id = c.skills().get(j);
                    yaml.check(taxonomy == null || taxonomy.skills().containsKey(id), at + ".skills[" + j + "]",
                            PlainText.quote(id) + " is not a skill of " + (taxonomy == null ? "" : taxonomy.id())
                                    + Suggestions.didYouMean(id, taxonomy == null ? Set.of()
                                            : taxonomy.skills().keySet()));
                }
                yaml.check(c.credential() != nl.fieldlab.sandbox.domain.Credential.DIPLOMA, at + ".credential",
                        "a skills course gives no diploma: expected CERTIFICATE, SECTOR_CERTIFICATE or "
                                + "PRACTICE_STATEMENT, got DIPLOMA");
            }
            yaml.check(!declared || c.occupation() != null || c.skills() != null, at, "needs occupation or skills "
                    + "when the scenario has skills.taxonomy");
        }
        Set<String> employerGroups = new java.util.LinkedHashSet<>();
        s.employers().forEach(e -> employerGroups.add(e.group()));
        Map<String, HiringSpec> hiring = new LinkedHashMap<>();
        for (int i = 0; i < s.variants().size(); i++) {
            VariantSpec v = s.variants().get(i);
            HiringSpec h = v.hiring();
            if (h == null) {
                continue;
            }
            String at = "variants[" + i + "].hiring";
            boolean onSkills = h.signal() == HiringSpec.Signal.SKILLS;
            yaml.check(!onSkills || declared, at, "SKILLS needs skills.taxonomy at the top of the scenario");
            yaml.check(!onSkills || !v.name().equals(Variant.BASELINE), at + ".signal", "the baseline hires on the "
                    + "diploma; it is the reference (put SKILLS in another variant)");
            List<String> groups = h.employers() == null ? List.of() : h.employers();
            yaml.check(onSkills || h.employers() == null, at + ".employers", "only with signal: SKILLS");
            yaml.check(h.employers() == null || !groups.isEmpty(), at + ".employers",
                    "expected at least one employer group (leave it out for all)");
            for (int j = 0; j < groups.size(); j++) {
                String g = groups.get(j);
                yaml.check(employerGroups.contains(g), at + ".employers[" + j + "]", PlainText.quote(g)
                        + " is not an employer group of this scenario" + Suggestions.didYouMean(g, employerGroups));
            }
            hiring.put(v.name(), h);
        }
        return taxonomy == null ? SkillsSetup.NONE : new SkillsSetup(taxonomy, hiring);
    }

    /** An occupation of the taxonomy where the scenario has one; none without. */
    private static void occupation(YamlFile yaml, String at, String id, boolean declared, Taxonomy taxonomy) {
        if (!declared) {
            yaml.check(id == null, at, "needs skills.taxonomy at the top of the scenario");
            return;
        }
        if (yaml.check(id != null, at, "required when the scenario has skills.taxonomy") && taxonomy != null) {
            yaml.check(taxonomy.occupations().containsKey(id), at, PlainText.quote(id) + " is not an occupation of "
                    + taxonomy.id() + Suggestions.didYouMean(id, taxonomy.occupations().keySet()));
        }
    }

    /**
     * A robustness block draws values that exist and have a range (their own or the block's), from ranges that
     * contain the value in use, and has something to compare.
     */
    private static void checkRobustness(YamlFile yaml, RobustnessSpec r, Behaviour behaviour, List<Variant> variants) {
        yaml.check(variants.stream().anyMatch(v -> !v.name().equals(Variant.BASELINE)), "robustness",
                "nothing to compare: the scenario has only the variant 'baseline'");
        List<String> values = r.values() == null ? List.of() : r.values();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < values.size(); i++) {
            String name = values.get(i);
            if (yaml.check(name != null && seen.add(name), "robustness.values[" + i + "]", "listed twice")) {
                String problem = RobustnessSpec.valueProblem(name, r.ranges());
                yaml.check(problem == null, "robustness.values[" + i + "]", problem);
            }
        }
        for (String name : r.ranges().keySet()) {
            String at = "robustness.ranges." + name;
            if (!yaml.check(Behaviour.isKnown(name), at, Behaviour.problem(name, 0))) {
                continue;
            }
            try {
                r.range(name, behaviour.get(name));
            } catch (UncertainRange.Invalid e) {
                yaml.problem(at + e.problem().field(), e.problem().message());
            }
        }
    }

    private static void checkId(YamlFile yaml, String id, ScenarioContext context) {
        if (!yaml.check(ID.matcher(id).matches(), "id", "expected letters, digits, '-', '_' or '.' (not first),"
                + " got " + PlainText.quote(id) + " (it names the report folder)")) {
            return;
        }
        if (!yaml.check(id.length() <= MAX_ID, "id", "at most " + MAX_ID + " characters (it has " + id.length()
                + "; it names the report folder)")) {
            return;
        }
        String taken = context.idTaken().apply(id);
        yaml.check(taken == null, "id", taken);
    }

    /** Process supports the library declares, each named once. */
    private static void checkSupports(YamlFile yaml, String at, List<String> supports, ScenarioContext context) {
        Set<String> seen = new HashSet<>();
        for (int j = 0; j < supports.size(); j++) {
            String id = supports.get(j);
            String here = at + ".supports[" + j + "]";
            if (!yaml.check(id != null && seen.add(id), here, "support " + PlainText.cut(String.valueOf(id))
                    + " is listed twice")) {
                continue;
            }
            Set<String> known = context.supports();
            yaml.check(known == null || known.contains(id), here, "no process support " + PlainText.quote(id)
                    + " in the rules folder (rules/support)" + (known == null ? ""
                            : Suggestions.didYouMean(id, known) + " (known: " + (known.isEmpty() ? "none"
                                    : String.join(", ", new java.util.TreeSet<>(known))) + ")"));
        }
    }

    /** A course or employer group names the case sprint that produces it: one with that output. */
    private static void checkSprint(YamlFile yaml, String at, String id, ProcessSupport.Output output, String what,
            ScenarioContext context) {
        if (context.supportById() == null) {
            return;
        }
        ProcessSupport p = context.supportById().apply(id);
        if (!yaml.check(p != null, at, "support " + PlainText.quote(id) + " is not in rules/support"
                + (context.supports() == null ? "" : Suggestions.didYouMean(id, context.supports()) + " (known: "
                        + String.join(", ", new java.util.TreeSet<>(context.supports())) + ")"))) {
            return;
        }
        yaml.check(p.kind() == ProcessSupport.Kind.CASE_SPRINT && p.output() == output, at, id + " is a "
                + p.kind() + " support" + (p.output() == null ? "" : " with output " + p.output())
                + "; " + what + " comes from a CASE_SPRINT support with output " + output);
    }

    /**
     * A variant's instrument support that finds nothing in the scenario to act on reaches nobody: said at load, not
     * left to a run that shows no difference. A case sprint needs the course or carved jobs it produces, in a region
     * it covers; the cooperative needs member firms in its regions.
     */
    private static void checkInstrumentReach(YamlFile yaml, String at, List<String> supports, Spec s,
            List<CourseSpec> courses, ScenarioContext context) {
        if (context.supportById() == null) {
            return;
        }
        for (String id : supports) {
            ProcessSupport p = context.supportById().apply(id);
            if (p == null || p.kind().takeUp()) {
                continue;
            }
            Set<String> regions = p.scope().regions();
            java.util.function.Predicate<String> inScope = r -> regions.isEmpty() || regions.contains(r);
            String problem = null;
            if (p.kind() == ProcessSupport.Kind.CASE_SPRINT && !inScope.test(s.region())) {
                problem = id + "'s sprint is held in " + String.join(", ", new java.util.TreeSet<>(regions))
                        + " and the scenario's region is " + s.region();
            } else if (p.output() == ProcessSupport.Output.COURSE
                    && courses.stream().noneMatch(c -> id.equals(c.offeredBy()))) {
                problem = "no course has offeredBy: " + id;
            } else if (p.output() == ProcessSupport.Output.CARVING && s.employers().stream()
                    .noneMatch(g -> g.carving() != null && id.equals(g.carving().by()))) {
                problem = "no employer group has carving: {by: " + id + ", ...}";
            } else if (p.kind() == ProcessSupport.Kind.COOPERATIVE_EMPLOYER && s.employers().stream()
                    .noneMatch(g -> Boolean.TRUE.equals(g.socialCooperative())
                            && inScope.test(g.region() == null ? s.region() : g.region()))) {
                problem = "no employer group with socialCooperative: true in its regions "
                        + (regions.isEmpty() ? "(any)" : String.join(", ", new java.util.TreeSet<>(regions)));
            }
            yaml.check(problem == null, at + ".supports", id + " reaches nobody: " + problem);
        }
    }

    /**
     * A parameter that an exemption or a process support declares as its own is read only in a variant that names
     * it: elsewhere the override would be refused when the rules are compiled, without its line.
     */
    private static void checkParameterOwners(YamlFile yaml, String at, List<String> exemptions, List<String> supports,
            Map<String, Double> params, ScenarioContext context) {
        if (context.parameterOwner() == null) {
            return;
        }
        for (String key : params.keySet()) {
            String owner = context.parameterOwner().apply(key);
            if (owner != null && !exemptions.contains(owner) && !supports.contains(owner)) {
                boolean support = context.supports() != null && context.supports().contains(owner);
                yaml.problem(at + ".parameters." + key, PlainText.quote(key) + " is a parameter of "
                        + (support ? "support " : "exemption ") + owner + ", which this variant does not name (add "
                        + (support ? "supports: [" : "exemptions: [") + owner + "])");
            }
        }
    }

    /**
     * A variant's scopes of its exemptions: each names an exemption the variant lists, and stays within what the
     * exemption's legal route allows (checked through the context).
     */
    private static Map<String, ScopeOverride> scopes(YamlFile yaml, String at, VariantSpec v, List<String> exemptions,
            ScenarioContext context) {
        Map<String, ScopeOverrideSpec> specs = v.scope() == null ? Map.of() : v.scope();
        if (specs.isEmpty()) {
            return Map.of();
        }
        if (!yaml.check(!v.name().equals(Variant.BASELINE), at + ".scope", "the baseline has no exemptions, so no "
                + "scope")) {
            return Map.of();
        }
        Map<String, ScopeOverride> out = new java.util.TreeMap<>();
        for (Map.Entry<String, ScopeOverrideSpec> e : specs.entrySet()) {
            String id = e.getKey();
            String here = at + ".scope." + id;
            if (!yaml.check(exemptions.contains(id), here, PlainText.cut(id) + " is not an exemption of this variant ("
                    + (exemptions.isEmpty() ? "none" : String.join(", ", exemptions))
                    + "); a scope applies to an exemption the variant lists")) {
                continue;
            }
            ScopeOverrideSpec sc = e.getValue();
            if (!yaml.check(sc != null, here, "expected the fields to set, such as {regions: [GA]}")) {
                continue;
            }
            ScopeOverrideSpec.CapSpec cap = sc.cap() == null ? new ScopeOverrideSpec.CapSpec(null, null, null)
                    : sc.cap();
            ScopeOverride o = new ScopeOverride(sc.regions(), sc.statuses(), sc.minAge(), sc.maxAge(), sc.technicalOnly(),
                    Months.parse(yaml, here + ".from", sc.from()), Months.parse(yaml, here + ".until", sc.until()),
                    cap.staffShare(), cap.budget(), cap.participants(), sc.basis());
            if (sc.statuses() != null) {
                yaml.check(new java.util.HashSet<>(sc.statuses()).size() == sc.statuses().size(), here + ".statuses",
                        "a status is listed twice");
            }
            if (context.scopeProblems() != null) {
                for (RouteArea.Problem p : context.scopeProblems().apply(id, o)) {
                    yaml.problem(here + "." + p.field(), p.message());
                }
            }
            out.put(id, o);
        }
        return out;
    }

    /** Exemptions the library has, parameters it knows, and no two exemptions that set one parameter differently. */
    private static void checkVariantRules(YamlFile yaml, String at, List<String> exemptions,
            Map<String, Double> params, ScenarioContext context) {
        Map<String, Map<String, Double>> known = context.exemptions();
        if (known != null) {
            Map<String, String> setBy = new LinkedHashMap<>();
            Map<String, Double> values = new LinkedHashMap<>();
            Set<String> seen = new HashSet<>();
            for (int j = 0; j < exemptions.size(); j++) {
                String id = exemptions.get(j);
                String here = at + ".exemptions[" + j + "]";
                yaml.check(seen.add(id), here, "exemption " + PlainText.cut(id) + " is listed twice");
                Map<String, Double> sets = known.get(id);
                if (!yaml.check(sets != null, here, "no exemption " + PlainText.quote(id) + " in the rules folder"
                        + Suggestions.didYouMean(id, known.keySet()) + " (known: "
                        + String.join(", ", known.keySet()) + ")")) {
                    continue;
                }
                for (Map.Entry<String, Double> p : sets.entrySet()) {
                    String other = setBy.putIfAbsent(p.getKey(), id);
                    if (other != null && !values.get(p.getKey()).equals(p.getValue()) && !params.containsKey(p.getKey())) {
                        yaml.problem(here, "exemptions " + other + " and " + id + " set " + p.getKey()
                                + " differently (" + num(values.get(p.getKey())) + " and " + num(p.getValue())
                                + "); choose the value under parameters: {" + p.getKey() + ": ...}");
                    }
                    values.putIfAbsent(p.getKey(), p.getValue());
                }
            }
        }
        if (context.parameterKnown() != null) {
            for (Map.Entry<String, Double> p : params.entrySet()) {
                String here = at + ".parameters." + p.getKey();
                if (yaml.check(context.parameterKnown().test(p.getKey()), here, "no parameter "
                        + PlainText.quote(p.getKey()) + " in the rules folder")) {
                    checkParameterValue(yaml, here, p.getKey(), p.getValue(), context);
                }
            }
        }
    }

    private static void checkRegion(YamlFile yaml, String field, String code, ScenarioContext context) {
        if (code != null && context.regionProblem() != null) {
            String problem = context.regionProblem().apply(code);
            yaml.check(problem == null, field, problem);
        }
    }

    /** Every policy choice names a municipal parameter of the rule library, with a value and a source. */
    private static void checkMunicipality(YamlFile yaml, Municipality m, ScenarioContext context) {
        yaml.check(!m.name().isEmpty() || m.policy().isEmpty(), "municipality.name",
                "expected the municipality whose policy this is");
        name(yaml, "municipality.name", m.name());
        for (Map.Entry<String, Municipality.Choice> e : m.policy().entrySet()) {
            String here = "municipality.policy." + e.getKey();
            Municipality.Choice c = e.getValue();
            if (!yaml.check(c != null, here, "expected {value: N, source: \"ordinance or policy rule\"}")) {
                continue;
            }
            yaml.check(!c.source().isBlank(), here + ".source", "name the ordinance or policy rule that sets it");
            if (context.parameterKnown() != null && !yaml.check(context.parameterKnown().test(e.getKey()), here,
                    "no parameter " + PlainText.quote(e.getKey()) + " in the rules folder")) {
                continue;
            }
            checkParameterValue(yaml, here + ".value", e.getKey(), c.value(), context);
            yaml.check(context.municipalParameter() == null || context.municipalParameter().test(e.getKey()), here,
                    "'" + e.getKey() + "' is national law, not a municipal choice (only parameters marked"
                            + " 'municipal: true' in rules/parameters/ can be set here); to change it, use a variant's"
                            + " parameters:");
        }
    }

    private static void checkFootprint(YamlFile yaml, Scenario s, ScenarioContext context) {
        if (context.footprint() == null) {
            return;
        }
        ScenarioContext.Footprint f = context.footprint().apply(s);
        if (f.bytesNeeded() <= f.heapBytes()) {
            return;
        }
        long gib = (long) Math.ceil(f.bytesNeeded() * 1.25 / (1L << 30));
        String field = s.replications() > 1000 ? "replications" : largestGroup(s);
        throw yaml.error(field, String.format(Locale.ROOT,
                "this run needs about %.1f GB of memory (%,d workers, %,d replications, %d variants) and the heap "
                        + "has %.1f GB; use fewer workers or replications, or start Java with -Xmx%dg",
                f.bytesNeeded() / 1e9, s.workerCount(), s.replications(), s.variants().size(), f.heapBytes() / 1e9,
                gib));
    }

    private static String largestGroup(Scenario s) {
        int best = 0;
        for (int i = 1; i < s.workers().size(); i++) {
            if (s.workers().get(i).count() > s.workers().get(best).count()) {
                best = i;
            }
        }
        return "workers[" + best + "].count";
    }

    private static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
    }

    private static void checkWorkers(YamlFile yaml, String at, WorkerGroup g, Set<String> ids) {
        yaml.check(ids.add(g.group()), at + ".group", "group " + PlainText.quote(g.group()) + " is used twice");
        name(yaml, at + ".group", g.group());
        name(yaml, at + ".field", g.field());
        // the ranges of counts, ages, shares and wages are the fields' own (@Plausible, checked as the file is read)
        range(yaml, at + ".age", g.age());
        shares(yaml, at + ".education", g.education());
        if (g.household() != null) {
            shares(yaml, at + ".household", g.household());
        }
        range(yaml, at + ".wageValue", g.wageValue());
        range(yaml, at + ".dailyWage", g.dailyWage());
        range(yaml, at + ".workHistoryYears", g.workHistoryYears());
        range(yaml, at + ".monthsUnemployed", g.monthsUnemployed());
        // entrants start a spell out of work: people in work do not flow in as a group of their own
        yaml.check(g.inflow() == 0 || g.status() != nl.fieldlab.sandbox.domain.Status.EMPLOYED, at + ".inflowPerMonth",
                "expected no inflow for an EMPLOYED group: entrants start a spell out of work (WW, BIJSTAND, WAJONG "
                        + "or NONE), got " + num(g.inflow()) + " a month");
        // a child under five is under 12 too
        yaml.check(g.childUnder12Share() == null || g.youngChildShare() == null
                || g.childUnder12Share() >= g.youngChildShare(), at + ".childUnder12Share", "expected at least "
                + "youngChildShare (" + num(g.youngChildShare() == null ? 0 : g.youngChildShare()) + "): a child "
                + "under five is under 12 too; got " + num(g.childUnder12Share() == null ? 0 : g.childUnder12Share()));
    }

    private static void checkEmployers(YamlFile yaml, String at, EmployerGroup g, Set<String> ids) {
        yaml.check(ids.add(g.group()), at + ".group", "group " + PlainText.quote(g.group()) + " is used twice");
        name(yaml, at + ".group", g.group());
        name(yaml, at + ".sector", g.sector());
        name(yaml, at + ".field", g.field());
    }

    /** A list of at most {@code max} entries. */
    private static void count(YamlFile yaml, String at, int n, int max, String what) {
        yaml.check(n <= max, at, String.format(Locale.ROOT, "%,d %s; at most %,d (a report lists each one)", n, what,
                max));
    }

    /** A name short enough to head a table's column or row. */
    private static void name(YamlFile yaml, String at, String name) {
        if (name != null) {
            yaml.check(name.length() <= MAX_NAME, at, String.format(Locale.ROOT,
                    "a name of %,d characters; at most %d", name.length(), MAX_NAME));
        }
    }

    /** A word the rules compare a text fact with. */
    private static void checkText(YamlFile yaml, String at, String fact, String value, ScenarioContext context) {
        if (value != null && context.textProblem() != null) {
            String problem = context.textProblem().apply(fact, value);
            yaml.check(problem == null, at, problem);
        }
    }

    /** A value a rule parameter may take (its range, declared in the rules' parameter files). */
    private static void checkParameterValue(YamlFile yaml, String at, String key, Double value,
            ScenarioContext context) {
        if (value == null) {
            return;
        }
        String problem = context.parameterProblem() == null ? (Double.isFinite(value) ? null
                : "expected a finite number") : context.parameterProblem().apply(key, value);
        yaml.check(problem == null, at, problem);
    }

    private static void range(YamlFile yaml, String at, Range r) {
        if (r == null) {
            return;
        }
        if (yaml.check(r.min() != null && r.max() != null, at, "expected min and max")) {
            yaml.check(r.min() <= r.max(), at, "min is above max");
        }
    }

    /** Shares (each in range by its field's bound) that sum to 1. */
    private static <K> void shares(YamlFile yaml, String at, Map<K, Double> m) {
        if (!yaml.check(!m.isEmpty(), at, "expected at least one share")) {
            return;
        }
        double sum = 0;
        for (Map.Entry<K, Double> e : m.entrySet()) {
            if (e.getValue() < 0 || e.getValue() > 1) {
                return; // said where the file is read
            }
            sum += e.getValue();
        }
        yaml.check(Math.abs(sum - 1) < 1e-6, at, "shares must sum to 1 (they sum to " + num(sum) + ")");
    }
}
