package nl.fieldlab.sandbox.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.springframework.stereotype.Service;

import nl.fieldlab.sandbox.bench.Floor;
import nl.fieldlab.sandbox.rules.Decider;
import nl.fieldlab.sandbox.rules.RuleBase;
import nl.fieldlab.sandbox.rules.Variant;
import nl.fieldlab.sandbox.scenario.Scenario;
import nl.fieldlab.sandbox.simulation.SimulationResult;
import nl.fieldlab.sandbox.simulation.Simulator;

/**
 * The performance benchmark of issue 13, each case against its target: the interactive case (5,000 workers x 24
 * months x 3 variants x 20 replications) warm and first, the province case (100,000 x 24 x 2 x 10), 1 thread
 * against 2, the rule engine against the plain-Java floor on one slice of the regulation, the heap at 200,000
 * workers, and batch commands in a cold JVM (the same jar started again). Rule bases
 * are compiled before timing, once per process as in real use; each simulation case reports wall time,
 * worker-months per second and how much of the deciding the rule engine did.
 */
@Service
public class Benchmark {

    /** Months every simulation case runs (the cases are 24-month horizons). */
    static final int MONTHS = 24;

    private final Workbench workbench;

    public Benchmark(Workbench workbench) {
        this.workbench = workbench;
    }

    /**
     * One measured case.
     *
     * @param seconds      wall time of the measured run (best of the repeats, after a warm-up run), or the measured
     *                     value for a ratio case (speed-up)
     * @param firstSeconds wall time of the first run of the case in this process
     * @param limit        the target: at most this (seconds), or at least this for a speed-up; NaN when none
     * @param atLeast      whether the target is a lower bound (a speed-up) rather than an upper one (a time)
     * @param times        whether the value is a ratio (times) rather than seconds
     */
    public record Case(String name, int workers, int months, int variants, int replications, int threads,
            double seconds, double firstSeconds, double workerMonthsPerSecond, long asked, long evaluated,
            double engineSeconds, long heapMb, double limit, boolean atLeast, boolean times, String note) {

        public String target() {
            if (Double.isNaN(limit)) {
                return "";
            }
            return (atLeast ? ">= " : "<= ") + trim(limit) + (times ? "x" : " s");
        }

        /** The same measurement under another name, target and note. */
        Case named(String newName, double newLimit, String newNote) {
            return new Case(newName, workers, months, variants, replications, threads, seconds, firstSeconds,
                    workerMonthsPerSecond, asked, evaluated, engineSeconds, heapMb, newLimit, atLeast, times, newNote);
        }

        /** A ratio between two cases: {@code value} times, against a target of {@code limit} times. */
        static Case ratio(String name, Case of, double value, double limit, boolean atLeast, String note) {
            return new Case(name, of.workers(), of.months(), of.variants(), of.replications(), of.threads(), value,
                    Double.NaN, Double.NaN, 0, 0, 0, 0, limit, atLeast, true, note);
        }

        /** meets, misses, or empty without a target. */
        public String verdict() {
            if (Double.isNaN(limit) || Double.isNaN(seconds)) {
                return Double.isNaN(limit) ? "" : "not run";
            }
            return (atLeast ? seconds >= limit : seconds <= limit) ? "meets" : "misses";
        }

        private static String trim(double v) {
            return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
        }
    }

    /**
     * Runs the benchmark on {@code base} (the default scenario); {@code quick} uses fewer replications and sizes and
     * no batch commands but {@code version}, to stay under a minute.
     */
    public List<Case> run(Scenario base, boolean quick, Analyses.Run how) {
        List<Case> cases = new ArrayList<>();
        List<Variant> three = pick(base, 3);
        List<Variant> two = pick(base, 2);
        int reps = quick ? 4 : 20;
        int repeats = quick ? 1 : 3;
        String interactive = "interactive" + (quick ? " (4 reps)" : "");
        // 2 threads and 1 thread alternate after one warm-up run, so that neither is timed while the JIT still
        // compiles the rule network (timing all 2-thread runs first made them look slower than 1 thread)
        Scenario small = sized(base, 5_000, three, reps);
        Map<String, RuleBase> smallBases = workbench.rules().forVariants(small.variants(), 2);
        Timed[] pair = alternating(small, repeats, how, sim -> sim.run(small, smallBases));
        Case warm = pair[0].c().named(interactive, quick ? Double.NaN : 1.5, "best warm run");
        cases.add(warm);
        cases.add(new Case(interactive + ", first run in this process", warm.workers(), warm.months(),
                warm.variants(), warm.replications(), 2, warm.firstSeconds(), warm.firstSeconds(),
                Double.NaN, 0, 0, 0, warm.heapMb(), quick ? Double.NaN : 4.0, false, false,
                "the first simulation after the rules were compiled"));
        Case single = pair[1].c().named(interactive + ", 1 thread", Double.NaN, "best run, alternating with 2 threads");
        cases.add(single);
        cases.add(Case.ratio("speed-up of 2 threads over 1", warm, single.seconds() / warm.seconds(),
                quick ? Double.NaN : 1.8, true,
                "wall time with 1 thread / with 2"));
        cases.addAll(reruns(small, smallBases, interactive, repeats, quick, how));
        cases.addAll(floor(base, three.size(), reps, repeats, quick, how));
        String province = "province" + (quick ? " (20,000 x 2 reps)" : "");
        Scenario large = sized(base, quick ? 20_000 : 100_000, two, quick ? 2 : 10);
        Map<String, RuleBase> largeBases = workbench.rules().forVariants(large.variants(), 2);
        double provinceLimit = quick ? Double.NaN : 10;
        cases.add(timed(province, large, 2, 1, provinceLimit, "", how, sim -> sim.run(large, largeBases)).c());
        // right after it, keeping its answers: what the simulation itself costs when the rules decide (almost) nothing
        cases.add(timed(province + ", rerun unchanged (answers kept)", large, 2, 0, provinceLimit,
                "evaluated > 0 where the heap's answer bound dropped some (none at -Xmx20g)", how, true,
                sim -> sim.run(large, largeBases)).c());
        Simulator.forgetAnswers();
        if (!quick) {
            Case heap = measure("heap at 200,000 workers", sized(base, 200_000, two, 4), 2, 1, Double.NaN,
                    "peak heap after a collection, during the run", how);
            cases.add(heap);
        }
        cases.addAll(batch(quick));
        return cases;
    }

    /** The one-million-worker case: 1,000,000 x 24 x 2 x 4 (start Java with -Xmx4g to check the memory target). */
    public Case million(Scenario base, Analyses.Run how) {
        return measure("1,000,000 workers", sized(base, 1_000_000, pick(base, 2), 4), 2, 1, Double.NaN,
                "heap limit " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB", how);
    }

    private static List<Variant> pick(Scenario s, int n) {
        return s.variants().subList(0, Math.min(n, s.variants().size()));
    }

    static Scenario sized(Scenario base, int workers, List<Variant> variants, int replications) {
        Scenario scaled = base.scaled(workers / (double) base.workerCount()).withMonths(MONTHS);
        return scaled.with(scaled.seed(), replications, scaled.behaviour(), variants);
    }

    /**
     * A rerun in the same process, as a designer reruns in the shell: the answers of the last run are kept where a
     * variant's rules did not change ({@link Simulator#deciders}). Timed twice: the same scenario again, and after
     * one exemption parameter of the last variant with exemptions changed (that variant decides afresh, the others
     * reuse their answers). The other cases decide afresh every run.
     */
    private List<Case> reruns(Scenario s, Map<String, RuleBase> bases, String interactive, int repeats, boolean quick,
            Analyses.Run how) {
        List<Case> out = new ArrayList<>();
        double limit = quick ? Double.NaN : 1.5;
        out.add(rerun(interactive + ", rerun unchanged (answers kept)", s, bases, s, bases, repeats, limit,
                "the same scenario after a run of it", how));
        Variant changed = null;
        String what = null;
        List<Variant> variants = new ArrayList<>(s.variants());
        for (int i = variants.size() - 1; i >= 0 && changed == null; i--) {
            Variant v = variants.get(i);
            for (String id : v.exemptions()) {
                for (var p : workbench.library().exemption(id).parameters().values()) {
                    double value = p.values().get(p.values().size() - 1).value();
                    if (changed == null && value > 1 && !v.parameters().containsKey(p.key())) {
                        Map<String, Double> params = new LinkedHashMap<>(v.parameters());
                        params.put(p.key(), value - 1);
                        changed = new Variant(v.name(), v.exemptions(), params, v.local());
                        variants.set(i, changed);
                        what = "set " + p.key() + " " + Case.trim(value - 1) + " --variant " + v.name();
                    }
                }
            }
        }
        if (changed == null) {
            out.add(new Case(interactive + ", rerun after a set", s.workerCount(), s.months(), s.variants().size(),
                    s.replications(), 2, Double.NaN, Double.NaN, Double.NaN, 0, 0, 0, 0, limit, false, false,
                    "not run: no variant has an exemption parameter above 1 to change"));
            return out;
        }
        Scenario after = s.with(s.seed(), s.replications(), s.behaviour(), variants);
        Map<String, RuleBase> afterBases = workbench.rules().forVariants(after.variants(), 2);
        out.add(rerun(interactive + ", rerun after " + what + " (answers kept)", s, bases, after, afterBases,
                repeats, limit, "only " + changed.name() + " decides afresh", how));
        return out;
    }

    /** {@code after} timed right after an untimed run of {@code before}, keeping its answers; best of the repeats. */
    private Case rerun(String name, Scenario before, Map<String, RuleBase> beforeBases, Scenario after,
            Map<String, RuleBase> afterBases, int repeats, double limit, String note, Analyses.Run how) {
        Case best = null;
        for (int i = 0; i < Math.max(1, repeats); i++) {
            timed("", before, 2, 0, Double.NaN, "", how, false, sim -> sim.run(before, beforeBases));
            Case c = timed(name, after, 2, 0, limit, note, how, true, sim -> sim.run(after, afterBases)).c();
            if (best == null || c.seconds() < best.seconds()) {
                best = c;
            }
        }
        Simulator.forgetAnswers();
        return best;
    }

    /**
     * The floor: the interactive case under one slice of the regulation ({@link Floor#FILES}), once decided by the
     * rule engine and once by the same decisions written as plain Java; the ratio of their times is what the rule
     * engine costs. Both runs must give the same results, or the ratio case says so and misses.
     */
    private List<Case> floor(Scenario base, int variants, int reps, int repeats, boolean quick, Analyses.Run how) {
        RuleBase slice = RuleBase.compile(workbench.library().slice(Floor.FILES), Variant.baseline());
        List<Variant> copies = new ArrayList<>();
        Map<String, RuleBase> bases = new LinkedHashMap<>();
        for (int i = 0; i < variants; i++) {
            Variant v = i == 0 ? Variant.baseline() : new Variant("slice copy " + (i + 1), List.of(), Map.of());
            copies.add(v);
            bases.put(v.name(), slice.withVariant(v));
        }
        Scenario s = sized(base, 5_000, copies, reps);
        String what = "interactive" + (quick ? " (4 reps)" : "") + ", slice ";
        Timed engine = timed(what + "by the rule engine", s, 2, repeats, Double.NaN,
                "slice: minimum wage, wage-cost subsidy, WW, trial placement", how, sim -> sim.run(s, bases));
        Timed plain = timed(what + "as plain Java (the floor)", s, 2, repeats, Double.NaN, "", how, sim -> {
            Map<String, Decider> deciders = new LinkedHashMap<>();
            bases.forEach((name, rules) -> deciders.put(name, new Decider(rules, Floor::decide)));
            return sim.runWith(s, deciders);
        });
        boolean same = sameResults(engine.last(), plain.last());
        Case drools = engine.c();
        Case floor = plain.c();
        return List.of(drools, floor, Case.ratio("rule engine against the floor", drools,
                same ? drools.seconds() / floor.seconds() : Double.NaN, quick ? Double.NaN : 3, false,
                same ? "wall time, slice by the rule engine / as plain Java; results equal"
                        : "the two runs gave different results: the floor no longer matches the rules"));
    }

    /** Whether two runs of one scenario gave the same metrics, month series and decisions asked. */
    static boolean sameResults(SimulationResult a, SimulationResult b) {
        if (!a.variants().equals(b.variants())) {
            return false;
        }
        for (String v : a.variants()) {
            Map<String, double[]> ma = a.metrics().get(v);
            Map<String, double[]> mb = b.metrics().get(v);
            if (!ma.keySet().equals(mb.keySet()) || !java.util.Arrays.equals(a.placementsByMonth().get(v),
                    b.placementsByMonth().get(v)) || a.deciderStats().get(v).asked() != b.deciderStats().get(v).asked()) {
                return false;
            }
            for (String k : ma.keySet()) {
                if (!java.util.Arrays.equals(ma.get(k), mb.get(k))) {
                    return false;
                }
            }
        }
        return true;
    }

    private Case measure(String name, Scenario s, int threads, int repeats, double limit, String note,
            Analyses.Run how) {
        Map<String, RuleBase> bases = workbench.rules().forVariants(s.variants(), threads);
        return timed(name, s, threads, repeats, limit, note, how, sim -> sim.run(s, bases)).c();
    }

    /**
     * The same case on 2 threads and on 1, alternating after one warm-up run on 2: {@code [2 threads, 1 thread]},
     * each the best of {@code repeats} runs.
     */
    private Timed[] alternating(Scenario s, int repeats, Analyses.Run how,
            java.util.function.Function<Simulator, SimulationResult> runner) {
        Timed[] best = new Timed[2];
        double first = Double.NaN;
        for (int i = 0; i <= repeats; i++) {
            for (int threads : i == 0 ? new int[] {2} : new int[] {2, 1}) {
                Timed t = timed("", s, threads, 0, Double.NaN, "", how, runner);
                if (i == 0) {
                    first = t.c().seconds();
                    continue;
                }
                int k = threads == 2 ? 0 : 1;
                if (best[k] == null || t.c().seconds() < best[k].c().seconds()) {
                    best[k] = t;
                }
            }
        }
        Case c = best[0].c();
        best[0] = new Timed(new Case(c.name(), c.workers(), c.months(), c.variants(), c.replications(), 2,
                c.seconds(), first, c.workerMonthsPerSecond(), c.asked(), c.evaluated(), c.engineSeconds(),
                c.heapMb(), c.limit(), false, false, c.note()), best[0].last());
        return best;
    }

    /**
     * The peak heap after a collection while it is open: the live data a run holds, not the garbage between
     * collections. Polls the heap pools' usage after their last collection.
     */
    private static final class HeapWatch implements AutoCloseable {
        private final java.util.concurrent.atomic.AtomicLong peak = new java.util.concurrent.atomic.AtomicLong();
        private final Thread poller;
        private volatile boolean open = true;

        HeapWatch() {
            poller = new Thread(() -> {
                while (open) {
                    sample();
                    try {
                        Thread.sleep(50);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "fieldlab-heap-watch");
            poller.setDaemon(true);
            poller.start();
        }

        private void sample() {
            long used = 0;
            for (java.lang.management.MemoryPoolMXBean p : java.lang.management.ManagementFactory.getMemoryPoolMXBeans()) {
                if (p.getType() == java.lang.management.MemoryType.HEAP && p.getCollectionUsage() != null) {
                    used += p.getCollectionUsage().getUsed();
                }
            }
            peak.accumulateAndGet(used, Math::max);
        }

        long peakMb() {
            sample();
            return peak.get() / (1024 * 1024);
        }

        @Override
        public void close() {
            open = false;
            poller.interrupt();
        }
    }

    /** A measured case and the result of its last run. */
    private record Timed(Case c, SimulationResult last) {
    }

    private Timed timed(String name, Scenario s, int threads, int repeats, double limit, String note,
            Analyses.Run how, java.util.function.Function<Simulator, SimulationResult> runner) {
        return timed(name, s, threads, repeats, limit, note, how, false, runner);
    }

    /**
     * Times {@code runner}, best of {@code repeats} after a first run; each run decides afresh unless
     * {@code keepAnswers}, which keeps the answers of the run before it.
     */
    private Timed timed(String name, Scenario s, int threads, int repeats, double limit, String note,
            Analyses.Run how, boolean keepAnswers, java.util.function.Function<Simulator, SimulationResult> runner) {
        double first = Double.NaN;
        double best = Double.MAX_VALUE;
        SimulationResult last = null;
        long heap = 0;
        for (int i = 0; i <= repeats; i++) {
            if (how.cancelled().getAsBoolean()) {
                throw new java.util.concurrent.CancellationException();
            }
            if (!keepAnswers) {
                Simulator.forgetAnswers();
            }
            System.gc();
            long t0 = System.nanoTime();
            try (HeapWatch watch = new HeapWatch()) {
                last = runner.apply(new Simulator(threads, how.progress(), how.cancelled()));
                heap = Math.max(heap, watch.peakMb());
            }
            double sec = (System.nanoTime() - t0) / 1e9;
            if (i == 0) {
                first = sec;
            }
            if (i > 0) {
                best = Math.min(best, sec);
            }
            if (repeats == 1 && i == 0 && sec > 20) {
                break; // a long case is timed once: its first run is as warm as it gets
            }
        }
        if (best == Double.MAX_VALUE) {
            best = first;
        }
        Decider.Stats total = Decider.Stats.total(last.deciderStats().values());
        return new Timed(new Case(name, s.workerCount(), s.months(), s.variants().size(), s.replications(), threads,
                best, first, last.workerMonths() / best, total.asked(), total.evaluated(), total.engineSeconds(), heap,
                limit, false, false, note),
                last);
    }

    /**
     * Batch commands in a cold JVM: this jar started again with the same rules folder, as an evaluator runs it.
     * Only when running from the jar (not from a build's classes).
     */
    private List<Case> batch(boolean quick) {
        Path jar = ownJar();
        List<Case> out = new ArrayList<>();
        List<String[]> commands = new ArrayList<>();
        commands.add(new String[] {"version", "2"});
        if (!quick) {
            commands.add(new String[] {"validate scenarios/default.yaml", "3"});
            commands.add(new String[] {"test-rules", "6"});
            commands.add(new String[] {"rules check", "8"});
            commands.add(new String[] {"run scenarios/default.yaml --out " + workbench.reportsDir().resolve("bench")
                    .resolve("default-run"), "10"});
        }
        for (String[] c : commands) {
            double limit = Double.parseDouble(c[1]);
            double seconds = jar == null ? Double.NaN : coldRun(jar, c[0]);
            out.add(new Case("batch, cold JVM: " + c[0].replaceAll(" --out .*", ""), 0, 0, 0, 0, 0, seconds,
                    seconds, Double.NaN, 0, 0, 0, 0, limit, false, false, jar == null ? "not run: bench is not running from "
                            + "the jar" : ""));
        }
        return out;
    }

    private double coldRun(Path jar, String command) {
        List<String> argv = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dfieldlab.rules=" + workbench.rulesDir().toAbsolutePath(),
                "-Dfieldlab.reports=" + workbench.reportsDir().toAbsolutePath(), "-jar", jar.toString()));
        argv.addAll(List.of(command.split(" ")));
        try {
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder(argv).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!p.waitFor(10, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                return Double.NaN;
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            return p.exitValue() <= 2 ? seconds : Double.NaN;
        } catch (IOException e) {
            return Double.NaN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.util.concurrent.CancellationException("interrupted");
        }
    }

    /** The columns of benchmark.csv; history.csv has when, version, rules hash, machine and mode before them. */
    public static final String CSV_HEADER = "case,workers,months,variants,replications,threads,value,target,verdict,"
            + "first_seconds,worker_months_per_second,asked,evaluated,engine_seconds,heap_mb";
    static final String HISTORY_HEADER = "when,version,rules,machine,mode," + CSV_HEADER;

    /** One case as the fields of a benchmark.csv row. */
    public static List<String> csvFields(Case c) {
        return List.of(c.name(), String.valueOf(c.workers()), String.valueOf(c.months()),
                String.valueOf(c.variants()), String.valueOf(c.replications()), String.valueOf(c.threads()),
                String.format(java.util.Locale.ROOT, "%.3f", c.seconds()), c.target(), c.verdict(),
                String.format(java.util.Locale.ROOT, "%.3f", c.firstSeconds()),
                String.format(java.util.Locale.ROOT, "%.0f", c.workerMonthsPerSecond()), String.valueOf(c.asked()),
                String.valueOf(c.evaluated()), String.format(java.util.Locale.ROOT, "%.2f", c.engineSeconds()),
                String.valueOf(c.heapMb()));
    }

    /**
     * Appends lines to the history file: creates it with its header, appends to a plain file that starts with that
     * header (ours), and leaves anything else of that name alone (another file, a link, a folder). Returns what it
     * did, in words.
     */
    public static String appendHistory(Path file, String lines) {
        try {
            if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || !HISTORY_HEADER.equals(firstLine(file))) {
                    return file + " is not a benchmark history this tool wrote; left alone";
                }
                Files.writeString(file, lines, StandardCharsets.UTF_8, StandardOpenOption.APPEND,
                        LinkOption.NOFOLLOW_LINKS);
            } else {
                Files.createDirectories(file.getParent());
                Files.writeString(file, HISTORY_HEADER + "\n" + lines, StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
            }
            return "appended to " + file;
        } catch (IOException e) {
            return "could not append to " + file + ": " + e.getMessage();
        }
    }

    /** The first line of a file, read without reading the rest. */
    private static String firstLine(Path file) throws IOException {
        try (var in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line = in.readLine();
            return line == null ? "" : line;
        } catch (java.io.UncheckedIOException | java.nio.charset.CharacterCodingException e) {
            return "";
        }
    }

    /** The executable jar this process was started from, or null. */
    static Path ownJar() {
        String cp = System.getProperty("java.class.path", "");
        if (cp.endsWith(".jar") && !cp.contains(java.io.File.pathSeparator)) {
            Path p = Path.of(cp).toAbsolutePath();
            return Files.isRegularFile(p) ? p : null;
        }
        return null;
    }
}
