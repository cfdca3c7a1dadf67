package nl.fieldlab.sandbox.shell;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

import nl.fieldlab.sandbox.app.CommandFailure;
import nl.fieldlab.sandbox.app.ExitCodes;
import nl.fieldlab.sandbox.app.Expectations;
import nl.fieldlab.sandbox.app.FileSchema;
import nl.fieldlab.sandbox.app.Workbench;
import nl.fieldlab.sandbox.cases.RuleCase;
import nl.fieldlab.sandbox.cases.RuleCaseLoader;
import nl.fieldlab.sandbox.cases.RuleCaseRunner;
import nl.fieldlab.sandbox.cases.RuleCheck;
import nl.fieldlab.sandbox.cluster.ClusterRun;
import nl.fieldlab.sandbox.cluster.ClusterSettings;
import nl.fieldlab.sandbox.input.Suggestions;
import nl.fieldlab.sandbox.report.Printable;
import nl.fieldlab.sandbox.report.Report;
import nl.fieldlab.sandbox.report.ReportFolder;
import nl.fieldlab.sandbox.report.ReportWriter;
import nl.fieldlab.sandbox.report.WhyWorse;
import nl.fieldlab.sandbox.rules.Exemption;
import nl.fieldlab.sandbox.rules.RuleBase;
import nl.fieldlab.sandbox.rules.RuleInfo;
import nl.fieldlab.sandbox.rules.Variant;
import nl.fieldlab.sandbox.scenario.CourseSpec;
import nl.fieldlab.sandbox.scenario.EmployerGroup;
import nl.fieldlab.sandbox.scenario.Scenario;
import nl.fieldlab.sandbox.scenario.WorkerGroup;
import nl.fieldlab.sandbox.simulation.Metrics;
import nl.fieldlab.sandbox.simulation.Simulator;
import nl.fieldlab.sandbox.stats.Comparison;
import nl.fieldlab.sandbox.stats.Summary;
import nl.fieldlab.sandbox.stats.Verdicts;

/** The sandbox's commands: scenario, run, compare, report, rules, validate, test-rules. */
@Component
public class SandboxCommands {

    static final String ERRORS = "fieldlabErrors";

    private final Workbench workbench;
    private final RunControl control;
    private final ClusterSettings clusterSettings;

    public SandboxCommands(Workbench workbench, RunControl control, ClusterSettings clusterSettings) {
        this.workbench = workbench;
        this.control = control;
        this.clusterSettings = clusterSettings;
    }

    // ------------------------------------------------------------------ scenario

    @Command(name = {"scenario", "load"}, group = "Scenario", exitStatusExceptionMapper = ERRORS,
            completionProvider = "scenarioFiles",
            description = "Load and validate a scenario file; it becomes the one run and compare use",
            help = """
                    scenario load FILE
                      Reads a scenario (YAML), checks every field, and compiles its variants' rules.
                    Example:
                      scenario load scenarios/smoke.yaml""")
    public String scenarioLoad(@Argument(index = 0, description = "scenario file") String file) {
        if (file == null || file.isBlank()) {
            throw new CommandFailure(ExitCodes.BAD_INPUT, "give a scenario file, e.g. scenario load scenarios/smoke.yaml");
        }
        Scenario s = workbench.loadScenario(Path.of(file));
        StringBuilder warnings = new StringBuilder();
        nl.fieldlab.sandbox.app.Reachability.warnings(s, workbench.rules().library())
                .forEach(w -> warnings.append('\n').append(w));
        return "Loaded '" + s.id() + "' from " + file + ".\n" + describe(s) + warnings;
    }

    @Command(name = {"scenario", "show"}, group = "Scenario", exitStatusExceptionMapper = ERRORS,
            description = "Show the loaded scenario: populations, employers, courses, variants",
            help = """
                    scenario show
                      Prints the loaded scenario's groups, courses, variants and behaviour overrides.
                    Example:
                      scenario show""")
    public String scenarioShow() {
        return describe(workbench.requireScenario());
    }

    static String describe(Scenario s) {
        StringBuilder sb = new StringBuilder();
        sb.append(s.id()).append(": ").append(s.description()).append('\n');
        sb.append(String.format(Locale.ROOT, "%s, region %s, %d months from %s, seed %d, %d replications, %,d workers%n%n",
                s.file(), s.region(), s.months(), s.start(), s.seed(), s.replications(), s.workerCount()));
        TextTable w = new TextTable("worker group", "count", "status", "age", "field").left(2, 4);
        for (WorkerGroup g : s.workers()) {
            w.row(g.group(), g.count(), g.status(), g.age(), g.field());
        }
        TextTable e = new TextTable("employer group", "count", "field", "staff", "vacancies/month", "wage/h",
                "technical").left(2, 6);
        for (EmployerGroup g : s.employers()) {
            e.row(g.group(), g.count(), g.field(), g.staff(), g.vacancyRate(), g.hourlyWage(),
                    Boolean.TRUE.equals(g.technical()) ? "yes" : "no");
        }
        TextTable c = new TextTable("course", "field", "level", "months", "route", "price").left(1, 2, 4);
        for (CourseSpec k : s.courses()) {
            c.row(k.id(), k.field(), k.level(), k.months(), k.route(), k.price());
        }
        TextTable v = new TextTable("variant", "exemptions", "parameter overrides").left(1, 2);
        for (Variant x : s.variants()) {
            v.row(x.name(), x.exemptions().isEmpty() ? "-" : String.join(", ", x.exemptions()),
                    x.parameters().isEmpty() ? "-" : x.parameters().toString());
        }
        sb.append(w).append('\n').append(e).append('\n');
        if (c.size() > 0) {
            sb.append(c).append('\n');
        }
        sb.append(v);
        if (!s.behaviour().overrides().isEmpty()) {
            sb.append("\nbehaviour overrides: ").append(s.behaviour().overrides()).append('\n');
        }
        return sb.toString();
    }

    // ------------------------------------------------------------------ run

    /** --robustness: off (0 draws), a number of draws, or null (the scenario's block). */
    static Integer robustnessDraws(String option) {
        if (option == null) {
            return null;
        }
        String o = option.strip();
        if (o.equals("off")) {
            return 0;
        }
        try {
            int n = Integer.parseInt(o);
            if (n >= nl.fieldlab.sandbox.scenario.RobustnessSpec.MIN_DRAWS
                    && n <= nl.fieldlab.sandbox.scenario.RobustnessSpec.MAX_DRAWS) {
                return n;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new CommandFailure(ExitCodes.BAD_INPUT, "--robustness: expected off or 4 to 256 draws, got '"
                + nl.fieldlab.sandbox.input.PlainText.cut(o) + "' (a share needs at least 4 draws; 32 give it to "
                + "about +/-15 points)");
    }

    @Command(name = "run", group = "Simulation", exitStatusExceptionMapper = ERRORS, completionProvider = "scenarioFiles",
            description = "Run every variant of a scenario (the loaded one by default) and write the report",
            help = """
                    run [FILE] [--out DIR] [--replications N] [--seed S] [--seeds K] [--threads T] [--cluster]
                        [--robustness off|N]
                      Simulates every variant month by month in every replication, compares them, and writes
                      report.md, report.json, summary.csv and manifest.json to DIR (default reports/<scenario id>).
                      --seeds K (1 to 5; default the scenario's verdicts.seeds, else 1): runs the scenario K times
                      with independent seeds (the first is the plain run) and calls a headline difference only
                      where every run calls it, in the same direction; K times the work.
                      A scenario with a robustness: block also runs its draws across the behaviour ranges (the
                      section "Robustness to the behaviour assumptions"), in the shell and in batch alike;
                      --robustness off skips them, --robustness N makes N draws (4 to 256) instead.
                      --cluster: the replications run on the cluster's members (fieldlab.cluster.members; start
                      them with 'member'); the report is the same as a local run's, byte for byte.
                    Examples:
                      run
                      run scenarios/smoke.yaml --replications 5 --out reports/smoke-try
                      run scenarios/default.yaml --robustness off
                      run scenarios/default.yaml --cluster --robustness off""")
    public String run(@Argument(index = 0, description = "scenario file (default: the loaded scenario)",
            defaultValue = "") String file,
            @Option(longName = "out", description = "report folder") String out,
            @Option(longName = "replications", description = "number of replications") Integer replications,
            @Option(longName = "seed", description = "master seed") Long seed,
            @Option(longName = "threads", description = "worker threads (results do not depend on it)") Integer threads,
            @Option(longName = "cluster", description = "run the replications on the cluster") boolean cluster,
            @Option(longName = "seeds", description = "runs with independent seeds behind the verdicts, 1 to 5")
            Integer seeds,
            @Option(longName = "robustness", description = "draws across the behaviour ranges: off, or 4 to 256 "
                    + "(default: the scenario's robustness block)") String robustness,
            CommandContext ctx) {
        int t = threads == null ? Simulator.defaultThreads() : threads;
        if (t < 1) {
            throw new CommandFailure(ExitCodes.BAD_INPUT, "--threads: must be at least 1");
        }
        if (seeds != null && (seeds < 1 || seeds > nl.fieldlab.sandbox.scenario.VerdictsSpec.MAX_SEEDS)) {
            throw new CommandFailure(ExitCodes.BAD_INPUT, "--seeds: expected 1 to "
                    + nl.fieldlab.sandbox.scenario.VerdictsSpec.MAX_SEEDS + " runs with independent seeds, got "
                    + seeds);
        }
        Integer draws = robustnessDraws(robustness);
        Path scenario = file == null || file.isBlank() ? null : Path.of(file);
        String command = "run" + (scenario == null ? "" : " " + file) + (out == null ? "" : " --out " + out)
                + (replications == null ? "" : " --replications " + replications)
                + (seed == null ? "" : " --seed " + seed) + (seeds == null ? "" : " --seeds " + seeds)
                + (robustness == null ? "" : " --robustness " + robustness.strip());
        Workbench.LastRun r;
        ClusterRun remote = cluster ? new ClusterRun(clusterSettings) : null;
        try (RunControl.Session session = control.start(ctx.outputWriter())) {
            Workbench.RunOptions options = new Workbench.RunOptions(scenario, out == null ? null : Path.of(out), seed,
                    replications, t, session.progress(), session.cancelled(), command).withRobustness(draws)
                    .withSeeds(seeds);
            r = workbench.run(remote != null ? options.on(remote) : options);
        }
        Scenario s = r.scenario();
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "Ran '%s': %d variants x %d replications, %,d workers, %d months, in %.1f s.%n",
                s.id(), s.variants().size(), s.replications(), s.workerCount(), s.months(), r.seconds()));
        var questions = nl.fieldlab.sandbox.rules.Decider.Stats.total(r.result().deciderStats().values());
        long asked = questions.asked();
        long decided = questions.evaluated();
        if (asked > 0) {
            sb.append(String.format(Locale.ROOT, "The rules decided %,d of the %,d questions asked; the other %,d "
                    + "repeated a question already decided, in this run or the last.%n", decided, asked,
                    asked - decided));
        }
        sb.append(remote == null ? "" : remote.droppedSummary());
        Verdicts calls = r.report().verdicts();
        if (calls.seeds() != null) {
            sb.append("Seed check: ").append(calls.seedRuns()).append(" runs with independent seeds (")
                    .append(String.join(", ", calls.seeds().seeds().stream().map(String::valueOf).toList()))
                    .append("); a headline difference is called only where every run calls it.\n");
        }
        if (r.report().robustness() != null) {
            sb.append(r.report().robustness().summary()).append('\n');
        }
        sb.append("Report: ").append(r.reportDir()).append('\n');
        sb.append("Rules: ").append(workbench.rulesDir()).append(" (rules hash ")
                .append(r.manifest().rulesSha256().substring(0, 12)).append(")\n");
        nl.fieldlab.sandbox.app.Reachability.warnings(s, workbench.rules().library())
                .forEach(w -> sb.append(w).append('\n'));
        nl.fieldlab.sandbox.app.Reachability.afterRun(s, r.comparison()).forEach(w -> sb.append(w).append('\n'));
        sb.append('\n');
        sb.append(headline(r.comparison(), List.of(Metrics.PLACEMENTS, Metrics.EMPLOYED_AT_HORIZON,
                Metrics.PUBLIC_COST_PER_WORKER)));
        String costs = costEffectiveness(r.report());
        if (!costs.isEmpty()) {
            sb.append("\nAgainst the baseline (euro; * = " + markText(r.report().verdicts()) + ")\n\n").append(costs);
        }
        sb.append("\nUse 'compare' for the headline metrics and their differences to the baseline (compare --all for "
                + "every one); report.md opens with the cost-effectiveness readings and why a variant does worse.");
        if (!s.expectations().isEmpty()) {
            List<Expectations.Verdict> verdicts = Expectations.check(s.expectations(), r.comparison());
            TextTable table = new TextTable("expectation", "value", "verdict").left(1, 2);
            long failed = verdicts.stream().filter(v -> !v.holds()).count();
            verdicts.forEach(v -> table.row(v.claim(), v.value(), v.holds() ? "holds" : "FAILS"));
            sb.append("\n\nExpectations (").append(verdicts.size() - failed).append(" of ").append(verdicts.size())
                    .append(" hold)\n\n").append(table);
            if (failed > 0) {
                PrintWriter writer = ctx.outputWriter();
                writer.println(sb.toString().stripTrailing());
                writer.flush();
                throw new CommandFailure(ExitCodes.CHECKS_FAILED, failed + " of " + verdicts.size()
                        + " expectations failed (report written to " + r.reportDir() + ")");
            }
        }
        return sb.toString().stripTrailing();
    }

    // ------------------------------------------------------------------ compare

    @Command(name = "compare", group = "Simulation", exitStatusExceptionMapper = ERRORS,
            completionProvider = "metricNames",
            description = "Compare the variants of the last run: means with 95% CIs and paired differences",
            help = """
                    compare [--metric M] [--all] [--destinations] [--wide]
                      Each metric's mean over replications with its 95 % confidence interval per variant, then
                      each variant's paired difference to the baseline (* = a headline difference called after the
                      correction for multiple tests; every other difference is exploratory). Without
                      options: the headline metrics (placements, time to placement, months in work, courses,
                      trials, the money). --metric shows one metric in detail; --all shows every metric (ledger,
                      groups, blocking rules, reach). In the shell tables fit the terminal's width (cells wrap);
                      --wide prints them at full width. --destinations shows where people landed (employer
                      group, field, technical or not, wage band) and the wage gained against the benefit left.
                    Examples:
                      compare
                      compare --destinations
                      compare --metric placements
                      compare --all --wide""")
    public String compare(@Option(longName = "metric", description = "one metric in detail") String metric,
            @Option(longName = "all", description = "every metric, not only the headline ones") boolean all,
            @Option(longName = "destinations", description = "where people landed, and the wage gained against the "
                    + "benefit left") boolean destinations,
            @Option(longName = "wide", description = "tables at full width, not fitted to the terminal")
            boolean wide) {
        if (wide) {
            TextTable.fitTo(0);
        }
        if (destinations && (all || metric != null)) {
            throw new CommandFailure(ExitCodes.BAD_INPUT, "--destinations and " + (all ? "--all" : "--metric")
                    + ": give one");
        }
        Workbench.LastRun r = workbench.requireLast();
        Comparison c = r.comparison();
        if (destinations) {
            return destinations(r);
        }
        if (metric != null && !metric.isBlank()) {
            if (!c.metrics().containsKey(metric)) {
                throw new CommandFailure(ExitCodes.BAD_INPUT, Metrics.unknownMessage(metric, c.metrics().keySet()));
            }
            return detail(c, r.report().verdicts(), metric);
        }
        List<String> metrics = all ? new ArrayList<>(c.metrics().keySet())
                : Metrics.CONSOLE_HEADLINE.stream().filter(c.metrics()::containsKey).toList();
        return "Scenario '" + r.scenario().id() + "', " + r.scenario().replications()
                + " replications; mean [95% CI]\n\n" + headline(c, metrics) + "\nDifference to the baseline "
                + "(paired; * = " + markText(r.report().verdicts()) + ")\n\n"
                + differences(c, r.report().verdicts(), metrics)
                + (all ? "" : "\n" + metrics.size() + " headline metrics of " + c.metrics().size()
                        + "; compare --all shows every one, compare --metric M one in detail")
                + "\n'why VARIANT' says what a variant changed: the decisions, the money and a worker to explain";
    }

    @Command(name = "why", group = "Simulation", exitStatusExceptionMapper = ERRORS,
            completionProvider = "variantNames",
            description = "Why a variant of the last run does what it does: the decisions and money that changed",
            help = """
                    why VARIANT
                      For one variant of the last run against the baseline: the headline verdicts it does worse on
                      (if any), the answers its exemptions changed, every decision the behaviour mechanisms track
                      (in a fixed order, exploratory), where the money went, and one worker whose answer an exemption
                      changed, to follow with 'explain WORKER --diff VARIANT'. The same text as the report's section
                      "Why a variant does worse", also for a variant that does not.
                    Examples:
                      why E2
                      why E1+E2""")
    public String why(@Argument(index = 0, description = "a variant of the last run", defaultValue = "")
            String variant) {
        Workbench.LastRun r = workbench.requireLast();
        if (variant == null || variant.isBlank()) {
            throw new CommandFailure(ExitCodes.BAD_INPUT, "give a variant, e.g. why " + r.comparison().differences()
                    .keySet().stream().findFirst().orElse("E1") + " (variants of the last run: " + String.join(", ",
                            r.comparison().differences().keySet()) + ")");
        }
        Report.Section s;
        try {
            s = WhyWorse.forVariant(r.report(), variant.strip());
        } catch (IllegalArgumentException e) {
            throw new CommandFailure(ExitCodes.BAD_INPUT, e.getMessage());
        }
        StringBuilder sb = new StringBuilder(s.title()).append("\n\n");
        s.paragraphs().forEach(p -> sb.append(p).append("\n\n"));
        TextTable t = new TextTable("decision", "mechanism", "what changed", "difference [95% CI]", "sized by")
                .left(0, 1, 2, 4);
        s.rows().forEach(row -> t.row(row.subList(1, row.size()).toArray()));
        return sb.append("Every decision the mechanisms track (exploratory, uncorrected):\n\n").append(t)
                .toString().stripTrailing();
    }

    /** The report's two destination tables, for the console. */
    static String destinations(Workbench.LastRun r) {
        List<nl.fieldlab.sandbox.report.Report.Section> sections =
                nl.fieldlab.sandbox.report.DestinationSection.of(r.comparison());
        if (sections.isEmpty()) {
            throw new CommandFailure(ExitCodes.BAD_INPUT, "the last run has no destination metrics; run it again");
        }
        StringBuilder sb = new StringBuilder("Scenario '" + r.scenario().id() + "', " + r.scenario().replications()
                + " replications; means, and paired differences to the baseline [95% CI]; exploratory\n");
        for (var section : sections) {
            int labels = section.columns().indexOf(Variant.BASELINE);
            TextTable t = new TextTable(section.columns().toArray(new String[0]))
                    .left(java.util.stream.IntStream.range(0, labels).toArray());
            section.rows().forEach(row -> t.row(row.toArray()));
            sb.append('\n').append(section.title()).append("\n\n").append(t);
        }
        return sb.toString().stripTrailing();
    }

    static String headline(Comparison c, List<String> metrics) {
        List<String> header = new ArrayList<>();
        header.add("metric");
        header.addAll(c.variants());
        TextTable t = new TextTable(header.toArray(new String[0]));
        for (String m : metrics) {
            List<Object> row = new ArrayList<>();
            row.add(m);
            for (String v : c.variants()) {
                row.add(ReportWriter.cell(c.metrics().get(m).get(v), false));
            }
            t.row(row.toArray());
        }
        return t.toString();
    }

    /** What the console's * means, and when no difference is called at all. */
    static String markText(Verdicts verdicts) {
        String text = "a headline difference called after " + verdicts.family().correction().label()
                + (verdicts.seedRuns() > 1 ? " in every seed run" : "") + "; the rest is exploratory";
        return verdicts.enoughReplications() ? text
                : text + ". " + verdicts.tooFewText() + ": no difference is called";
    }

    /**
     * Per variant: the extra net public cost per extra work-year and its quadrant, extra placements, extra net public
     * cost and extra social cost (public purse, investors and sector funds), the public cost per extra placement,
     * fiscal return; then, for an outcome-financed project, the outcome
     * price that repays its investors.
     */
    static String costEffectiveness(nl.fieldlab.sandbox.report.Report report) {
        var rows = report.costEffectiveness();
        if (rows.isEmpty()) {
            return "";
        }
        TextTable t = new TextTable("variant", "cost per extra work-year", "quadrant", "extra placements",
                "extra net public cost", "extra social cost", "per extra placement", "fiscal return");
        for (var c : rows) {
            Verdicts verdicts = report.verdicts();
            t.row(c.variant(), ratioCell(c.costPerExtraWorkYear()), c.quadrant().json(),
                    ReportWriter.cell(c.placements(), verdicts.mark(c.variant(), Metrics.PLACEMENTS)),
                    ReportWriter.cell(c.netPublicCost(), verdicts.mark(c.variant(), Metrics.PUBLIC_COST)),
                    ReportWriter.cell(c.socialCost(), verdicts.mark(c.variant(), Metrics.SOCIAL_COST)),
                    ratioCell(c.perPlacement()),
                    ReportWriter.cell(c.fiscalReturn(), true));
        }
        StringBuilder out = new StringBuilder(t.toString());
        for (var c : rows) {
            String outcome = c.outcomePriceText();
            if (outcome != null) {
                out.append('\n').append(c.variant()).append(": ").append(outcome).append(".\n");
            }
        }
        out.append("\nSocial cost is the net public cost plus what investors and sector funds pay on balance; employers' and"
                + " workers' money is not in it (report.md: cost to all parties).\n");
        return out.toString();
    }

    /** A ratio with its interval, or in short why there is none ("none: work-years not called"; report.md says why). */
    private static String ratioCell(nl.fieldlab.sandbox.stats.Ratio r) {
        return r.defined() ? ReportWriter.cell(r)
                : r.undefined().replaceFirst("^not defined: the difference in (\\S+) is not called.*$",
                        "none: $1 not called").replace("not defined: ", "none: ");
    }

    static String differences(Comparison c, Verdicts verdicts, List<String> metrics) {
        List<String> header = new ArrayList<>();
        header.add("metric");
        header.addAll(c.differences().keySet());
        TextTable t = new TextTable(header.toArray(new String[0]));
        for (String m : metrics) {
            List<Object> row = new ArrayList<>();
            row.add(m);
            for (String v : c.differences().keySet()) {
                row.add(ReportWriter.cell(c.differences().get(v).get(m), verdicts.mark(v, m)));
            }
            t.row(row.toArray());
        }
        return t.toString();
    }

    static String detail(Comparison c, Verdicts verdicts, String metric) {
        TextTable t = new TextTable("variant", "mean", "sd", "se", "95% CI", "n", "diff to baseline", "diff se",
                "CI excludes 0 (uncorrected)", "verdict");
        for (String v : c.variants()) {
            Summary s = c.metrics().get(metric).get(v);
            Summary d = c.differences().containsKey(v) ? c.differences().get(v).get(metric) : null;
            t.row(v, ReportWriter.fmt(s.mean()), ReportWriter.fmt(s.sd()), ReportWriter.fmt(s.se()),
                    "[" + ReportWriter.fmt(s.ciLow()) + ", " + ReportWriter.fmt(s.ciHigh()) + "]", s.n(),
                    d == null ? "(reference)" : ReportWriter.cell(d, verdicts.mark(v, metric)),
                    d == null ? "" : ReportWriter.fmt(d.se()), d == null ? "" : d.excludesZero() ? "yes" : "no",
                    d == null ? "" : verdicts.why(v, metric));
        }
        String description = Metrics.DESCRIPTIONS.getOrDefault(metric, "");
        return Printable.line(metric) + (description.isEmpty() ? "" : ": " + description) + "\n\n" + t;
    }

    // ------------------------------------------------------------------ report

    @Command(name = "report", group = "Simulation", exitStatusExceptionMapper = ERRORS,
            description = "Show where the last run's report is, or write it again to another folder",
            help = """
                    report [--out DIR]
                      Without --out: lists the files of the last run's report. With --out: writes the report there.
                    Examples:
                      report
                      report --out reports/for-the-province""")
    public String report(@Option(longName = "out", description = "write the report to this folder") String out) {
        Workbench.LastRun r = workbench.requireLast();
        Path dir = out == null ? r.reportDir() : workbench.writeReport(Path.of(out));
        // a run killed while it replaced the folder left it set aside: list it under its own name again
        ReportFolder.restoreSetAside(dir);
        StringBuilder sb = new StringBuilder("Report of '" + r.scenario().id() + "' in " + dir + ":\n");
        for (String f : List.of(ReportWriter.REPORT_MD, "report.html", ReportWriter.REPORT_JSON, ReportWriter.SUMMARY_CSV,
                ReportWriter.MANIFEST_JSON)) {
            if (dir.resolve(f).toFile().exists()) {
                sb.append("  ").append(dir.resolve(f)).append('\n');
            }
        }
        return sb.toString().stripTrailing();
    }

    // ------------------------------------------------------------------ rules

    @Command(name = {"rules", "list"}, group = "Rules", exitStatusExceptionMapper = ERRORS,
            completionProvider = "variantNames",
            description = "List the rules with their ids, files and the legal source each encodes",
            help = """
                    rules list [--variant V] [--exemption E]
                      Every rule of the baseline and of every exemption. --variant shows one variant's rule base and
                      which baseline rules its exemptions suspend; --exemption shows one exemption's declaration.
                    Examples:
                      rules list
                      rules list --exemption E2""")
    public String rulesList(@Option(longName = "variant", description = "a variant of the loaded scenario") String variant,
            @Option(longName = "exemption", description = "an exemption id") String exemption) {
        if (exemption != null && !exemption.isBlank()) {
            Exemption e = workbench.rules().library().exemption(exemption);
            if (e == null) {
                throw new CommandFailure(ExitCodes.BAD_INPUT, "unknown exemption '" + exemption + "' (known: "
                        + String.join(", ", workbench.rules().library().exemptions().stream().map(Exemption::id).toList())
                        + ")");
            }
            return describe(e, workbench.allRules(), workbench.rules().library().sources());
        }
        Map<String, RuleInfo> rules;
        RuleBase base = null;
        if (variant != null && !variant.isBlank()) {
            Scenario s = workbench.requireScenario();
            Variant v = workbench.effective(s).variant(variant);
            if (v == null) {
                throw new CommandFailure(ExitCodes.BAD_INPUT, "no variant '" + variant + "' in scenario " + s.id());
            }
            base = workbench.rules().forVariants(List.of(v), 1).get(variant);
            rules = base.rules();
        } else {
            rules = workbench.allRules();
        }
        TextTable t = new TextTable("rule", "layer", "from", "where", "legal source").left(1, 2, 3, 4);
        for (RuleInfo r : rules.values()) {
            String from = r.exemption() == null ? "baseline" : r.exemption();
            if (base != null && !base.suspendedBy(r.id()).isEmpty()) {
                from += " (suspended in scope of " + String.join(", ", base.suspendedBy(r.id())) + ")";
            }
            t.row(r.id(), r.layer(), from, r.file() + ":" + r.line(), r.source());
        }
        return t + String.format(Locale.ROOT, "%d rules from %s (rules hash %s)", t.size(), workbench.rulesDir(),
                workbench.rules().library().hash().substring(0, 12));
    }

    static String describe(Exemption e, Map<String, RuleInfo> all, nl.fieldlab.sandbox.rules.Sources sources) {
        StringBuilder sb = new StringBuilder();
        sb.append(e.id()).append(": ").append(e.title()).append("  (").append(e.file()).append(")\n\n");
        sb.append(e.description()).append("\n\nMechanism: ").append(e.mechanism()).append("\nRisk: ")
                .append(e.risk()).append("\nSource: ").append(e.source()).append('\n');
        resolved(sb, sources, e.source());
        sb.append("Legal route: ");
        var route = e.legalRoute();
        if (route == null) {
            sb.append("not declared\n");
        } else {
            sb.append(route.text()).append("; source: ").append(route.source()).append('\n');
            resolved(sb, sources, route.source());
            for (var part : route.parts()) {
                sb.append("  Part: ").append(part.text()).append("; source: ").append(part.source()).append('\n');
                resolved(sb, sources, part.source());
            }
        }
        sb.append('\n');
        sb.append("Suspends: ").append(e.suspends().isEmpty() ? "-" : String.join(", ", e.suspends())).append('\n');
        sb.append("Adds: ").append(String.join(", ", all.values().stream()
                .filter(r -> e.id().equals(r.exemption())).map(RuleInfo::id).toList())).append('\n');
        sb.append("Parameters: ");
        if (e.parameters().isEmpty()) {
            sb.append("-");
        }
        e.parameters().values().forEach(p -> p.values().forEach(v -> sb.append("\n  ").append(p.key()).append(" = ")
                .append(nl.fieldlab.sandbox.domain.Texts.num(v.value())).append(' ').append(p.unit())
                .append(v.from().getYear() > 2000 ? " from " + v.from() : "").append("  (").append(v.source())
                .append(')')));
        var sc = e.scope();
        sb.append("\nScope: ").append(sc.describe());
        if (sc.capped()) {
            sb.append("\nCaps: ").append(sc.describeCaps());
        }
        return sb.toString();
    }

    /** The sources a text names, one a line: "    S16: title; issuer; identifier (kind)". */
    private static void resolved(StringBuilder sb, nl.fieldlab.sandbox.rules.Sources sources, String text) {
        sources.describe(text).forEach(s -> sb.append("    ").append(s).append('\n'));
    }

    @Command(name = {"rules", "reload"}, group = "Rules", exitStatusExceptionMapper = ERRORS,
            description = "Read and compile the rules folder again; a broken file keeps the last good rule base",
            help = """
                    rules reload
                      Reads rules/ again (DRL, exemptions, parameters) and compiles the baseline, every exemption
                      and the loaded scenario's variants. If anything fails to compile, the error names the file and
                      line and the rule base that worked stays in use. (run also reloads changed rules by itself.)
                    Example:
                      rules reload""")
    public String rulesReload() {
        List<String> changed = workbench.reloadRules();
        int n = workbench.allRules().size();
        return "Rules reloaded from " + workbench.rulesDir() + ": " + n + " rules"
                + (changed.isEmpty() ? ", no files changed." : "; changed: " + String.join(", ", changed));
    }

    @Command(name = {"rules", "check"}, group = "Rules", exitStatusExceptionMapper = ERRORS,
            description = "Check the rules: unknown suspended ids, conflicting overrides, parameter gaps, uncovered rules, sources",
            help = """
                    rules check
                      Reports exemptions that suspend a rule id that does not exist; two exemptions that set the same
                      parameter differently with overlapping scope; parameters without a source or with gaps in their
                      dated values; rules that no rule case fires; a source id the rules cite that rules/sources.yaml
                      does not list, an entry there nothing cites, and a citation of the domain brief. Exit code 2 on
                      errors (warnings do not fail).
                    Example:
                      rules check""")
    public String rulesCheck(CommandContext ctx) {
        workbench.reloadIfChanged();
        Path casesDir = workbench.rulesDir().resolve("cases");
        var library = workbench.rules().library();
        List<RuleCase> cases = RuleCaseLoader.load(casesDir, casesDir, library);
        List<RuleCaseRunner.Result> results;
        RuleCheck.Report report;
        try (RunControl.Session session = control.start(ctx.outputWriter())) {
            var progress = session.progress();
            progress.phase("running " + cases.size() + " rule cases");
            results = new RuleCaseRunner(library).run(cases, progress::update);
            progress.phase("checking suspends, overrides, parameters, coverage, target groups and sources");
            report = RuleCheck.check(library, cases, results);
        }
        StringBuilder sb = new StringBuilder();
        report.errors().forEach(e -> sb.append("error: ").append(e).append('\n'));
        report.warnings().forEach(w -> sb.append("warning: ").append(w).append('\n'));
        long failedCases = results.stream().filter(r -> !r.passed()).count();
        String summary = String.format(Locale.ROOT, "%d rules checked, %d rule cases (%d failing), %d errors, %d warnings",
                workbench.allRules().size(), cases.size(), failedCases, report.errors().size(),
                report.warnings().size());
        if (!report.ok() || failedCases > 0) {
            ctx.outputWriter().print(sb);
            ctx.outputWriter().flush();
            throw new CommandFailure(ExitCodes.CHECKS_FAILED, summary);
        }
        return sb + summary;
    }

    // ------------------------------------------------------------------ validate and test-rules

    @Command(name = "validate", group = "Scenario", exitStatusExceptionMapper = ERRORS, completionProvider = "scenarioFiles",
            description = "Check a scenario file and its variants' rules without running it",
            help = """
                    validate FILE
                      Reads the scenario, checks every field and compiles each variant's rules. Exit code 0 when
                      valid; 1 with file:line: field: problem when not.
                    Example:
                      validate scenarios/default.yaml""")
    public String validate(@Argument(index = 0, description = "scenario file") String file) {
        if (file == null || file.isBlank()) {
            throw new CommandFailure(ExitCodes.BAD_INPUT, "give a scenario file, e.g. validate scenarios/default.yaml");
        }
        Scenario s = workbench.validate(Path.of(file));
        var library = workbench.rules().library();
        StringBuilder warnings = new StringBuilder();
        nl.fieldlab.sandbox.app.Reachability.warnings(s, library).forEach(w -> warnings.append('\n').append(w));
        String estimate = workbench.runEstimate(s);
        if (estimate != null) {
            warnings.append('\n').append(estimate);
        }
        return String.format(Locale.ROOT, "%s: valid (%,d workers, %d employer groups, %d variants: %s)%n"
                + "checked against the rules in %s (rules hash %s, %d rules)", file,
                s.workerCount(), s.employers().size(), s.variants().size(),
                String.join(", ", s.variants().stream().map(Variant::name).toList()), workbench.rulesDir(),
                library.hash().substring(0, 12), library.ruleCount()) + warnings;
    }

    @Command(name = "schema", group = "Scenario", exitStatusExceptionMapper = ERRORS,
            completionProvider = "schemaKinds",
            description = "Print the JSON Schema of scenario files, rule cases, exemption declarations or the source register",
            help = """
                    schema KIND
                      Prints the JSON Schema (draft 2020-12) of a kind of file: scenario, rule-cases, exemption or
                      sources (rules/sources.yaml).
                      Editors that read a '# yaml-language-server: $schema=FILE' line (VS Code with the YAML
                      extension, IntelliJ, Neovim with yaml-language-server) complete and check a file while it is
                      typed. The shipped files point at the copies in scenarios/, rules/cases/, rules/exemptions/
                      and rules/; save one beside your own files with the command below.
                    Examples:
                      schema scenario
                      java -jar target/fieldlab.jar schema scenario > my-scenarios/scenario.schema.json""")
    public String schema(@Argument(index = 0, description = "scenario, rule-cases, exemption, sources or support", defaultValue = "")
            String kind) {
        FileSchema s = FileSchema.byWord(kind == null ? "" : kind.strip());
        if (s == null) {
            String near = kind == null || kind.isBlank() ? "" : Suggestions.didYouMean(kind.strip(), FileSchema.words());
            throw new CommandFailure(ExitCodes.BAD_INPUT, (kind == null || kind.isBlank() ? "give a kind of file"
                    : "no schema for '" + kind.strip() + "'" + near) + ": one of " + String.join(", ", FileSchema.words()));
        }
        return s.text().stripTrailing();
    }

    @Command(name = "test-rules", group = "Rules", exitStatusExceptionMapper = ERRORS, completionProvider = "caseFiles",
            description = "Run the rule cases (expected outcomes written as data) and print pass/fail",
            help = """
                    test-rules [PATH]
                      Runs every case under rules/cases (or the given file or folder) against the rules on disk and
                      prints a table of expected against actual. Exit code 2 when any case fails.
                    Examples:
                      test-rules
                      test-rules rules/cases/trial-placement.yaml""")
    public String testRules(@Argument(index = 0, description = "case file or folder", defaultValue = "") String path,
            CommandContext ctx) {
        workbench.reloadIfChanged();
        Path casesDir = workbench.rulesDir().resolve("cases");
        Path target = path == null || path.isBlank() ? casesDir : Path.of(path);
        List<RuleCase> cases = RuleCaseLoader.load(target, casesDir, workbench.rules().library());
        List<RuleCaseRunner.Result> results;
        try (RunControl.Session session = control.start(ctx.outputWriter())) {
            var progress = session.progress();
            progress.phase("running " + cases.size() + " rule cases");
            results = new RuleCaseRunner(workbench.rules().library()).run(cases, progress::update);
        }
        TextTable t = new TextTable("result", "case", "where", "check", "expected", "actual").left(1, 2, 3, 4, 5);
        int failed = 0;
        for (RuleCaseRunner.Result r : results) {
            if (r.passed()) {
                t.row("pass", r.rule().name(), r.rule().where(), "", "", "");
                continue;
            }
            failed++;
            if (r.error() != null) {
                t.row("FAIL", r.rule().name(), r.rule().where(), "error", "", r.error());
            }
            for (RuleCaseRunner.Check c : r.failures()) {
                t.row("FAIL", r.rule().name(), r.rule().where(), c.what(), c.expected(), c.actual());
            }
        }
        String summary = String.format(Locale.ROOT, "%d cases, %d passed, %d failed", results.size(),
                results.size() - failed, failed);
        if (failed > 0) {
            PrintWriter out = ctx.outputWriter();
            out.println(t);
            out.flush();
            throw new CommandFailure(ExitCodes.CHECKS_FAILED, summary);
        }
        return t + summary;
    }
}
