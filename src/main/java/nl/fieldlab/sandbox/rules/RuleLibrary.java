package nl.fieldlab.sandbox.rules;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import tools.jackson.databind.node.ObjectNode;

import nl.fieldlab.sandbox.domain.FreeText;
import nl.fieldlab.sandbox.domain.Plausible;
import nl.fieldlab.sandbox.domain.QuestionType;
import nl.fieldlab.sandbox.domain.Status;
import nl.fieldlab.sandbox.input.InputError;
import nl.fieldlab.sandbox.input.InputFile;
import nl.fieldlab.sandbox.input.JsonSchema;
import nl.fieldlab.sandbox.input.Months;
import nl.fieldlab.sandbox.input.YamlFile;
import nl.fieldlab.sandbox.parameters.DatedValue;
import nl.fieldlab.sandbox.parameters.Parameter;
import nl.fieldlab.sandbox.parameters.ParameterLoader;
import nl.fieldlab.sandbox.parameters.ParameterTable;
import nl.fieldlab.sandbox.parameters.Units;

/**
 * Everything under a {@code rules/} folder, read once and held in memory: baseline DRL files, exemption
 * declarations with their DRL files, and dated parameters. What was read is what gets compiled and hashed, so a
 * report's manifest names exactly the rules that produced it.
 *
 * <pre>
 * rules/
 *   baseline/classification/*.drl   who is in which target group
 *   baseline/decisions/*.drl        what is allowed, what it pays or costs, to whom
 *   exemptions/*.yaml (+ *.drl)     proposed exemptions as overlays on the baseline
 *   parameters/*.yaml               dated numbers with their legal references
 *   regions.yaml                    labour-market regions and groups of them (scopes, scenario regions)
 *   groups.yaml                     the target groups classification rules assert and decision rules test
 *   cases/*.yaml                    rule cases (expected outcomes)
 * </pre>
 */
public final class RuleLibrary {

    private final Path root;
    private final List<SourceFile> baselineRules;
    private final SortedMap<String, Exemption> exemptions;
    private final Map<String, SourceFile> exemptionRules;
    private final ParameterTable parameters;
    private final SortedMap<String, String> fileHashes;
    private final Regions regions;
    private final TargetGroups groups;
    private final Sources sources;
    private final List<SourceFile> declarations;
    private final SortedMap<String, ProcessSupport> supports;

    private RuleLibrary(Path root, List<SourceFile> baselineRules, SortedMap<String, Exemption> exemptions,
            Map<String, SourceFile> exemptionRules, ParameterTable parameters, SortedMap<String, String> fileHashes,
            Regions regions, TargetGroups groups, Sources sources, List<SourceFile> declarations,
            SortedMap<String, ProcessSupport> supports) {
        this.root = root;
        this.supports = Collections.unmodifiableSortedMap(supports);
        this.regions = regions;
        this.groups = groups;
        this.sources = sources;
        this.declarations = List.copyOf(declarations);
        this.baselineRules = List.copyOf(baselineRules);
        this.exemptions = exemptions;
        this.exemptionRules = Map.copyOf(exemptionRules);
        this.parameters = parameters;
        this.fileHashes = fileHashes;
    }

    public Path root() {
        return root;
    }

    public List<SourceFile> baselineRules() {
        return baselineRules;
    }

    /**
     * The same library with only the named baseline rule files (paths as in {@link SourceFile#path()}) and no
     * exemptions: a slice of the regulation, for the benchmark's plain-Java floor.
     *
     * @throws IllegalArgumentException when a named file is not a baseline rule file of this library
     */
    public RuleLibrary slice(Set<String> baselinePaths) {
        List<SourceFile> kept = new ArrayList<>();
        for (SourceFile f : baselineRules) {
            if (baselinePaths.contains(f.path())) {
                kept.add(f);
            }
        }
        if (kept.size() != baselinePaths.size()) {
            throw new IllegalArgumentException("not all of " + baselinePaths + " are baseline rule files of " + root);
        }
        SortedMap<String, String> hashes = new TreeMap<>();
        fileHashes.forEach((path, hash) -> {
            if (!path.endsWith(".drl") && !path.startsWith("exemptions/") || baselinePaths.contains(path)) {
                hashes.put(path, hash);
            }
        });
        return new RuleLibrary(root, kept, new TreeMap<>(RuleLibrary::compareIds), Map.of(), parameters, hashes,
                regions, groups, sources, declarations, new TreeMap<>());
    }

    /** The target groups of {@code groups.yaml}. */
    public TargetGroups groups() {
        return groups;
    }

    /** The sources the rules cite, by id, from {@code sources.yaml} ({@link Sources#NONE} when it is missing). */
    public Sources sources() {
        return sources;
    }

    /**
     * Every file of the folder that may cite a source: the baseline and exemption rule files, the parameter files,
     * the exemption declarations, {@code groups.yaml} and {@code regions.yaml}, as read (paths relative to the
     * folder). {@code rules check} finds the source ids and the citations of the domain brief in them.
     */
    public List<SourceFile> citingFiles() {
        List<SourceFile> out = new ArrayList<>(baselineRules);
        out.addAll(exemptionRules.values());
        out.addAll(declarations);
        out.sort(java.util.Comparator.comparing(SourceFile::path));
        return out;
    }

    /** The labour-market regions and region groups of {@code regions.yaml}. */
    public Regions regions() {
        return regions;
    }

    public Collection<Exemption> exemptions() {
        return exemptions.values();
    }

    /** The parameter key of the state pension age (AOW), which ends benefits and job search. */
    public static final String STATE_PENSION_AGE = "aow.age";

    /** Each exemption's legal route, by id, for the exemptions that declare one. */
    public Map<String, LegalRoute> legalRoutes() {
        Map<String, LegalRoute> out = new LinkedHashMap<>();
        for (Exemption e : exemptions.values()) {
            if (e.legalRoute() != null) {
                out.put(e.id(), e.legalRoute());
            }
        }
        return out;
    }

    public Exemption exemption(String id) {
        return exemptions.get(id);
    }

    /** The DRL files an exemption adds. */
    public List<SourceFile> rulesOf(Exemption e) {
        return e.ruleFiles().stream().map(exemptionRules::get).toList();
    }

    public ParameterTable parameters() {
        return parameters;
    }

    /** The parameters a municipality sets by its own ordinance or policy rule, by key. */
    public Map<String, Parameter> municipalParameters() {
        Map<String, Parameter> out = new java.util.TreeMap<>();
        parameters().all().forEach(p -> {
            if (p.municipal()) {
                out.put(p.key(), p);
            }
        });
        return out;
    }

    /** Whether a key names a baseline parameter or one an exemption declares. */
    public boolean knowsParameter(String key) {
        return parameters.contains(key) || exemptions.values().stream().anyMatch(e -> e.parameters().containsKey(key))
                || supportParameter(key) != null;
    }

    /**
     * The id of the exemption or process support that declares {@code key} as its own parameter (not an override of a
     * baseline parameter), or null.
     */
    public String parameterOwner(String key) {
        if (parameters.contains(key)) {
            return null;
        }
        for (Exemption e : exemptions.values()) {
            if (e.parameters().containsKey(key)) {
                return e.id();
            }
        }
        for (ProcessSupport s : supports.values()) {
            if (s.parameters().containsKey(key)) {
                return s.id();
            }
        }
        return null;
    }

    /** A process support's own parameter by key (see {@link ProcessSupport#parameters()}), or null. */
    public Parameter supportParameter(String key) {
        for (ProcessSupport s : supports.values()) {
            Parameter p = s.parameters().get(key);
            if (p != null) {
                return p;
            }
        }
        return null;
    }

    /** Every parameter key: the baseline's, the exemptions' own and the process supports' own, sorted. */
    public java.util.SortedSet<String> parameterKeys() {
        java.util.SortedSet<String> keys = new TreeSet<>();
        parameters.all().forEach(p -> keys.add(p.key()));
        exemptions.values().forEach(e -> keys.addAll(e.parameters().keySet()));
        supports.values().forEach(s -> keys.addAll(s.parameters().keySet()));
        return keys;
    }

    /**
     * What is wrong with {@code value} as a value of the parameter {@code key} (a baseline parameter, or one an
     * exemption declares), or null when it may take it or no parameter has that key.
     */
    public String parameterProblem(String key, double value) {
        Parameter p = parameters.get(key);
        if (p == null) {
            for (Exemption e : exemptions.values()) {
                p = e.parameters().get(key);
                if (p != null) {
                    break;
                }
            }
        }
        if (p == null) {
            p = supportParameter(key);
        }
        return p == null ? null : p.problem(value);
    }

    private final Map<String, SortedSet<String>> textValues = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The words the rules compare a text fact with ({@code worker.background}, {@code employer.trainingFund}; see
     * {@link TextValues}), with NONE.
     */
    public SortedSet<String> textValues(String fact) {
        return textValues.computeIfAbsent(fact, f -> {
            List<SourceFile> all = new ArrayList<>(baselineRules);
            all.addAll(exemptionRules.values());
            return TextValues.of(all, f);
        });
    }

    /** What is wrong with a text fact's value (a word no rule compares it with), or null when nothing is. */
    public String textProblem(String fact, String value) {
        return TextValues.FACTS.containsKey(fact) ? TextValues.problem(fact, value, textValues(fact)) : null;
    }

    /** Number of rules declared in the baseline and exemption DRL files. */
    public int ruleCount() {
        return ruleIds().size();
    }

    /** The ids of the rules declared in the baseline and exemption DRL files. */
    public java.util.SortedSet<String> ruleIds() {
        java.util.SortedSet<String> ids = new TreeSet<>();
        List<SourceFile> all = new ArrayList<>(baselineRules);
        all.addAll(exemptionRules.values());
        for (SourceFile f : all) {
            f.model().rules().forEach(r -> ids.add(r.name()));
        }
        return ids;
    }

    /** SHA-256 of every file read, by path relative to the rules folder. */
    public SortedMap<String, String> fileHashes() {
        return fileHashes;
    }

    /** One hash over all files: changes when any rule, exemption or parameter file changes. */
    public String hash() {
        return hashOf(fileHashes);
    }

    /** Hash of the parameter files only. */
    public String parameterHash() {
        return parameterHashOf(fileHashes);
    }

    /** {@link #hash()} of a library with these file hashes (verify recomputes a manifest's from its file list). */
    public static String hashOf(SortedMap<String, String> fileHashes) {
        StringBuilder sb = new StringBuilder();
        fileHashes.forEach((k, v) -> sb.append(k).append(' ').append(v).append('\n'));
        return Hashes.sha256(sb.toString());
    }

    /** {@link #parameterHash()} of a library with these file hashes. */
    public static String parameterHashOf(SortedMap<String, String> fileHashes) {
        StringBuilder sb = new StringBuilder();
        fileHashes.forEach((k, v) -> {
            if (k.startsWith("parameters/")) {
                sb.append(k).append(' ').append(v).append('\n');
            }
        });
        return Hashes.sha256(sb.toString());
    }

    /** Reads a rules folder. Fails with a file-and-line error on the first malformed file. */
    public static RuleLibrary load(Path root) {
        Path dir = root.toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            throw new InputError(InputError.display(root) + ": rules folder not found");
        }
        SortedMap<String, String> hashes = new TreeMap<>();
        List<SourceFile> baseline = new ArrayList<>();
        for (Path p : files(dir.resolve("baseline"), ".drl")) {
            SourceFile f = read(dir, p);
            baseline.add(f);
            hashes.put(f.path(), f.sha256());
        }
        if (baseline.isEmpty()) {
            throw new InputError(InputError.display(dir.resolve("baseline")) + ": no .drl files found");
        }
        Path paramDir = dir.resolve("parameters");
        ParameterTable parameters = ParameterLoader.load(paramDir);
        List<SourceFile> declarations = new ArrayList<>();
        for (Path p : files(paramDir, ".yaml")) {
            SourceFile f = read(dir, p);
            hashes.put(f.path(), f.sha256());
            declarations.add(f);
        }
        Regions regions = Regions.load(hashIfPresent(dir, "regions.yaml", hashes, declarations));
        TargetGroups groups = TargetGroups.load(hashIfPresent(dir, "groups.yaml", hashes, declarations));
        // the register is hashed with the rest (a report names the sources its rules resolved to) but cites nothing
        Sources sources = Sources.load(hashIfPresent(dir, "sources.yaml", hashes, new ArrayList<>()));
        SortedMap<String, Exemption> exemptions = new TreeMap<>(RuleLibrary::compareIds);
        Map<String, SourceFile> exemptionRules = new LinkedHashMap<>();
        Path exDir = dir.resolve("exemptions");
        if (Files.isDirectory(exDir)) {
            for (Path p : files(exDir, ".yaml")) {
                SourceFile f = read(dir, p);
                hashes.put(f.path(), f.sha256());
                declarations.add(f);
                Exemption e = readExemption(dir, p, parameters, regions);
                Exemption earlier = exemptions.putIfAbsent(e.id(), e);
                if (earlier != null) {
                    throw new InputError(p, 1, "id", "exemption " + e.id() + " is also declared in " + earlier.file());
                }
                for (String rel : e.ruleFiles()) {
                    SourceFile drl = read(dir, dir.resolve(rel));
                    exemptionRules.put(rel, drl);
                    hashes.put(drl.path(), drl.sha256());
                }
            }
        }
        SortedMap<String, ProcessSupport> supports = readSupports(dir, exemptions, regions, parameters, hashes,
                declarations);
        // the pilot designs and their parameters shape the report's pilot section: a report records them too
        hashIfPresent(dir, "evaluation/designs.yaml", hashes, new ArrayList<>());
        hashIfPresent(dir, "evaluation/design-parameters.yaml", hashes, new ArrayList<>());
        RuleLibrary library = new RuleLibrary(dir, baseline, exemptions, exemptionRules, parameters, hashes, regions,
                groups, sources, declarations, supports);
        library.checkParameterReferences();
        return library;
    }

    /**
     * The process supports of {@code support/*.yaml} (see {@link ProcessSupport}), hashed and cited with the rest:
     * like a rule, a support is read only from the rules folder the user configured, and a bad one fails the load
     * with its file, line and field, so it never replaces a working library.
     */
    private static SortedMap<String, ProcessSupport> readSupports(Path dir, Map<String, Exemption> exemptions,
            Regions regions, ParameterTable parameters, SortedMap<String, String> hashes,
            List<SourceFile> declarations) {
        Set<String> exemptionIds = exemptions.keySet();
        SortedMap<String, ProcessSupport> supports = new TreeMap<>(RuleLibrary::compareIds);
        Path supportDir = dir.resolve("support");
        if (!Files.isDirectory(supportDir)) {
            return supports;
        }
        Set<String> schemes = new TreeSet<>(ClaimableScheme.all().keySet());
        schemes.addAll(exemptionIds);
        for (Path p : files(supportDir, ".yaml")) {
            SourceFile f = read(dir, p);
            hashes.put(f.path(), f.sha256());
            declarations.add(f);
            ProcessSupport support = ProcessSupport.read(p, regions, schemes, parameters);
            for (String key : support.parameters().keySet()) {
                // one key, one parameter: set, sweep and rules check name a parameter by its key alone
                exemptions.values().stream().filter(e -> e.parameters().containsKey(key)).findFirst().ifPresent(e -> {
                    throw new InputError(p, support.parameters().get(key).line(), "parameters." + key, "'" + key
                            + "' is also a parameter of exemption " + e.id() + " (" + e.file() + ")");
                });
            }
            if (exemptionIds.contains(support.id())) {
                throw new InputError(p, 1, "id", "support " + support.id() + " has the id of an exemption; a support"
                        + " covers exemptions by their ids and reports name both, so choose another (such as P1)");
            }
            ProcessSupport earlier = supports.putIfAbsent(support.id(), support);
            if (earlier != null) {
                throw new InputError(p, 1, "id", "support " + support.id() + " is also declared in " + earlier.file());
            }
        }
        return supports;
    }

    /** The process supports the folder declares (rules/support), by id. */
    public SortedMap<String, ProcessSupport> supports() {
        return supports;
    }

    /** Every {@code p("key")} in a rule names a parameter of the library: a misspelled key fails at load. */
    private void checkParameterReferences() {
        List<InputError> problems = new ArrayList<>();
        SortedSet<String> keys = parameterKeys();
        List<SourceFile> all = new ArrayList<>(baselineRules);
        all.addAll(exemptionRules.values());
        for (SourceFile f : all) {
            for (SourceFile.ParameterReference r : f.parameterReferences()) {
                if (!keys.contains(r.key())) {
                    problems.add(new InputError(InputError.display(root.resolve(f.path())), r.line(), null,
                            "p(\"" + r.key() + "\"): no parameter '" + r.key() + "' in "
                                    + InputError.display(root.resolve("parameters")) + " or an exemption"
                                    + nl.fieldlab.sandbox.input.Suggestions.didYouMean(r.key(), keys)));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw nl.fieldlab.sandbox.input.InputErrors.of(problems);
        }
    }

    /** Orders E2 before E10. */
    static int compareIds(String a, String b) {
        String na = a.replaceAll("\\D", "");
        String nb = b.replaceAll("\\D", "");
        String pa = a.replaceAll("\\d", "");
        String pb = b.replaceAll("\\d", "");
        int c = pa.compareTo(pb);
        if (c != 0 || na.isEmpty() || nb.isEmpty()) {
            return c != 0 ? c : a.compareTo(b);
        }
        c = Integer.compare(Integer.parseInt(na), Integer.parseInt(nb));
        return c != 0 ? c : a.compareTo(b);
    }

    record ScopeSpec(List<QuestionType> questions, List<String> regions, List<Status> statuses,
            @Plausible(min = 0, max = 120, unit = "years", source = "a human age") Integer minAge,
            @Plausible(min = 0, max = 120, unit = "years (0 = no upper limit)", source = "a human age") Integer maxAge,
            Boolean technicalOnly, String from, String until, CapSpec cap, Boolean cohort) {
    }

    record CapSpec(
            @Plausible(min = 0, max = 1, message = "expected a share between 0 and 1, got {value}",
                    source = "a share of an employer's staff") Double staffShare,
            @Plausible(min = 0, max = 1e10, unit = "euro per replication", source = "wide: far above any region's "
                    + "labour-market budget") Double budget,
            @Plausible(min = 0, max = 10_000_000, unit = "participants per replication", source = "more than a "
                    + "scenario can hold") Integer participants) {
    }

    /**
     * An exemption's parameter: dated values with a reference, as in the parameter files, or the short form of one
     * value with its source (in force from the exemption's start).
     */
    record ParamSpec(Double value, @JsonProperty(required = true) String unit, @FreeText String source,
            @FreeText String description, Boolean unverified, @FreeText String reference,
            List<ParameterLoader.ValueSpec> values, Double min, Double max) {
    }

    record ExemptionSpec(
            @JsonPropertyDescription("short id such as E1: capitals, digits, '-'") @JsonProperty(required = true) String id,
            @JsonPropertyDescription("the exemption in a few words") @JsonProperty(required = true) String title,
            @JsonPropertyDescription("what it changes, in words") @JsonProperty(required = true) @FreeText
            String description,
            @JsonPropertyDescription("the decision it changes and how (contact, hire, trial, course, completion, ...)")
            @JsonProperty(required = true) @FreeText String mechanism,
            @JsonPropertyDescription("what could go wrong") @JsonProperty(required = true) @FreeText String risk,
            @JsonPropertyDescription("the regulation it relaxes and the evidence for its effect")
            @JsonProperty(required = true) @FreeText String source,
            @JsonPropertyDescription("baseline rule names it switches off inside its scope") List<String> suspends,
            @JsonPropertyDescription(".drl files beside this one with the overlay rules") List<String> rules,
            @JsonPropertyDescription("its own parameters: unit with dated values, or value and source")
            Map<String, ParamSpec> parameters,
            @JsonPropertyDescription("where it applies: questions, regions, statuses, ages, period, cap")
            @JsonProperty(required = true) ScopeSpec scope,
            @JsonPropertyDescription("how it could be made lawful: who decides, lead time and source")
            LegalRouteSpec legalRoute,
            @JsonPropertyDescription("how its payments are claimed: claimant, awareness, steps and source, or automatic"
                    + " with why; without it the behaviour defaults takeup.exemption.* apply")
            TakeUpSpec takeUp) {
    }

    record TakeUpSpec(
            @JsonPropertyDescription("who claims its payments: EMPLOYER or WORKER") nl.fieldlab.sandbox.domain.Actor
            claimant,
            @JsonPropertyDescription("chance a claimant knows it applies, without support")
            @Plausible(min = 0, max = 1, message = "expected a share between 0 and 1, got {value}",
                    source = "a share") Double awareness,
            @JsonPropertyDescription("desks and forms of a claim")
            @Plausible(min = 0, max = 20, unit = "steps", source = "more steps than any scheme has") Double steps,
            @JsonPropertyDescription("applied without a claim: by whom and why") @FreeText String automatic,
            @JsonPropertyDescription("evidence for awareness and steps, or the basis of automatic") @FreeText
            String source) {
    }

    record LegalRouteSpec(
            @JsonPropertyDescription("the instrument the exemption as simulated needs")
            @JsonProperty(required = true) LegalRoute.Kind kind,
            @JsonPropertyDescription("who decides, with the law and article") @JsonProperty(required = true)
            @FreeText String who,
            @JsonProperty(required = true) LeadTimeSpec leadTimeMonths,
            @JsonPropertyDescription("where the route is described, with source ids; what could not be verified")
            @JsonProperty(required = true) @FreeText String source,
            @JsonPropertyDescription("parts of the exemption, or alternatives, that need another instrument")
            List<RoutePartSpec> parts,
            @JsonPropertyDescription("the regions or region groups of regions.yaml the deciding body's power covers "
                    + "(a province: its own); a scenario's scope of a provincial subsidy must stay within them")
            List<String> area) {
    }

    record RoutePartSpec(
            @JsonPropertyDescription("which part, or which alternative") @JsonProperty(required = true)
            @FreeText String covers,
            @JsonProperty(required = true) LegalRoute.Kind kind,
            @JsonProperty(required = true) @FreeText String who,
            @JsonProperty(required = true) LeadTimeSpec leadTimeMonths,
            @JsonProperty(required = true) @FreeText String source) {
    }

    record LeadTimeSpec(
            @Plausible(min = 0, max = 240, unit = "months", source = "twenty years: longer than any change of law")
            @JsonProperty(required = true) Integer min,
            @Plausible(min = 0, max = 240, unit = "months", source = "twenty years: longer than any change of law")
            @JsonProperty(required = true) Integer max) {
    }

    /** Longest exemption title: it names the exemption in tables and rankings. */
    static final int MAX_TITLE = 200;

    /** The JSON Schema of exemption declarations. */
    public static ObjectNode exemptionSchema() {
        return JsonSchema.of(ExemptionSpec.class, "Fieldlab Sandbox exemption declaration",
                "A proposed exemption: what it changes, its scope, parameters, rules and legal route"
                        + " (rules/exemptions/*.yaml; see rules/README.md)", Set.of());
    }

    private static Exemption readExemption(Path root, Path file, ParameterTable baseline, Regions regions) {
        YamlFile yaml = YamlFile.open(file);
        ExemptionSpec s = yaml.read(ExemptionSpec.class);
        yaml.check(s.id().matches("[A-Z][A-Z0-9-]{0,19}"), "id", "expected an id such as E1");
        yaml.check(s.title().length() <= MAX_TITLE, "title", String.format(java.util.Locale.ROOT,
                "a title of %,d characters; at most %d (it heads the exemption's rows; say more in description)",
                s.title().length(), MAX_TITLE));
        List<String> ruleFiles = new ArrayList<>();
        List<String> rules = s.rules() == null ? List.of() : s.rules();
        Path exemptionsDir = root.resolve("exemptions");
        for (int i = 0; i < rules.size(); i++) {
            String at = "rules[" + i + "]";
            Path drl = file.toAbsolutePath().getParent().resolve(rules.get(i)).normalize();
            if (!yaml.check(drl.startsWith(exemptionsDir) && rules.get(i).endsWith(".drl"), at,
                    "expected a .drl file inside " + InputError.display(exemptionsDir) + ", got '" + rules.get(i)
                            + "'")) {
                continue;
            }
            if (!yaml.check(Files.isRegularFile(drl), at, "rule file not found: " + rules.get(i))) {
                continue;
            }
            yaml.check(insideRealPath(drl, exemptionsDir), at, "the rule file " + rules.get(i)
                    + " links to a file outside " + InputError.display(exemptionsDir));
            ruleFiles.add(root.relativize(drl).toString().replace('\\', '/'));
        }
        Map<String, Parameter> params = readOwnParameters(yaml, s.parameters(), baseline,
                "Exemption " + s.id() + " (design parameter)", file);
        ExemptionScope scope = readScope(yaml, s.scope(), regions);
        LegalRoute route = null;
        if (s.legalRoute() != null) {
            LegalRouteSpec r = s.legalRoute();
            int min = r.leadTimeMonths().min();
            int max = r.leadTimeMonths().max();
            yaml.check(max >= min, "legalRoute.leadTimeMonths", "expected 0 <= min <= max, got " + min
                    + " and " + max);
            List<LegalRoute.Part> parts = new ArrayList<>();
            List<RoutePartSpec> partSpecs = r.parts() == null ? List.of() : r.parts();
            for (int i = 0; i < partSpecs.size(); i++) {
                RoutePartSpec p = partSpecs.get(i);
                String at = "legalRoute.parts[" + i + "]";
                if (!yaml.check(p != null, at, "expected {covers, kind, who, leadTimeMonths, source}")) {
                    continue;
                }
                int pMin = p.leadTimeMonths().min();
                int pMax = p.leadTimeMonths().max();
                yaml.check(pMax >= pMin, at + ".leadTimeMonths", "expected 0 <= min <= max, got " + pMin + " and "
                        + pMax);
                parts.add(new LegalRoute.Part(p.covers().strip(), p.kind(), p.who().strip(), pMin, pMax,
                        p.source().strip()));
            }
            List<String> area = r.area() == null ? List.of() : r.area();
            for (int i = 0; i < area.size(); i++) {
                String problem = regions.scopeProblem(area.get(i));
                yaml.check(problem == null, "legalRoute.area[" + i + "]", problem);
            }
            route = new LegalRoute(r.kind(), r.who().strip(), min, max, r.source().strip(), parts,
                    regions.expand(area));
        }
        Exemption.TakeUpDeclaration takeUp = readTakeUp(yaml, s.takeUp());
        yaml.done();
        return new Exemption(s.id(), s.title(), s.description().strip(), s.mechanism().strip(), s.risk().strip(),
                s.source(), s.suspends() == null ? List.of() : s.suspends(), ruleFiles, params, scope, route, takeUp,
                InputError.display(file));
    }

    /**
     * The {@code parameters:} block of an exemption or a process support: dated values with a reference, or one value
     * with its source (in force from 2000-01, so from the declaration's start), each checked against its range.
     *
     * @param defaultReference the reference of a parameter that gives none and overrides no baseline parameter
     */
    static Map<String, Parameter> readOwnParameters(YamlFile yaml, Map<String, ParamSpec> specs,
            ParameterTable baseline, String defaultReference, Path file) {
        Map<String, Parameter> params = new LinkedHashMap<>();
        if (specs != null) {
            YearMonth from = YearMonth.of(2000, 1);
            specs.forEach((key, p) -> {
                String at = "parameters." + key;
                if (!yaml.check(p != null, at, "expected unit, reference and dated values (or value and source)")) {
                    return;
                }
                Parameter base = baseline.get(key);
                // an override of a baseline parameter is held to that parameter's range, unless it declares one
                Units.Range range = ParameterLoader.range(yaml, at, p.unit(), p.min(), p.max(),
                        base == null ? null : base.range());
                List<DatedValue> values;
                if (p.values() != null) {
                    yaml.check(p.value() == null && p.source() == null, at, "give either values: [...] or one value"
                            + " with its source, not both");
                    yaml.check(!p.values().isEmpty(), at + ".values", "at least one dated value is required");
                    values = ParameterLoader.datedValues(yaml, at, p.values(), range, p.unit());
                } else {
                    if (!yaml.check(p.value() != null && p.source() != null, at, "expected values: [{from, value,"
                            + " source}] or value and source")) {
                        return;
                    }
                    boolean unverified = Boolean.TRUE.equals(p.unverified());
                    yaml.check(!unverified || p.source().toLowerCase().contains("unverified"), at + ".source",
                            "an unverified value must say 'unverified' in its source");
                    String outside = Parameter.problem(p.value(), range, p.unit());
                    yaml.check(outside == null, at + ".value", outside);
                    values = List.of(new DatedValue(from, p.value(), p.source(), unverified));
                }
                if (values.isEmpty()) {
                    return;
                }
                String reference = p.reference() != null && !p.reference().isBlank() ? p.reference()
                        : base != null ? base.reference() : defaultReference;
                params.put(key, new Parameter(key, p.description() == null ? "" : p.description(), p.unit(),
                        reference, values, InputError.display(file), yaml.line(at), false, range));
            });
        }
        return params;
    }

    /** An exemption's {@code takeUp:} block: a claim (claimant, awareness, steps, source) or automatic, not both. */
    private static Exemption.TakeUpDeclaration readTakeUp(YamlFile yaml, TakeUpSpec t) {
        if (t == null) {
            return null;
        }
        if (t.automatic() != null) {
            yaml.check(t.claimant() == null && t.awareness() == null && t.steps() == null, "takeUp.automatic",
                    "an exemption applied without a claim has no claimant, awareness or steps");
            yaml.check(!t.automatic().isBlank(), "takeUp.automatic", "say who applies it without a claim, and why");
            return new Exemption.TakeUpDeclaration(null, 1, 0, t.automatic().strip(),
                    t.source() == null ? "" : t.source().strip());
        }
        yaml.check(t.claimant() == nl.fieldlab.sandbox.domain.Actor.EMPLOYER
                || t.claimant() == nl.fieldlab.sandbox.domain.Actor.WORKER, "takeUp.claimant",
                "expected EMPLOYER or WORKER (or automatic: why, for one applied without a claim), got " + t.claimant());
        yaml.check(t.awareness() != null, "takeUp.awareness", "expected the chance a claimant knows it (0 to 1)");
        yaml.check(t.steps() != null, "takeUp.steps", "expected the desks and forms of a claim");
        yaml.check(t.source() != null && !t.source().isBlank(), "takeUp.source",
                "expected the evidence for awareness and steps (or 'assumption, unverified')");
        return new Exemption.TakeUpDeclaration(t.claimant(), t.awareness() == null ? 0 : t.awareness(),
                t.steps() == null ? 0 : t.steps(), null, t.source() == null ? "" : t.source().strip());
    }

    /** An exemption's (or a process support's) scope as declared, checked field by field. */
    static ExemptionScope readScope(YamlFile yaml, ScopeSpec sc, Regions regions) {
        YearMonth scopeFrom = Months.parse(yaml, "scope.from", sc.from());
        YearMonth scopeUntil = Months.parse(yaml, "scope.until", sc.until());
        if (scopeFrom != null && scopeUntil != null) {
            yaml.check(!scopeFrom.isAfter(scopeUntil), "scope.until", "the scope ends (" + scopeUntil
                    + ") before it starts (from " + scopeFrom + "): it would cover no month");
        }
        if (sc.minAge() != null && sc.maxAge() != null && sc.maxAge() > 0) {
            yaml.check(sc.minAge() <= sc.maxAge(), "scope.maxAge", "maxAge " + sc.maxAge() + " is below minAge "
                    + sc.minAge() + ": the scope would cover no age (maxAge 0 means no upper limit)");
        }
        CapSpec cap = sc.cap() == null ? new CapSpec(null, null, null) : sc.cap();
        double staffShare = cap.staffShare() == null ? 0 : cap.staffShare();
        double budget = cap.budget() == null ? 0 : cap.budget();
        int participants = cap.participants() == null ? 0 : cap.participants();
        List<String> scopeRegions = sc.regions() == null ? List.of() : sc.regions();
        for (int i = 0; i < scopeRegions.size(); i++) {
            String problem = regions.scopeProblem(scopeRegions.get(i));
            yaml.check(problem == null, "scope.regions[" + i + "]", problem);
        }
        return new ExemptionScope(
                sc.questions() == null ? EnumSet.noneOf(QuestionType.class) : Set.copyOf(sc.questions()),
                regions.expand(scopeRegions),
                sc.statuses() == null ? Set.of() : Set.copyOf(sc.statuses()),
                sc.minAge() == null ? 0 : sc.minAge(),
                sc.maxAge() == null ? 0 : sc.maxAge(),
                Boolean.TRUE.equals(sc.technicalOnly()),
                scopeFrom, scopeUntil, staffShare, budget, participants, Boolean.TRUE.equals(sc.cohort()));
    }

    /** Whether a file, with every link followed, still lies inside {@code dir} (itself with links followed). */
    private static boolean insideRealPath(Path file, Path dir) {
        try {
            return file.toRealPath().startsWith(dir.toRealPath());
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * A file of the folder that may be missing: its path, hashed with the rest when it is there (and added to
     * {@code read}).
     */
    private static Path hashIfPresent(Path root, String name, SortedMap<String, String> hashes, List<SourceFile> read) {
        Path file = root.resolve(name);
        if (Files.isRegularFile(file)) {
            SourceFile f = read(root, file);
            hashes.put(f.path(), f.sha256());
            read.add(f);
        }
        return file;
    }

    private static SourceFile read(Path root, Path file) {
        String rel = root.relativize(file.toAbsolutePath().normalize()).toString().replace('\\', '/');
        // a regular file, read to a limit like every input (the largest shipped rule file is a few kilobytes)
        return SourceFile.of(rel, InputFile.read(file, YamlFile.MAX_BYTES, "a rule file"));
    }

    private static List<Path> files(Path dir, String suffix) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().endsWith(suffix))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new InputError(InputError.display(dir) + ": cannot list files: " + e.getMessage());
        }
    }
}
