package nl.fieldlab.sandbox.shell;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

import nl.fieldlab.sandbox.app.Analyses;
import nl.fieldlab.sandbox.app.Benchmark;
import nl.fieldlab.sandbox.app.CommandFailure;
import nl.fieldlab.sandbox.app.ExitCodes;
import nl.fieldlab.sandbox.app.Robustness;
import nl.fieldlab.sandbox.app.Workbench;
import nl.fieldlab.sandbox.cluster.ClusterRun;
import nl.fieldlab.sandbox.cluster.ClusterSettings;
import nl.fieldlab.sandbox.report.Csv;
import nl.fieldlab.sandbox.report.Printable;
import nl.fieldlab.sandbox.report.ReportWriter;
import nl.fieldlab.sandbox.scenario.CalibrationTargets;
import nl.fieldlab.sandbox.scenario.EvidenceTable;
import nl.fieldlab.sandbox.scenario.RobustnessSpec;
import nl.fieldlab.sandbox.scenario.Scenario;
import nl.fieldlab.sandbox.simulation.Metrics;
import nl.fieldlab.sandbox.simulation.Simulator;

/** Exploration commands: calibrate, sweep, rank-exemptions, plan-replications and the benchmark. */
@Component
public class AnalysisCommands {

    private final Workbench workbench;
    private final Analyses analyses;
    private final Benchmark benchmark;
    private final RunControl control;
    private final ClusterSettings clusterSettings;

    public AnalysisCommands(Workbench workbench, Analyses analyses, Benchmark benchmark, RunControl control,
            ClusterSettings clusterSettings) {
        this.workbench = workbench;
        this.analyses = analyses;
        this.benchmark = benchmark;
        this.control = control;
        this.clusterSettings = clusterSettings;
    }

    private Scenario scenario(String file, Integer replications) {
        Scenario s = workbench.scenarioFor(file == null || file.isBlank() ? null : Path.of(file));
        if (replications != null) {
            if (replications < 2) {
                throw new CommandFailure(ExitCodes.BAD_INPUT, "--replications: expected at least 2");
            }
            s = s.with(s.seed(), replications, s.behaviour(), s.variants());
        }
        return s;
    }

    private static int threads(Integer t) {
        if (t != null && t < 1) {
            throw new CommandFailure(ExitCodes.BAD_INPUT, "--threads: must be at least 1");
        }
        return t == null ? Simulator.defaultThreads() : t;
    }

    // ------------------------------------------------------------------ calibrate

    @Command(name = "calibrate", group = "Analysis", exitStatusExceptionMapper = SandboxCommands.ERRORS,
            completionProvider = "scenarioFiles",
            description = "Run the baseline and compare its exit rates with the observed figures",
            help = """
                    calibrate [FILE] [--targets FILE] [--replications N]
                      Runs the baseline of the scenario (the loaded one by default) and prints each calibration
                      measure, simulated (mean [95% CI]) against the observed target, with the gap. Exit code 2 when
                      a measure is outside the band. Targets: scenarios/calibration.yaml.
                    Example:
                      calibrate""")
    public String calibrate(@Argument(index = 0, defaultValue = "", description = "scenario file") String file,
            @Option(longName = "targets", description = "targets file") String targets,
            @Option(longName = "replications", description = "replications") Integer replications,
            @Option(longName = "threads", description = "worker threads") Integer threads, CommandContext ctx) {
        Scenario s = scenario(file, replications);
        CalibrationTargets t = CalibrationTargets.load(Path.of(targets == null ? "scenarios/calibration.yaml" : targets));
        Analyses.Calibration cal;
        try (RunControl.Session session = control.start(ctx.outputWriter())) {
            cal = analyses.calibrate(s, t, new Analyses.Run(threads(threads), session.progress(), session.cancelled()));
        }
        TextTable table = new TextTable("measure", "simulated", "target", "gap", "within +/-"
                + ReportWriter.fmt(t.band()), "source").left(5);
        for (Analyses.CalibrationRow r : cal.rows()) {
            table.row(r.target().label(), ReportWriter.cell(r.simulated(), false), ReportWriter.fmt(r.target().value()),
                    (r.gap() > 0 ? "+" : "") + ReportWriter.fmt(r.gap()), r.within() ? "yes" : "NO", r.target().source());
        }
        String text = String.format(Locale.ROOT, "Calibration of '%s' (baseline, %d replications, seed %d)%n%n%s",
                s.id(), s.replications(), s.seed(), table).stripTrailing();
        if (!cal.allWithin()) {
            ctx.outputWriter().println(text);
            ctx.outputWriter().flush();
            long out = cal.rows().stream().filter(r -> !r.within()).count();
            throw new CommandFailure(ExitCodes.CHECKS_FAILED, out + " calibration measure(s) outside the band");
        }
        return text + "\nAll measures within the band.";
    }

    // ------------------------------------------------------------------ evidence

    @Command(name = "check-evidence", group = "Analysis", exitStatusExceptionMapper = SandboxCommands.ERRORS,
            description = "Simulate each published effect of the evidence table and check it falls in its band",
            help = """
                    check-evidence [--quick] [--row ID] [--table FILE] [--out DIR]
                      Reads scenarios/evidence.yaml, or the table FILE names (published effects of Dutch and meta-analytic evaluations, each
                      with a band), runs the experiment each row names (a scenario under scenarios/evidence/), and
                      prints the simulated effect against the band with pass or FAIL; rows the model cannot simulate
                      say why. --quick runs 4 replications per experiment. Writes evidence.md and evidence.csv to DIR
                      (default reports/evidence). A row recorded as known-failing (known-failing: {since, reason,
                      issue}) that fails is reported as KNOWN FAIL. Exit code 2 when a row fails that is not
                      recorded so, or when a row recorded as known-failing passes (remove the record).
                    Examples:
                      check-evidence --quick
                      check-evidence --row training-long-programme-west-germany""")
    public String checkEvidence(@Option(longName = "quick", description = "4 replications per experiment") boolean quick,
            @Option(longName = "row", description = "one row by id") String row,
            @Option(longName = "out", description = "output folder") String out,
            @Option(longName = "table", description = "the evidence table (default scenarios/evidence.yaml); its"
                    + " experiments are named relative to its folder") String tableFile,
            @Option(longName = "threads", description = "worker threads") Integer threads, CommandContext ctx) {
        Path dir = out != null ? Path.of(out) : workbench.reportsDir().resolve("evidence");
        workbench.checkOutputFolder(dir);
        Path file = Path.of(tableFile == null || tableFile.isBlank() ? "scenarios/evidence.yaml" : tableFile);
        EvidenceTable table = EvidenceTable.load(file);
        List<Analyses.EvidenceRow> rows;
        long t0 = System.nanoTime();
        try (RunControl.Session session = control.start(ctx.outputWriter())) {
            rows = analyses.checkEvidence(table, file.toAbsolutePath().getParent(), quick, row == null || row.isBlank() ? null : row,
                    new Analyses.Run(threads(threads), session.progress(), session.cancelled()));
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (rows.isEmpty()) {
            throw new CommandFailure(ExitCodes.BAD_INPUT, "no evidence row '" + row + "' in " + file);
        }
        TextTable t = new TextTable("row", "published", "band", "simulated", "verdict", "experiment").left(4, 5);
        Csv csv = new Csv("row", "measure", "published", "band_low", "band_high", "simulated", "ci_low", "ci_high",
                "verdict", "experiment", "known_failing", "source");
        StringBuilder md = new StringBuilder("# Evidence check\n\nPublished effects (scenarios/evidence.yaml) "
                + "against their simulation" + (quick ? " (quick: 4 replications per experiment)" : "") + ".\n\n"
                + "| row | measure | published | band | simulated [95% CI] | verdict | experiment | source |\n"
                + "|---|---|---:|---|---|---|---|---|\n");
        Map<Analyses.Verdict, Long> counts = new java.util.EnumMap<>(Analyses.Verdict.class);
        for (Analyses.EvidenceRow r : rows) {
            EvidenceTable.Row e = r.row();
            String published = e.published() == null ? "sign only" : ReportWriter.fmt(e.published())
                    + (Boolean.TRUE.equals(e.unverified()) ? " (unverified)" : "");
            String band = "[" + ReportWriter.fmt(e.low()) + ", " + ReportWriter.fmt(e.high()) + "]";
            String value = r.wasSimulated() ? ReportWriter.cell(r.simulated(), false) : "-";
            Analyses.Verdict v = r.verdict();
            counts.merge(v, 1L, Long::sum);
            String verdict = v.label();
            // a known failure says why and where it is to be fixed, beside the experiment
            String known = e.knownFailing() == null ? "" : "known failing since " + e.knownFailing().since()
                    + " (issue " + e.knownFailing().issue() + "): " + Printable.line(e.knownFailing().reason());
            String note = known.isEmpty() ? r.note() : r.note() + "; " + known;
            t.row(e.id(), published, band, value, verdict, note);
            csv.row(e.id(), e.measure(), e.published(), e.low(), e.high(),
                    r.wasSimulated() ? r.simulated().mean() : null, r.wasSimulated() ? r.simulated().ciLow() : null,
                    r.wasSimulated() ? r.simulated().ciHigh() : null, verdict, r.note(), known,
                    Printable.line(e.source()));
            md.append("| ").append(ReportWriter.cellText(e.id())).append(" | ").append(ReportWriter.cellText(
                    e.measure())).append(" | ").append(published).append(" | ").append(band).append(" | ")
                    .append(value).append(" | ").append(verdict).append(" | ")
                    .append(Printable.line(note).replace("|", "/")).append(" | ")
                    .append(Printable.line(e.source()).replace("|", "/")).append(" |\n");
        }
        Map<String, String> files = new LinkedHashMap<>();
        files.put("evidence.csv", csv.toString());
        files.put("evidence.md", Printable.text(md.toString()));
        workbench.writeFolder(dir, files, workbench.manifestFor(workbench.scenarioFor(null),
                "check-evidence" + (quick ? " --quick" : ""), threads(threads), seconds));
        String summary = Analyses.evidenceSummary(rows.size(), counts);
        String text = "Evidence check" + (quick ? " (quick)" : "") + "\n\n" + t + summary + "\nWritten to " + dir;
        if (counts.keySet().stream().anyMatch(Analyses.Verdict::failsTheCheck)) {
            ctx.outputWriter().println(text);
            ctx.outputWriter().flush();
            throw new CommandFailure(ExitCodes.CHECKS_FAILED, summary);
        }
        return text;
    }

    // ------------------------------------------------------------------ sweep

    @Command(name = "sweep", group = "Analysis", exitStatusExceptionMapper = SandboxCommands.ERRORS,
            completionProvider = "sweepParameters",
            description = "Run every variant over a range of one parameter; print and write the metric per value",
            help = """
                    sweep PARAM --from A --to B --steps N [--metric M] [--replications R] [--out DIR] [--cluster]
                      PARAM is a rule parameter key (e.g. e2.trial.max-months) or a behaviour name (e.g.
                      hire.base). Runs every variant at N evenly spaced values with the same random numbers, and
                      writes sweep.csv and sweep.md (a chart-ready table) to DIR (default
                      reports/<scenario>-sweep-<PARAM>). --cluster: the points run on the cluster's members
                      (see run --cluster), with the same results.
                    Example:
                      sweep e2.trial.max-months --from 2 --to 6 --steps 3 --metric trialsConverted --replications 5""")
    public String sweep(@Argument(index = 0, description = "parameter key or behaviour name") String parameter,
            @Option(longName = "from", required = true, description = "first value") Double from,
            @Option(longName = "to", required = true, description = "last value") Double to,
            @Option(longName = "steps", defaultValue = "5", description = "number of values") Integer steps,
            @Option(longName = "metric", defaultValue = Metrics.PLACEMENTS, description = "metric") String metric,
            @Option(longName = "replications", description = "replications per value") Integer replications,
            @Option(longName = "out", description = "output folder") String out,
            @Option(longName = "threads", description = "worker threads") Integer threads,
            @Option(longName = "cluster", description = "run the points on the cluster") boolean cluster,
            CommandContext ctx) {
        if (parameter == null || parameter.isBlank()) {
            throw new CommandFailure(ExitCodes.BAD_INPUT, "give a parameter, e.g. sweep e2.trial.max-months --from 2 --to 6");
        }
        Scenario s = scenario(null, replications);
        Path dir = out != null ? Path.of(out) : workbench.reportsDir().resolve(s.id() + "-sweep-" + parameter);
        workbench.checkOutputFolder(dir);
        int t = threads(threads);
        long t0 = System.nanoTime();
        Analyses.Sweep sw;
        ClusterRun remote = cluster ? new ClusterRun(clusterSettings) : null;
        try (RunControl.Session session = control.start(ctx.outputWriter())) {
            sw = analyses.sweep(s, parameter, from, to, steps, metric, new Analyses.Run(t, session.progress(),
                    session.cancelled(), remote));
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        analyses.writeSweep(sw, dir, "sweep " + parameter + " --from " + from + " --to " + to + " --steps " + steps
                + " --metric " + metric, t, seconds);
        String[] header = new String[sw.variants().size() + 1];
        header[0] = parameter;
        for (int i = 0; i < sw.variants().size(); i++) {
            header[i + 1] = sw.variants().get(i);
        }
        TextTable table = new TextTable(header);
        for (double v : sw.values()) {
            Object[] row = new Object[header.length];
            row[0] = ReportWriter.fmt(v);
            for (int i = 0; i < sw.variants().size(); i++) {
                row[i + 1] = ReportWriter.cell(sw.results().get(v).get(sw.variants().get(i)), false);
            }
            table.row(row);
        }
        return String.format(Locale.ROOT, "Sweep of %s: %s, mean [95%% CI], %d replications per value, %.1f s%n%n%s%n"
                + "%sWritten to %s (sweep.csv, sweep.md)", parameter, metric, s.replications(), seconds, table,
                remote == null ? "" : remote.droppedSummary(), dir);
    }

    // ------------------------------------------------------------------ robustness

    @Command(name = "robustness", group = "Analysis", exitStatusExceptionMapper = SandboxCommands.ERRORS,
            completionProvider = "scenarioFiles",
            description = "Draw the behaviour values across their ranges; say in how many draws each difference holds",
            help = """
                    robustness [FILE] [--draws N] [--replications R] [--values a,b,...] [--out DIR] [--threads T]
                      Runs the scenario (the loaded one by default), then N draws (4 to 256; default the
                      scenario's robustness block, else 32) of the behaviour values across their declared ranges
                      (a Latin hypercube, design seed 42), each draw with its own seed and R replications (2 to
                      50; default 2), all variants of a draw on the same random numbers. For every variant and
                      headline difference it says in how many draws the main run's sign held (95 % Wilson
                      interval), which drawn value moved it most (Spearman, Holm) and how much is noise.
                      --values draws only the values named. Writes robustness.md, robustness.csv and
                      manifest.json to DIR (default reports/<scenario>-robustness). 'run' makes the same draws
                      for a scenario with a robustness: block.
                    Example:
                      robustness scenarios/social-cooperative-kennemerland.yaml --draws 16""")
    public String robustness(@Argument(index = 0, description = "scenario file (default: the loaded scenario)",
            defaultValue = "") String file,
            @Option(longName = "draws", description = "draws of the behaviour values, 4 to 256") Integer draws,
            @Option(longName = "replications", description = "replications per draw, 2 to 50") Integer replications,
            @Option(longName = "values", description = "the behaviour values to draw, comma-separated") String values,
            @Option(longName = "out", description = "output folder") String out,
            @Option(longName = "threads", description = "worker threads") Integer threads,
            @Option(longName = "cluster", description = "not supported yet") boolean cluster,
            CommandContext ctx) {
        if (cluster) {
            throw new CommandFailure(ExitCodes.BAD_INPUT, "robustness runs on this machine only for now (--cluster is "
                    + "not supported yet)");
        }
        if (draws != null && (draws < RobustnessSpec.MIN_DRAWS || draws > RobustnessSpec.MAX_DRAWS)) {
            throw new CommandFailure(ExitCodes.BAD_INPUT, "--draws: expected 4 to 256, got " + draws + " (a share "
                    + "needs at least 4 draws; 32 give it to about +/-15 points)");
        }
        if (replications != null && (replications < RobustnessSpec.MIN_REPLICATIONS
                || replications > RobustnessSpec.MAX_REPLICATIONS)) {
            throw new CommandFailure(ExitCodes.BAD_INPUT, "--replications: expected 2 to 50 per draw, got "
                    + replications + " (the noise within a draw is measured from 2 or more)");
        }
        Scenario s = scenario(file, null);
        RobustnessSpec block = s.robustness() != null ? s.robustness()
                : new RobustnessSpec(DEFAULT_DRAWS, null, null, null);
        List<String> named = values == null ? block.values() : java.util.Arrays.stream(values.split(","))
                .map(String::strip).filter(v -> !v.isEmpty()).toList();
        if (named != null) {
            for (String v : named) {
                String problem = RobustnessSpec.valueProblem(v, block.ranges());
                if (problem != null) {
                    throw new CommandFailure(ExitCodes.BAD_INPUT, "--values: " + problem);
                }
            }
        }
        RobustnessSpec spec = new RobustnessSpec(draws != null ? draws : block.draws(),
                replications != null ? replications : block.replicationsPerDraw(), named, block.ranges());
        Path dir = out != null ? Path.of(out) : workbench.reportsDir().resolve(s.id() + "-robustness");
        workbench.checkOutputFolder(dir);
        int t = threads(threads);
        long t0 = System.nanoTime();
        Robustness.Result r;
        try (RunControl.Session session = control.start(ctx.outputWriter())) {
            r = analyses.robustness(s, spec, new Analyses.Run(t, session.progress(), session.cancelled()));
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        analyses.writeRobustness(r, dir, "robustness" + (file == null || file.isBlank() ? "" : " " + file)
                + " --draws " + spec.draws() + " --replications " + spec.replicationsPerDraw()
                + (named == null ? "" : " --values " + String.join(",", named)), t, seconds);
        TextTable table = new TextTable("variant", "difference", "main run", "sign held in", "moved most by")
                .left(0, 1, 3, 4);
        r.section().rows().forEach(row -> table.row(row.get(0), row.get(1), row.get(2), row.get(3), row.get(4)));
        return String.format(Locale.ROOT, "Robustness of '%s': %d draws x %d replications of %d behaviour values, "
                + "%.1f s%n%n%s%nWritten to %s (robustness.md, robustness.csv)", s.id(), r.drawCount(),
                r.replications(), r.space().drawn().size(), seconds, table, dir);
    }

    /** Draws of the robustness command when neither the option nor the scenario says. */
    static final int DEFAULT_DRAWS = 32;

    // ------------------------------------------------------------------ rank-exemptions

    @Command(name = "rank-exemptions", group = "Analysis", exitStatusExceptionMapper = SandboxCommands.ERRORS,
            completionProvider = "metricNames",
            description = "Each exemption alone against the baseline, then all together, ranked by effect",
            help = """
                    rank-exemptions [--metric M] [--replications R] [--seeds K] [--out DIR]
                      Runs the baseline, every exemption on its own and all exemptions together (same random
                      numbers) and ranks the exemptions by their paired effect on the metric (default work-years,
                      i.e. monthsInWork in years) with 95% CIs, beside the workers each reached, what its rules
                      paid and the extra net public cost. A metric of the headline family gets verdicts (Holm over
                      the family of every exemption alone and all together; --seeds K as in run); another metric is
                      exploratory. An exemption that reaches no one here says why and has no rank. Also the
                      interaction: the combined effect minus the sum of the single effects. Needs at least 10
                      replications. Writes ranking.csv and ranking.md to DIR (default
                      reports/<scenario>-ranking-<metric>).
                    Example:
                      rank-exemptions --replications 10
                      rank-exemptions --metric placements --replications 20 --seeds 2""")
    public String rank(@Option(longName = "metric", defaultValue = Analyses.WORK_YEARS, description = "metric")
            String metric,
            @Option(longName = "replications", description = "replications") Integer replications,
            @Option(longName = "out", description = "output folder") String out,
            @Option(longName = "threads", description = "worker threads") Integer threads,
            @Option(longName = "seeds", description = "runs with independent seeds behind the verdicts, 1 to 5")
            Integer seeds, CommandContext ctx) {
        Scenario s = scenario(null, replications);
        if (seeds != null) {
            if (seeds < 1 || seeds > nl.fieldlab.sandbox.scenario.VerdictsSpec.MAX_SEEDS) {
                throw new CommandFailure(ExitCodes.BAD_INPUT, "--seeds: expected 1 to "
                        + nl.fieldlab.sandbox.scenario.VerdictsSpec.MAX_SEEDS + " runs with independent seeds, got "
                        + seeds);
            }
            s = s.withVerdicts(s.verdicts().withSeeds(seeds));
        }
        Path dir = out != null ? Path.of(out) : workbench.reportsDir().resolve(s.id() + "-ranking-" + metric);
        workbench.checkOutputFolder(dir);
        checkVerdictReplications(s.replications(), replications != null);
        int t = threads(threads);
        long t0 = System.nanoTime();
        Analyses.Ranking rk;
        try (RunControl.Session session = control.start(ctx.outputWriter())) {
            rk = analyses.rank(s, metric, new Analyses.Run(t, session.progress(), session.cancelled()));
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        analyses.writeRanking(rk, dir, "rank-exemptions --metric " + metric + (seeds == null ? "" : " --seeds "
                + seeds), t, seconds);
        Map<String, nl.fieldlab.sandbox.rules.LegalRoute> routes = workbench.rules().library().legalRoutes();
        TextTable table = new TextTable("rank", "exemption", "workers in scope / participants",
                "paid by its rules (euro)", "extra net public cost (euro)", rk.label() + " [95% CI]", "verdict",
                "legal route", "lead time").left(1, 6, 7);
        int i = 1;
        for (Analyses.Ranked x : rk.ranked()) {
            Analyses.Effect e = x.effect();
            var route = routes.get(e.variant());
            String legal = route == null ? "not declared" : route.kind().words();
            String lead = route == null ? "" : route.leadTime();
            if (x.reach().unreached() != null) {
                table.row("-", e.variant() + " " + e.title(), x.reach().unreached(), "", "", "", "", legal, lead);
            } else {
                table.row(i++, e.variant() + " " + e.title(), Analyses.reachText(x.reach()),
                        ReportWriter.fmt(x.reach().paid()), ReportWriter.cell(x.netPublicCost(), true),
                        ReportWriter.cell(rk.shown(e.difference()), Analyses.mark(x)), Analyses.verdictText(x), legal,
                        lead);
            }
        }
        Analyses.Ranked all = rk.all();
        table.row("", "all together", "", "", ReportWriter.cell(all.netPublicCost(), true),
                ReportWriter.cell(rk.shown(all.effect().difference()), Analyses.mark(all)), Analyses.verdictText(all),
                "", "");
        table.row("", "interaction (together minus sum of singles)", "", "", "",
                ReportWriter.cell(rk.shown(rk.interaction()), true), "exploratory", "", "");
        return String.format(Locale.ROOT, "Exemptions ranked by effect on %s (baseline %s), %d replications, %.1f s%n"
                + "%s%n%n%s%nWritten to %s (ranking.csv, ranking.md)", rk.label(),
                ReportWriter.cell(rk.shown(rk.baseline()), false), s.replications(), seconds,
                Analyses.rankingText(rk), table, dir);
    }

    private String planFamily(int pilot, double power, Integer threads, CommandContext ctx) {
        Scenario s = scenario(null, null);
        Analyses.FamilyPlan plan;
        try (RunControl.Session session = control.start(ctx.outputWriter())) {
            plan = analyses.planFamily(s, pilot, power, new Analyses.Run(threads(threads), session.progress(),
                    session.cancelled()));
        }
        TextTable table = new TextTable("variant", "metric", "pilot difference [95% CI]", "pilot sd",
                "replications needed").left(1);
        for (Analyses.FamilyPlanRow r : plan.rows()) {
            double k = r.member().scale();
            table.row(r.variant(), r.member().label(), ReportWriter.cell(r.pilot().times(k), true),
                    ReportWriter.fmt(r.pilot().sd() * k), r.needed() < 0 ? "no difference to detect" : r.needed());
        }
        Analyses.FamilyPlanRow deciding = plan.deciding();
        return String.format(Locale.ROOT, "Replications for the headline family (%d tests, Bonferroni at alpha %s, "
                + "power %s; pilot of %d)%n%n%s%n%s", plan.size(), ReportWriter.fmt(
                        nl.fieldlab.sandbox.stats.HeadlineFamily.ALPHA), ReportWriter.fmt(power), pilot, table,
                deciding == null ? "No pilot difference is large enough to detect."
                        : "The most any detectable difference needs: " + deciding.needed() + " replications ("
                                + deciding.variant() + ", " + deciding.member().label() + ").").stripTrailing();
    }

    /**
     * A ranking calls differences, so it refuses to run on fewer replications than a verdict needs (run and compare
     * still run below that, and say that they call nothing). Checked after the output folder, before simulating.
     */
    static void checkVerdictReplications(int replications, boolean given) {
        if (replications < nl.fieldlab.sandbox.stats.HeadlineFamily.MIN_REPLICATIONS) {
            throw new CommandFailure(ExitCodes.BAD_INPUT, (given ? "--replications: " : "")
                    + "rank-exemptions calls differences and needs at least "
                    + nl.fieldlab.sandbox.stats.HeadlineFamily.MIN_REPLICATIONS + " replications (got " + replications
                    + (given ? "" : ", the scenario's") + "); give --replications "
                    + nl.fieldlab.sandbox.stats.HeadlineFamily.MIN_REPLICATIONS + " or more");
        }
    }

    // ------------------------------------------------------------------ plan-replications

    @Command(name = "plan-replications", group = "Analysis", exitStatusExceptionMapper = SandboxCommands.ERRORS,
            completionProvider = "metricNames",
            description = "Estimate the replications a CI half-width, or the headline family, needs, from a pilot run",
            help = """
                    plan-replications --metric M --half-width H [--pilot N]
                    plan-replications --family [--power P] [--pilot N]
                      Runs a pilot of N replications (default 10) and, per variant, estimates how many replications
                      make the 95% CI of the difference to the baseline (and of the baseline mean) no wider than +/- H.
                      --family: for each variant and headline-family member, the replications that detect the
                      pilot's difference with power P (default 0.8) after the family's correction (Bonferroni at
                      the family's m tests, Holm's first step: an upper bound); at least 10.
                    Example:
                      plan-replications --metric placements --half-width 5
                      plan-replications --family""")
    public String plan(@Option(longName = "metric", defaultValue = Metrics.PLACEMENTS, description = "metric") String metric,
            @Option(longName = "half-width", description = "target CI half-width") Double halfWidth,
            @Option(longName = "pilot", defaultValue = "10", description = "pilot replications") Integer pilot,
            @Option(longName = "family", description = "plan the headline family's verdicts") boolean family,
            @Option(longName = "power", description = "power to detect the pilot's difference (--family)")
            Double power,
            @Option(longName = "threads", description = "worker threads") Integer threads, CommandContext ctx) {
        if (family && halfWidth != null) {
            throw new CommandFailure(ExitCodes.BAD_INPUT, "--family and --half-width: give one (--family plans the "
                    + "headline family, --half-width one metric)");
        }
        if (!family && halfWidth == null) {
            throw new CommandFailure(ExitCodes.BAD_INPUT, "--half-width: give the CI half-width to plan for, or "
                    + "--family to plan the headline family");
        }
        if (!family && power != null) {
            throw new CommandFailure(ExitCodes.BAD_INPUT, "--power: only with --family");
        }
        if (family) {
            return planFamily(pilot, power == null ? 0.8 : power, threads, ctx);
        }
        Scenario s = scenario(null, null);
        Analyses.Plan plan;
        try (RunControl.Session session = control.start(ctx.outputWriter())) {
            plan = analyses.plan(s, metric, halfWidth, pilot, new Analyses.Run(threads(threads), session.progress(),
                    session.cancelled()));
        }
        TextTable table = new TextTable("variant", "what", "pilot sd", "pilot half-width", "replications needed").left(1);
        for (Analyses.PlanRow r : plan.rows()) {
            table.row(r.variant(), r.what(), ReportWriter.fmt(r.pilot().sd()), ReportWriter.fmt(r.pilot().halfWidth()),
                    r.needed() < 0 ? "n/a" : r.needed());
        }
        return String.format(Locale.ROOT, "Replications for a 95%% CI of +/- %s on %s (pilot of %d)%n%n%s",
                ReportWriter.fmt(halfWidth), metric, pilot, table).stripTrailing();
    }

    // ------------------------------------------------------------------ bench

    @Command(name = "bench", group = "Analysis", exitStatusExceptionMapper = SandboxCommands.ERRORS,
            completionProvider = "scenarioFiles",
            description = "Measure speed against the targets: interactive, province, threads, memory, batch commands",
            help = """
                    bench [FILE] [--quick] [--million] [--out DIR]
                      Times, on the scenario scaled (default scenarios/default.yaml) over 24 months, each case
                      against its target: interactive (5,000 workers x 3 variants x 20 replications; best of 3
                      warm runs, and the first run in this process), 1 thread against 2, the rule engine against
                      the floor (the interactive case under one slice of the regulation, decided by the rules
                      and by the same decisions in plain Java; target within 3x), the province case
                      (100,000 x 2 x 10), the heap at 200,000 workers (4 replications), and batch commands in a
                      cold JVM (this jar started again: version, validate, test-rules, rules check, run).
                      --quick: smaller cases and only 'version' in a cold JVM, under a minute. --million adds
                      1,000,000 workers x 2 x 4 (start Java with -Xmx4g to check the memory target). Prints the
                      machine, writes benchmark.md and benchmark.csv to DIR (default reports/bench/latest) and
                      appends every case to reports/bench/history.csv, so that changes over time show.
                    Examples:
                      java -jar target/fieldlab.jar bench --quick
                      java -Xmx4g -jar target/fieldlab.jar bench --million""")
    public String bench(@Argument(index = 0, defaultValue = "scenarios/default.yaml", description = "scenario") String file,
            @Option(longName = "quick", description = "smaller cases, under a minute") boolean quick,
            @Option(longName = "million", description = "add the 1,000,000-worker case") boolean million,
            @Option(longName = "out", description = "output folder") String out, CommandContext ctx) {
        Scenario s = workbench.scenarioFor(Path.of(file));
        Path dir = out != null ? Path.of(out) : workbench.reportsDir().resolve("bench").resolve("latest");
        Path historyFile = workbench.reportsDir().resolve("bench").resolve("history.csv");
        workbench.checkOutputFolder(dir);
        workbench.checkOutsideRulesAndCache(historyFile);
        List<Benchmark.Case> cases;
        try (RunControl.Session session = control.start(ctx.outputWriter())) {
            Analyses.Run how = new Analyses.Run(2, session.progress(), session.cancelled());
            cases = new ArrayList<>(benchmark.run(s, quick, how));
            if (million) {
                cases.add(benchmark.million(s, how));
            }
        }
        TextTable table = new TextTable("case", "workers", "months", "variants", "reps", "threads", "value",
                "target", "verdict", "first s", "worker-months/s", "engine evaluated", "engine cpu s", "heap MB",
                "note").left(0, 7, 8, 14);
        Csv csv = new Csv(Benchmark.CSV_HEADER.split(","));
        String machine = String.format(Locale.ROOT, "%d cores, Java %s, max heap %d MB, %s %s",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() / (1024 * 1024), System.getProperty("os.name"),
                System.getProperty("os.arch"));
        String when = java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).withNano(0).toString();
        Csv history = new Csv();
        for (Benchmark.Case c : cases) {
            boolean ratio = c.times();
            table.row(c.name(), c.workers() == 0 ? "" : String.format(Locale.ROOT, "%,d", c.workers()),
                    c.months() == 0 ? "" : c.months(), c.variants() == 0 ? "" : c.variants(),
                    c.replications() == 0 ? "" : c.replications(), c.threads() == 0 ? "" : c.threads(),
                    Double.isNaN(c.seconds()) ? "n/a" : String.format(Locale.ROOT, ratio ? "%.2fx" : "%.2f s",
                            c.seconds()), c.target(), c.verdict(),
                    Double.isNaN(c.firstSeconds()) ? "" : String.format(Locale.ROOT, "%.2f", c.firstSeconds()),
                    Double.isNaN(c.workerMonthsPerSecond()) ? "" : String.format(Locale.ROOT, "%,.0f",
                            c.workerMonthsPerSecond()), c.evaluated() == 0 ? "" : c.evaluated(),
                    c.engineSeconds() == 0 ? "" : String.format(Locale.ROOT, "%.1f", c.engineSeconds()),
                    c.heapMb() == 0 ? "" : c.heapMb(), c.note());
            List<String> fields = Benchmark.csvFields(c);
            csv.row(fields.toArray());
            List<Object> historyRow = new ArrayList<>(List.of(when, Workbench.version(),
                    workbench.library().hash().substring(0, 12), machine, quick ? "quick" : "full"));
            historyRow.addAll(fields);
            history.row(historyRow.toArray());
        }
        Map<String, String> files = new LinkedHashMap<>();
        files.put("benchmark.csv", csv.toString());
        files.put("benchmark.md", Printable.text("# Fieldlab Sandbox benchmark\n\nMachine: " + machine
                + ". Scenario `" + Printable.line(s.file()) + "` scaled, 24 months; rule bases compiled before timing."
                + " `value` is the best warm run (or the speed-up); `first s` the first run in this process.\n\n```\n"
                + table + "```\n"));
        workbench.writeFolder(dir, files, workbench.manifestFor(s, "bench" + (quick ? " --quick" : ""), 2, 0));
        String appended = Benchmark.appendHistory(historyFile, history.toString());
        return "Benchmark on " + machine + "\n\n" + table + "Written to " + dir + "; " + appended;
    }
}
