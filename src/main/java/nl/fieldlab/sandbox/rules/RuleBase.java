package nl.fieldlab.sandbox.rules;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.io.ResourceType;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.AgendaFilter;
import org.kie.api.runtime.rule.Match;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderError;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.io.ResourceFactory;

import nl.fieldlab.sandbox.domain.Amount;
import nl.fieldlab.sandbox.domain.Block;
import nl.fieldlab.sandbox.domain.CourseFacts;
import nl.fieldlab.sandbox.domain.EmployerFacts;
import nl.fieldlab.sandbox.domain.Entitlement;
import nl.fieldlab.sandbox.domain.InGroup;
import nl.fieldlab.sandbox.domain.Obligation;
import nl.fieldlab.sandbox.domain.Payment;
import nl.fieldlab.sandbox.domain.Question;
import nl.fieldlab.sandbox.domain.QuestionType;
import nl.fieldlab.sandbox.domain.WorkerFacts;
import nl.fieldlab.sandbox.parameters.DatedValue;
import nl.fieldlab.sandbox.parameters.Parameter;
import nl.fieldlab.sandbox.parameters.ParameterTable;
import nl.fieldlab.sandbox.parameters.ParameterView;

/**
 * One variant's compiled rules: the baseline plus the variant's exemptions. Built once per run and shared by all
 * replications and threads. Exemption rules fire only for questions in the exemption's scope; baseline rules an
 * exemption suspends do not fire for those questions (an agenda filter enforces both, so the DRL files stay free
 * of scoping conditions).
 */
public final class RuleBase {

    private final Variant variant;
    private final RuleLibrary library;
    private final InternalKnowledgeBase kieBase;
    /**
     * Sessions reused from batch to batch (a new session per batch costs more than its rules on small batches); a
     * session holds no variant's state between batches, so variants sharing the compiled rules share the pool.
     */
    private final org.kie.api.runtime.KieSessionsPool sessions;
    private final SortedMap<String, RuleInfo> rules;
    private final Map<String, RuleInfo> ruleIndex;
    private final List<Exemption> exemptions;
    /** baseline rule id -> exemptions (of this variant) that suspend it */
    private final Map<String, Set<String>> suspendedBy;
    private final List<YearMonth> boundaries;
    private final FactUsage usage;
    private final Map<YearMonth, Map<String, Double>> resolved = new ConcurrentHashMap<>();
    private final Map<YearMonth, Map<Set<String>, ParameterView>> views = new ConcurrentHashMap<>();

    private RuleBase(Variant variant, RuleLibrary library, InternalKnowledgeBase kieBase,
            org.kie.api.runtime.KieSessionsPool sessions, SortedMap<String, RuleInfo> rules, List<Exemption> exemptions,
            Map<String, Set<String>> suspendedBy) {
        this.variant = variant;
        this.library = library;
        this.kieBase = kieBase;
        this.sessions = sessions;
        this.rules = Collections.unmodifiableSortedMap(rules);
        this.ruleIndex = new HashMap<>(rules);
        this.exemptions = List.copyOf(exemptions);
        this.suspendedBy = suspendedBy;
        this.boundaries = boundaries(library.parameters(), exemptions);
        List<SourceFile> files = new ArrayList<>(library.baselineRules());
        exemptions.forEach(e -> files.addAll(library.rulesOf(e)));
        this.usage = FactUsage.ofModels(files.stream().map(SourceFile::model).toList(),
                files.stream().map(SourceFile::text).toList(), this::parameterValues);
    }

    /** Every value a parameter can take in this rule base (dated values, exemption defaults, overrides), or null. */
    private double[] parameterValues(String key) {
        java.util.List<Double> values = new ArrayList<>();
        Parameter p = library.parameters().get(key);
        if (p != null) {
            p.values().forEach(v -> values.add(v.value()));
        }
        for (Exemption e : exemptions) {
            if (e.parameters().containsKey(key)) {
                e.parameters().get(key).values().forEach(v -> values.add(v.value()));
            }
        }
        if (variant.local().containsKey(key)) {
            values.add(variant.local().get(key));
        }
        if (variant.parameters().containsKey(key)) {
            values.add(variant.parameters().get(key));
        }
        return values.isEmpty() ? null : values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Which worker facts this rule base's rules read, per question type. */
    public FactUsage usage() {
        return usage;
    }

    public Variant variant() {
        return variant;
    }

    /**
     * The same compiled rules for another variant with the same exemptions: its name, parameter overrides and
     * municipal choices are facts the rules read, not code, so nothing is compiled again.
     *
     * @throws RuleCompileException when an override names a parameter the rules do not have
     */
    public RuleBase withVariant(Variant other) {
        if (!new TreeSet<>(other.exemptions()).equals(new TreeSet<>(variant.exemptions()))) {
            throw new IllegalArgumentException("variant " + other.name() + " has other exemptions than "
                    + variant.name() + ": compile it");
        }
        List<String> problems = parameterProblems(library, exemptions, other);
        problems.addAll(supportProblems(library, other));
        if (!problems.isEmpty()) {
            throw new RuleCompileException(problems);
        }
        // the scopes are the other variant's: a scope is read at run time, not compiled
        List<Exemption> scoped = exemptions.stream().map(e -> other.scoped(library.exemption(e.id()),
                library.regions())).toList();
        return new RuleBase(other, library, kieBase, sessions, rules, scoped, suspendedBy);
    }

    /**
     * Whether this rule base gives every question the answer {@code other} gives it: the same compiled rules, rule
     * library and variant (name, exemptions, parameter values, municipal choices), from which everything else here
     * follows.
     */
    public boolean sameAs(RuleBase other) {
        return this == other || kieBase == other.kieBase && library == other.library && variant.equals(other.variant);
    }

    /**
     * Whether {@code baseline} gives every question of this rule base that no exemption covers the answer this rule
     * base gives it, asked as {@code baseline} asks it ({@link Decider#asAsked}). Outside every scope the agenda filter
     * lets only baseline rules fire, so this holds when:
     * <ul>
     * <li>{@code baseline} has no exemptions and the same rule library (same baseline files);</li>
     * <li>both have the same municipal choices and the same overrides of baseline parameters;</li>
     * <li>every exemption rule here names its question {@code $q} (the filter tells a rule's scope by it);</li>
     * <li>no baseline rule names a parameter that only an exemption defines (its value differs between the two).</li>
     * </ul>
     */
    public boolean answersOutsideScopeLike(RuleBase baseline) {
        if (!baseline.exemptions.isEmpty() || baseline.library != library
                || !baseline.variant.local().equals(variant.local())
                || !baselineOverrides(baseline.variant).equals(baselineOverrides(variant))) {
            return false;
        }
        for (KiePackage pkg : kieBase.getKiePackages()) {
            for (Rule r : pkg.getRules()) {
                RuleInfo info = ruleIndex.get(r.getName());
                if (info != null && info.exemption() != null) {
                    var q = ((org.drools.base.definitions.rule.impl.RuleImpl) r).getDeclarations().get("$q");
                    if (q == null || q.getDeclarationClass() != Question.class) {
                        return false;
                    }
                }
            }
        }
        for (Exemption e : exemptions) {
            for (String name : e.parameters().keySet()) {
                if (!library.parameters().contains(name)
                        && library.baselineRules().stream().anyMatch(f -> f.text().contains('"' + name + '"'))) {
                    return false;
                }
            }
        }
        return true;
    }

    private Map<String, Double> baselineOverrides(Variant v) {
        Map<String, Double> out = new TreeMap<>(v.parameters());
        out.keySet().removeIf(k -> !library.parameters().contains(k));
        return out;
    }

    /** Whether two rule bases run the same compiled rules (for tests of the compile cache). */
    boolean sharesCodeWith(RuleBase other) {
        return kieBase == other.kieBase;
    }

    /** Overrides of parameters the rules and exemptions do not have, and municipal choices of national law. */
    private static List<String> parameterProblems(RuleLibrary library, List<Exemption> exemptions, Variant variant) {
        List<String> problems = new ArrayList<>();
        for (String key : variant.parameters().keySet()) {
            boolean known = library.parameters().contains(key)
                    || exemptions.stream().anyMatch(e -> e.parameters().containsKey(key))
                    || variant.supports().stream().map(library.supports()::get)
                            .anyMatch(s -> s != null && s.parameters().containsKey(key));
            if (!known) {
                String owner = library.supports().values().stream().filter(s -> s.parameters().containsKey(key))
                        .map(ProcessSupport::id).findFirst().orElse(null);
                problems.add("variant '" + variant.name() + "': " + (owner == null ? "unknown parameter '" + key + "'"
                        : "'" + key + "' is a parameter of support " + owner + ", which the variant does not name"));
            }
        }
        for (String key : variant.local().keySet()) {
            Parameter p = library.parameters().get(key);
            if (p == null || !p.municipal()) {
                problems.add("variant '" + variant.name() + "': '" + key + "' is not a municipal policy parameter");
            }
        }
        return problems;
    }

    public RuleLibrary library() {
        return library;
    }

    /** Every rule in this rule base, by id. */
    public SortedMap<String, RuleInfo> rules() {
        return rules;
    }

    public List<Exemption> exemptions() {
        return exemptions;
    }

    /** Exemptions of this variant that suspend the rule (for questions in their scope). */
    public Set<String> suspendedBy(String ruleId) {
        return suspendedBy.getOrDefault(ruleId, Set.of());
    }

    /**
     * Compiled packages by the content of their files (paths and hashes): the baseline's and each exemption's are
     * compiled once per process and wired into every rule base that uses them (most recent 32 kept), and kept on disk
     * for the next process ({@link CompiledRuleStore}).
     */
    private static final Map<String, Compiled> PACKAGES = new java.util.LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Compiled> eldest) {
            return size() > 32;
        }
    };

    /** Packages known in this process, and whether they came from the store rather than this process's compiler. */
    private record Compiled(List<KiePackage> packages, boolean stored) {
    }

    /** What a set of rule files is, for the caches: each file's path and content hash. */
    static String filesKey(List<SourceFile> files) {
        StringBuilder key = new StringBuilder();
        files.forEach(f -> key.append(f.path()).append('@').append(f.sha256()).append(';'));
        return key.toString();
    }

    /**
     * The compiled packages of {@code files}; throws their compile errors with file and line. {@code fresh}: only
     * packages this process compiled from the files' text, none read from a store.
     */
    private static List<KiePackage> packages(List<SourceFile> files, CompiledRuleStore store, boolean fresh) {
        String key = filesKey(files);
        synchronized (PACKAGES) {
            Compiled known = PACKAGES.get(key);
            if (known != null && !(fresh && known.stored())) {
                return known.packages();
            }
        }
        String storeKey = CompiledRuleStore.key(key);
        List<KiePackage> stored = store == null || fresh ? null : store.load(storeKey);
        if (stored != null) {
            synchronized (PACKAGES) {
                PACKAGES.put(key, new Compiled(stored, true));
            }
            return stored;
        }
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder();
        for (SourceFile f : files) {
            builder.add(ResourceFactory.newByteArrayResource(f.text().getBytes(StandardCharsets.UTF_8))
                    .setSourcePath(f.path()), ResourceType.DRL);
        }
        if (builder.hasErrors()) {
            List<String> problems = new ArrayList<>();
            for (KnowledgeBuilderError err : builder.getErrors()) {
                String where = err.getResource() == null ? "rules" : err.getResource().getSourcePath();
                int[] lines = err.getLines();
                int line = lines != null && lines.length > 0 ? lines[0] : 0;
                problems.add(where + (line > 0 ? ":" + line : "") + ": " + oneLine(err.getMessage()));
            }
            throw new RuleCompileException(problems);
        }
        List<KiePackage> compiled = List.copyOf(builder.getKnowledgePackages());
        if (store != null && !fresh) {
            store.save(storeKey, compiled); // before a rule base wires them in
        }
        synchronized (PACKAGES) {
            PACKAGES.put(key, new Compiled(compiled, false));
        }
        return compiled;
    }

    /** Every process support the variant names is one the library declares. */
    private static List<String> supportProblems(RuleLibrary library, Variant variant) {
        List<String> problems = new ArrayList<>();
        for (String id : variant.supports()) {
            if (!library.supports().containsKey(id)) {
                problems.add("variant '" + variant.name() + "': unknown support '" + id + "' (known: "
                        + (library.supports().isEmpty() ? "none in " + library.root().resolve("support")
                                : String.join(", ", library.supports().keySet())) + ")");
            }
        }
        return problems;
    }

    /** The variant's process supports, in the order it names them (see {@link ProcessSupport}). */
    public List<ProcessSupport> supports() {
        return variant.supports().stream().map(library.supports()::get).toList();
    }

    /** Compiles the baseline plus the variant's exemptions. Nothing is replaced when this throws. */
    public static RuleBase compile(RuleLibrary library, Variant variant) {
        return compile(library, variant, CompiledRuleStore.DEFAULT, false);
    }

    /**
     * As {@link #compile(RuleLibrary, Variant)} from the library's text alone: never from the compiled-rules store,
     * nor from packages this process read from it (for {@code verify}, which trusts nothing it did not compute).
     */
    public static RuleBase compileFresh(RuleLibrary library, Variant variant) {
        return compile(library, variant, null, true);
    }

    /** Forgets the packages compiled in this process (for tests of the store). */
    static void forgetCompiled() {
        synchronized (PACKAGES) {
            PACKAGES.clear();
        }
    }

    /** As {@link #compile(RuleLibrary, Variant)}, keeping compiled packages in {@code store} (null: none). */
    static RuleBase compile(RuleLibrary library, Variant variant, CompiledRuleStore store) {
        return compile(library, variant, store, false);
    }

    private static RuleBase compile(RuleLibrary library, Variant variant, CompiledRuleStore store, boolean fresh) {
        List<String> problems = new ArrayList<>();
        List<Exemption> exemptions = new ArrayList<>();
        for (String id : variant.exemptions()) {
            Exemption e = library.exemption(id);
            if (e == null) {
                problems.add("variant '" + variant.name() + "': unknown exemption '" + id + "' (known: "
                        + String.join(", ", library.exemptions().stream().map(Exemption::id).toList()) + ")");
            } else if (exemptions.stream().noneMatch(x -> x.id().equals(id))) {
                exemptions.add(variant.scoped(e, library.regions()));
            }
        }
        problems.addAll(parameterProblems(library, exemptions, variant));
        problems.addAll(supportProblems(library, variant));
        if (!problems.isEmpty()) {
            throw new RuleCompileException(problems);
        }

        List<SourceFile> files = new ArrayList<>(library.baselineRules());
        Map<String, String> exemptionOfFile = new HashMap<>();
        for (Exemption e : exemptions) {
            for (SourceFile f : library.rulesOf(e)) {
                files.add(f);
                exemptionOfFile.put(f.path(), e.id());
            }
        }
        problems.addAll(ForbiddenCalls.in(files));
        if (!problems.isEmpty()) {
            throw new RuleCompileException(problems);
        }
        List<KiePackage> packages = new ArrayList<>(packages(library.baselineRules(), store, fresh));
        for (Exemption e : exemptions) {
            List<KiePackage> own;
            try {
                own = packages(library.rulesOf(e), store, fresh);
            } catch (RuleCompileException alone) {
                own = null; // it may lean on the baseline's packages: compile everything together below
            }
            if (own == null) {
                packages = packages(files, store, fresh);
                break;
            }
            packages.addAll(own);
        }
        InternalKnowledgeBase kieBase = KnowledgeBaseFactory.newKnowledgeBase();
        synchronized (PACKAGES) {
            // packages already in another rule base are cloned by Drools before it wires them into this one; one
            // at a time, so that two builds never take the same package as unused
            kieBase.addPackages(packages);
        }

        Map<String, int[]> declared = new HashMap<>();
        Map<String, String> fileOfRule = new HashMap<>();
        for (SourceFile f : files) {
            for (DrlModel.Rule r : f.model().rules()) {
                String id = r.name();
                int line = r.line();
                String earlier = fileOfRule.putIfAbsent(id, f.path());
                if (earlier != null) {
                    problems.add(f.path() + ":" + line + ": rule id '" + id + "' is already used in " + earlier);
                }
                declared.put(id, new int[] {line});
            }
        }
        SortedMap<String, RuleInfo> infos = new TreeMap<>();
        for (var pkg : kieBase.getKiePackages()) {
            for (Rule r : pkg.getRules()) {
                String file = fileOfRule.getOrDefault(r.getName(), "?");
                int line = declared.containsKey(r.getName()) ? declared.get(r.getName())[0] : 0;
                Object source = r.getMetaData().get("source");
                if (source == null || source.toString().isBlank()) {
                    problems.add(file + ":" + line + ": rule '" + r.getName()
                            + "' has no @source(\"...\") naming the legal source it encodes");
                }
                String layer = file.contains("/classification/") ? "classification" : "decision";
                infos.put(r.getName(), new RuleInfo(r.getName(), file, line, source == null ? "" : source.toString(),
                        layer, exemptionOfFile.get(file)));
            }
        }
        Map<String, Set<String>> suspendedBy = new HashMap<>();
        for (Exemption e : exemptions) {
            for (String id : e.suspends()) {
                RuleInfo target = infos.get(id);
                if (target == null || !target.baseline()) {
                    problems.add(e.file() + ": exemption " + e.id() + " suspends '" + id
                            + "', which is not a baseline rule id");
                } else {
                    suspendedBy.computeIfAbsent(id, k -> new TreeSet<>()).add(e.id());
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new RuleCompileException(problems);
        }
        // one pool per compiled rule base, shared by the variants that differ only in parameter values
        return new RuleBase(variant, library, kieBase,
                kieBase.newKieSessionsPool(Math.max(2, Runtime.getRuntime().availableProcessors())), infos, exemptions,
                suspendedBy);
    }

    // ---------------------------------------------------------------- time and parameters

    /**
     * The first month of the period in which no parameter value and no exemption window changes. Two questions
     * whose months share this start get the same parameter values.
     */
    public YearMonth periodStart(YearMonth month) {
        YearMonth start = null;
        for (YearMonth b : boundaries) {
            if (b.isAfter(month)) {
                break;
            }
            start = b;
        }
        return start == null ? month : start;
    }

    private static List<YearMonth> boundaries(ParameterTable table, List<Exemption> exemptions) {
        TreeSet<YearMonth> months = new TreeSet<>();
        for (Parameter p : table.all()) {
            for (DatedValue v : p.values()) {
                months.add(v.from());
            }
        }
        for (Exemption e : exemptions) {
            e.parameters().values().forEach(p -> p.values().forEach(v -> months.add(v.from())));
            if (e.scope().from() != null) {
                months.add(e.scope().from());
            }
            if (e.scope().until() != null) {
                months.add(e.scope().until().plusMonths(1));
            }
        }
        return List.copyOf(months);
    }

    /** Parameter values for a question in {@code month} with the given exemptions in scope. */
    public ParameterView parameters(YearMonth month, Set<String> inScope) {
        Map<Set<String>, ParameterView> ofMonth = views.get(month);
        ParameterView known = ofMonth == null ? null : ofMonth.get(inScope);
        if (known != null) {
            return known;
        }
        return views.computeIfAbsent(month, m -> new ConcurrentHashMap<>()).computeIfAbsent(Set.copyOf(inScope), k -> {
            Map<String, Double> values = new HashMap<>(
                    resolved.computeIfAbsent(month, m -> library.parameters().resolve(m)));
            values.putAll(variant.local());
            // An exemption's own parameters are always visible (its rules' conditions are evaluated for every
            // question, the agenda filter decides what fires); its overrides of baseline values apply in scope only.
            for (Exemption e : exemptions) {
                boolean covered = inScope.contains(e.id());
                e.parameters().forEach((name, p) -> {
                    boolean own = !library.parameters().contains(name);
                    DatedValue v = p.at(month);
                    if (v == null && own) {
                        // before its first date an own parameter still has a value: the exemption's rules are
                        // evaluated (not fired) for every question
                        v = p.values().get(0);
                    }
                    if (v != null && (covered || own)) {
                        values.put(name, v.value());
                    }
                });
            }
            values.putAll(variant.parameters());
            return new ParameterView(month, values);
        });
    }

    /**
     * The parameter as defined for this variant (an exemption's own parameters included, and those of the process
     * supports it names), or null.
     */
    public Parameter parameter(String key) {
        Parameter p = library.parameters().get(key);
        if (p != null) {
            return p;
        }
        for (Exemption e : exemptions) {
            if (e.parameters().containsKey(key)) {
                return e.parameters().get(key);
            }
        }
        for (ProcessSupport s : supports()) {
            if (s.parameters().containsKey(key)) {
                return s.parameters().get(key);
            }
        }
        return null;
    }

    /**
     * The value in {@code month} of a process support's own parameter {@code name} ({@code bench-months} for
     * {@code p5.bench-months}) for this variant: the variant's override (scenario or {@code set}), else the dated value
     * in force, else its first value (a support's mechanism may be asked before its first date, as an exemption's
     * own parameters are).
     *
     * @throws IllegalArgumentException when the support does not declare it (the loader checks what a kind needs)
     */
    public double supportValue(ProcessSupport support, String name, YearMonth month) {
        String key = support.key(name);
        Double own = variant.parameters().get(key);
        if (own != null) {
            return own;
        }
        Parameter p = support.parameters().get(key);
        if (p == null) {
            throw new IllegalArgumentException("support " + support.id() + " declares no parameter " + key);
        }
        DatedValue v = p.at(month);
        return (v == null ? p.values().get(0) : v).value();
    }

    /** Decides which of this variant's exemptions cover a question; caps are checked by {@code caps}. */
    public Set<String> inScope(QuestionType type, WorkerFacts w, EmployerFacts e, CourseFacts c, YearMonth month,
            CapCheck caps) {
        if (exemptions.isEmpty()) {
            return Set.of();
        }
        Set<String> ids = null;
        for (Exemption ex : exemptions) {
            if (ex.scope().covers(type, w, e, c, month) && (caps == null || caps.admits(ex, e))) {
                if (ids == null) {
                    ids = new TreeSet<>();
                }
                ids.add(ex.id());
            }
        }
        return ids == null ? Set.of() : ids;
    }

    /** Whether an exemption still has room under its caps for one more admission. */
    @FunctionalInterface
    public interface CapCheck {
        boolean admits(Exemption exemption, EmployerFacts employer);
    }

    // ---------------------------------------------------------------- deciding

    /**
     * Answers a batch of distinct questions in one rule session. The answers are in the order of the questions.
     *
     * <p>The batch runs under a budget ({@link RuleBudget}, read per batch): a question may fire so many rules, the
     * batch so many in all, and it may take so long ({@link RuleWatchdog} halts or stops it). A rule that breaks the
     * budget, recurses until the stack runs out or allocates until the heap does is named in a
     * {@link RuleRunawayException}. A session that failed is dropped, never returned to the pool.
     *
     * @throws RuleRuntimeException when a rule fails (a missing parameter, a conflict) or runs away
     */
    public List<Answer> decide(List<Question> questions) {
        if (questions.isEmpty()) {
            return List.of();
        }
        RuleBudget budget = RuleBudget.current();
        KieSession session = sessions.newKieSession();
        Recorder recorder = new Recorder(ruleIndex, session, budget.firingsPerQuestion());
        session.addEventListener((org.kie.api.event.rule.RuleRuntimeEventListener) recorder);
        session.addEventListener((org.kie.api.event.rule.AgendaEventListener) recorder.agenda);
        boolean reusable = false;
        RuleWatchdog.Batch batch = RuleWatchdog.watch(session, recorder::firing, budget);
        try {
            List<Answer> answers;
            try {
                answers = fire(session, recorder, questions, batch);
            } finally {
                batch.finish();
            }
            if (batch.overTime()) {
                throw overTime(batch, recorder, null); // halted as it ended: over budget, and not to be reused
            }
            reusable = true;
            return answers;
        } catch (Throwable t) {
            throw failure(t, batch, recorder, questions.size());
        } finally {
            batch.finish(); // again, should a stop have been delivered inside the first call
            if (reusable) {
                session.removeEventListener((org.kie.api.event.rule.RuleRuntimeEventListener) recorder);
                session.removeEventListener((org.kie.api.event.rule.AgendaEventListener) recorder.agenda);
                session.dispose(); // back to the pool, emptied
            }
            // else dropped: halted or stopped in the middle of a firing, it may be in any state
        }
    }

    private List<Answer> fire(KieSession session, Recorder recorder, List<Question> questions,
            RuleWatchdog.Batch batch) {
        for (Question q : questions) {
            session.insert(q);
        }
        long allowed = Math.min(Integer.MAX_VALUE - 1L, batch.budget().batchFirings(questions.size()));
        int fired = exemptions.isEmpty() ? session.fireAllRules((int) allowed + 1)
                : session.fireAllRules(this::accept, (int) allowed + 1);
        if (recorder.overBudget != null) {
            throw runaway(recorder.overBudget, "fired more than " + count(batch.budget().firingsPerQuestion())
                    + " times for one question (-D" + RuleBudget.FIRINGS_PROPERTY + " sets the budget); a rule that"
                    + " makes a new fact each time it fires never ends", null);
        }
        if (batch.overTime()) {
            throw overTime(batch, recorder, null);
        }
        if (fired > allowed) {
            throw runaway(recorder.last, "fired last when the rules had fired " + count(allowed) + " times for "
                    + count(questions.size()) + " question" + (questions.size() == 1 ? "" : "s") + " (-D"
                    + RuleBudget.FIRINGS_PROPERTY + " sets the budget); a rule that makes a new fact each time it fires,"
                    + " or rules that make facts for each other, never end", null);
        }
        Map<Question, Builder> byQuestion = new IdentityHashMap<>();
        for (Question q : questions) {
            byQuestion.put(q, new Builder());
        }
        for (Object o : session.getObjects()) {
            recorder.collect(o, byQuestion, ruleIndex);
        }
        recorder.fired.forEach((q, ids) -> {
            Builder b = byQuestion.get(q);
            if (b != null) {
                b.fired.addAll(ids);
            }
        });
        List<Answer> answers = new ArrayList<>(questions.size());
        for (Question q : questions) {
            answers.add(byQuestion.get(q).build(ruleIndex));
        }
        return answers;
    }

    /** What a batch that threw becomes: a runaway naming the rule, a rule's failure, or (a bug) itself. */
    private RuntimeException failure(Throwable t, RuleWatchdog.Batch batch, Recorder recorder, int questions) {
        if (t instanceof RuleRunawayException r) {
            return r;
        }
        if (batch.stopped() || batch.overTime()) {
            return overTime(batch, recorder, t);
        }
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof StackOverflowError) {
                return runaway(recorder.current, "ran out of stack: it (or a function it calls) calls itself without"
                        + " end", t);
            }
            if (c instanceof OutOfMemoryError) {
                return runaway(recorder.current, "ran out of memory (" + count(questions) + " question"
                        + (questions == 1 ? "" : "s") + " in the batch): it keeps what it makes without end", t);
            }
        }
        if (t instanceof RuntimeException e) {
            return RuleRuntimeException.wrap(e, recorder.current);
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new IllegalStateException(t);
    }

    private RuleRunawayException overTime(RuleWatchdog.Batch batch, Recorder recorder, Throwable cause) {
        String rule = recorder.current != null ? recorder.current : batch.firingAtDeadline();
        return runaway(rule != null ? rule : recorder.last, "did not finish within " + batch.budget().secondsText()
                + " s, the time budget of a batch of questions (-D" + RuleBudget.SECONDS_PROPERTY + " sets it)",
                cause);
    }

    /** "file:line: rule X WHAT; stopped". */
    private RuleRunawayException runaway(String rule, String what, Throwable cause) {
        RuleInfo info = rule == null ? null : ruleIndex.get(rule);
        String where = info == null ? "" : info.file() + (info.line() > 0 ? ":" + info.line() : "") + ": ";
        return new RuleRunawayException(rule, where + (rule == null ? "a rule" : "rule " + rule) + " " + what
                + "; stopped", cause);
    }

    private static String count(long n) {
        return String.format(java.util.Locale.ROOT, "%,d", n);
    }

    /** Convenience for one question. */
    public Answer decide(Question q) {
        return decide(List.of(q)).get(0);
    }

    /** Exemption rules fire only in their exemption's scope; suspended baseline rules only outside it. */
    private boolean accept(Match match) {
        String id = match.getRule().getName();
        RuleInfo info = ruleIndex.get(id);
        Set<String> by = suspendedBy.get(id);
        if (info == null || (info.exemption() == null && by == null)) {
            return true;
        }
        Question q = questionOf(match);
        if (q == null) {
            return true;
        }
        if (info.exemption() != null) {
            return q.inScope(info.exemption());
        }
        for (String ex : by) {
            if (q.inScope(ex)) {
                return false;
            }
        }
        return true;
    }

    /** The question a match is about: bound as {@code $q} by convention, else found among the matched facts. */
    private static Question questionOf(Match match) {
        try {
            if (match.getDeclarationValue("$q") instanceof Question q) {
                return q;
            }
        } catch (RuntimeException e) {
            // a rule without a $q declaration: look at its facts
        }
        for (Object o : match.getObjects()) {
            if (o instanceof Question q) {
                return q;
            }
        }
        return null;
    }

    /** Notes and reasons, one copy each: a rule writes the same few texts into many cached answers. */
    private static final Map<String, String> TEXTS = new ConcurrentHashMap<>();

    private static String shared(String text) {
        if (text == null) {
            return null;
        }
        String known = TEXTS.get(text);
        if (known != null) {
            return known;
        }
        if (TEXTS.size() >= 50_000) {
            return text; // texts with worker-specific figures: not worth keeping
        }
        known = TEXTS.putIfAbsent(text, text);
        return known == null ? text : known;
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").strip();
    }

    /**
     * Attributes every inserted outcome fact to the rule that inserted it, and records which rules fired. A fact
     * also carries the exemption it derives from: the exemption of the rule that inserted it, or of a fact that rule
     * matched (a baseline rule paying an amount an exemption's rule set pays on that exemption's account, so that its
     * budget counts it).
     */
    private static final class Recorder extends DefaultRuleRuntimeEventListener {
        final Map<Object, String> insertedBy = new IdentityHashMap<>();
        final Map<Object, String> exemptionOf = new IdentityHashMap<>();
        final Map<Question, List<String>> fired = new IdentityHashMap<>();
        final Map<String, RuleInfo> infos;
        private final KieSession session;
        private final int firingsPerQuestion;
        /** The rule whose consequence runs now; volatile: the watchdog reads it to name a rule that hangs. */
        volatile String current;
        String currentExemption;
        /** The rule that fired last. */
        String last;
        /** The first rule that fired beyond the budget of one question, or null. */
        String overBudget;

        Recorder(Map<String, RuleInfo> infos, KieSession session, int firingsPerQuestion) {
            this.infos = infos;
            this.session = session;
            this.firingsPerQuestion = firingsPerQuestion;
        }

        String firing() {
            return current;
        }

        final DefaultAgendaEventListener agenda = new DefaultAgendaEventListener() {
            @Override
            public void beforeMatchFired(BeforeMatchFiredEvent event) {
                current = event.getMatch().getRule().getName();
                RuleInfo info = infos.get(current);
                currentExemption = info == null ? null : info.exemption();
                if (currentExemption == null && !exemptionOf.isEmpty()) {
                    for (Object o : event.getMatch().getObjects()) {
                        String ex = exemptionOf.get(o);
                        if (ex != null) {
                            currentExemption = ex;
                            break;
                        }
                    }
                }
            }

            @Override
            public void afterMatchFired(AfterMatchFiredEvent event) {
                String rule = event.getMatch().getRule().getName();
                Question q = questionOf(event.getMatch());
                if (q != null) {
                    List<String> ids = fired.computeIfAbsent(q, k -> new ArrayList<>());
                    ids.add(rule);
                    if (ids.size() > firingsPerQuestion && overBudget == null) {
                        overBudget = rule;
                        session.halt(); // after this firing; decide reports it
                    }
                }
                last = rule;
                current = null;
                currentExemption = null;
            }
        };

        @Override
        public void objectInserted(ObjectInsertedEvent event) {
            if (event.getRule() != null) {
                insertedBy.put(event.getObject(), event.getRule().getName());
                if (currentExemption != null) {
                    exemptionOf.put(event.getObject(), currentExemption);
                }
            }
        }

        void collect(Object o, Map<Question, Builder> byQuestion, Map<String, RuleInfo> infos) {
            String rule = insertedBy.getOrDefault(o, "?");
            if (o instanceof Block b) {
                at(byQuestion, b.question()).blocks.add(new Answer.BlockLine(rule, shared(b.reason())));
            } else if (o instanceof Entitlement e) {
                at(byQuestion, e.question()).entitlements.add(new Answer.ValueLine(rule, e.key(), e.value()));
            } else if (o instanceof Obligation ob) {
                at(byQuestion, ob.question()).obligations.add(new Answer.ValueLine(rule, ob.kind(), ob.value()));
            } else if (o instanceof Amount a) {
                at(byQuestion, a.question()).amounts.add(new Answer.ValueLine(rule, a.key(), a.value()));
            } else if (o instanceof Payment p) {
                RuleInfo info = infos.get(rule);
                at(byQuestion, p.question()).payments.add(new Answer.PaymentLine(rule, p.type(), p.payer(),
                        p.payee(), p.amount(), p.fromMonth(), p.toMonth(), shared(p.note()),
                        info != null && info.exemption() != null ? info.exemption() : exemptionOf.get(o)));
            } else if (o instanceof InGroup g) {
                at(byQuestion, g.question()).groups.add(new Answer.GroupLine(rule, g.group()));
            }
        }

        private static Builder at(Map<Question, Builder> byQuestion, Question q) {
            Builder b = byQuestion.get(q);
            if (b == null) {
                throw new IllegalStateException("a rule produced an outcome for a question not in the batch: " + q);
            }
            return b;
        }
    }

    private static final class Builder {
        final List<Answer.BlockLine> blocks = new ArrayList<>();
        final List<Answer.ValueLine> entitlements = new ArrayList<>();
        final List<Answer.ValueLine> obligations = new ArrayList<>();
        final List<Answer.ValueLine> amounts = new ArrayList<>();
        final List<Answer.PaymentLine> payments = new ArrayList<>();
        final List<Answer.GroupLine> groups = new ArrayList<>();
        final TreeSet<String> fired = new TreeSet<>();

        Answer build(Map<String, RuleInfo> infos) {
            java.util.Set<String> used = new TreeSet<>();
            for (String id : fired) {
                RuleInfo info = infos.get(id);
                if (info != null && info.exemption() != null) {
                    used.add(info.exemption());
                }
            }
            return new Answer(blocks, entitlements, obligations, amounts, payments, groups, List.copyOf(fired), used);
        }
    }
}
