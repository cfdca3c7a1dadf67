package nl.fieldlab.sandbox.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import nl.fieldlab.sandbox.domain.Actor;
import nl.fieldlab.sandbox.domain.Education;
import nl.fieldlab.sandbox.domain.Household;
import nl.fieldlab.sandbox.domain.PaymentType;
import nl.fieldlab.sandbox.domain.Question;
import nl.fieldlab.sandbox.domain.Status;
import nl.fieldlab.sandbox.parameters.Parameter;
import nl.fieldlab.sandbox.rules.Answer;
import nl.fieldlab.sandbox.rules.Exemption;
import nl.fieldlab.sandbox.rules.RuleBase;
import nl.fieldlab.sandbox.rules.RuleInfo;
import nl.fieldlab.sandbox.rules.RuleLibrary;
import nl.fieldlab.sandbox.rules.SourceFile;
import nl.fieldlab.sandbox.rules.Variant;
import nl.fieldlab.sandbox.scenario.Scenario;
import nl.fieldlab.sandbox.simulation.Metrics;
import nl.fieldlab.sandbox.simulation.Person;
import nl.fieldlab.sandbox.simulation.Simulator;
import nl.fieldlab.sandbox.simulation.Trace;
import nl.fieldlab.sandbox.stats.Comparison;
import nl.fieldlab.sandbox.stats.Summary;

/**
 * Explains runs, OpenFisca-trace style: one worker's path month by month with the rule behind every decision
 * ({@link #explain}), where two variants part ways for a worker ({@link #diff}), and which rules block most
 * ({@link #friction}). Builds data only; the shell prints it.
 */
@Service
public class Explainer {

    private static final Set<PaymentType> BENEFITS = Set.of(PaymentType.WW_BENEFIT, PaymentType.BIJSTAND_BENEFIT,
            PaymentType.WAJONG_BENEFIT);

    private final Workbench workbench;
    private final Path defaultScenario;

    @Autowired
    public Explainer(Workbench workbench,
            @Value("${fieldlab.scenario:scenarios/default.yaml}") String defaultScenario) {
        this.workbench = workbench;
        this.defaultScenario = Path.of(defaultScenario);
    }

    public Explainer(Workbench workbench) {
        this(workbench, "scenarios/default.yaml");
    }

    // ------------------------------------------------------------------ results

    /** How the rules answered a step: allowed, blocked, or not asked (an event without a question). */
    public enum Decision {
        ALLOWED, BLOCKED, NONE
    }

    /** Who the worker is at the start. */
    public record WorkerProfile(int id, String group, Status status, int age, Education education, String field,
            String region, Household household, int wageValuePct, double dailyWage, int workHistoryYears,
            int monthsUnemployed, boolean meetsMeansTest, boolean disabled, boolean illnessBenefitBefore,
            String background) {
    }

    /** A parameter value a rule read, as in force for the question. */
    public record ParamValue(String key, double value, String unit) {
    }

    /**
     * A rule that shaped an answer.
     *
     * @param effects what it did: {@code blocks: reason}, {@code entitles key = v}, {@code pays ...}
     * @param parameters the parameters its DRL reads (and their values for this question)
     * @param sources    the sources its {@code @source} names, resolved in sources.yaml: title, issuer, identifier
     */
    public record RuleUse(String ruleId, String source, String where, String exemption, List<String> effects,
            List<ParamValue> parameters, List<String> sources) {
    }

    /**
     * One thing that happened to the worker, with the rules' answer when the rules were asked. Later events that
     * share the answer (blocked, hired, course started) are folded in as outcomes; {@code mechanisms} are the
     * behavioural mechanisms that decided the step and its outcomes (mechanisms.yaml).
     */
    public record Step(int month, String kind, String detail, Decision decision, Question question, Answer answer,
            List<RuleUse> rules, List<String> outcomes, List<String> mechanisms) {

        /** The step as one line: {@code kind: detail}. */
        public String title() {
            return detail == null || detail.isBlank() ? kind : kind + ": " + detail;
        }

        /** Ids of the rules that blocked, or that set a line of the answer. */
        public List<String> ruleIds() {
            return rules.stream().map(RuleUse::ruleId).toList();
        }
    }

    /** Money paid in one month under one payment line (summed over spells). */
    public record PaymentRow(int month, PaymentType type, Actor payer, Actor payee, double amount, String ruleId,
            String exemption) {
    }

    /** One simulated month of the worker's path. */
    public record MonthBlock(int month, YearMonth yearMonth, List<Step> steps, List<PaymentRow> payments) {
    }

    /** What followed: first placement, trials, courses, money, months on a benefit. */
    public record Consequences(int firstPlacement, YearMonth firstPlacementMonth, List<String> trials,
            List<String> courses, int monthsOnBenefit, Map<Actor, Double> paidBy, Map<Actor, Double> receivedBy) {
    }

    /** One worker's path through one replication of one variant. */
    public record Explanation(String scenarioId, String variant, int replication, YearMonth start, int months,
            WorkerProfile worker, List<MonthBlock> monthBlocks, Consequences consequences) {

        public List<Step> steps() {
            return monthBlocks.stream().flatMap(b -> b.steps().stream()).toList();
        }

        public YearMonth monthOf(int m) {
            return start.plusMonths(m);
        }
    }

    /** An exemption rule that shaped the variant's answer, with the sources its {@code @source} names, resolved. */
    public record ExemptionClause(String exemption, String title, String ruleId, String source, List<String> effects,
            List<ParamValue> parameters, List<String> sources) {
    }

    /**
     * Where two variants part ways for one worker.
     *
     * @param differs        false when the paths are the same throughout
     * @param month          the first month in which they differ, or -1
     * @param baseStep       the base variant's first differing step (null when it has none there)
     * @param otherStep      the other variant's first differing step (null when it has none there)
     * @param baseRules      the base rules that blocked or priced the base decision (and are not in the other answer)
     * @param otherRules     the rules of the other answer that are not in the base answer
     * @param clauses        exemption rules that fired in the other variant's answer
     * @param suspended      base rule id -> exemptions of the other variant that suspend it; only rules that fired in
     *                       the base answer
     * @param paramChanges   parameters read by the answers' rules whose values differ: key -> [base, other]
     * @param causeKind      what made them part
     * @param cause          a sentence saying why the paths part here
     */
    public record Diff(String scenarioId, String base, String other, int replication, WorkerProfile worker,
            boolean differs, int month, YearMonth yearMonth, Step baseStep, Step otherStep, List<RuleUse> baseRules,
            List<RuleUse> otherRules, List<ExemptionClause> clauses, Map<String, Set<String>> suspended,
            Map<String, double[]> paramChanges, Cause causeKind, String cause, Explanation baseExplanation,
            Explanation otherExplanation) {
    }

    /** Why two paths part: an exemption's rules, other parameter values, other facts, the market, or not at all. */
    public enum Cause {
        EXEMPTION, PARAMETERS, FACTS, MARKET, PAYMENTS, NONE
    }

    /** What applying an exemption that suspends a rule changed in the last run (paired, to the baseline). */
    public record ExemptionEffect(String exemption, String title, String variant, Summary placements,
            Summary blocked) {

        public boolean wasRun() {
            return variant != null;
        }
    }

    /** One blocking rule with how often it blocked, what lifting it did, and the sources it cites, resolved. */
    public record FrictionRow(String ruleId, String source, String where, String origin, Summary blocked,
            List<ExemptionEffect> exemptions, List<String> sources) {
    }

    /** Rules ranked by the actions they blocked in one variant of the last run. */
    public record Friction(String scenarioId, String variant, int replications, Path reportDir,
            List<FrictionRow> rows) {
    }

    // ------------------------------------------------------------------ scenario and variants

    /** The session's scenario (what-if applied); loads the default scenario when none is loaded. */
    public Scenario scenario() {
        Scenario s = workbench.scenario();
        if (s == null && Files.isRegularFile(defaultScenario)) {
            s = workbench.loadScenario(defaultScenario);
        }
        if (s == null) {
            s = workbench.requireScenario();
        }
        return workbench.effective(s);
    }

    /**
     * A variant of the scenario by name; an exemption id (or ids joined by {@code +}) that is not a variant of the
     * scenario also works, as the baseline plus those exemptions.
     */
    public Variant variant(Scenario s, String name) {
        String n = name == null || name.isBlank() ? Variant.BASELINE : name.strip();
        Variant v = s.variant(n);
        if (v != null) {
            return v;
        }
        if (n.equals(Variant.BASELINE)) {
            return Variant.baseline();
        }
        RuleLibrary library = workbench.rules().library();
        List<String> ids = List.of(n.split("\\+"));
        if (ids.stream().allMatch(id -> library.exemption(id) != null)) {
            return new Variant(n, ids, Map.of());
        }
        throw new CommandFailure(ExitCodes.BAD_INPUT, "unknown variant '" + n + "' (scenario " + s.id() + " has: "
                + String.join(", ", s.variants().stream().map(Variant::name).toList()) + "; exemptions: "
                + String.join(", ", library.exemptions().stream().map(Exemption::id).toList()) + ")");
    }

    private void checkWorker(Scenario s, int worker) {
        if (worker < 0 || worker >= s.workerCount()) {
            throw new CommandFailure(ExitCodes.BAD_INPUT, "no worker " + worker + " in scenario " + s.id()
                    + " (workers are 0 to " + (s.workerCount() - 1) + ", in the order of the scenario's groups)");
        }
    }

    private static void checkReplication(Scenario s, int replication) {
        if (replication < 0 || replication >= s.replications()) {
            throw new CommandFailure(ExitCodes.BAD_INPUT, "no replication " + replication + " in scenario " + s.id()
                    + " (replications are 0 to " + (s.replications() - 1) + ")");
        }
    }

    /** The first worker id of each worker group, with the group's name (for completion and help). */
    public static Map<Integer, String> firstWorkerOfEachGroup(Scenario s) {
        Map<Integer, String> out = new LinkedHashMap<>();
        int id = 0;
        for (var g : s.workers()) {
            out.put(id, g.group());
            id += g.count();
        }
        return out;
    }

    // ------------------------------------------------------------------ explain

    /** One worker's path in one replication of a variant, with the rule behind every decision. */
    public Explanation explain(int worker, String variant, int replication) {
        Scenario s = scenario();
        checkWorker(s, worker);
        checkReplication(s, replication);
        Variant v = variant(s, variant);
        RuleBase base = workbench.rules().forVariants(List.of(v), 1).get(v.name());
        return explain(s, base, v.name(), worker, replication, new RuleTexts(workbench.rules().library()));
    }

    private Explanation explain(Scenario s, RuleBase base, String variant, int worker, int replication,
            RuleTexts texts) {
        Person p = Simulator.population(s, replication)[worker];
        Recorder rec = new Recorder();
        Simulator.trace(s, base, replication, worker, rec);
        WorkerProfile profile = new WorkerProfile(p.id(), s.workers().get(p.group()).group(), p.status(),
                p.ageAtStart(), p.education(), s.workers().get(p.group()).field(), p.region(), p.household(),
                p.wageValuePct(), p.dailyWage(), p.workHistoryYears(), p.monthsUnemployed(), p.meetsMeansTest(),
                p.disabled(), p.illnessBenefitBefore(), p.background());

        // steps, folding events that share an answer into the step that asked
        Map<Integer, List<Step>> stepsByMonth = new TreeMap<>();
        Step last = null;
        List<String> lastOutcomes = null;
        for (Event e : rec.events) {
            if (last != null && e.answer != null && e.answer == last.answer() && e.month == last.month()) {
                lastOutcomes.add(e.detail.isBlank() ? e.kind : e.kind + ": " + e.detail);
                if (e.mechanism != null && !last.mechanisms().contains(e.mechanism)) {
                    last.mechanisms().add(e.mechanism);
                }
                continue;
            }
            Decision d = e.answer == null ? Decision.NONE : e.answer.allowed() ? Decision.ALLOWED : Decision.BLOCKED;
            List<String> outcomes = new ArrayList<>();
            List<String> mechanisms = new ArrayList<>();
            if (e.mechanism != null) {
                mechanisms.add(e.mechanism);
            }
            Step step = new Step(e.month, e.kind, e.detail, d, e.question, e.answer,
                    e.answer == null ? List.of() : ruleUses(e.question, e.answer, base, texts), outcomes, mechanisms);
            stepsByMonth.computeIfAbsent(e.month, k -> new ArrayList<>()).add(step);
            last = step;
            lastOutcomes = outcomes;
        }

        // payments: per month and payment line
        Map<Integer, Map<List<Object>, double[]>> paid = new TreeMap<>();
        Map<List<Object>, Answer.PaymentLine> lineOf = new HashMap<>();
        for (Paid x : rec.paid) {
            Answer.PaymentLine l = x.line;
            List<Object> key = List.of(l.type(), l.payer(), l.payee(), l.ruleId());
            lineOf.putIfAbsent(key, l);
            paid.computeIfAbsent(x.month, k -> new LinkedHashMap<>()).computeIfAbsent(key, k -> new double[1])[0] +=
                    l.amount();
        }
        TreeSet<Integer> months = new TreeSet<>(stepsByMonth.keySet());
        months.addAll(paid.keySet());
        List<MonthBlock> blocks = new ArrayList<>();
        for (int m : months) {
            List<PaymentRow> rows = new ArrayList<>();
            paid.getOrDefault(m, Map.of()).forEach((key, amount) -> {
                Answer.PaymentLine l = lineOf.get(key);
                rows.add(new PaymentRow(m, l.type(), l.payer(), l.payee(), amount[0], l.ruleId(), l.exemption()));
            });
            blocks.add(new MonthBlock(m, s.start().plusMonths(m), List.copyOf(stepsByMonth.getOrDefault(m, List.of())),
                    rows));
        }
        return new Explanation(s.id(), variant, replication, s.start(), s.months(), profile, blocks,
                consequences(s, rec));
    }

    private static Consequences consequences(Scenario s, Recorder rec) {
        int firstPlacement = -1;
        List<String> trials = new ArrayList<>();
        List<String> courses = new ArrayList<>();
        for (Event e : rec.events) {
            String when = s.start().plusMonths(e.month) + " ";
            String what = e.detail.isBlank() ? e.kind : e.kind + " (" + e.detail + ")";
            if (e.kind.equals("hired") && firstPlacement < 0) {
                firstPlacement = e.month;
            }
            if (e.kind.startsWith("trial ")) {
                trials.add(when + what.substring("trial ".length()));
            } else if (e.kind.startsWith("course ")) {
                courses.add(when + what.substring("course ".length()));
            }
        }
        Map<Actor, Double> paidBy = new EnumMap<>(Actor.class);
        Map<Actor, Double> receivedBy = new EnumMap<>(Actor.class);
        Set<Integer> benefitMonths = new TreeSet<>();
        for (Paid x : rec.paid) {
            paidBy.merge(x.line.payer(), x.line.amount(), Double::sum);
            receivedBy.merge(x.line.payee(), x.line.amount(), Double::sum);
            if (BENEFITS.contains(x.line.type()) && x.line.payee() == Actor.WORKER) {
                benefitMonths.add(x.month);
            }
        }
        return new Consequences(firstPlacement, firstPlacement < 0 ? null : s.start().plusMonths(firstPlacement),
                trials, courses, benefitMonths.size(), paidBy, receivedBy);
    }

    /** The rules that decided an answer: the blocking rules when blocked, else every rule that set a line. */
    private static List<RuleUse> ruleUses(Question q, Answer a, RuleBase base, RuleTexts texts) {
        Map<String, List<String>> effects = effects(a);
        List<RuleUse> out = new ArrayList<>();
        if (!a.allowed()) {
            for (Answer.BlockLine b : a.blocks()) {
                if (out.stream().noneMatch(u -> u.ruleId().equals(b.ruleId()))) {
                    out.add(use(b.ruleId(), effects.get(b.ruleId()), q, base, texts));
                }
            }
            return out;
        }
        effects.forEach((id, e) -> out.add(use(id, e, q, base, texts)));
        return out;
    }

    /** What each rule did in an answer, by rule id (in order of id). */
    private static Map<String, List<String>> effects(Answer a) {
        Map<String, List<String>> m = new TreeMap<>();
        for (Answer.BlockLine b : a.blocks()) {
            m.computeIfAbsent(b.ruleId(), k -> new ArrayList<>()).add("blocks: " + b.reason());
        }
        for (Answer.GroupLine g : a.groups()) {
            m.computeIfAbsent(g.ruleId(), k -> new ArrayList<>()).add("classifies: " + g.group());
        }
        for (Answer.ValueLine v : a.entitlements()) {
            m.computeIfAbsent(v.ruleId(), k -> new ArrayList<>()).add("entitles " + v.key() + " = " + num(v.value()));
        }
        for (Answer.ValueLine v : a.obligations()) {
            m.computeIfAbsent(v.ruleId(), k -> new ArrayList<>()).add("obliges " + v.key() + " = " + num(v.value()));
        }
        for (Answer.ValueLine v : a.amounts()) {
            m.computeIfAbsent(v.ruleId(), k -> new ArrayList<>()).add("sets " + v.key() + " = " + num(v.value()));
        }
        for (Answer.PaymentLine p : a.payments()) {
            m.computeIfAbsent(p.ruleId(), k -> new ArrayList<>()).add("pays " + p.type() + " " + p.payer() + " -> "
                    + p.payee() + " " + money(p.amount()) + (p.toMonth() >= 999 ? " from spell month " + p.fromMonth() + " on"
                    : p.fromMonth() == p.toMonth() ? " in spell month " + p.fromMonth()
                    : " in spell months " + p.fromMonth() + "-" + p.toMonth()));
        }
        for (String id : a.fired()) {
            m.computeIfAbsent(id, k -> new ArrayList<>());
        }
        return m;
    }

    private static RuleUse use(String id, List<String> effects, Question q, RuleBase base, RuleTexts texts) {
        RuleInfo info = base.rules().get(id);
        List<ParamValue> params = new ArrayList<>();
        if (info != null && q != null) {
            for (String key : texts.parametersOf(info)) {
                if (q.has(key)) {
                    Parameter p = base.parameter(key);
                    params.add(new ParamValue(key, q.params().value(key), p == null ? "" : p.unit()));
                }
            }
        }
        return new RuleUse(id, info == null ? "" : info.source(), info == null ? "?" : info.file() + ":" + info.line(),
                info == null ? null : info.exemption(), effects == null ? List.of() : List.copyOf(effects),
                params, info == null ? List.of() : base.library().sources().describe(info.source()));
    }

    // ------------------------------------------------------------------ diff

    /** Where the baseline and {@code variant} part ways for this worker. */
    public Diff diff(int worker, String variant, int replication) {
        return diff(worker, Variant.BASELINE, variant, replication);
    }

    /**
     * Where {@code base} and {@code other} part ways for this worker. Both run the same replication, so the
     * worker's random draws are the same: the first difference is a rule's doing, or the market's (other workers'
     * changed paths opening or filling other vacancies).
     */
    public Diff diff(int worker, String base, String other, int replication) {
        Scenario s = scenario();
        checkWorker(s, worker);
        checkReplication(s, replication);
        Variant vb = variant(s, base);
        Variant vo = variant(s, other);
        if (vb.name().equals(vo.name())) {
            throw new CommandFailure(ExitCodes.BAD_INPUT, "--diff: compare with another variant than " + vb.name());
        }
        Map<String, RuleBase> bases = workbench.rules().forVariants(List.of(vb, vo), 2);
        RuleTexts texts = new RuleTexts(workbench.rules().library());
        RuleBase rb = bases.get(vb.name());
        RuleBase ro = bases.get(vo.name());
        Explanation eb = explain(s, rb, vb.name(), worker, replication, texts);
        Explanation eo = explain(s, ro, vo.name(), worker, replication, texts);

        Map<Integer, List<Step>> sb = byMonth(eb);
        Map<Integer, List<Step>> so = byMonth(eo);
        Map<Integer, List<PaymentRow>> pb = paymentsByMonth(eb);
        Map<Integer, List<PaymentRow>> po = paymentsByMonth(eo);
        for (int m = 0; m < s.months(); m++) {
            List<Step> lb = sb.getOrDefault(m, List.of());
            List<Step> lo = so.getOrDefault(m, List.of());
            int n = Math.max(lb.size(), lo.size());
            for (int i = 0; i < n; i++) {
                Step a = i < lb.size() ? lb.get(i) : null;
                Step b = i < lo.size() ? lo.get(i) : null;
                if (a == null || b == null || !same(a, b)) {
                    return divergence(s, vb.name(), vo.name(), replication, eb, eo, m, a, b, ro);
                }
            }
            if (!samePayments(pb.getOrDefault(m, List.of()), po.getOrDefault(m, List.of()))) {
                return new Diff(s.id(), vb.name(), vo.name(), replication, eb.worker(), true, m, s.start().plusMonths(m),
                        null, null, List.of(), List.of(), List.of(), Map.of(), Map.of(), Cause.PAYMENTS,
                        "the same events, but different payments (an answer re-asked without an event changed)", eb,
                        eo);
            }
        }
        return new Diff(s.id(), vb.name(), vo.name(), replication, eb.worker(), false, -1, null, null, null, List.of(),
                List.of(), List.of(), Map.of(), Map.of(), Cause.NONE, "no difference: the worker's path is the same under "
                        + vb.name() + " and " + vo.name() + " in replication " + replication, eb, eo);
    }

    private Diff divergence(Scenario s, String base, String other, int replication, Explanation eb, Explanation eo,
            int m, Step a, Step b, RuleBase ro) {
        Answer aa = a == null ? null : a.answer();
        Answer ab = b == null ? null : b.answer();
        List<RuleUse> baseRules = new ArrayList<>();
        List<RuleUse> otherRules = new ArrayList<>();
        if (a != null) {
            for (RuleUse u : a.rules()) {
                if (aa != null && (!aa.allowed() || ab == null || !linesOf(ab, u.ruleId()).equals(linesOf(aa,
                        u.ruleId())))) {
                    baseRules.add(u);
                }
            }
        }
        if (b != null) {
            for (RuleUse u : b.rules()) {
                if (ab != null && (aa == null || !linesOf(aa, u.ruleId()).equals(linesOf(ab, u.ruleId())))) {
                    otherRules.add(u);
                }
            }
        }
        // exemption rules that fired in the other answer
        List<ExemptionClause> clauses = new ArrayList<>();
        if (ab != null) {
            Map<String, List<String>> effects = effects(ab);
            for (String id : ab.fired()) {
                RuleInfo info = ro.rules().get(id);
                if (info != null && info.exemption() != null) {
                    Exemption e = ro.library().exemption(info.exemption());
                    RuleUse u = use(id, effects.get(id), b.question(), ro, new RuleTexts(ro.library()));
                    clauses.add(new ExemptionClause(info.exemption(), e == null ? "" : e.title(), id, info.source(),
                            u.effects(), u.parameters(), u.sources()));
                }
            }
        }
        // base rules that fired but that the other variant's exemptions suspend (for this question, in scope)
        Map<String, Set<String>> suspended = new TreeMap<>();
        if (aa != null && b != null && b.question() != null) {
            for (String id : aa.fired()) {
                Set<String> by = new TreeSet<>(ro.suspendedBy(id));
                by.retainAll(b.question().exemptions());
                if (!by.isEmpty()) {
                    suspended.put(id, by);
                }
            }
        }
        // parameters the rules read whose values differ between the two questions
        Map<String, double[]> paramChanges = new TreeMap<>();
        if (a != null && b != null && a.question() != null && b.question() != null) {
            Set<String> keys = new TreeSet<>();
            a.rules().forEach(u -> u.parameters().forEach(p -> keys.add(p.key())));
            b.rules().forEach(u -> u.parameters().forEach(p -> keys.add(p.key())));
            for (String k : keys) {
                if (a.question().has(k) && b.question().has(k)) {
                    double x = a.question().params().value(k);
                    double y = b.question().params().value(k);
                    if (x != y) {
                        paramChanges.put(k, new double[] {x, y});
                    }
                }
            }
        }
        boolean sameKind = a != null && b != null && a.kind().equals(b.kind());
        boolean answersDiffer = aa != null && ab != null && !aa.equals(ab);
        Set<String> exemptions = new LinkedHashSet<>();
        clauses.forEach(c -> exemptions.add(c.exemption()));
        suspended.values().forEach(exemptions::addAll);
        Cause kind;
        String cause;
        if (sameKind && answersDiffer && !exemptions.isEmpty()) {
            kind = Cause.EXEMPTION;
            cause = "exemption " + String.join(", ", exemptions) + " changed the rules' answer";
        } else if (sameKind && answersDiffer && !paramChanges.isEmpty()) {
            kind = Cause.PARAMETERS;
            cause = "the same rules, with other parameter values (" + String.join(", ", paramChanges.keySet()) + ")";
        } else if (sameKind && answersDiffer && !Objects.equals(a.question().employer(), b.question().employer())) {
            kind = Cause.MARKET;
            cause = "the rules answered differently because the vacancy was at another kind of employer: other "
                    + "workers' changed paths opened or filled other vacancies (the worker's own random draws are the "
                    + "same in both)";
        } else if (sameKind && answersDiffer) {
            kind = Cause.FACTS;
            cause = "the rules answered differently because the facts differed (the worker's situation or the course)";
        } else if (sameKind && a.decision() == b.decision() && Objects.equals(aa, ab)) {
            kind = Cause.MARKET;
            cause = "not a rule: the same answer, with another outcome (" + outcomeKinds(a) + " against "
                    + outcomeKinds(b) + ")";
        } else {
            kind = Cause.MARKET;
            cause = "not a rule: " + (a == null ? "nothing" : a.kind()) + " in " + base + " against "
                    + (b == null ? "nothing" : b.kind()) + " in " + other + " before any rule decided; the worker's "
                    + "own random draws are the same in both, so other workers' changed paths opened or filled other "
                    + "vacancies and the market offered this worker something else";
        }
        cause += mechanismsOf(a, b);
        return new Diff(s.id(), base, other, replication, eb.worker(), true, m, s.start().plusMonths(m), a, b,
                baseRules, otherRules, clauses, suspended, paramChanges, kind, cause, eb, eo);
    }

    /** "; the hiring mechanism (hire) decided it: ..." for the mechanisms of the two differing steps. */
    private static String mechanismsOf(Step a, Step b) {
        Set<String> ids = new LinkedHashSet<>();
        if (a != null) {
            ids.addAll(a.mechanisms());
        }
        if (b != null) {
            ids.addAll(b.mechanisms());
        }
        if (ids.isEmpty()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        for (String id : ids) {
            var mech = nl.fieldlab.sandbox.scenario.Behaviour.mechanisms().get(id);
            parts.add(mech == null ? id : id + " (" + mech.decision() + "): " + mech.says());
        }
        return "; the behaviour that turned it into another path: " + String.join("; ", parts);
    }

    /** The answer lines a rule set, as comparable strings. */
    private static List<String> linesOf(Answer a, String ruleId) {
        return effects(a).getOrDefault(ruleId, List.of());
    }

    /**
     * Two steps are the same decision when the event kind, the decision, the rules' answer and the kinds of the
     * outcomes are. Details such as which employer of a group offered the vacancy are left out: they tell the
     * market's noise, not the rules' decisions.
     */
    private static boolean same(Step a, Step b) {
        return a.kind().equals(b.kind()) && a.decision() == b.decision() && Objects.equals(a.answer(), b.answer())
                && outcomeKinds(a).equals(outcomeKinds(b));
    }

    private static List<String> outcomeKinds(Step s) {
        return s.outcomes().stream().map(o -> o.contains(":") ? o.substring(0, o.indexOf(':')) : o).toList();
    }

    private static boolean samePayments(List<PaymentRow> a, List<PaymentRow> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            PaymentRow x = a.get(i);
            PaymentRow y = b.get(i);
            if (x.type() != y.type() || x.payer() != y.payer() || x.payee() != y.payee()
                    || Math.abs(x.amount() - y.amount()) > 1e-9 || !x.ruleId().equals(y.ruleId())) {
                return false;
            }
        }
        return true;
    }

    private static Map<Integer, List<Step>> byMonth(Explanation e) {
        Map<Integer, List<Step>> m = new HashMap<>();
        e.monthBlocks().forEach(b -> m.put(b.month(), b.steps()));
        return m;
    }

    private static Map<Integer, List<PaymentRow>> paymentsByMonth(Explanation e) {
        Map<Integer, List<PaymentRow>> m = new HashMap<>();
        e.monthBlocks().forEach(b -> m.put(b.month(), b.payments()));
        return m;
    }

    // ------------------------------------------------------------------ friction

    /** Rules ranked by the actions they blocked in {@code variant} of the last run. */
    public Friction friction(String variant) {
        Workbench.LastRun last = workbench.last();
        if (last == null) {
            throw new CommandFailure(ExitCodes.BAD_INPUT,
                    "nothing has run yet in this session; friction ranks the last run's blocking rules (use: run)");
        }
        Comparison c = last.comparison();
        String v = variant == null || variant.isBlank() ? Variant.BASELINE : variant.strip();
        if (!c.variants().contains(v)) {
            throw new CommandFailure(ExitCodes.BAD_INPUT, "unknown variant '" + v + "' (the last run of "
                    + last.scenario().id() + " has: " + String.join(", ", c.variants()) + ")");
        }
        Map<String, RuleInfo> all = workbench.allRules();
        RuleLibrary library = workbench.rules().library();
        List<FrictionRow> rows = new ArrayList<>();
        for (var entry : c.metrics().entrySet()) {
            String metric = entry.getKey();
            if (!metric.startsWith(Metrics.BLOCKED_PREFIX)) {
                continue;
            }
            String id = metric.substring(Metrics.BLOCKED_PREFIX.length());
            Summary blocked = entry.getValue().get(v);
            if (blocked == null || !(blocked.mean() > 0)) {
                continue;
            }
            RuleInfo info = all.get(id);
            List<ExemptionEffect> effects = new ArrayList<>();
            for (Exemption e : library.exemptions()) {
                if (!e.suspends().contains(id)) {
                    continue;
                }
                String run = alone(last.scenario(), e.id());
                effects.add(run == null ? new ExemptionEffect(e.id(), e.title(), null, null, null)
                        : new ExemptionEffect(e.id(), e.title(), run,
                                c.differences().get(run).get(Metrics.PLACEMENTS), c.differences().get(run).get(metric)));
            }
            rows.add(new FrictionRow(id, info == null ? "" : info.source(),
                    info == null ? "?" : info.file() + ":" + info.line(),
                    info == null || info.exemption() == null ? "baseline" : info.exemption(), blocked, effects,
                    info == null ? List.of() : library.sources().describe(info.source())));
        }
        rows.sort((x, y) -> {
            int k = Double.compare(y.blocked().mean(), x.blocked().mean());
            return k != 0 ? k : x.ruleId().compareTo(y.ruleId());
        });
        return new Friction(last.scenario().id(), v, last.scenario().replications(), last.reportDir(), rows);
    }

    /** The run's variant with exactly this one exemption (overrides-free preferred), or null. */
    private static String alone(Scenario s, String exemption) {
        String found = null;
        for (Variant v : s.variants()) {
            if (v.exemptions().equals(List.of(exemption)) && !v.name().equals(Variant.BASELINE)) {
                if (v.parameters().isEmpty()) {
                    return v.name();
                }
                if (found == null) {
                    found = v.name();
                }
            }
        }
        return found;
    }

    // ------------------------------------------------------------------ helpers

    public static String num(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e12) {
            return String.valueOf((long) v);
        }
        return String.format(java.util.Locale.ROOT, "%.4f", v).replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    public static String money(double v) {
        return String.format(java.util.Locale.ROOT, "%,.2f", v);
    }

    private record Event(int month, String kind, String detail, String mechanism, Question question, Answer answer) {
    }

    private record Paid(int month, int spellMonth, Answer.PaymentLine line) {
    }

    private static final class Recorder implements Trace {
        final List<Event> events = new ArrayList<>();
        final List<Paid> paid = new ArrayList<>();

        @Override
        public void event(int month, String kind, String detail, String mechanism, Question question,
                Answer answer) {
            events.add(new Event(month, kind, detail == null ? "" : detail, mechanism, question, answer));
        }

        @Override
        public void paid(int month, int spellMonth, Answer.PaymentLine line) {
            paid.add(new Paid(month, spellMonth, line));
        }
    }

    /** Which parameters each rule's DRL reads: {@code p("key")} in its block and in the functions it calls. */
    private static final class RuleTexts {
        private final Map<String, SourceFile> files = new HashMap<>();
        private final Map<String, List<String>> cache = new HashMap<>();

        RuleTexts(RuleLibrary library) {
            library.baselineRules().forEach(f -> files.put(f.path(), f));
            for (Exemption e : library.exemptions()) {
                library.rulesOf(e).forEach(f -> files.put(f.path(), f));
            }
        }

        List<String> parametersOf(RuleInfo info) {
            return cache.computeIfAbsent(info.id(), k -> scan(info));
        }

        private List<String> scan(RuleInfo info) {
            SourceFile f = files.get(info.file());
            var rule = f == null ? null : f.model().rule(info.id());
            if (rule == null) {
                return List.of();
            }
            String block = rule.text();
            Set<String> keys = new LinkedHashSet<>();
            SourceFile.parameterKeys(block, keys);
            // functions of the same file the rule calls, and the functions they call in turn (the tax functions
            // read the brackets and credits two calls down)
            List<String> reached = new ArrayList<>(List.of(block));
            Set<String> called = new HashSet<>();
            for (int i = 0; i < reached.size(); i++) {
                for (var fn : f.model().functions()) {
                    if (!called.contains(fn.name()) && Pattern.compile("\\b" + Pattern.quote(fn.name()) + "\\s*\\(")
                            .matcher(reached.get(i)).find()) {
                        called.add(fn.name());
                        reached.add(fn.text());
                        SourceFile.parameterKeys(fn.text(), keys);
                    }
                }
            }
            // what the Question helpers read (nl.fieldlab.sandbox.domain.Question)
            if (block.contains("monthlyHours()") || block.contains("monthlyPay(")) {
                keys.add("calendar.weeks-per-month");
            }
            if (block.contains("monthlyPay(")) {
                keys.add("wml.holiday-allowance");
            }
            if (block.contains("wwMonthlyWage(")) {
                keys.add("ww.max-daily-wage");
                keys.add("ww.days-per-month");
            }
            return List.copyOf(keys);
        }
    }
}
