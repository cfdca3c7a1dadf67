package nl.fieldlab.sandbox.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.apache.commons.math3.distribution.TDistribution;
import org.springframework.stereotype.Service;

import nl.fieldlab.sandbox.report.Csv;
import nl.fieldlab.sandbox.report.Json;
import nl.fieldlab.sandbox.report.Printable;
import nl.fieldlab.sandbox.report.ReportWriter;
import nl.fieldlab.sandbox.rules.Exemption;
import nl.fieldlab.sandbox.rules.Variant;
import nl.fieldlab.sandbox.scenario.Behaviour;
import nl.fieldlab.sandbox.scenario.CalibrationTargets;
import nl.fieldlab.sandbox.scenario.EvidenceTable;
import nl.fieldlab.sandbox.scenario.RobustnessSpec;
import nl.fieldlab.sandbox.scenario.Scenario;
import nl.fieldlab.sandbox.simulation.SimulationResult;
import nl.fieldlab.sandbox.simulation.Simulator;
import nl.fieldlab.sandbox.stats.Comparison;
import nl.fieldlab.sandbox.stats.Correction;
import nl.fieldlab.sandbox.stats.FamilyVerdicts;
import nl.fieldlab.sandbox.stats.HeadlineFamily;
import nl.fieldlab.sandbox.stats.SeedAgreement;
import nl.fieldlab.sandbox.stats.Verdicts;
import nl.fieldlab.sandbox.stats.Summary;

/**
 * Exploration on top of runs: calibration against observed figures, parameter sweeps, ranking exemptions by
 * effect (with their interaction), and planning how many replications a precision needs.
 */
@Service
public class Analyses {

    private final Workbench workbench;

    public Analyses(Workbench workbench) {
        this.workbench = workbench;
    }

    /** How to run: threads, progress and cancellation. */
    /**
     * How to run an analysis's simulations: on {@code threads} threads here, or on {@code remote} (a cluster) when
     * it is not null.
     */
    public record Run(int threads, Simulator.Progress progress, BooleanSupplier cancelled, Workbench.Remote remote) {

        public Run(int threads, Simulator.Progress progress, BooleanSupplier cancelled) {
            this(threads, progress, cancelled, null);
        }
    }

    // ------------------------------------------------------------------ calibration

    /** One observed figure against the simulated baseline. */
    public record CalibrationRow(CalibrationTargets.Target target, Summary simulated, double gap, boolean within) {
    }

    public record Calibration(Scenario scenario, double band, List<CalibrationRow> rows) {
        public boolean allWithin() {
            return rows.stream().allMatch(CalibrationRow::within);
        }
    }

    /** Runs the scenario's baseline and compares its calibration measures with the targets. */
    /** Months simulated for calibration: the measures count exits in the first 12. */
    static final int CALIBRATION_MONTHS = 13;

    public Calibration calibrate(Scenario scenario, CalibrationTargets targets, Run how) {
        // the measures are exits within 12 months of the start: the months after that cannot change them
        Scenario baseline = scenario.with(scenario.seed(), scenario.replications(), scenario.behaviour(),
                List.of(scenario.variant(Variant.BASELINE))).withMonths(CALIBRATION_MONTHS);
        workbench.checkWork(WorkEstimate.of(baseline), how.threads(), baseline, "this calibration",
                "fewer replications (--replications N)", how.progress());
        SimulationResult r = workbench.simulate(baseline, how.threads(), how.progress(), how.cancelled());
        Map<String, double[]> m = r.metrics().get(Variant.BASELINE);
        List<CalibrationRow> rows = new ArrayList<>();
        for (CalibrationTargets.Target t : targets.targets()) {
            double[] values = m.get(t.measure());
            if (values == null) {
                throw new CommandFailure(ExitCodes.BAD_INPUT, "calibration target '" + t.measure()
                        + "' is not a measure of the simulation");
            }
            Summary s = Summary.of(values);
            double gap = s.mean() - t.value();
            rows.add(new CalibrationRow(t, s, gap, !Double.isNaN(gap) && Math.abs(gap) <= targets.band()));
        }
        return new Calibration(baseline, targets.band(), rows);
    }

    // ------------------------------------------------------------------ evidence

    /** A published effect against its simulation: the simulated value per replication summarised, and the verdict. */
    public record EvidenceRow(EvidenceTable.Row row, Summary simulated, Boolean passes, String note, boolean quick) {

        public EvidenceRow(EvidenceTable.Row row, Summary simulated, Boolean passes, String note) {
            this(row, simulated, passes, note, false);
        }

        public boolean wasSimulated() {
            return passes != null;
        }

        /** The simulated interval reaches the band, though the mean lies outside it. */
        private boolean intervalReachesBand() {
            return simulated != null && simulated.ciLow() <= row.high() && simulated.ciHigh() >= row.low();
        }

        /** The row's verdict, with its record of a known failure taken into account. */
        public Verdict verdict() {
            if (!wasSimulated()) {
                return Verdict.NOT_SIMULATED;
            }
            boolean known = row.knownFailing() != null;
            if (!passes && !known && quick && intervalReachesBand()) {
                // 4 replications cannot tell this row's mean from the band: the full check decides
                return Verdict.INCONCLUSIVE_QUICK;
            }
            return passes ? (known ? Verdict.PASSES_BUT_RECORDED_FAILING : Verdict.PASS)
                    : (known ? Verdict.KNOWN_FAIL : Verdict.FAIL);
        }
    }

    /**
     * What the check says of a row. A row that fails and is not recorded as known-failing fails the check (exit 2);
     * so does a row recorded as known-failing that now passes, so that its record is removed and a later relapse
     * shows; a known failure is reported, with its reason, and does not fail the check.
     */
    public enum Verdict {
        PASS("pass", false), FAIL("FAIL", true), KNOWN_FAIL("KNOWN FAIL", false),
        PASSES_BUT_RECORDED_FAILING("PASSES (remove known-failing)", true), NOT_SIMULATED("not simulated", false),
        /**
         * --quick only: the mean lies outside the band but its interval at 4 replications reaches it, so the quick
         * check cannot tell; the full check (20 replications) gives the verdict. A row whose whole interval lies
         * outside its band still fails the quick check.
         */
        INCONCLUSIVE_QUICK("inconclusive at 4 replications", false);

        private final String label;
        private final boolean failsTheCheck;

        Verdict(String label, boolean failsTheCheck) {
            this.label = label;
            this.failsTheCheck = failsTheCheck;
        }

        public String label() {
            return label;
        }

        /** Whether this verdict makes the check exit 2. */
        public boolean failsTheCheck() {
            return failsTheCheck;
        }
    }

    /**
     * Simulates every row of the evidence table that has an experiment (its scenario file, run with all its
     * variants) and compares the simulated effect with the row's band. {@code quick} runs each experiment with 4
     * replications; rows that share a scenario share its run.
     */
    public List<EvidenceRow> checkEvidence(EvidenceTable table, Path scenarios, boolean quick, String only,
            Run how) {
        Map<String, SimulationResult> runs = new LinkedHashMap<>();
        List<EvidenceRow> out = new ArrayList<>();
        for (EvidenceTable.Row row : table.rows()) {
            if (only != null && !only.equals(row.id())) {
                continue;
            }
            EvidenceTable.Check c = row.check();
            if (c.none() != null) {
                out.add(new EvidenceRow(row, null, null, c.none()));
                continue;
            }
            SimulationResult r = experiment(runs, scenarios, c.scenario(), quick, how);
            SimulationResult reference = c.against() == null ? r : experiment(runs, scenarios, c.against(), quick, how);
            boolean own = row.measure().equals("share") || row.measure().equals("ratio");
            String experiment = c.scenario() + ", " + c.variant() + (own ? "'s own value" : " against the baseline"
                    + (c.against() == null ? "" : " of " + c.against())) + ", " + c.metric()
                    + (c.per() == null ? "" : " per " + c.per());
            String missing = missing(r, reference, row, c);
            if (missing != null) {
                // a row whose metric the model does not report yet fails, and says what is missing
                out.add(new EvidenceRow(row, Summary.of(new double[] {Double.NaN}), false, "cannot run: " + missing));
                continue;
            }
            double[] values = simulatedEffect(r, reference, row, c);
            Summary s = Summary.of(values);
            boolean passes = !Double.isNaN(s.mean()) && s.mean() >= row.low() && s.mean() <= row.high();
            out.add(new EvidenceRow(row, s, passes, experiment, quick));
        }
        return out;
    }

    /**
     * The last line of an evidence check: how many rows passed, failed, failed as recorded, or pass although recorded
     * as failing (those two kinds fail the check, and say what to do).
     */
    public static String evidenceSummary(int rows, Map<Verdict, Long> counts) {
        long pass = counts.getOrDefault(Verdict.PASS, 0L);
        long fail = counts.getOrDefault(Verdict.FAIL, 0L);
        long known = counts.getOrDefault(Verdict.KNOWN_FAIL, 0L);
        long fixed = counts.getOrDefault(Verdict.PASSES_BUT_RECORDED_FAILING, 0L);
        long none = counts.getOrDefault(Verdict.NOT_SIMULATED, 0L);
        long unclear = counts.getOrDefault(Verdict.INCONCLUSIVE_QUICK, 0L);
        return String.format(Locale.ROOT, "%d rows: %d simulated, %d pass, %d fail, %d known failing, %d not simulated",
                rows, rows - none, pass, fail, known, none)
                + (unclear == 0 ? "" : String.format(Locale.ROOT, "; %d inconclusive at 4 replications (the full"
                        + " check, without --quick, decides)", unclear))
                + (fixed == 0 ? "" : String.format(Locale.ROOT, "; %d recorded as known-failing now pass%s (remove"
                        + " their known-failing record in scenarios/evidence.yaml)", fixed, fixed == 1 ? "es" : ""))
                + (fail == 0 ? "" : "; a new failure fails the check: fix the mechanism, or record the row as"
                        + " known-failing (since, reason, issue) in scenarios/evidence.yaml; never widen its band");
    }

    /** Runs an experiment once however many rows read it (quick: at most 4 replications). */
    private SimulationResult experiment(Map<String, SimulationResult> runs, Path scenarios, String file,
            boolean quick, Run how) {
        return runs.computeIfAbsent(file, f -> {
            Scenario s = workbench.scenarioFor(scenarios.resolve(f));
            if (quick) {
                s = s.with(s.seed(), Math.min(4, s.replications()), s.behaviour(), s.variants());
            }
            workbench.checkWork(WorkEstimate.of(s), how.threads(), s, "the experiment " + f, "--quick",
                    how.progress());
            return workbench.simulate(s, how.threads(), how.progress(), how.cancelled());
        });
    }

    /**
     * Why a row cannot be computed from its runs although its files are fine: the metric is not one the model reports
     * (yet), or the reference has other replications; null when it can. A variant the scenario lacks is a mistake in
     * the table (exit 1).
     */
    static String missing(SimulationResult r, SimulationResult reference, EvidenceTable.Row row,
            EvidenceTable.Check c) {
        if (r.metrics().get(c.variant()) == null) {
            throw new CommandFailure(ExitCodes.BAD_INPUT, "evidence row " + row.id() + ": no variant '" + c.variant()
                    + "' in " + c.scenario());
        }
        if (r.metrics().get(c.variant()).get(c.metric()) == null
                || reference.metrics().get(Variant.BASELINE).get(c.metric()) == null) {
            return "the model reports no metric '" + c.metric() + "'" + nl.fieldlab.sandbox.input.Suggestions
                    .didYouMean(c.metric(), r.metrics().get(c.variant()).keySet());
        }
        if (reference != r && reference.scenario().replications() != r.scenario().replications()) {
            return c.against() + " runs " + reference.scenario().replications() + " replications and " + c.scenario()
                    + " " + r.scenario().replications() + ": pair them with the same number";
        }
        return null;
    }

    /** The simulated effect of one row, per replication, in the row's measure. */
    static double[] simulatedEffect(SimulationResult r, EvidenceTable.Row row, EvidenceTable.Check c) {
        return simulatedEffect(r, r, row, c);
    }

    /** The same, with the baseline of {@code reference} (another scenario's run, or {@code r} itself). */
    static double[] simulatedEffect(SimulationResult r, SimulationResult reference, EvidenceTable.Row row,
            EvidenceTable.Check c) {
        Map<String, double[]> variant = r.metrics().get(c.variant());
        String problem = missing(r, reference, row, c);
        if (problem != null) {
            throw new CommandFailure(ExitCodes.BAD_INPUT, "evidence row " + row.id() + ": " + problem);
        }
        double[] v = variant.get(c.metric());
        double[] b = reference.metrics().get(Variant.BASELINE).get(c.metric());
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = switch (row.measure()) {
                case "relative" -> b[i] == 0 ? Double.NaN : v[i] / b[i] - 1;
                case "share", "ratio" -> v[i];
                default -> (v[i] - b[i]) / denominator(r, c, i);
            };
        }
        return out;
    }

    private static double denominator(SimulationResult r, EvidenceTable.Check c, int rep) {
        String per = c.per();
        if (per == null || per.isBlank()) {
            return 1;
        }
        if (per.equals("workers")) {
            return r.scenario().workerCount();
        }
        if (per.startsWith("group:")) {
            String g = per.substring("group:".length());
            return r.scenario().workers().stream().filter(w -> w.group().equals(g)).mapToInt(w -> w.count()).sum();
        }
        String metric = per.equals("coached") ? nl.fieldlab.sandbox.simulation.Metrics.COACHED
                : per.startsWith("participants:") ? nl.fieldlab.sandbox.simulation.Metrics.REACH_PREFIX
                        + per.substring("participants:".length()) + ".participants" : null;
        double[] n = metric == null ? null : r.metrics().get(c.variant()).get(metric);
        if (n == null) {
            throw new CommandFailure(ExitCodes.BAD_INPUT, "evidence check per '" + per + "': expected workers, "
                    + "group:<GROUP>, coached or participants:<EXEMPTION>");
        }
        return n[rep] == 0 ? Double.NaN : n[rep];
    }

    // ------------------------------------------------------------------ sweep

    /** A metric per variant at each value of a swept parameter. */
    public record Sweep(Scenario scenario, String parameter, List<Double> values, String metric, List<String> variants,
            Map<Double, Map<String, Summary>> results, Map<Double, Map<String, Summary>> differences) {
    }

    /**
     * Most points of a sweep: each is a full run of every variant, and a chart of a metric against a parameter
     * reads well with a few dozen points at most.
     */
    public static final int MAX_STEPS = 100;

    /** Runs every variant at {@code steps} values of {@code parameter} from {@code from} to {@code to}. */
    public Sweep sweep(Scenario scenario, String parameter, double from, double to, int steps, String metric,
            Run how) {
        if (steps < 2 || steps > MAX_STEPS) {
            throw new CommandFailure(ExitCodes.BAD_INPUT, "--steps: expected 2 to " + MAX_STEPS + ", got "
                    + String.format(Locale.ROOT, "%,d", steps) + " (" + (steps < 2 ? "at least 2" : "at most "
                            + MAX_STEPS + "; each step runs every variant in full") + ")");
        }
        boolean behaviour = Behaviour.isKnown(parameter);
        if (!behaviour && !isRuleParameter(parameter) && Behaviour.splitName(parameter) != null) {
            throw new CommandFailure(ExitCodes.BAD_INPUT, Behaviour.splitName(parameter));
        }
        if (!behaviour && !isRuleParameter(parameter)) {
            throw new CommandFailure(ExitCodes.BAD_INPUT, "unknown parameter '" + parameter
                    + "' (a behaviour name or a rule parameter key; see 'rules list' and README.md)");
        }
        for (double end : new double[] {from, to}) {
            String problem = behaviour ? Behaviour.problem(parameter, end)
                    : workbench.rules().library().parameterProblem(parameter, end);
            if (problem != null) {
                throw new CommandFailure(ExitCodes.BAD_INPUT, (end == from ? "--from" : "--to") + ": " + parameter
                        + ": " + problem);
            }
        }
        if (how.remote() == null) {
            workbench.checkWork(WorkEstimate.of(scenario).times(steps, "points"), how.threads(), scenario,
                    "this sweep", "fewer --steps or --replications", how.progress());
        }
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < steps; i++) {
            values.add(from + (to - from) * i / (steps - 1));
        }
        Map<Double, Map<String, Summary>> results = new LinkedHashMap<>();
        Map<Double, Map<String, Summary>> differences = new LinkedHashMap<>();
        // progress in simulated months of all runs, as the simulator counts it
        // (in a coarser step where a sweep allowed beyond the time limit counts more than an int holds)
        long perPoint = (long) scenario.variants().size() * scenario.replications() * scenario.months();
        long scale = perPoint * steps / Integer.MAX_VALUE + 1;
        int total = (int) (perPoint * steps / scale);
        long[] done = {0};
        for (double v : values) {
            Scenario at = withValue(scenario, parameter, v, behaviour, this::appliesTo);
            long offset = done[0];
            Simulator.Progress progress = new Simulator.Progress() {
                @Override
                public void update(int d, int t) {
                    how.progress().update((int) ((offset + d) / scale), total);
                }

                @Override
                public void phase(String what) {
                    how.progress().phase(what);
                }
            };
            SimulationResult r = how.remote() == null
                    ? workbench.simulate(at, how.threads(), progress, how.cancelled())
                    : workbench.simulateOn(how.remote(), at, point(scenario, parameter, v, behaviour), progress,
                            how.cancelled());
            done[0] += perPoint;
            Comparison c = Comparison.of(r);
            if (!c.metrics().containsKey(metric)) {
                throw new CommandFailure(ExitCodes.BAD_INPUT, nl.fieldlab.sandbox.simulation.Metrics.unknownMessage(metric, c.metrics().keySet()));
            }
            results.put(v, c.metrics().get(metric));
            Map<String, Summary> d = new LinkedHashMap<>();
            c.differences().forEach((variant, byMetric) -> d.put(variant, byMetric.get(metric)));
            differences.put(v, d);
        }
        return new Sweep(scenario, parameter, values, metric,
                scenario.variants().stream().map(Variant::name).toList(), results, differences);
    }

    private boolean isRuleParameter(String key) {
        return workbench.rules().library().knowsParameter(key);
    }

    /**
     * The scenario with one value set: a behaviour value for everyone, a rule parameter in every variant whose rules
     * know it (an exemption's own parameter only in the variants with that exemption).
     */
    static Scenario withValue(Scenario s, String parameter, double value, boolean behaviour,
            java.util.function.BiPredicate<Variant, String> knows) {
        if (behaviour) {
            Map<String, Double> b = new LinkedHashMap<>(s.behaviour().overrides());
            b.put(parameter, value);
            return s.with(s.seed(), s.replications(), Behaviour.with(b), s.variants());
        }
        List<Variant> variants = new ArrayList<>();
        for (Variant v : s.variants()) {
            Map<String, Double> p = new LinkedHashMap<>(v.parameters());
            if (knows.test(v, parameter)) {
                p.put(parameter, value);
            }
            variants.add(v.withParameters(p));
        }
        return s.with(s.seed(), s.replications(), s.behaviour(), variants);
    }

    /** Whether a variant's rules know a parameter: a baseline parameter, or one of its exemptions' own. */
    /**
     * A sweep point as what-if changes on top of the session's, so that a cluster member, which has only the
     * scenario file, builds the scenario {@link #withValue} gives.
     */
    private WhatIf point(Scenario s, String parameter, double value, boolean behaviour) {
        WhatIf w = workbench.whatIf();
        if (behaviour) {
            return w.withBehaviour(parameter, value);
        }
        for (Variant v : s.variants()) {
            if (appliesTo(v, parameter)) {
                w = w.withParameter(v.name(), parameter, value);
            }
        }
        return w;
    }

    private boolean appliesTo(Variant v, String key) {
        var lib = workbench.rules().library();
        return lib.parameters().contains(key) || v.exemptions().stream()
                .map(lib::exemption).anyMatch(e -> e != null && e.parameters().containsKey(key))
                || v.supports().stream().map(lib.supports()::get)
                        .anyMatch(s -> s != null && s.parameters().containsKey(key));
    }

    /** Writes a sweep as {@code sweep.csv} (long format) and {@code sweep.md} (a chart-ready wide table). */
    public Path writeSweep(Sweep sw, Path dir, String command, int threads, double seconds) {
        Csv csv = new Csv("parameter", "value", "variant", "metric", "mean", "ci_low", "ci_high", "n", "diff_mean",
                "diff_ci_low", "diff_ci_high");
        StringBuilder md = new StringBuilder();
        md.append("# Sweep of `").append(sw.parameter()).append("`: ").append(sw.metric()).append("\n\n");
        md.append(String.format(Locale.ROOT, "Scenario `%s`, seed %d, %d replications per point; mean [95 %% CI]."
                + " Same random numbers at every point and in every variant.%n%n", sw.scenario().id(),
                sw.scenario().seed(), sw.scenario().replications()));
        md.append("| ").append(ReportWriter.cellText(sw.parameter())).append(" |");
        sw.variants().forEach(v -> md.append(' ').append(ReportWriter.cellText(v)).append(" |"));
        md.append("\n|---:|");
        sw.variants().forEach(v -> md.append("---:|"));
        md.append('\n');
        for (double v : sw.values()) {
            md.append("| ").append(num(v)).append(" |");
            for (String variant : sw.variants()) {
                Summary s = sw.results().get(v).get(variant);
                Summary d = sw.differences().get(v).get(variant);
                md.append(' ').append(ReportWriter.cell(s, false)).append(" |");
                csv.row(sw.parameter(), num(v), variant, sw.metric(), c(s.mean()), c(s.ciLow()), c(s.ciHigh()), s.n(),
                        d == null ? "" : c(d.mean()), d == null ? "" : c(d.ciLow()), d == null ? "" : c(d.ciHigh()));
            }
            md.append('\n');
        }
        return writeAnalysis(dir, "sweep", csv, md, sw.scenario(), command, threads, seconds);
    }

    /** Writes an analysis folder whole: NAME.csv, NAME.md and the manifest of what produced them. */
    private Path writeAnalysis(Path dir, String name, Csv csv, CharSequence md, Scenario scenario,
            String command, int threads, double seconds) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put(name + ".csv", csv.toString());
        files.put(name + ".md", Printable.text(md.toString()));
        workbench.writeFolder(dir, files, workbench.manifestFor(scenario, command, threads, seconds));
        return dir;
    }

    // ------------------------------------------------------------------ robustness

    /**
     * The main run of {@code s} and {@code spec}'s draws across the behaviour ranges, each draw run here on the
     * session's compiled rule bases (a draw changes behaviour values only).
     */
    public Robustness.Result robustness(Scenario s, RobustnessSpec spec, Run how) {
        if (how.remote() != null) {
            throw new CommandFailure(ExitCodes.BAD_INPUT, "robustness runs on this machine only for now (--cluster is "
                    + "not supported yet)");
        }
        if (s.variants().stream().allMatch(v -> v.name().equals(Variant.BASELINE))) {
            throw new CommandFailure(ExitCodes.BAD_INPUT, "robustness: nothing to compare: the scenario has only the "
                    + "variant 'baseline'");
        }
        ParameterSpace.of(s, spec); // refuses a value that cannot be drawn before any work
        workbench.checkWork(WorkEstimate.of(s, spec), how.threads(), s, "this robustness run",
                "fewer --draws or --replications", how.progress());
        Comparison main = Comparison.of(workbench.simulate(s, how.threads(), how.progress(), how.cancelled()));
        Simulator.Progress shown = how.progress() == null ? Simulator.Progress.NONE : how.progress();
        return new Robustness((d, k) -> {
            shown.phase("robustness: draw " + (k + 1) + " of " + spec.draws());
            return workbench.simulate(d, how.threads(), how.progress(), how.cancelled());
        }).run(s, spec, main);
    }

    /** Writes robustness.md, robustness.csv (long form, one row per draw, variant and metric) and the manifest. */
    public Path writeRobustness(Robustness.Result r, Path dir, String command, int threads, double seconds) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("robustness.csv", r.csv().toString());
        files.put("robustness.md", Printable.text(r.markdown()));
        Map<String, String> drawn = new java.util.TreeMap<>();
        r.space().drawn().forEach(d -> drawn.put(d.name(), d.range().span() + ", " + d.range().basis().word()));
        workbench.writeFolder(dir, files, workbench.manifestFor(r.scenario(), command, threads, seconds)
                .withRobustness(new nl.fieldlab.sandbox.report.Manifest.RobustnessEntry(r.drawCount(),
                        r.replications(), nl.fieldlab.sandbox.stats.LatinHypercube.DESIGN_SEED, drawn)));
        return dir;
    }

    // ------------------------------------------------------------------ pilot

    /**
     * A pilot of each exemption, run inside the simulator: rows per exemption and design, the primary outcome at
     * {@code month} months after intake, and notes (designs left out and why).
     */
    public record PilotTable(Scenario scenario, int replications, String outcome, int month,
            List<PilotPlan.Row> rows, List<String> notes) {
    }

    /**
     * Runs a lottery pilot of each exemption ({@code exemptions}, default those of the scenario's variants) in the
     * simulator; the other designs that fit are listed as analytic only. {@code designs} limits the designs (default:
     * every one that fits); a design named there that does not fit an exemption named there is refused.
     */
    public PilotTable pilot(Scenario scenario, List<String> exemptions, List<String> designs, int replications,
            Run how) {
        var library = workbench.rules().library();
        var catalogue = nl.fieldlab.sandbox.evaluation.DesignCatalogue.load(library.root());
        List<String> ids = new ArrayList<>();
        List<String> known = library.exemptions().stream().map(Exemption::id).toList();
        for (String e : exemptions) {
            if (!known.contains(e)) {
                throw new CommandFailure(ExitCodes.BAD_INPUT, "--exemption: no exemption " + e
                        + nl.fieldlab.sandbox.input.Suggestions.didYouMean(e, known));
            }
            if (!ids.contains(e)) {
                ids.add(e);
            }
        }
        if (ids.isEmpty()) {
            scenario.variants().forEach(v -> v.exemptions().forEach(e -> {
                if (!ids.contains(e)) {
                    ids.add(e);
                }
            }));
        }
        if (ids.isEmpty()) {
            throw new CommandFailure(ExitCodes.BAD_INPUT, "scenario " + scenario.id() + " has no exemption in its "
                    + "variants; name one with --exemption E");
        }
        List<nl.fieldlab.sandbox.evaluation.Design> chosen = new ArrayList<>();
        List<String> names = java.util.Arrays.stream(nl.fieldlab.sandbox.evaluation.Design.values()).map(Enum::name)
                .toList();
        for (String d : designs) {
            if (!names.contains(d)) {
                throw new CommandFailure(ExitCodes.BAD_INPUT, "--design: expected one of " + String.join(", ", names)
                        + ", got " + nl.fieldlab.sandbox.input.PlainText.quote(d));
            }
            chosen.add(nl.fieldlab.sandbox.evaluation.Design.valueOf(d));
        }
        var par = catalogue.parameters();
        List<Integer> months = nl.fieldlab.sandbox.simulation.RunTotals.pilotMonths();
        int month = par.primaryMonth();
        if (month >= scenario.months()) {
            month = months.stream().filter(m -> m < scenario.months()).reduce((a, b) -> b).orElse(-1);
        }
        if (month < 0) {
            throw new CommandFailure(ExitCodes.BAD_INPUT, "scenario " + scenario.id() + " runs " + scenario.months()
                    + " months: too short to observe anyone " + months.get(0) + " months after intake");
        }
        int j = months.indexOf(month);
        List<String> notes = new ArrayList<>();
        if (month != par.primaryMonth()) {
            notes.add("The primary outcome's month (" + par.primaryMonth() + ") lies beyond the horizon of "
                    + scenario.months() + " months: month " + month + " is used.");
        }
        if (replications < 20) {
            notes.add("Empirical power from fewer than 20 replications is within +/- 0.2.");
        }
        if (!exemptions.isEmpty()) {
            // a design named for an exemption named that cannot fit it is refused before anything runs
            for (String id : ids) {
                for (var d : chosen) {
                    var fit = catalogue.fit(d, library.exemption(id));
                    if (!fit.fits()) {
                        throw new CommandFailure(ExitCodes.BAD_INPUT, id + ": " + catalogue.designs().get(d).name()
                                + " does not fit: " + fit.reason());
                    }
                }
            }
        }
        List<PilotPlan.Row> rows = new ArrayList<>();
        for (String id : ids) {
            Exemption ex = library.exemption(id);
            for (var d : nl.fieldlab.sandbox.evaluation.Design.values()) {
                var fit = catalogue.fit(d, ex);
                if (!chosen.isEmpty() && !chosen.contains(d)) {
                    continue;
                }
                if (!fit.fits()) {
                    notes.add(id + ": " + catalogue.designs().get(d).name() + " does not fit: " + fit.reason());
                    continue;
                }
                String lawful = fit.status().words() + (fit.unverified() ? " (unverified)" : "");
                String estimator = catalogue.designs().get(d).estimator();
                boolean simulated = d == nl.fieldlab.sandbox.evaluation.Design.LOTTERY
                        || d == nl.fieldlab.sandbox.evaluation.Design.EMPLOYER;
                if (!simulated) {
                    rows.add(new PilotPlan.Row(id, d, lawful, estimator, month, Double.NaN, Double.NaN, Double.NaN,
                            null, Double.NaN, Double.NaN, Double.NaN, Double.NaN, null, Double.NaN, null,
                            "analytic only in this version: see the report's section 'Can a pilot show it?'", false));
                    continue;
                }
                Scenario s = PilotPlan.scenarioFor(scenario, ex, replications);
                workbench.checkWork(WorkEstimate.of(s), how.threads(), s, "this pilot of " + id,
                        "fewer replications (--replications R, or --quick)", how.progress());
                var plan = workbench.plan(s, how.threads(), how.progress());
                if (how.progress() != null) {
                    how.progress().phase(d.name() + " pilot of " + id + ": " + replications
                            + " replications, 2 runs each");
                }
                PilotPlan.Row row = d == nl.fieldlab.sandbox.evaluation.Design.LOTTERY
                        ? PilotPlan.lottery(plan, ex, replications, how.threads(), j, month, par.alpha(), lawful,
                                estimator)
                        : PilotPlan.employer(plan, ex, replications, how.threads(), par.alpha(), lawful, estimator);
                if (!(row.treated() > 0)) {
                    String why = Workbench.unreachable(s, library).get(id);
                    row = new PilotPlan.Row(id, d, lawful, estimator, month, 0, 0, Double.NaN, null, Double.NaN,
                            Double.NaN, Double.NaN, Double.NaN, null, Double.NaN, null,
                            "does not reach this scenario" + (why == null ? "" : ": " + why), false);
                }
                rows.add(row);
            }
        }
        return new PilotTable(scenario, replications, par.primaryOutcome(), month, rows, notes);
    }

    public Path writePilot(PilotTable t, Path dir, String command, int threads, double seconds) {
        Csv csv = new Csv("exemption", "design", "lawful", "estimator", "outcome", "month", "control_mean", "itt",
                "itt_low", "itt_high", "n_t", "n_c", "power_analytic", "power_empirical", "power_low", "power_high",
                "bias", "bias_low", "bias_high", "rmse", "spillover", "note");
        StringBuilder md = new StringBuilder("# Pilot designs for scenario `" + t.scenario().id() + "`\n\n");
        md.append(String.format(Locale.ROOT, "Seed %d (pilot seed derived for PILOT), %d replications, " + (t.scenario()
                .population() == Scenario.PopulationMode.FIXED ? "one population for all replications"
                        : "population drawn for each replication") + ". Primary outcome: %s %d months after intake. A lottery offers half the "
                + "eligible the exemption, its caps in force; the estimate is the difference in means, the truth the "
                + "treated arm against the baseline run of the same people (common random numbers). Randomisation by employer "
                + "draws half the employers; its outcome is each employer's hires of eligible people in the first 12 "
                + "months (employers as units, t at J - 2 df), the truth the drawn employers against themselves in "
                + "the baseline run. Lottery effects in percentage points, employer effects in hires.%n%n",
                t.scenario().seed(), t.replications(), t.outcome(), t.month()));
        md.append(pilotTable(t)).append("\n");
        for (String n : t.notes()) {
            md.append("- ").append(n).append("\n");
        }
        for (PilotPlan.Row r : t.rows()) {
            Summary e = r.estimate();
            Summary b = r.bias();
            csv.row(r.exemption(), r.design().name(), r.lawful(), r.estimator(), t.outcome(), r.month(),
                    c(r.controlMean()), e == null ? "" : c(e.mean()), e == null ? "" : c(e.ciLow()),
                    e == null ? "" : c(e.ciHigh()), c(r.treated()), c(r.control()), c(r.powerAnalytic()),
                    c(r.powerEmpirical()), c(r.powerLow()), c(r.powerHigh()), b == null ? "" : c(b.mean()),
                    b == null ? "" : c(b.ciLow()), b == null ? "" : c(b.ciHigh()), c(r.rmse()),
                    r.spillover() == null ? "" : c(r.spillover().mean()), r.note());
        }
        return writeAnalysis(dir, "pilot", csv, md, t.scenario(), command, threads, seconds);
    }

    /** The pilot table in Markdown: one row per exemption and design. */
    public static String pilotTable(PilotTable t) {
        StringBuilder md = new StringBuilder("| exemption | design | lawful | control | estimated effect [95% CI] "
                + "| n treated / control | empirical power [95% CI] | analytic power | bias [95% CI] | "
                + "control spillover | note |\n|---|---|---|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (PilotPlan.Row r : t.rows()) {
            md.append("| ").append(r.exemption()).append(" | ").append(ReportWriter.cellText(r.design().name()))
                    .append(" | ").append(ReportWriter.cellText(r.lawful())).append(" | ")
                    .append(r.perEmployer() ? ReportWriter.fmt(r.controlMean()) + " hires" : pctCell(r.controlMean()))
                    .append(" | ").append(r.perEmployer() ? ReportWriter.cell(r.estimate(), true) + " hires"
                            : ppCell(r.estimate())).append(" | ")
                    .append(Double.isNaN(r.treated()) ? "" : ReportWriter.fmt(r.treated()) + " / "
                            + ReportWriter.fmt(r.control())).append(" | ")
                    .append(Double.isNaN(r.powerEmpirical()) ? "" : pctCell(r.powerEmpirical()) + " ["
                            + pctCell(r.powerLow()) + ", " + pctCell(r.powerHigh()) + "]").append(" | ")
                    .append(pctCell(r.powerAnalytic())).append(" | ")
                    .append(r.perEmployer() ? ReportWriter.cell(r.bias(), true) : ppCell(r.bias())).append(" | ")
                    .append(r.spillover() == null ? "" : ReportWriter.fmt((r.perEmployer() ? 1 : 100)
                            * r.spillover().mean())).append(" | ")
                    .append(ReportWriter.cellText(r.note())).append(" |\n");
        }
        return md.toString();
    }

    private static String pctCell(double share) {
        return Double.isNaN(share) ? "" : ReportWriter.fmt(100 * share) + " %";
    }

    private static String ppCell(Summary s) {
        return s == null ? "" : ReportWriter.cell(new Summary(100 * s.mean(), 100 * s.sd(), 100 * s.se(),
                100 * s.ciLow(), 100 * s.ciHigh(), s.n()), true);
    }

    // ------------------------------------------------------------------ ranking

    /** One exemption's effect alone. */
    public record Effect(String variant, String title, Summary difference) {
    }

    /**
     * How far an exemption reached in its own variant, per replication (means), and why it reached no one.
     *
     * @param workers      workers in its scope
     * @param participants workers it admitted
     * @param paid         euro its own rules paid
     * @param unreached    "does not reach this scenario: REASON", "reached nobody in N replications" or "changes no
     *                     answer here"; null when it changed answers
     */
    public record Reach(double workers, double participants, double paid, String unreached) {
    }

    /**
     * One row of the ranking: the effect on the metric, what it reached and paid, the extra net public cost beside
     * it, and the headline verdict (when the metric is a member of the family).
     */
    public record Ranked(Effect effect, Reach reach, Summary netPublicCost, FamilyVerdicts.Cell cell, String verdict,
            int direction) {
    }

    /**
     * Each exemption alone against the baseline, all together, and the interaction (the combined effect minus the
     * sum of the single effects, replication by replication).
     *
     * @param ranked    the singles in ranking order: called improvements, then not called, then called worsenings;
     *                  those that reach no one (or change no answer) last, without a rank
     * @param verdicts  the headline family's verdicts over the singles and all together (the interaction is
     *                  exploratory)
     */
    public record Ranking(Scenario scenario, String metric, List<Effect> singles, Effect combined,
            Summary interaction, Summary baseline, List<Ranked> ranked, Ranked all, Verdicts verdicts) {

        /** The family member the metric is, or null: a metric outside the family gets no verdicts. */
        public HeadlineFamily.Member member() {
            return HeadlineFamily.MEMBERS.stream().filter(m -> m.metric().equals(metric)).findFirst().orElse(null);
        }

        /** The metric as shown: the family's label (months in work as work-years), else its name. */
        public String label() {
            return member() == null ? metric : member().label();
        }

        /** A difference in the unit shown (months in work as work-years). */
        public Summary shown(Summary d) {
            return member() == null || member().scale() == 1 ? d : d.times(member().scale());
        }
    }

    /** The ranking's default metric, and the name it also answers to. */
    public static final String WORK_YEARS = "work-years";

    /** Cost metrics of the family: for these, lower is better. */
    private static final java.util.Set<String> LOWER_IS_BETTER = java.util.Set.of(
            nl.fieldlab.sandbox.simulation.Metrics.PUBLIC_COST, nl.fieldlab.sandbox.simulation.Metrics.SOCIAL_COST,
            nl.fieldlab.sandbox.simulation.Metrics.PUBLIC_COST_PV);

    public Ranking rank(Scenario scenario, String metric, Run how) {
        if (WORK_YEARS.equals(metric)) {
            metric = nl.fieldlab.sandbox.simulation.Metrics.MONTHS_IN_WORK;
        }
        List<Exemption> all = new ArrayList<>(workbench.rules().library().exemptions());
        List<Variant> variants = new ArrayList<>();
        variants.add(Variant.baseline());
        for (Exemption e : all) {
            variants.add(new Variant(e.id(), List.of(e.id()), Map.of()));
        }
        String allName = "all-exemptions";
        variants.add(new Variant(allName, all.stream().map(Exemption::id).toList(), Map.of()));
        Scenario s = scenario.with(scenario.seed(), scenario.replications(), scenario.behaviour(), variants);
        int k = s.verdicts().seeds();
        WorkEstimate.Work work = WorkEstimate.of(s);
        workbench.checkWork(k == 1 ? work : work.times(k, "runs with independent seeds"), how.threads(), s,
                "this ranking", "fewer replications (--replications N)", how.progress());
        SimulationResult r = workbench.simulate(s, how.threads(), how.progress(), how.cancelled());
        Comparison c = Comparison.of(r);
        if (!c.metrics().containsKey(metric)) {
            throw new CommandFailure(ExitCodes.BAD_INPUT, nl.fieldlab.sandbox.simulation.Metrics.unknownMessage(metric, c.metrics().keySet()));
        }
        Verdicts verdicts = rankingVerdicts(s, c, how);
        Map<String, String> unreachable = Workbench.unreachable(s, workbench.rules().library());
        List<Effect> singles = new ArrayList<>();
        List<Ranked> ranked = new ArrayList<>();
        for (Exemption e : all) {
            Effect effect = new Effect(e.id(), e.title(), c.differences().get(e.id()).get(metric));
            singles.add(effect);
            ranked.add(ranked(effect, reach(c, s, e.id(), unreachable), c, verdicts, metric));
        }
        singles.sort(Comparator.comparingDouble((Effect e) -> -e.difference().mean()).thenComparing(Effect::variant));
        int better = LOWER_IS_BETTER.contains(metric) ? -1 : 1;
        ranked.sort(Comparator.comparingInt((Ranked x) -> x.reach().unreached() == null ? 0 : 1)
                .thenComparingInt(x -> x.direction() == better ? 0 : x.direction() == 0 ? 1 : 2)
                .thenComparingDouble(x -> -better * x.effect().difference().mean())
                .thenComparing(x -> x.effect().variant()));
        double[] base = r.metrics().get(Variant.BASELINE).get(metric);
        double[] combined = r.metrics().get(allName).get(metric);
        double[] interaction = new double[base.length];
        for (int i = 0; i < base.length; i++) {
            double sumSingles = 0;
            for (Exemption e : all) {
                sumSingles += r.metrics().get(e.id()).get(metric)[i] - base[i];
            }
            interaction[i] = (combined[i] - base[i]) - sumSingles;
        }
        Effect together = new Effect(allName, "all exemptions together", c.differences().get(allName).get(metric));
        Ranked allRanked = ranked(together, new Reach(Double.NaN, Double.NaN, Double.NaN, null), c, verdicts, metric);
        return new Ranking(s, metric, singles, together, Summary.of(interaction),
                c.metrics().get(metric).get(Variant.BASELINE), ranked, allRanked, verdicts);
    }

    /**
     * The family's verdicts over the ranking's variants (each exemption alone and all together), with the
     * scenario's correction, and over its seed runs where it asks for a seed check.
     */
    private Verdicts rankingVerdicts(Scenario s, Comparison c, Run how) {
        return SeedCheck.of(s, c, again -> Comparison.of(workbench.simulate(again, how.threads(), how.progress(),
                how.cancelled())));
    }

    private static Ranked ranked(Effect e, Reach reach, Comparison c, Verdicts verdicts, String metric) {
        FamilyVerdicts.Cell cell = verdicts.family().cell(e.variant(), metric);
        String verdict = cell == null ? "exploratory" : verdicts.verdict(e.variant(), metric);
        return new Ranked(e, reach, c.differences().get(e.variant()).get(
                nl.fieldlab.sandbox.simulation.Metrics.PUBLIC_COST), cell, verdict,
                verdicts.direction(e.variant(), metric));
    }

    /** What exemption {@code ex} reached in its own variant, and why it reached no one. */
    private static Reach reach(Comparison c, Scenario s, String ex, Map<String, String> unreachable) {
        String p = nl.fieldlab.sandbox.simulation.Metrics.REACH_PREFIX + ex + ".";
        double workers = mean(c, p + "workers", ex);
        double changed = 0;
        for (var t : nl.fieldlab.sandbox.domain.QuestionType.values()) {
            changed += mean(c, p + "changed." + t.name(), ex);
        }
        String unreached = unreachable.containsKey(ex) ? "does not reach this scenario: " + unreachable.get(ex)
                : workers == 0 ? "reached nobody in " + s.replications() + " replications"
                : changed == 0 ? "changes no answer here" : null;
        return new Reach(workers, mean(c, p + "participants", ex), mean(c, p + "paid", ex), unreached);
    }

    private static double mean(Comparison c, String metric, String variant) {
        Summary x = c.metrics().getOrDefault(metric, Map.of()).get(variant);
        return x == null || x.n() == 0 ? 0 : x.mean();
    }

    public Path writeRanking(Ranking rk, Path dir, String command, int threads, double seconds) {
        Csv csv = new Csv("rank", "variant", "title", "metric", "diff_mean", "diff_se", "diff_ci_low", "diff_ci_high",
                "excludes_zero", "status", "reach_workers", "reach_participants", "paid", "net_public_cost_mean",
                "net_public_cost_ci_low", "net_public_cost_ci_high", "p", "p_adjusted", "called");
        StringBuilder md = new StringBuilder("# Exemptions ranked by their effect on " + rk.label() + "\n\n");
        md.append(String.format(Locale.ROOT, "Scenario `%s`, seed %d, %d replications. Each exemption alone against "
                + "the baseline (paired, common random numbers), then all together. Baseline: %s.%n%n",
                rk.scenario().id(), rk.scenario().seed(), rk.scenario().replications(),
                ReportWriter.cell(rk.shown(rk.baseline()), false)));
        md.append(rankingText(rk)).append("\n\n");
        md.append("| rank | exemption | workers in scope / participants | paid by its rules (euro) | extra net public "
                + "cost (euro) | ").append(ReportWriter.cellText(rk.label())).append(" [95 % CI] | verdict |\n")
                .append("|---:|---|---:|---:|---:|---:|---|\n");
        int i = 1;
        for (Ranked x : rk.ranked()) {
            Effect e = x.effect();
            String name = ReportWriter.cellText(e.variant() + ' ' + e.title());
            if (x.reach().unreached() != null) {
                md.append("| - | ").append(name).append(" | ").append(ReportWriter.cellText(x.reach().unreached()))
                        .append(" | | | | |\n");
            } else {
                md.append("| ").append(i).append(" | ").append(name).append(" | ").append(reachText(x.reach()))
                        .append(" | ").append(ReportWriter.fmt(x.reach().paid())).append(" | ")
                        .append(ReportWriter.cell(x.netPublicCost(), true)).append(" | ")
                        .append(ReportWriter.cell(rk.shown(e.difference()), mark(x))).append(" | ")
                        .append(verdictText(x)).append(" |\n");
            }
            csvRow(csv, x.reach().unreached() == null ? Integer.toString(i++) : "", x, rk);
        }
        Ranked all = rk.all();
        md.append("| | all together | | | ").append(ReportWriter.cell(all.netPublicCost(), true)).append(" | ")
                .append(ReportWriter.cell(rk.shown(all.effect().difference()), mark(all))).append(" | ")
                .append(verdictText(all)).append(" |\n");
        md.append("| | interaction (all together minus the sum of the single effects; exploratory) | | | | ")
                .append(ReportWriter.cell(rk.shown(rk.interaction()), true)).append(" | |\n");
        csvRow(csv, "", all, rk);
        csv.row("", "interaction", "combined minus sum of singles", rk.metric(), c(rk.interaction().mean()),
                c(rk.interaction().se()), c(rk.interaction().ciLow()), c(rk.interaction().ciHigh()),
                rk.interaction().excludesZero(), "", "", "", "", "", "", "", "", "", "");
        return writeAnalysis(dir, "ranking", csv, md, rk.scenario(), command, threads, seconds);
    }

    private static void csvRow(Csv csv, String rank, Ranked x, Ranking rk) {
        Summary d = x.effect().difference();
        Reach reach = x.reach();
        boolean reached = reach.unreached() == null;
        csv.row(rank, x.effect().variant(), x.effect().title(), rk.metric(), c(d.mean()), c(d.se()), c(d.ciLow()),
                c(d.ciHigh()), d.excludesZero(), reached ? "reaches" : reach.unreached(), c(reach.workers()),
                c(reach.participants()), c(reach.paid()), c(x.netPublicCost().mean()), c(x.netPublicCost().ciLow()),
                c(x.netPublicCost().ciHigh()), x.cell() == null ? "" : c(x.cell().test().p()),
                x.cell() == null ? "" : c(x.cell().pAdjusted()), x.cell() == null ? "" : x.direction() != 0);
    }

    /** How the ranking reads: its verdicts, or that the metric has none. */
    public static String rankingText(Ranking rk) {
        if (rk.member() == null) {
            return "Exploratory: " + rk.metric() + " is not in the headline family, so no difference here is a "
                    + "verdict (no mark; the 95 % intervals are not corrected for multiple tests).";
        }
        Verdicts v = rk.verdicts();
        String text = "Verdicts: the headline family (" + HeadlineFamily.MEMBERS.size() + " differences per variant) "
                + "over each exemption alone and all together, " + v.family().size() + " tests corrected together by "
                + v.family().correction().label() + "; * marks a difference called after it"
                + (v.seeds() == null ? "" : " in every one of " + v.seedRuns() + " runs with independent seeds")
                + ". Called improvements rank first, then differences not called, then called worsenings; an "
                + "exemption that reaches no one here comes last, without a rank. The interaction is exploratory.";
        return v.enoughReplications() ? text : text + " " + v.tooFewText() + ": no difference is called.";
    }

    /** {@code workers / participants}. */
    public static String reachText(Reach r) {
        return ReportWriter.fmt(r.workers()) + " / " + ReportWriter.fmt(r.participants());
    }

    /** The row's verdict, with * where called. */
    public static String verdictText(Ranked x) {
        return x.direction() != 0 ? x.verdict() + " *" : x.verdict();
    }

    /** The mark of the metric's difference: " *" where the family calls it. */
    public static String mark(Ranked x) {
        return x.direction() != 0 ? " *" : "";
    }

    // ------------------------------------------------------------------ replication planning

    /** Replications needed for a CI half-width, per variant (differences) and for the baseline mean. */
    public record PlanRow(String variant, String what, Summary pilot, int needed) {
    }

    public record Plan(Scenario scenario, String metric, double halfWidth, int pilotReplications, List<PlanRow> rows) {
    }

    /**
     * Runs a pilot, then finds for each variant the smallest number of replications whose t-based 95 % CI of the
     * paired difference to the baseline (and of the baseline mean) is no wider than +/- {@code halfWidth}, taking
     * the pilot's standard deviation as the truth.
     */
    public Plan plan(Scenario scenario, String metric, double halfWidth, int pilot, Run how) {
        if (halfWidth <= 0) {
            throw new CommandFailure(ExitCodes.BAD_INPUT, "--half-width: expected a number above 0");
        }
        if (pilot < 3) {
            throw new CommandFailure(ExitCodes.BAD_INPUT, "--pilot: expected at least 3 replications");
        }
        Scenario s = scenario.with(scenario.seed(), pilot, scenario.behaviour(), scenario.variants());
        if (pilot > nl.fieldlab.sandbox.scenario.ScenarioLoader.MAX_REPLICATIONS) {
            throw new CommandFailure(ExitCodes.BAD_INPUT, "--pilot: expected 3 to "
                    + nl.fieldlab.sandbox.scenario.ScenarioLoader.MAX_REPLICATIONS + " replications, got " + pilot);
        }
        workbench.checkWork(WorkEstimate.of(s), how.threads(), s, "this pilot", "a smaller --pilot",
                how.progress());
        Comparison c = Comparison.of(workbench.simulate(s, how.threads(), how.progress(), how.cancelled()));
        if (!c.metrics().containsKey(metric)) {
            throw new CommandFailure(ExitCodes.BAD_INPUT, nl.fieldlab.sandbox.simulation.Metrics.unknownMessage(metric, c.metrics().keySet()));
        }
        List<PlanRow> rows = new ArrayList<>();
        Summary base = c.metrics().get(metric).get(Variant.BASELINE);
        rows.add(new PlanRow(Variant.BASELINE, "mean", base, needed(base.sd(), halfWidth)));
        c.differences().forEach((v, byMetric) -> {
            Summary d = byMetric.get(metric);
            rows.add(new PlanRow(v, "difference to baseline", d, needed(d.sd(), halfWidth)));
        });
        return new Plan(scenario, metric, halfWidth, pilot, rows);
    }

    /**
     * One cell of the family plan: the pilot's difference and its sd, and the replications that detect it.
     *
     * @param needed the replications, or -1 when the pilot's difference is below a tenth of its sd (nothing to
     *               detect)
     */
    public record FamilyPlanRow(String variant, HeadlineFamily.Member member, Summary pilot, int needed) {
    }

    /** The family plan: m tests, the power asked, a row per variant and member. */
    public record FamilyPlan(Scenario scenario, int pilotReplications, double power, int size,
            List<FamilyPlanRow> rows) {

        /** The row that needs the most replications among those with a difference to detect, or null. */
        public FamilyPlanRow deciding() {
            return rows.stream().filter(r -> r.needed() > 0).max(Comparator.comparingInt(FamilyPlanRow::needed))
                    .orElse(null);
        }
    }

    /**
     * Runs a pilot and finds, for each variant and family member, the replications that detect the pilot's
     * difference with the power asked after the family's correction: Bonferroni at m tests, which is Holm's first
     * step, so an upper bound. The pilot's difference and sd are taken as the truth.
     */
    public FamilyPlan planFamily(Scenario scenario, int pilot, double power, Run how) {
        if (!(power > 0 && power < 1)) {
            throw new CommandFailure(ExitCodes.BAD_INPUT, "--power: expected above 0 and below 1, got "
                    + nl.fieldlab.sandbox.domain.Texts.num(power));
        }
        if (pilot < 3 || pilot > nl.fieldlab.sandbox.scenario.ScenarioLoader.MAX_REPLICATIONS) {
            throw new CommandFailure(ExitCodes.BAD_INPUT, "--pilot: expected 3 to "
                    + nl.fieldlab.sandbox.scenario.ScenarioLoader.MAX_REPLICATIONS + " replications, got " + pilot);
        }
        Scenario s = scenario.with(scenario.seed(), pilot, scenario.behaviour(), scenario.variants());
        workbench.checkWork(WorkEstimate.of(s), how.threads(), s, "this pilot", "a smaller --pilot",
                how.progress());
        Comparison c = Comparison.of(workbench.simulate(s, how.threads(), how.progress(), how.cancelled()));
        FamilyVerdicts family = FamilyVerdicts.of(c, s.verdicts().correction());
        int m = Math.max(1, family.size());
        List<FamilyPlanRow> rows = new ArrayList<>();
        for (String v : c.differences().keySet()) {
            for (HeadlineFamily.Member member : HeadlineFamily.MEMBERS) {
                FamilyVerdicts.Cell cell = family.cell(v, member.metric());
                Summary d = cell.diff();
                boolean detectable = cell.call() != FamilyVerdicts.Call.NOT_TESTED
                        && Math.abs(d.mean()) >= d.sd() / 10 && d.mean() != 0;
                rows.add(new FamilyPlanRow(v, member, d, detectable ? neededToDetect(d.sd(), d.mean(), m, power)
                        : -1));
            }
        }
        return new FamilyPlan(scenario, pilot, power, m, rows);
    }

    /**
     * Smallest n >= {@link HeadlineFamily#MIN_REPLICATIONS} with
     * (t(1 - alpha / (2m), n - 1) + t(power, n - 1)) * sd / sqrt(n) <= |d|: a paired difference d detected with the
     * power asked by a two-sided test at alpha / m.
     */
    public static int neededToDetect(double sd, double d, int m, double power) {
        if (Double.isNaN(sd) || Double.isNaN(d)) {
            return -1;
        }
        for (int n = HeadlineFamily.MIN_REPLICATIONS; n < 1_000_000; n++) {
            TDistribution t = new TDistribution(null, n - 1);
            double bar = t.inverseCumulativeProbability(1 - HeadlineFamily.ALPHA / (2 * m))
                    + t.inverseCumulativeProbability(power);
            if (bar * sd / Math.sqrt(n) <= Math.abs(d)) {
                return n;
            }
        }
        return 1_000_000;
    }

    /** Smallest n >= 2 with t(0.975, n-1) * sd / sqrt(n) <= h. */
    static int needed(double sd, double h) {
        if (Double.isNaN(sd)) {
            return -1;
        }
        if (sd == 0) {
            return 2;
        }
        for (int n = 2; n < 1_000_000; n++) {
            double t = new TDistribution(null, n - 1).inverseCumulativeProbability(0.975);
            if (t * sd / Math.sqrt(n) <= h) {
                return n;
            }
        }
        return 1_000_000;
    }

    private static String c(double v) {
        var n = Json.number(v);
        return n == null ? "" : n.toPlainString();
    }

    private static String num(double v) {
        var n = Json.number(v);
        return n == null ? "" : n.toPlainString();
    }
}
