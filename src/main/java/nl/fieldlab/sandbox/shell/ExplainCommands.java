package nl.fieldlab.sandbox.shell;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

import nl.fieldlab.sandbox.app.CommandFailure;
import nl.fieldlab.sandbox.app.ExitCodes;
import nl.fieldlab.sandbox.app.Explainer;
import nl.fieldlab.sandbox.app.Explainer.Consequences;
import nl.fieldlab.sandbox.app.Explainer.Decision;
import nl.fieldlab.sandbox.app.Explainer.Diff;
import nl.fieldlab.sandbox.app.Explainer.ExemptionClause;
import nl.fieldlab.sandbox.app.Explainer.ExemptionEffect;
import nl.fieldlab.sandbox.app.Explainer.Explanation;
import nl.fieldlab.sandbox.app.Explainer.Friction;
import nl.fieldlab.sandbox.app.Explainer.FrictionRow;
import nl.fieldlab.sandbox.app.Explainer.MonthBlock;
import nl.fieldlab.sandbox.app.Explainer.ParamValue;
import nl.fieldlab.sandbox.app.Explainer.PaymentRow;
import nl.fieldlab.sandbox.app.Explainer.RuleUse;
import nl.fieldlab.sandbox.app.Explainer.Step;
import nl.fieldlab.sandbox.app.Explainer.WorkerProfile;
import nl.fieldlab.sandbox.domain.Actor;
import nl.fieldlab.sandbox.report.ReportWriter;
import nl.fieldlab.sandbox.stats.Summary;

/** The explain commands: one worker's path with the rules behind it, where variants part ways, and friction. */
@Component
public class ExplainCommands {

    /** Lines are wrapped to stay under this width. */
    static final int WIDTH = 130;

    private final Explainer explainer;

    public ExplainCommands(Explainer explainer) {
        this.explainer = explainer;
    }

    // ------------------------------------------------------------------ explain

    @Command(name = "explain", group = "Explain", exitStatusExceptionMapper = SandboxCommands.ERRORS,
            completionProvider = "workerIds",
            description = "Trace one worker month by month: each decision, the rule behind it, its legal source, "
                    + "parameters and payments",
            help = """
                    explain WORKER [--variant V] [--replication R] [--diff V2]
                      Simulates one replication of a variant of the loaded scenario (the default scenario when none
                      is loaded) and prints the worker's path month by month: each proposed action and event, the
                      decision (allowed or BLOCKED), the rule that decided it with its legal source and the
                      parameter values it read, and what was paid to whom; then the payment schedule and the totals
                      per payer over the horizon.
                      WORKER is a worker id: 0 to (workers - 1), numbered in the order of the scenario's worker
                      groups (tab completion offers the first id of each group). --variant defaults to baseline,
                      --replication to 0. A variant is a name from the scenario, or exemption ids such as E3 or E1+E3.
                      --diff V2 shows where --variant (the baseline by default) and V2 part ways for this worker: the
                      first differing decision, the baseline rule that blocked or priced it, the exemption clause
                      that changed it, and what followed in each (placement, trials, courses, money, benefit months).
                    Examples:
                      explain 0
                      explain 30 --variant E1 --replication 3
                      explain 30 --diff E1""")
    public String explain(@Argument(index = 0, description = "worker id, 0 to workers - 1 in scenario order",
            defaultValue = "") String worker,
            @Option(longName = "variant", description = "variant to trace (default baseline)") String variant,
            @Option(longName = "replication", description = "replication (default 0)") Integer replication,
            @Option(longName = "diff", description = "variant to compare with --variant") String diff) {
        int id = workerId(worker);
        int rep = replication == null ? 0 : replication;
        if (diff != null && !diff.isBlank()) {
            return diffText(explainer.diff(id, variant == null || variant.isBlank() ? "baseline" : variant, diff, rep));
        }
        return explanationText(explainer.explain(id, variant, rep));
    }

    private static int workerId(String worker) {
        if (worker == null || worker.isBlank()) {
            throw new CommandFailure(ExitCodes.BAD_INPUT, "give a worker id, e.g. explain 0 (ids run from 0 in the "
                    + "order of the scenario's worker groups)");
        }
        try {
            return Integer.parseInt(worker.strip());
        } catch (NumberFormatException e) {
            throw new CommandFailure(ExitCodes.BAD_INPUT, "worker: expected a whole number, got '" + worker + "'");
        }
    }

    static String explanationText(Explanation e) {
        StringBuilder sb = new StringBuilder();
        sb.append(profile(e, e.variant() + ", replication " + e.replication()));
        for (MonthBlock b : e.monthBlocks()) {
            if (b.steps().isEmpty()) {
                continue;
            }
            sb.append('\n').append(b.yearMonth()).append(" (month ").append(b.month()).append(")\n");
            for (Step s : b.steps()) {
                step(sb, s, "  ");
            }
            if (!b.payments().isEmpty()) {
                sb.append("    paid this month:\n").append(indent(payments(b.payments()), "      "));
            }
        }
        sb.append('\n').append(schedule(e));
        sb.append('\n').append(totals(e.consequences()));
        sb.append('\n').append(outcome(e));
        return sb.toString().stripTrailing();
    }

    private static String profile(Explanation e, String what) {
        WorkerProfile w = e.worker();
        StringBuilder sb = new StringBuilder();
        sb.append("Worker ").append(w.id()).append(" (").append(w.group()).append(") in '").append(e.scenarioId())
                .append("', ").append(what).append('\n');
        sb.append(String.format(Locale.ROOT, "  %s, age %d, %s, field %s, region %s, household %s%n", w.status(),
                w.age(), w.education(), w.field(), w.region(), w.household()));
        sb.append(String.format(Locale.ROOT, "  wage value %d %%, daily wage %s, %d years of work history, "
                + "unemployed %d months at the start%s%s%s%n", w.wageValuePct(),
                w.dailyWage() > 0 ? "EUR " + Explainer.money(w.dailyWage()) : "-", w.workHistoryYears(),
                w.monthsUnemployed(), w.meetsMeansTest() ? ", meets the means test" : "",
                w.disabled() ? ", occupational disability" : "",
                w.illnessBenefitBefore() ? ", sickness or disability benefit before" : ""));
        return sb.toString();
    }

    private static void step(StringBuilder sb, Step s, String pad) {
        String decision = switch (s.decision()) {
            case ALLOWED -> "allowed";
            case BLOCKED -> "BLOCKED";
            case NONE -> "";
        };
        String head = "* " + s.title() + (decision.isEmpty() ? "" : "  => " + decision);
        sb.append(wrap(head, pad, pad + "    "));
        if (s.question() != null && !s.question().exemptions().isEmpty()) {
            sb.append(wrap("in scope of exemption " + String.join(", ", s.question().exemptions()),
                    pad + "    ", pad + "    "));
        }
        for (String o : s.outcomes()) {
            if (s.decision() == Decision.BLOCKED && o.startsWith("blocked")) {
                continue; // the blocking rule below says it
            }
            sb.append(wrap("-> " + o, pad + "    ", pad + "       "));
        }
        rules(sb, s.rules(), pad + "    ");
    }

    /** The rules of an answer: classification rules on one line, the others with source and parameters. */
    static void rules(StringBuilder sb, List<RuleUse> rules, String pad) {
        List<String> groups = new ArrayList<>();
        for (RuleUse u : rules) {
            if (!u.effects().isEmpty() && u.effects().stream().allMatch(x -> x.startsWith("classifies: "))) {
                u.effects().forEach(x -> groups.add(x.substring("classifies: ".length()) + " (" + u.ruleId() + ")"));
            } else {
                rule(sb, u, pad);
            }
        }
        if (!groups.isEmpty()) {
            sb.append(wrap("target groups: " + String.join(", ", groups), pad, pad + "    "));
        }
    }

    /** The sources a rule cites, one a line under its source: "S16: title; issuer; identifier (kind)". */
    static void resolved(StringBuilder sb, List<String> sources, String pad) {
        for (String s : sources) {
            sb.append(wrap(s, pad, pad + "    "));
        }
    }

    static void rule(StringBuilder sb, RuleUse u, String pad) {
        String from = u.exemption() == null ? "" : " [exemption " + u.exemption() + "]";
        String effects = u.effects().isEmpty() ? "fired" : String.join("; ", u.effects());
        sb.append(wrap(u.ruleId() + from + ": " + effects, pad, pad + "    "));
        sb.append(wrap("source: " + u.source() + "  (" + u.where() + ")", pad + "    ", pad + "            "));
        resolved(sb, u.sources(), pad + "            ");
        if (!u.parameters().isEmpty()) {
            List<String> ps = new ArrayList<>();
            for (ParamValue p : u.parameters()) {
                ps.add(p.key() + " = " + Explainer.num(p.value()) + (p.unit().isEmpty() ? "" : " " + p.unit()));
            }
            sb.append(wrap("parameters: " + String.join(", ", ps), pad + "    ", pad + "                "));
        }
    }

    private static String payments(List<PaymentRow> rows) {
        TextTable t = new TextTable("payment", "payer -> payee", "amount", "rule").left(1, 3);
        for (PaymentRow r : rows) {
            t.row(r.type(), r.payer() + " -> " + r.payee(), Explainer.money(r.amount()),
                    r.ruleId() + (r.exemption() == null ? "" : " [" + r.exemption() + "]"));
        }
        return t.toString();
    }

    /** Every payment line over the horizon, with the months it ran and the total. */
    private static String schedule(Explanation e) {
        record Key(Object type, Actor payer, Actor payee, String rule) {
        }
        record Run(Key key, int from, int to, double amount) {
        }
        Map<Key, List<Run>> runs = new LinkedHashMap<>();
        Map<Key, Double> totals = new LinkedHashMap<>();
        for (MonthBlock b : e.monthBlocks()) {
            for (PaymentRow r : b.payments()) {
                Key k = new Key(r.type(), r.payer(), r.payee(), r.ruleId() + (r.exemption() == null ? ""
                        : " [" + r.exemption() + "]"));
                List<Run> list = runs.computeIfAbsent(k, x -> new ArrayList<>());
                Run last = list.isEmpty() ? null : list.get(list.size() - 1);
                if (last != null && last.to() == r.month() - 1 && Math.abs(last.amount() - r.amount()) < 0.005) {
                    list.set(list.size() - 1, new Run(k, last.from(), r.month(), last.amount()));
                } else {
                    list.add(new Run(k, r.month(), r.month(), r.amount()));
                }
                totals.merge(k, r.amount(), Double::sum);
            }
        }
        if (runs.isEmpty()) {
            return "No payments for this worker over the horizon.\n";
        }
        TextTable t = new TextTable("payment", "payer -> payee", "months", "per month", "total", "rule")
                .left(1, 2, 5);
        runs.forEach((k, list) -> {
            boolean first = true;
            for (Run r : list) {
                String months = r.from() == r.to() ? e.monthOf(r.from()).toString()
                        : e.monthOf(r.from()) + " to " + e.monthOf(r.to()) + " (" + (r.to() - r.from() + 1) + ")";
                t.row(first ? k.type() : "", first ? k.payer() + " -> " + k.payee() : "", months,
                        Explainer.money(r.amount()), first ? Explainer.money(totals.get(k)) : "",
                        first ? k.rule() : "");
                first = false;
            }
        });
        return "Payments over the horizon (" + e.start() + " to " + e.monthOf(e.months() - 1) + ")\n\n" + t;
    }

    private static String totals(Consequences c) {
        if (c.paidBy().isEmpty()) {
            return "";
        }
        Set<Actor> actors = EnumSet.noneOf(Actor.class);
        actors.addAll(c.paidBy().keySet());
        actors.addAll(c.receivedBy().keySet());
        TextTable t = new TextTable("actor", "paid", "received", "net");
        for (Actor a : actors) {
            double paid = c.paidBy().getOrDefault(a, 0.0);
            double received = c.receivedBy().getOrDefault(a, 0.0);
            t.row(a, Explainer.money(paid), Explainer.money(received), Explainer.money(received - paid));
        }
        return "Totals for this worker, per payer\n\n" + t;
    }

    private static String outcome(Explanation e) {
        Consequences c = e.consequences();
        return "First placement: " + (c.firstPlacement() < 0 ? "none within the horizon"
                : c.firstPlacementMonth() + " (month " + c.firstPlacement() + ")")
                + "; months on a benefit: " + c.monthsOnBenefit() + " of " + e.months() + ".";
    }

    // ------------------------------------------------------------------ diff

    static String diffText(Diff d) {
        StringBuilder sb = new StringBuilder();
        Explanation eb = d.baseExplanation();
        Explanation eo = d.otherExplanation();
        sb.append(profile(eb, d.base() + " against " + d.other() + ", replication " + d.replication()));
        sb.append('\n');
        if (!d.differs()) {
            sb.append(wrap("No difference: the worker's path is the same under " + d.base() + " and " + d.other()
                    + " in replication " + d.replication() + " (same events, decisions, answers and payments in every"
                    + " month).", "", "  ")).append("\n\n");
            sb.append(consequences(d));
            return sb.toString().stripTrailing();
        }
        sb.append(wrap(d.base() + " and " + d.other() + " part ways in " + d.yearMonth() + " (month " + d.month()
                + "): " + d.cause() + ".", "", "  ")).append('\n');
        sb.append("First differing decision\n");
        side(sb, d.base(), d.baseStep(), d.baseRules(), "blocked or priced it");
        side(sb, d.other(), d.otherStep(), d.otherRules(), "decided it instead");
        if (!d.clauses().isEmpty() || !d.suspended().isEmpty()) {
            sb.append("\n  The exemption clause that changed it\n");
            for (ExemptionClause c : d.clauses()) {
                sb.append(wrap(c.exemption() + " (" + c.title() + "), rule " + c.ruleId() + ": "
                        + (c.effects().isEmpty() ? "fired" : String.join("; ", c.effects())), "    ", "        "));
                sb.append(wrap("source: " + c.source(), "        ", "                "));
                resolved(sb, c.sources(), "                ");
                if (!c.parameters().isEmpty()) {
                    List<String> ps = new ArrayList<>();
                    c.parameters().forEach(p -> ps.add(p.key() + " = " + Explainer.num(p.value())
                            + (p.unit().isEmpty() ? "" : " " + p.unit())));
                    sb.append(wrap("parameters: " + String.join(", ", ps), "        ", "                    "));
                }
            }
            d.suspended().forEach((rule, by) -> sb.append(wrap(String.join(", ", by) + " suspends " + rule
                    + ", which fired in the " + d.base() + " answer", "    ", "        ")));
        }
        if (!d.paramChanges().isEmpty()) {
            sb.append("\n  Parameter values that differ\n");
            d.paramChanges().forEach((k, v) -> sb.append("    ").append(k).append(": ")
                    .append(Explainer.num(v[0])).append(" -> ").append(Explainer.num(v[1])).append('\n'));
        }
        sb.append('\n').append(consequences(d));
        sb.append('\n').append(after(eb, d.month())).append('\n').append(after(eo, d.month()));
        return sb.toString().stripTrailing();
    }

    private static void side(StringBuilder sb, String variant, Step s, List<RuleUse> rules, String role) {
        sb.append("\n  ").append(variant).append(":\n");
        if (s == null) {
            sb.append("    (nothing further happens in this month)\n");
            return;
        }
        step(sb, new Step(s.month(), s.kind(), s.detail(), s.decision(), s.question(), s.answer(), List.of(),
                s.outcomes(), s.mechanisms()), "    ");
        if (!rules.isEmpty()) {
            sb.append("      rules that ").append(role).append(":\n");
            rules(sb, rules, "        ");
        } else if (s.answer() != null) {
            sb.append("      (the same rules answered as in the other variant)\n");
        }
    }

    private static String consequences(Diff d) {
        Consequences a = d.baseExplanation().consequences();
        Consequences b = d.otherExplanation().consequences();
        TextTable t = new TextTable("what followed", d.base(), d.other()).left(1, 2);
        t.row("first placement", placement(a), placement(b));
        t.row("months on a benefit", a.monthsOnBenefit(), b.monthsOnBenefit());
        int n = Math.max(a.trials().size(), b.trials().size());
        for (int i = 0; i < n; i++) {
            t.row(i == 0 ? "trials" : "", short_(a.trials(), i), short_(b.trials(), i));
        }
        n = Math.max(a.courses().size(), b.courses().size());
        for (int i = 0; i < n; i++) {
            t.row(i == 0 ? "courses" : "", short_(a.courses(), i), short_(b.courses(), i));
        }
        Set<Actor> payers = EnumSet.noneOf(Actor.class);
        payers.addAll(a.paidBy().keySet());
        payers.addAll(b.paidBy().keySet());
        for (Actor p : payers) {
            t.row("paid by " + p, Explainer.money(a.paidBy().getOrDefault(p, 0.0)),
                    Explainer.money(b.paidBy().getOrDefault(p, 0.0)));
        }
        return "What followed (over the whole horizon)\n\n" + t;
    }

    private static String placement(Consequences c) {
        return c.firstPlacement() < 0 ? "none" : c.firstPlacementMonth() + " (month " + c.firstPlacement() + ")";
    }

    private static String short_(List<String> items, int i) {
        if (i >= items.size()) {
            return "";
        }
        String s = items.get(i);
        return s.length() > 60 ? s.substring(0, 59) + "~" : s;
    }

    /** The variant's events from the month the paths part, one line each. */
    private static String after(Explanation e, int from) {
        StringBuilder sb = new StringBuilder();
        sb.append(e.variant()).append(" from ").append(e.monthOf(from)).append(":\n");
        int shown = 0;
        int total = 0;
        for (MonthBlock b : e.monthBlocks()) {
            if (b.month() < from) {
                continue;
            }
            for (Step s : b.steps()) {
                total++;
                if (shown >= 20) {
                    continue;
                }
                shown++;
                String decision = s.decision() == Decision.NONE ? ""
                        : s.decision() == Decision.BLOCKED ? "  => BLOCKED by " + String.join(", ", s.ruleIds())
                                : "  => allowed";
                String outcomes = s.outcomes().stream().filter(o -> !o.startsWith("blocked"))
                        .reduce("", (x, y) -> x + "; " + y);
                sb.append(wrap(b.yearMonth() + "  " + s.title() + decision + outcomes, "  ", "           "));
            }
        }
        if (total == 0) {
            sb.append("  (no events)\n");
        } else if (total > shown) {
            sb.append("  ... ").append(total - shown).append(" more (explain ").append(e.worker().id())
                    .append(" --variant ").append(e.variant()).append(")\n");
        }
        return sb.toString();
    }

    // ------------------------------------------------------------------ friction

    @Command(name = "friction", group = "Explain", exitStatusExceptionMapper = SandboxCommands.ERRORS,
            completionProvider = "workerIds",
            description = "Rank the rules by the actions they blocked in the last run, with what lifting them changed",
            help = """
                    friction [--variant V]
                      From the last run (use 'run' first): the rules that blocked proposed hires, trial placements
                      and courses, ranked by the mean number of actions blocked per replication in variant V
                      (default baseline) with its 95 % CI, each with its legal source and the exemptions that
                      suspend it. Where the run has a variant with exactly that one exemption, shows what applying
                      it changed (paired difference to the baseline in placements and in actions this rule blocked;
                      exploratory: uncorrected intervals, no verdict); otherwise says which variant to add.
                    Examples:
                      friction
                      friction --variant E1""")
    public String friction(@Option(longName = "variant", description = "variant of the last run (default baseline)")
            String variant) {
        return frictionText(explainer.friction(variant));
    }

    static String frictionText(Friction f) {
        StringBuilder sb = new StringBuilder();
        sb.append("Friction in variant ").append(f.variant()).append(" of the last run of '").append(f.scenarioId())
                .append("' (").append(f.replications()).append(" replications): rules ranked by actions blocked per "
                        + "replication, mean [95% CI]\n\n");
        if (f.rows().isEmpty()) {
            sb.append("No rule blocked any proposed action in ").append(f.variant()).append('.');
            return sb.toString();
        }
        TextTable t = new TextTable("#", "rule", "from", "blocked", "exemption", "placements if applied",
                "blocked by the rule if applied").left(1, 2, 4);
        List<String> notes = new ArrayList<>();
        int rank = 0;
        for (FrictionRow r : f.rows()) {
            rank++;
            if (r.exemptions().isEmpty()) {
                t.row(rank, r.ruleId(), r.origin(), ReportWriter.cell(r.blocked(), false), "-", "", "");
                continue;
            }
            boolean first = true;
            for (ExemptionEffect e : r.exemptions()) {
                if (e.wasRun()) {
                    t.row(first ? rank : "", first ? r.ruleId() : "", first ? r.origin() : "",
                            first ? ReportWriter.cell(r.blocked(), false) : "",
                            e.exemption() + (e.variant().equals(e.exemption()) ? "" : " (" + e.variant() + ")"),
                            cell(e.placements()), cell(e.blocked()));
                } else {
                    t.row(first ? rank : "", first ? r.ruleId() : "", first ? r.origin() : "",
                            first ? ReportWriter.cell(r.blocked(), false) : "", e.exemption(), "not run (note "
                                    + (notes.size() + 1) + ")", "");
                    notes.add(e.exemption() + " (" + e.title() + ") suspends " + r.ruleId() + ", but the last run has "
                            + "no variant with " + e.exemption() + " alone: add '- name: " + e.exemption()
                            + "' with 'exemptions: [" + e.exemption() + "]' to the scenario's variants and run again");
                }
                first = false;
            }
        }
        sb.append(t);
        sb.append("\nLegal sources\n");
        for (FrictionRow r : f.rows()) {
            sb.append(wrap(r.ruleId() + ": " + r.source() + "  (" + r.where() + ")", "  ", "      "));
            resolved(sb, r.sources(), "      ");
        }
        if (!notes.isEmpty()) {
            sb.append("\nNotes\n");
            for (int i = 0; i < notes.size(); i++) {
                sb.append(wrap((i + 1) + ". " + notes.get(i), "  ", "     "));
            }
        }
        sb.append("\n'placements if applied' and 'blocked by the rule if applied' are paired differences to the "
                + "baseline (exploratory: their 95 % intervals are not corrected for multiple tests, and no "
                + "difference here is a verdict).\nUse 'explain WORKER --diff VARIANT' to see one worker's path change.");
        return sb.toString();
    }

    private static String cell(Summary s) {
        return ReportWriter.cell(s, true);
    }

    // ------------------------------------------------------------------ text

    /** Wraps {@code text} at word boundaries: the first line after {@code first}, the rest after {@code rest}. */
    static String wrap(String text, String first, String rest) {
        StringBuilder sb = new StringBuilder();
        String pad = first;
        String remaining = text;
        while (pad.length() + remaining.length() > WIDTH) {
            int room = WIDTH - pad.length();
            int cut = remaining.lastIndexOf(' ', room);
            if (cut <= room / 3) {
                cut = room;
            }
            sb.append((pad + remaining.substring(0, cut)).stripTrailing()).append('\n');
            remaining = remaining.substring(cut).stripLeading();
            pad = rest;
        }
        return sb.append(pad).append(remaining).append('\n').toString();
    }

    private static String indent(String text, String pad) {
        StringBuilder sb = new StringBuilder();
        for (String line : text.split("\n")) {
            sb.append(pad).append(line).append('\n');
        }
        return sb.toString();
    }
}
