package nl.fieldlab.sandbox.app;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import nl.fieldlab.sandbox.input.InputError;
import nl.fieldlab.sandbox.report.Manifest;
import nl.fieldlab.sandbox.report.ReportFolder;
import nl.fieldlab.sandbox.report.Report;
import nl.fieldlab.sandbox.report.ReportIndex;
import nl.fieldlab.sandbox.report.ReportWriter;
import nl.fieldlab.sandbox.rules.Exemption;
import nl.fieldlab.sandbox.rules.RuleBase;
import nl.fieldlab.sandbox.rules.RuleBases;
import nl.fieldlab.sandbox.rules.RuleInfo;
import nl.fieldlab.sandbox.rules.RuleLibrary;
import nl.fieldlab.sandbox.rules.RuleRunawayException;
import nl.fieldlab.sandbox.rules.RuleRuntimeException;
import nl.fieldlab.sandbox.rules.Variant;
import nl.fieldlab.sandbox.scenario.Behaviour;
import nl.fieldlab.sandbox.scenario.RobustnessSpec;
import nl.fieldlab.sandbox.scenario.Scenario;
import nl.fieldlab.sandbox.scenario.ScenarioContext;
import nl.fieldlab.sandbox.scenario.ScenarioLoader;
import nl.fieldlab.sandbox.simulation.Metrics;
import nl.fieldlab.sandbox.simulation.RunTotals;
import nl.fieldlab.sandbox.simulation.SimulationResult;
import nl.fieldlab.sandbox.simulation.Simulator;
import nl.fieldlab.sandbox.stats.Comparison;
import nl.fieldlab.sandbox.stats.Correction;
import nl.fieldlab.sandbox.stats.FamilyVerdicts;
import nl.fieldlab.sandbox.stats.SeedAgreement;
import nl.fieldlab.sandbox.stats.Verdicts;

/**
 * The sandbox's use cases and the state of one session. A rule library replaces the current one only when all of
 * it compiles; a run writes its report folder whole or not at all.
 */
@Service
public class Workbench {

    private final Path rulesDir;
    private final Path reportsDir;
    private final List<ReportWriter.ReportFormat> formats;

    private RuleBases rules;
    /** The rule bases the last reload replaced: back in use when the new ones fail while deciding. */
    private RuleBases replaced;
    private Scenario scenario;
    private Path scenarioPath;
    private WhatIf whatIf = WhatIf.none();
    private LastRun last;

    /** The outcome of a run. */
    public record LastRun(Scenario scenario, SimulationResult result, Comparison comparison, Report report,
            Manifest manifest, Path reportDir, double seconds) {
    }

    /**
     * Options of one run; null means "as in the scenario". {@code shownAs} names the scenario file in the report
     * when it was read from elsewhere (verify reruns the copy kept in a report under its original name).
     */
    /**
     * @param robustness draws across the behaviour ranges instead of the scenario's block: null as the scenario
     *                   says, 0 none (off), N that many
     */
    public record RunOptions(Path scenario, Path out, Long seed, Integer replications, int threads,
            Simulator.Progress progress, BooleanSupplier cancelled, String command, String shownAs, Remote remote,
            Integer robustness, Integer seeds) {

        public RunOptions(Path scenario, Path out, Long seed, Integer replications, int threads,
                Simulator.Progress progress, BooleanSupplier cancelled, String command) {
            this(scenario, out, seed, replications, threads, progress, cancelled, command, null, null, null, null);
        }

        public RunOptions(Path scenario, Path out, Long seed, Integer replications, int threads,
                Simulator.Progress progress, BooleanSupplier cancelled, String command, String shownAs,
                Remote remote) {
            this(scenario, out, seed, replications, threads, progress, cancelled, command, shownAs, remote, null,
                    null);
        }

        public RunOptions shownAs(String name) {
            return new RunOptions(scenario, out, seed, replications, threads, progress, cancelled, command, name,
                    remote, robustness, seeds);
        }

        /** The same run, its (variant, replication) runs done by {@code where} instead of this process. */
        public RunOptions on(Remote where) {
            return new RunOptions(scenario, out, seed, replications, threads, progress, cancelled, command, shownAs,
                    where, robustness, seeds);
        }

        /** The same run with {@code draws} draws across the behaviour ranges (0: none; null: the scenario's). */
        public RunOptions withRobustness(Integer draws) {
            return new RunOptions(scenario, out, seed, replications, threads, progress, cancelled, command, shownAs,
                    remote, draws, seeds);
        }

        /** The same run with {@code k} runs with independent seeds behind its verdicts (null: the file's). */
        public RunOptions withSeeds(Integer k) {
            return new RunOptions(scenario, out, seed, replications, threads, progress, cancelled, command, shownAs,
                    remote, robustness, k);
        }
    }

    /**
     * Does a scenario's (variant, replication) runs elsewhere (a cluster) and returns the totals by index:
     * {@code totals[v][r]}, the same as this process would compute.
     */
    public interface Remote {
        RunTotals[][] run(Scenario s, Path file, WhatIf whatIf, RuleLibrary rules, Simulator.Progress progress,
                BooleanSupplier cancelled);

        /** Where the runs go, in words, for the manifest and messages. */
        String describe();
    }

    private Path defaultScenario = Path.of("scenarios/default.yaml");

    public Workbench(@Value("${fieldlab.rules:rules}") String rulesDir,
            @Value("${fieldlab.reports:reports}") String reportsDir, List<ReportWriter.ReportFormat> formats) {
        this.rulesDir = Path.of(rulesDir);
        this.reportsDir = Path.of(reportsDir);
        this.formats = formats;
    }

    private double maxRunHours = WorkEstimate.DEFAULT_LIMIT_HOURS;

    /** The most hours a command's simulations may take before it is refused ({@value WorkEstimate#LIMIT_SETTING}). */
    @org.springframework.beans.factory.annotation.Autowired(required = false)
    public void setMaxRunHours(@Value("${" + WorkEstimate.LIMIT_SETTING + ":24}") double hours) {
        this.maxRunHours = hours;
    }

    /**
     * Checks, before it starts, how long some work will take on {@code threads} threads here: refuses it beyond the
     * limit, and says how long it will take ({@code progress.note}) when that is more than a few minutes.
     *
     * @param s       the scenario simulated (its variants and replications bound the threads that can work at once)
     * @param what    the work in words ("this run", "this sweep")
     * @param smaller how to make it smaller, in the words of the command's options
     */
    public void checkWork(WorkEstimate.Work work, int threads, Scenario s, String what, String smaller,
            Simulator.Progress progress) {
        String warning = WorkEstimate.check(work, WorkEstimate.effectiveThreads(threads, s), what, smaller,
                maxRunHours);
        if (warning != null && progress != null) {
            progress.note(warning);
        }
    }

    /**
     * What {@code validate} says of a run of {@code s} with the default threads: how long it would take when that is
     * more than a few minutes, or that it would be refused and why; null when it is quick.
     */
    public String runEstimate(Scenario s) {
        try {
            return WorkEstimate.check(WorkEstimate.of(s, s.robustness()),
                    WorkEstimate.effectiveThreads(Simulator.defaultThreads(), s),
                    "a run", "fewer replications, workers or months", maxRunHours);
        } catch (CommandFailure f) {
            return "warning: " + f.getMessage().replace("a run would take", "a run would be refused: it would take");
        }
    }

    /** The scenario used when none has been loaded (batch commands without a FILE). */
    @org.springframework.beans.factory.annotation.Autowired(required = false)
    public void setDefaultScenario(@Value("${fieldlab.scenario:scenarios/default.yaml}") String file) {
        this.defaultScenario = Path.of(file);
    }

    public static String version() {
        try (InputStream in = Workbench.class.getResourceAsStream("/fieldlab-version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            String v = p.getProperty("version", "dev");
            return v.startsWith("@") ? "dev" : v;
        } catch (IOException e) {
            return "dev";
        }
    }

    // ------------------------------------------------------------------ rules

    public Path rulesDir() {
        return rulesDir;
    }

    /**
     * The rule library in use, loading it on first use. Only the baseline is compiled then; variants are compiled
     * when first needed ({@link #reloadRules()} compiles everything, to check every file).
     */
    /** The rule library in use, or the rules folder read without compiling anything when none is in use yet. */
    public synchronized RuleLibrary library() {
        return rules != null ? rules.library() : RuleLibrary.load(rulesDir);
    }

    public synchronized RuleBases rules() {
        if (rules == null) {
            RuleBases fresh = new RuleBases(RuleLibrary.load(rulesDir));
            fresh.forVariants(List.of(Variant.baseline()), 1);
            rules = fresh;
        }
        return rules;
    }

    /**
     * Reads the rules folder again and compiles every variant of the loaded scenario and every exemption alone;
     * replaces the rule base in use only when all of it compiles.
     *
     * @return the files that changed since the rule base in use was read
     */
    public synchronized List<String> reloadRules() {
        RuleLibrary fresh = RuleLibrary.load(rulesDir);
        RuleBases compiled = compileLibrary(fresh);
        List<String> changed = rules == null ? List.of() : changedFiles(rules.library(), fresh);
        replaced = rules;
        rules = compiled;
        return changed;
    }

    /** Reloads the rules when a file under the rules folder changed since they were read. */
    public synchronized List<String> reloadIfChanged() {
        if (rules == null) {
            rules();
            return List.of();
        }
        RuleLibrary fresh = RuleLibrary.load(rulesDir);
        if (fresh.hash().equals(rules.library().hash())) {
            return List.of();
        }
        List<String> changed = changedFiles(rules.library(), fresh);
        RuleBases compiled = compileLibrary(fresh);
        replaced = rules;
        rules = compiled;
        return changed;
    }

    private RuleBases compileLibrary(RuleLibrary library) {
        RuleBases bases = new RuleBases(library);
        List<Variant> check = new ArrayList<>();
        check.add(Variant.baseline());
        for (Exemption e : library.exemptions()) {
            check.add(new Variant(e.id(), List.of(e.id()), Map.of()));
        }
        if (scenario != null) {
            check.addAll(effective(scenario).variants());
        }
        bases.forVariants(check, Simulator.defaultThreads());
        return bases;
    }

    private static List<String> changedFiles(RuleLibrary before, RuleLibrary after) {
        TreeSet<String> all = new TreeSet<>(before.fileHashes().keySet());
        all.addAll(after.fileHashes().keySet());
        List<String> changed = new ArrayList<>();
        for (String f : all) {
            String a = before.fileHashes().get(f);
            String b = after.fileHashes().get(f);
            if (a == null) {
                changed.add(f + " (new)");
            } else if (b == null) {
                changed.add(f + " (removed)");
            } else if (!a.equals(b)) {
                changed.add(f);
            }
        }
        return changed;
    }

    /** Every rule of the baseline and of every exemption, by id. */
    public Map<String, RuleInfo> allRules() {
        RuleBases r = rules();
        Map<String, RuleInfo> out = new TreeMap<>();
        List<Variant> all = new ArrayList<>();
        all.add(Variant.baseline());
        for (Exemption e : r.library().exemptions()) {
            all.add(new Variant(e.id(), List.of(e.id()), Map.of()));
        }
        r.forVariants(all, Simulator.defaultThreads()).values().forEach(b -> out.putAll(b.rules()));
        return out;
    }

    // ------------------------------------------------------------------ scenario

    /**
     * Reads a scenario file and checks it against the rule library in use (exemptions, parameter keys, rule ids),
     * the reports folder (its id names a folder there) and the heap (what a run of it would need).
     */
    public Scenario readScenario(Path file) {
        return ScenarioLoader.load(file, context(rules().library()));
    }

    /** The rules' state pension age (parameter aow.age) in a month, or null when the library has none. */
    private static Double statePensionAge(RuleLibrary library, java.time.YearMonth month) {
        if (!library.knowsParameter(RuleLibrary.STATE_PENSION_AGE)) {
            return null;
        }
        var p = library.parameters().get(RuleLibrary.STATE_PENSION_AGE);
        var v = p == null ? null : p.at(month);
        return v == null ? null : v.value();
    }

    private ScenarioContext context(RuleLibrary library) {
        Map<String, Map<String, Double>> exemptions = new LinkedHashMap<>();
        for (Exemption e : library.exemptions()) {
            Map<String, Double> sets = new TreeMap<>();
            e.parameters().forEach((k, p) -> sets.put(k, p.values().get(0).value()));
            exemptions.put(e.id(), sets);
        }
        Set<String> ruleIds = library.ruleIds();
        return new ScenarioContext(exemptions, library::knowsParameter, key -> {
                    var p = library.parameters().get(key);
                    return p != null && p.municipal();
                },
                (metric, groups) -> Metrics.problem(metric, groups, ruleIds), this::whyIdCannotNameAReport,
                s -> new ScenarioContext.Footprint(Simulator.bytesNeeded(s, Simulator.defaultThreads()),
                        Runtime.getRuntime().maxMemory()), month -> statePensionAge(library, month),
                library.regions()::regionProblem, library::parameterProblem, library::textProblem,
                library.supports().keySet(), library::parameterOwner, (id, scope) -> library.exemption(id) == null
                        ? List.of() : nl.fieldlab.sandbox.rules.RouteArea.check(library.exemption(id), scope,
                                library.regions()), library.supports()::get);
    }

    /** Why a scenario id cannot name a folder under the reports folder, or null when it can. */
    String whyIdCannotNameAReport(String id) {
        if (ReportFolder.RESERVED.stream().anyMatch(r -> r.equalsIgnoreCase(id))) {
            return "'" + id + "' is a name the reports folder uses for its own files; choose another id";
        }
        Path dir = reportsDir.resolve(id);
        List<String> foreign = ReportFolder.foreignEntries(dir);
        if (!foreign.isEmpty()) {
            return InputError.display(dir) + " holds " + ReportFolder.notOurs(foreign) + "; move "
                    + (foreign.size() == 1 ? "it" : "them") + " out of that folder, or choose another id";
        }
        if (Files.exists(dir)) {
            String why = ReportFolder.whyNotReplaceable(dir);
            if (why != null) {
                return InputError.display(dir) + " exists and is not a report folder (" + why
                        + "); choose another id";
            }
        }
        return null;
    }

    /** Loads and validates a scenario, and checks its variants against the rules. */
    public synchronized Scenario loadScenario(Path file) {
        Scenario s = readScenario(file);
        rules().forVariants(effective(s).variants(), Simulator.defaultThreads());
        scenario = s;
        scenarioPath = file;
        return s;
    }

    /** Validates a scenario file and its variants without loading it into the session. */
    public Scenario validate(Path file) {
        reloadIfChanged();
        Scenario s = readScenario(file);
        rules().forVariants(s.variants(), Simulator.defaultThreads());
        return s;
    }

    public synchronized Scenario scenario() {
        return scenario;
    }

    public synchronized Path scenarioPath() {
        return scenarioPath;
    }

    /** The loaded scenario; when none is loaded yet, the default scenario (scenarios/default.yaml) is loaded. */
    public synchronized Scenario requireScenario() {
        if (scenario == null) {
            if (!Files.exists(defaultScenario)) {
                throw new CommandFailure(ExitCodes.BAD_INPUT, "no scenario loaded (use: scenario load FILE)");
            }
            loadScenario(defaultScenario);
        }
        return scenario;
    }

    // ------------------------------------------------------------------ what-if

    public synchronized WhatIf whatIf() {
        return whatIf;
    }

    public synchronized void whatIf(WhatIf next) {
        whatIf = next;
    }

    /** The scenario with the session's what-if overrides applied. */
    public synchronized Scenario effective(Scenario s) {
        return whatIf.applyTo(s);
    }

    // ------------------------------------------------------------------ running

    /** Runs a scenario (the loaded one unless a file is given), writes the report, and remembers the result. */
    public LastRun run(RunOptions o) {
        LastRun run = execute(o, true);
        updateIndex(run.reportDir());
        synchronized (this) {
            last = run;
        }
        return run;
    }

    /**
     * Runs and writes a report like {@link #run} but leaves the session as it was: the last run stays the last run
     * and the report index is not touched (for verifying an earlier report).
     */
    public LastRun rerun(RunOptions o) {
        return execute(o, false);
    }

    /**
     * Runs like {@link #rerun} with {@code with} instead of the session's rules (verify's, compiled from the rules
     * folder's text); the session's rules are neither read nor reloaded. {@code o} must name a scenario file.
     */
    public LastRun rerunWith(RunOptions o, RuleBases with) {
        return execute(o, with, false);
    }

    /** @param usersFolder whether the report goes where the user said (not a folder of verify's own making) */
    private LastRun execute(RunOptions o, boolean usersFolder) {
        return keepingLastGood(() -> {
            reloadIfChanged();
            return execute(o, null, usersFolder);
        });
    }

    /**
     * Does {@code work} on the session's rules; when a rule fails or runs away, the rule bases the last reload
     * replaced come back in use, as they stay when a changed rule file does not compile (the next command reads
     * the folder again).
     */
    private <T> T keepingLastGood(java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (RuleRuntimeException e) {
            synchronized (this) {
                if (replaced != null && rules != null) {
                    rules = replaced;
                    replaced = null;
                    if (e instanceof RuleRunawayException r) {
                        throw r.withNote("the rules in use before the change stay in use");
                    }
                }
            }
            throw e;
        }
    }

    private LastRun execute(RunOptions o, RuleBases with, boolean usersFolder) {
        Scenario base = with != null ? ScenarioLoader.load(o.scenario(), context(with.library()))
                : o.scenario() != null ? readScenario(o.scenario()) : requireScenario();
        Path file = o.scenario() != null ? o.scenario() : scenarioPath;
        Path source = file;
        if (o.shownAs() != null) {
            base = base.shownAs(o.shownAs());
            file = Path.of(o.shownAs());
        }
        Scenario s = effective(base);
        s = s.with(o.seed() != null ? o.seed() : s.seed(),
                o.replications() != null ? o.replications() : s.replications(), s.behaviour(), s.variants());
        if (o.seeds() != null) {
            s = s.withVerdicts(s.verdicts().withSeeds(o.seeds()));
        }
        int seeds = s.verdicts().seeds();
        checkRunSize(s, o.threads());
        // the draws across the behaviour ranges run here, also when the main run's replications go to a cluster
        // (a cluster task carries no drawn values yet): the report is the same either way
        RobustnessSpec draws = robustnessOf(s, o.robustness());
        if (o.remote() == null) {
            checkWork(WorkEstimate.of(s, draws), o.threads(), s, "this run", "fewer replications (--replications N), "
                    + (seeds == 1 ? "" : "seed runs (--seeds K), ") + "workers or months"
                    + (draws == null ? "" : ", or fewer draws (--robustness N or off)"), o.progress());
        } else if (draws != null) {
            WorkEstimate.Work all = WorkEstimate.of(s, draws);
            checkWork(new WorkEstimate.Work(all.workerMonths() - WorkEstimate.of(s, null).workerMonths(),
                    all.breakdown()), o.threads(), s, "the draws of this run (on this machine)",
                    "fewer draws (--robustness N or off)", o.progress());
        }
        RuleBases r = with != null ? with : rules();
        Path dir = o.out() != null ? o.out() : reportsDir.resolve(s.id());
        // claim the report folder first: a folder that is not ours, or one another run writes, is refused now
        if (usersFolder) {
            checkOutsideRulesAndCache(dir);
        }
        try (ReportFolder.Claim claim = ReportFolder.claim(dir)) {
            long t0 = System.nanoTime();
            Map<String, RuleBase> bases = compile(r, s, o.threads(), o.progress());
            SimulationResult result = simulate(s, bases, o, source, r);
            Comparison comparison = Comparison.of(result);
            Verdicts verdicts = verdicts(s, comparison, bases, o, source, r);
            Robustness.Result robust = draws == null ? null
                    : new Robustness(drawRunner(bases, draws.draws(), o.threads(), o.progress(), o.cancelled()))
                            .run(s, draws, comparison, verdicts);
            double seconds = (System.nanoTime() - t0) / 1e9;
            Report report = new Report(result, comparison, rulesOf(bases), exemptionTitles(r.library()),
                    unreachableForReport(s, r.library()), r.library().legalRoutes(), r.library().municipalParameters(),
                    changes(base, o), exemptionsOf(s, r.library()), r.library().sources(), null,
                    nl.fieldlab.sandbox.evaluation.DesignCatalogue.loadIfPresent(r.library().root()), verdicts);
            if (robust != null) {
                report = report.withRobustness(robust.forReport());
            }
            Manifest manifest = manifest(s, file, r.library(), o, seconds);
            if (robust != null) {
                manifest = manifest.withRobustness(robustnessEntry(robust));
            } else if (s.robustness() != null) {
                // the scenario's block was switched off for this run: verify must not make the draws either
                manifest = manifest.withRobustness(new Manifest.RobustnessEntry(0,
                        s.robustness().replicationsPerDraw(), nl.fieldlab.sandbox.stats.LatinHypercube.DESIGN_SEED,
                        new TreeMap<>()));
            }
            new ReportWriter(formats).write(report, manifest, claim);
            return new LastRun(s, result, comparison, report, manifest, dir, seconds);
        }
    }

    /**
     * The draws a run makes across the behaviour ranges: the scenario's block, with {@code draws} instead of its
     * own when given (0: none); null when none are made.
     */
    static RobustnessSpec robustnessOf(Scenario s, Integer draws) {
        if (draws == null) {
            return s.robustness();
        }
        if (draws == 0) {
            return null;
        }
        if (draws < RobustnessSpec.MIN_DRAWS || draws > RobustnessSpec.MAX_DRAWS) {
            throw new CommandFailure(ExitCodes.BAD_INPUT, "--robustness: expected off or 4 to 256 draws, got " + draws
                    + " (a share needs at least 4 draws; 32 give it to about +/-15 points)");
        }
        RobustnessSpec spec = s.robustness() != null ? s.robustness()
                : new RobustnessSpec(draws, null, null, null);
        if (s.variants().stream().noneMatch(v -> !v.name().equals(nl.fieldlab.sandbox.rules.Variant.BASELINE))) {
            throw new CommandFailure(ExitCodes.BAD_INPUT, "robustness: nothing to compare: the scenario has only the "
                    + "variant 'baseline'");
        }
        return spec.with(draws, spec.replicationsPerDraw());
    }

    /**
     * Runs the draws of a robustness run here on the main run's compiled rule bases: a draw changes behaviour values
     * only, never the rules, so the rule bases and the deciders the simulator keeps answer it as they answered the
     * main run.
     */
    private static Robustness.DrawRunner drawRunner(Map<String, RuleBase> bases, int draws, int threads,
            Simulator.Progress progress, BooleanSupplier cancelled) {
        Simulator.Progress shown = progress == null ? Simulator.Progress.NONE : progress;
        return (d, k) -> {
            shown.phase("robustness: draw " + (k + 1) + " of " + draws);
            return new Simulator(threads, shown, cancelled).run(d, bases);
        };
    }

    private static Manifest.RobustnessEntry robustnessEntry(Robustness.Result r) {
        Map<String, String> drawn = new TreeMap<>();
        r.space().drawn().forEach(d -> drawn.put(d.name(), d.range().span() + ", " + d.range().basis().word()
                + (d.scenarioRange() ? ", the scenario's range" : "")));
        return new Manifest.RobustnessEntry(r.drawCount(), r.replications(),
                nl.fieldlab.sandbox.stats.LatinHypercube.DESIGN_SEED, drawn);
    }

    /** Refuses, before any work, a run whose replications are out of range or that cannot fit the heap. */
    static void checkRunSize(Scenario s, int threads) {
        if (s.replications() < 2 || s.replications() > ScenarioLoader.MAX_REPLICATIONS) {
            throw new CommandFailure(ExitCodes.BAD_INPUT, "--replications: expected 2 to "
                    + ScenarioLoader.MAX_REPLICATIONS + ", got " + s.replications());
        }
        long need = Simulator.bytesNeeded(s, threads);
        long heap = Runtime.getRuntime().maxMemory();
        if (need > heap) {
            throw new CommandFailure(ExitCodes.BAD_INPUT, String.format(java.util.Locale.ROOT,
                    "this run needs about %.1f GB of memory (%,d workers, %,d replications, %d variants) and the heap "
                            + "has %.1f GB; use fewer workers or replications, or start Java with -Xmx%dg",
                    need / 1e9, s.workerCount(), s.replications(), s.variants().size(), heap / 1e9,
                    (long) Math.ceil(need * 1.25 / (1L << 30))));
        }
    }

    /**
     * Refuses, before any work, a folder a command would write its output to: one inside the rules folder (the rules
     * loader reads what is under it: a report in {@code rules/exemptions/} makes every later command fail), one inside
     * the compiled-rules cache, and one that exists and is not this tool's to replace ({@link ReportFolder}).
     */
    public void checkOutputFolder(Path dir) {
        checkOutsideRulesAndCache(dir);
        if (ReportFolder.whyNotReplaceable(dir) != null) {
            throw new InputError(ReportFolder.refusal(dir));
        }
    }

    /** Refuses an output path (a folder, or a file such as the benchmark history) inside the rules or cache folder. */
    public void checkOutsideRulesAndCache(Path out) {
        Path name = out.toAbsolutePath().normalize().getFileName();
        String hint = "; write it outside that folder, e.g. to " + InputError.display(reportsDir.resolve(
                name == null ? "out" : name.toString()));
        if (ReportFolder.within(out, rulesDir)) {
            throw new InputError("refusing to write to " + InputError.display(out) + ": it lies inside the rules "
                    + "folder " + InputError.display(rulesDir) + ", which holds only rules (the rules loader reads what"
                    + " is under it, and later commands would fail on a report there)" + hint);
        }
        Path cache = ruleCacheDir();
        if (cache != null && ReportFolder.within(out, cache)) {
            throw new InputError("refusing to write to " + InputError.display(out) + ": it lies inside the "
                    + "compiled-rules cache " + InputError.display(cache) + " (fieldlab.rule-cache), which holds only"
                    + " compiled rules" + hint);
        }
    }

    /**
     * The compiled-rules cache folder, as the rule compiler's store finds it ({@code -Dfieldlab.rule-cache=PATH},
     * default {@code ~/.cache/fieldlab-sandbox/compiled-rules}), or null when it is turned off.
     */
    static Path ruleCacheDir() {
        String setting = System.getProperty("fieldlab.rule-cache", "");
        if (setting.equals("off")) {
            return null;
        }
        return setting.isEmpty() ? Path.of(System.getProperty("user.home"), ".cache", "fieldlab-sandbox",
                "compiled-rules") : Path.of(setting);
    }

    /**
     * Writes an analysis or benchmark folder whole (see {@link ReportFolder}), after the same checks as a report
     * folder.
     */
    public void writeFolder(Path dir, Map<String, String> files, Manifest manifest) {
        checkOutputFolder(dir);
        ReportWriter.writeFolder(dir, files, manifest);
    }

    /** Lists a report written under the reports folder in reports/index.md; reports elsewhere are left alone. */
    private void updateIndex(Path dir) {
        Path parent = dir.toAbsolutePath().normalize().getParent();
        if (parent != null && parent.equals(reportsDir.toAbsolutePath().normalize())) {
            ReportIndex.update(parent);
        }
    }

    /**
     * Simulates a scenario (already with any overrides) without writing a report: for calibration, sweeps and
     * rankings, which write their own files.
     */
    public SimulationResult simulate(Scenario s, int threads, Simulator.Progress progress, BooleanSupplier cancelled) {
        return keepingLastGood(() -> {
            reloadIfChanged();
            checkRunSize(s, threads);
            Map<String, RuleBase> bases = compile(rules(), s, threads, progress);
            return new Simulator(threads, progress, cancelled).run(s, bases);
        });
    }

    /**
     * Simulates on {@code remote} the loaded scenario file with {@code whatIf} on top, which must come to {@code s}
     * (the seed and replications are {@code s}'s): for analyses whose points run on a cluster.
     */
    public SimulationResult simulateOn(Remote remote, Scenario s, WhatIf whatIf, Simulator.Progress progress,
            BooleanSupplier cancelled) {
        reloadIfChanged();
        Path file = scenarioPath();
        if (file == null) {
            throw new CommandFailure(ExitCodes.BAD_INPUT, "--cluster: load a scenario file first (scenario load FILE)");
        }
        return Simulator.collect(s, remote.run(s, file, whatIf, rules().library(),
                progress == null ? Simulator.Progress.NONE : progress, cancelled), Map.of());
    }

    /** The plan of a scenario's runs (its variants compiled), for analyses that run single runs (plan-pilot). */
    public Simulator.Plan plan(Scenario s, int threads, Simulator.Progress progress) {
        reloadIfChanged();
        return new Simulator.Plan(s, Simulator.deciders(s, compile(rules(), s, threads, progress)));
    }

    /** The rule bases of a scenario's variants, saying so to the progress display first. */
    private static Map<String, RuleBase> compile(RuleBases rules, Scenario s, int threads,
            Simulator.Progress progress) {
        if (progress != null) {
            progress.phase("compiling the rules of " + s.variants().size() + " variants");
        }
        return rules.forVariants(s.variants(), threads);
    }

    /** The scenario to analyse: the given file, else the loaded scenario, with the session's what-if overrides. */
    public Scenario scenarioFor(Path file) {
        return effective(file != null ? readScenario(file) : requireScenario());
    }

    /** A manifest for an analysis (sweep, ranking, calibration) of a scenario. */
    public Manifest manifestFor(Scenario s, String command, int threads, double seconds) {
        return manifest(s, null, rules().library(), new RunOptions(null, null, null, null, threads, null, null,
                command), seconds);
    }

    public Path reportsDir() {
        return reportsDir;
    }

    public synchronized LastRun last() {
        return last;
    }

    public synchronized LastRun requireLast() {
        if (last == null) {
            throw new CommandFailure(ExitCodes.BAD_INPUT, "nothing has run yet in this session (use: run)");
        }
        return last;
    }

    /**
     * Runs a small version of the loaded scenario and throws the result away, so that the Java and rule-engine
     * compilers have done their work before the user's first run. Changes nothing a run produces: every run
     * starts from its own random streams and answer caches.
     */
    public void warmUp() {
        Scenario s;
        synchronized (this) {
            s = scenario;
        }
        if (s == null) {
            return;
        }
        Scenario small = s.scaled(Math.min(1.0, 800.0 / Math.max(1, s.workerCount())));
        small = small.with(small.seed(), 2, small.behaviour(), small.variants());
        simulate(effective(small), 1, null, () -> false);
    }

    /** Writes the last run's report again, to another folder. */
    public Path writeReport(Path dir) {
        LastRun r = requireLast();
        Path target = dir != null ? dir : r.reportDir();
        checkOutsideRulesAndCache(target);
        new ReportWriter(formats).write(r.report(), r.manifest(), target);
        updateIndex(target);
        return target;
    }

    /**
     * For each exemption of the scenario's variants whose scope (the variant's) can reach nobody in any variant that
     * lists it, why (from the scope and the scenario alone): the report says it next to the zero effect.
     */
    public static Map<String, String> unreachable(Scenario s, RuleLibrary library) {
        return Reachability.byExemption(s, library);
    }

    /** {@link #unreachable} and, under "VARIANT/ID", each variant's own reason (its scope may be the scenario's). */
    private static Map<String, String> unreachableForReport(Scenario s, RuleLibrary library) {
        Map<String, String> out = new TreeMap<>(unreachable(s, library));
        Reachability.byVariant(s, library).forEach((v, why) -> why.forEach((id, reason) -> out.put(v + "/" + id,
                reason)));
        return out;
    }

    private static Map<String, RuleInfo> rulesOf(Map<String, RuleBase> bases) {
        Map<String, RuleInfo> out = new TreeMap<>();
        bases.values().forEach(b -> out.putAll(b.rules()));
        return out;
    }

    private static Map<String, String> exemptionTitles(RuleLibrary library) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Exemption e : library.exemptions()) {
            out.put(e.id(), e.title());
        }
        return out;
    }

    /** The declarations of the exemptions a scenario's variants use, by id. */
    private static Map<String, Exemption> exemptionsOf(Scenario s, RuleLibrary library) {
        Map<String, Exemption> out = new TreeMap<>();
        s.variants().forEach(v -> v.exemptions().forEach(id -> {
            Exemption e = library.exemption(id);
            if (e != null) {
                out.put(id, e);
                if (v.scopes().containsKey(id)) {
                    // the variant's own scope, beside the rule file's (Report.exemptionIn)
                    out.put(v.name() + "/" + id, v.scoped(e, library.regions()));
                }
            }
        }));
        return out;
    }

    /** What a run changes from the scenario file as written, one sentence each (none for a plain run). */
    /** One simulation of {@code s}, here or on the cluster. */
    private SimulationResult simulate(Scenario s, Map<String, RuleBase> bases, RunOptions o, Path source,
            RuleBases r) {
        return o.remote() == null
                ? new Simulator(o.threads(), o.progress(), o.cancelled()).run(s, bases)
                : Simulator.collect(s, o.remote().run(s, source, whatIf(), r.library(),
                        o.progress() == null ? Simulator.Progress.NONE : o.progress(), o.cancelled()), Map.of());
    }

    /**
     * The headline verdicts: the family of the run just made, and where the scenario asks for a seed check, the
     * family of each rerun with an independent seed (the same compiled rules; only the family is kept of each).
     */
    private Verdicts verdicts(Scenario s, Comparison comparison, Map<String, RuleBase> bases, RunOptions o,
            Path source, RuleBases r) {
        return SeedCheck.of(s, comparison, again -> {
            if (o.progress() != null) {
                o.progress().note("seed check: a run with seed " + again.seed());
            }
            return Comparison.of(simulate(again, bases, o, source, r));
        });
    }

    private List<String> changes(Scenario file, RunOptions o) {
        List<String> out = new ArrayList<>();
        if (o.seeds() != null && o.seeds() != file.verdicts().seeds()) {
            out.add(o.seeds() + (o.seeds() == 1 ? " run" : " runs") + " with independent seeds instead of the "
                    + "file's " + file.verdicts().seeds());
        }
        if (o.seed() != null && o.seed() != file.seed()) {
            out.add("seed " + o.seed() + " instead of the file's " + file.seed());
        }
        if (o.replications() != null && o.replications() != file.replications()) {
            out.add(o.replications() + " replications instead of the file's " + file.replications());
        }
        WhatIf w = whatIf();
        w.behaviour().forEach((k, v) -> out.add("behaviour " + k + " = " + nl.fieldlab.sandbox.domain.Texts.num(v)
                + " for every variant (the file's value: " + nl.fieldlab.sandbox.domain.Texts.num(
                        file.behaviour().get(k)) + ")"));
        w.parameters().forEach((variant, values) -> values.forEach((k, v) -> out.add("rule parameter " + k + " = "
                + nl.fieldlab.sandbox.domain.Texts.num(v) + (WhatIf.ALL_VARIANTS.equals(variant) ? " for every variant"
                        : " for variant " + variant))));
        Integer draws = o.robustness();
        int own = file.robustness() == null ? 0 : file.robustness().draws();
        if (draws != null && draws != own) {
            out.add(draws == 0 ? "no draws across the behaviour ranges (--robustness off; the file's block: " + own
                    + " draws)" : draws + " draws across the behaviour ranges (--robustness " + draws + ") instead of "
                            + (own == 0 ? "none (the file has no robustness block)" : "the file's " + own));
        }
        return out;
    }

    private Manifest manifest(Scenario s, Path file, RuleLibrary library, RunOptions o, double seconds) {
        Map<String, Map<String, Double>> params = new TreeMap<>(whatIf.parameters());
        List<Manifest.VariantEntry> variants = s.variants().stream()
                .map(v -> new Manifest.VariantEntry(v.name(), v.exemptions(), v.parameters())).toList();
        Manifest.Overrides overrides = new Manifest.Overrides(o.seed(), o.replications(), whatIf.behaviour(), params);
        return new Manifest("fieldlab-sandbox", version(), System.getProperty("java.version"),
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), Math.round(seconds * 100) / 100.0,
                o.threads(), file == null ? s.file() : InputError.display(file), s.sha256(), s.id(), s.seed(),
                s.replications(), InputError.display(rulesDir), library.hash(), library.parameterHash(),
                library.fileHashes(), overrides, variants, o.command(), new TreeMap<>(), s.verdicts().seeds());
    }

    /** Whether a path names an existing file (for completion and friendly errors). */
    public static boolean exists(Path p) {
        return p != null && Files.exists(p);
    }
}
