package nl.fieldlab.sandbox.app;

import java.util.Locale;

import nl.fieldlab.sandbox.scenario.Scenario;

/**
 * How long a command's simulations will take, said before they start: a run that would take hours gets a warning
 * with the figure, one that would take days is refused with the figure and how to go ahead, as a run that cannot fit
 * the heap is refused ({@link Workbench#checkRunSize}).
 *
 * <p>The work of a simulation is its worker-months: workers x months x variants x replications (a sweep: times its
 * points). Its time is that over the rate one thread simulates them at, times the threads that can work at once.
 * The rate was measured on the machine the tool is developed on (2 cores, Java 17): {@code run
 * scenarios/default.yaml} (5,000 workers x 60 months x 4 variants x 20 replications = 24,000,000 worker-months) took
 * 78 s of processor time, JVM start and rule compilation included, about 310,000 worker-months a second per thread;
 * the benchmark's province case (100,000 x 24 x 2 x 10) runs at about 550,000 a second per thread when its answers
 * are kept. The estimate takes the lower figure, rounded down: it is meant to tell minutes from hours from days, and
 * errs towards the longer.
 */
public final class WorkEstimate {

    /** Worker-months one thread simulates in a second (see the class comment for the measurement). */
    static final double WORKER_MONTHS_PER_THREAD_SECOND = 300_000;

    /** Above this a command says how long it will take before it starts. */
    static final double WARN_SECONDS = 10 * 60;

    /** Above this many hours a command is refused, unless the limit is raised with this setting. */
    public static final String LIMIT_SETTING = "fieldlab.max-run-hours";
    public static final double DEFAULT_LIMIT_HOURS = 24;

    private WorkEstimate() {
    }

    /** The work of one simulation of a scenario, with how it is made up. */
    public record Work(double workerMonths, String breakdown) {

        /** The same work done {@code times} over (a sweep's points). */
        public Work times(int times, String what) {
            return new Work(workerMonths * times, String.format(Locale.ROOT, "%,d %s x (%s)", times, what, breakdown));
        }
    }

    /** Workers x months x variants x replications of one run of {@code s}. */
    public static Work of(Scenario s) {
        double wm = (double) s.workerCount() * s.months() * s.variants().size() * s.replications();
        return new Work(wm, String.format(Locale.ROOT, "%,d workers x %d months x %d variants x %,d replications",
                s.workerCount(), s.months(), s.variants().size(), s.replications()));
    }

    /**
     * The work of a run of {@code s} with its draws across the behaviour ranges ({@code robustness}; null: none):
     * the main run (once per run with an independent seed) plus draws x the scenario at the replications per draw.
     */
    public static Work of(Scenario s, nl.fieldlab.sandbox.scenario.RobustnessSpec robustness) {
        int seeds = s.verdicts().seeds();
        Work main = seeds == 1 ? of(s) : of(s).times(seeds, "runs with independent seeds");
        if (robustness == null) {
            return main;
        }
        Work draws = of(s.with(s.seed(), robustness.replicationsPerDraw(), s.behaviour(), s.variants()))
                .times(robustness.draws(), "draws");
        return new Work(main.workerMonths() + draws.workerMonths(), main.breakdown() + " + " + draws.breakdown());
    }

    /** The threads that work at once: no more than the machine's cores or the (variant, replication) runs. */
    static int effectiveThreads(int threads, Scenario s) {
        long runs = (long) s.variants().size() * s.replications();
        return (int) Math.max(1, Math.min(Math.min(threads, Runtime.getRuntime().availableProcessors()), runs));
    }

    /** Seconds the work takes on {@code threads} threads. */
    static double seconds(Work w, int threads) {
        return w.workerMonths() / (WORKER_MONTHS_PER_THREAD_SECOND * Math.max(1, threads));
    }

    /**
     * Checks the work of a command before it starts.
     *
     * @param what       the command's work in words, e.g. "this run", "this sweep"
     * @param smaller    how to make it smaller, e.g. "fewer --steps or --replications"
     * @param limitHours the most hours a command may take ({@link #LIMIT_SETTING})
     * @return a warning to show when it takes more than {@link #WARN_SECONDS}, else null
     * @throws CommandFailure (bad input) when it would take more than {@code limitHours}
     */
    public static String check(Work w, int threads, String what, String smaller, double limitHours) {
        double s = seconds(w, threads);
        String figure = String.format(Locale.ROOT, "%s would take about %s on this machine (%s worker-months: %s; at "
                + "about %,.0f worker-months a second on %d thread%s)", what, duration(s), count(w.workerMonths()),
                w.breakdown(), WORKER_MONTHS_PER_THREAD_SECOND * threads, threads, threads == 1 ? "" : "s");
        if (s > limitHours * 3600) {
            throw new CommandFailure(ExitCodes.BAD_INPUT, figure + "; the limit is " + duration(limitHours * 3600)
                    + ": use " + smaller + ", or start Java with -D" + LIMIT_SETTING + "="
                    + (long) Math.ceil(s * 1.2 / 3600) + " to go ahead");
        }
        return s > WARN_SECONDS ? "warning: " + figure : null;
    }

    /** "45 minutes", "3.2 hours", "5.6 days". */
    static String duration(double seconds) {
        if (seconds < 90) {
            return String.format(Locale.ROOT, "%.0f seconds", seconds);
        }
        if (seconds < 90 * 60) {
            return String.format(Locale.ROOT, "%.0f minutes", seconds / 60);
        }
        if (seconds < 48 * 3600) {
            return String.format(Locale.ROOT, "%.1f hours", seconds / 3600);
        }
        if (seconds < 730 * 86400) {
            return String.format(Locale.ROOT, "%.1f days", seconds / 86400);
        }
        return String.format(Locale.ROOT, "%.0f years", seconds / (365.25 * 86400));
    }

    private static String count(double n) {
        return n < 1e15 ? String.format(Locale.ROOT, "%,.0f", n) : String.format(Locale.ROOT, "%.2g", n);
    }
}
