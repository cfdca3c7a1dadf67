package nl.fieldlab.sandbox.cases;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import nl.fieldlab.sandbox.domain.PaymentType;
import nl.fieldlab.sandbox.domain.Question;
import nl.fieldlab.sandbox.parameters.ParameterView;
import nl.fieldlab.sandbox.rules.Answer;
import nl.fieldlab.sandbox.rules.RuleBase;
import nl.fieldlab.sandbox.rules.RuleBases;
import nl.fieldlab.sandbox.rules.RuleLibrary;
import nl.fieldlab.sandbox.rules.Variant;

/** Runs rule cases against a rule library: one rule base per distinct variant, one answer per case. */
public final class RuleCaseRunner {

    private final RuleLibrary library;
    private final Map<String, RuleBase> bases = new HashMap<>();

    public RuleCaseRunner(RuleLibrary library) {
        this.library = library;
    }

    /** One comparison of expected against actual. */
    public record Check(String what, String expected, String actual, boolean ok) {
    }

    /** The outcome of one case; {@code error} is set when the case could not be evaluated. */
    public record Result(RuleCase rule, List<Check> checks, Answer answer, String error) {

        public boolean passed() {
            return error == null && checks.stream().allMatch(Check::ok);
        }

        public List<Check> failures() {
            return checks.stream().filter(c -> !c.ok()).toList();
        }
    }

    public List<Result> run(List<RuleCase> cases) {
        return run(cases, (done, total) -> { });
    }

    /** Runs the cases in order, telling {@code progress} how many of them are done. */
    public List<Result> run(List<RuleCase> cases, java.util.function.BiConsumer<Integer, Integer> progress) {
        List<Result> results = new ArrayList<>();
        for (RuleCase c : cases) {
            results.add(run(c));
            progress.accept(results.size(), cases.size());
        }
        return results;
    }

    public Result run(RuleCase c) {
        Answer answer;
        try {
            RuleBase base = baseFor(c);
            Set<String> inScope = base.inScope(c.question(), c.worker(), c.employer(), c.course(), c.month(), null);
            ParameterView params = base.parameters(c.month(), inScope);
            Question q = new Question(c.question(), c.month(), c.startYear(), c.worker(), c.employer(), c.course(),
                    c.formerEmployee(), c.afterTrial(), c.rampUpPct(), c.counterfactualPct(), inScope, params);
            answer = base.decide(q);
            return new Result(c, compare(c.expect(), answer), answer, null);
        } catch (RuntimeException e) {
            return new Result(c, List.of(), null, e.getMessage());
        }
    }

    /** The rule ids that fired in at least one of the results. */
    public static Set<String> fired(List<Result> results) {
        Set<String> ids = new TreeSet<>();
        for (Result r : results) {
            if (r.answer() != null) {
                ids.addAll(r.answer().fired());
            }
        }
        return ids;
    }

    private RuleBase baseFor(RuleCase c) {
        Variant v = new Variant(c.exemptions().isEmpty() ? Variant.BASELINE : String.join("+", c.exemptions()),
                c.exemptions(), c.parameters());
        return bases.computeIfAbsent(v.ruleKey(), k -> RuleBases.compile(library, v));
    }

    static List<Check> compare(RuleCase.Expectation e, Answer a) {
        List<Check> checks = new ArrayList<>();
        if (e.allowed() != null) {
            checks.add(new Check("allowed", String.valueOf(e.allowed()), String.valueOf(a.allowed()),
                    e.allowed() == a.allowed()));
        }
        if (e.blockedBy() != null) {
            List<String> by = a.blocks().stream().map(Answer.BlockLine::ruleId).toList();
            checks.add(new Check("blocked by", e.blockedBy(), by.isEmpty() ? "-" : String.join(", ", by),
                    by.contains(e.blockedBy())));
        }
        e.payments().forEach((type, expected) -> {
            double actual = 0;
            for (Answer.PaymentLine p : a.payments()) {
                if (p.type().name().equals(type) && p.paidIn(e.spellMonth())) {
                    actual += p.amount();
                }
            }
            boolean known = isPaymentType(type);
            checks.add(new Check("payment " + type + " (month " + e.spellMonth() + ")", money(expected),
                    known ? money(actual) : "unknown payment type", known && close(expected, actual, e.tolerance())));
        });
        compareValues("entitlement", e.entitlements(), a.entitlements(), e.tolerance(), checks);
        compareValues("obligation", e.obligations(), a.obligations(), e.tolerance(), checks);
        compareValues("amount", e.amounts(), a.amounts(), e.tolerance(), checks);
        for (String g : e.groups()) {
            checks.add(new Check("in group " + g, "yes", a.inGroup(g) ? "yes" : "no", a.inGroup(g)));
        }
        for (String g : e.notGroups()) {
            checks.add(new Check("not in group " + g, "no", a.inGroup(g) ? "yes" : "no", !a.inGroup(g)));
        }
        for (String r : e.fired()) {
            checks.add(new Check("fires " + r, "fired", a.fired().contains(r) ? "fired" : "did not fire",
                    a.fired().contains(r)));
        }
        for (String r : e.notFired()) {
            checks.add(new Check("does not fire " + r, "not fired", a.fired().contains(r) ? "fired" : "not fired",
                    !a.fired().contains(r)));
        }
        return checks;
    }

    private static void compareValues(String what, Map<String, Double> expected, List<Answer.ValueLine> lines,
            double tolerance, List<Check> checks) {
        expected.forEach((key, value) -> {
            List<Answer.ValueLine> found = lines.stream().filter(l -> l.key().equals(key)).toList();
            String actual = found.isEmpty() ? "none"
                    : String.join(", ", found.stream().map(l -> number(l.value()) + " (" + l.ruleId() + ")").toList());
            boolean ok = !found.isEmpty() && found.stream().allMatch(l -> close(value, l.value(), tolerance));
            checks.add(new Check(what + " " + key, number(value), actual, ok));
        });
    }

    private static boolean isPaymentType(String name) {
        for (PaymentType t : PaymentType.values()) {
            if (t.name().equals(name)) {
                return true;
            }
        }
        return false;
    }

    private static boolean close(double expected, double actual, double tolerance) {
        return Math.abs(expected - actual) <= tolerance + 1e-9;
    }

    static String money(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    static String number(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.4f", v)
                .replaceAll("0+$", "");
    }
}
