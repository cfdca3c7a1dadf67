package nl.fieldlab.sandbox.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.springframework.stereotype.Service;

import nl.fieldlab.sandbox.rules.RuleBase;
import nl.fieldlab.sandbox.rules.Variant;
import nl.fieldlab.sandbox.scenario.Scenario;
import nl.fieldlab.sandbox.simulation.SimulationResult;
import nl.fieldlab.sandbox.simulation.Simulator;

/**
 * The performance benchmark of issue 13, each case against its target: the interactive case (5,000 workers x 24
 * months x 3 variants x 20 replications) warm and first, the province case (100,000 x 24 x 2 x 10), 1 thread
 * against 2, the heap at 200,000 workers, and batch commands in a cold JVM (the same jar started again). Rule bases
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
     */
    public record Case(String name, int workers, int months, int variants, int replications, int threads,
            double seconds, double firstSeconds, double workerMonthsPerSecond, long asked, long evaluated,
            double engineSeconds, long heapMb, double limit, boolean atLeast, String note) {

        public String target() {
            if (Double.isNaN(limit)) {
                return "";
            }
            return (atLeast ? ">= " : "<= ") + trim(limit) + (atLeast ? "x" : " s");
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
        Case warm = measure(interactive, sized(base, 5_000, three, reps), 2, repeats, quick ? Double.NaN : 1.5,
                "best warm run", how);
        cases.add(warm);
        cases.add(new Case(interactive + ", first run in this process", warm.workers(), warm.months(),
                warm.variants(), warm.replications(), 2, warm.firstSeconds(), warm.firstSeconds(),
                Double.NaN, 0, 0, 0, warm.heapMb(), quick ? Double.NaN : 4.0, false,
                "the first simulation after the rules were compiled"));
        Case single = measure(interactive + ", 1 thread", sized(base, 5_000, three, reps), 1, repeats, Double.NaN,
                "", how);
        cases.add(single);
        cases.add(new Case("speed-up of 2 threads over 1", warm.workers(), warm.months(), warm.variants(),
                warm.replications(), 2, single.seconds() / warm.seconds(), Double.NaN, Double.NaN, 0, 0, 0, 0, 1.8,
                true, "wall time with 1 thread / with 2"));
        cases.add(measure("province" + (quick ? " (20,000 x 2 reps)" : ""), sized(base, quick ? 20_000 : 100_000,
                two, quick ? 2 : 10), 2, 1, quick ? Double.NaN : 10, "", how));
        if (!quick) {
            Case heap = measure("heap at 200,000 workers", sized(base, 200_000, two, 4), 2, 1, Double.NaN,
                    "heap in use after the run", how);
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

    private Case measure(String name, Scenario s, int threads, int repeats, double limit, String note,
            Analyses.Run how) {
        Map<String, RuleBase> bases = workbench.rules().forVariants(s.variants(), threads);
        double first = Double.NaN;
        double best = Double.MAX_VALUE;
        SimulationResult last = null;
        long heap = 0;
        for (int i = 0; i <= repeats; i++) {
            if (how.cancelled().getAsBoolean()) {
                throw new java.util.concurrent.CancellationException();
            }
            System.gc();
            long t0 = System.nanoTime();
            last = new Simulator(threads, how.progress(), how.cancelled()).run(s, bases);
            double sec = (System.nanoTime() - t0) / 1e9;
            Runtime rt = Runtime.getRuntime();
            heap = Math.max(heap, (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024));
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
        long asked = 0;
        long evaluated = 0;
        double engine = 0;
        for (var st : last.deciderStats().values()) {
            asked += st.asked();
            evaluated += st.evaluated();
            engine += st.engineSeconds();
        }
        return new Case(name, s.workerCount(), s.months(), s.variants().size(), s.replications(), threads, best, first,
                last.workerMonths() / best, asked, evaluated, engine, heap, limit, false, note);
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
                    seconds, Double.NaN, 0, 0, 0, 0, limit, false, jar == null ? "not run: bench is not running from "
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

    public static String csvLine(Case c) {
        return String.format(java.util.Locale.ROOT, "\"%s\",%d,%d,%d,%d,%d,%.3f,%s,%s,%.3f,%.0f,%d,%d,%.2f,%d",
                c.name(), c.workers(), c.months(), c.variants(), c.replications(), c.threads(), c.seconds(),
                c.target(), c.verdict(), c.firstSeconds(), c.workerMonthsPerSecond(), c.asked(), c.evaluated(),
                c.engineSeconds(), c.heapMb());
    }

    /**
     * Appends lines to the history file: creates it with its header, appends to one that starts with that header
     * (ours), and leaves any other file of that name alone. Returns what it did, in words.
     */
    public static String appendHistory(Path file, String lines) {
        try {
            if (Files.exists(file)) {
                String first = Files.readAllLines(file).stream().findFirst().orElse("");
                if (!first.equals(HISTORY_HEADER)) {
                    return file + " is not a benchmark history this tool wrote; left alone";
                }
                Files.writeString(file, lines, java.nio.file.StandardOpenOption.APPEND);
            } else {
                Files.createDirectories(file.getParent());
                Files.writeString(file, HISTORY_HEADER + "\n" + lines);
            }
            return "appended to " + file;
        } catch (IOException e) {
            return "could not append to " + file + ": " + e.getMessage();
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
