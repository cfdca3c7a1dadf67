package nl.fieldlab.sandbox.simulation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

import nl.fieldlab.sandbox.rules.Decider;
import nl.fieldlab.sandbox.rules.Exemption;
import nl.fieldlab.sandbox.rules.RuleBase;
import nl.fieldlab.sandbox.rules.Variant;
import nl.fieldlab.sandbox.scenario.Scenario;

/**
 * Runs a scenario: every variant in every replication, in parallel. Results do not depend on the number of
 * threads: each (replication, variant) run uses only its own random streams and its own state, and results are
 * gathered by index.
 */
public final class Simulator {

    /** Called after each finished run with the number done and the total. */
    @FunctionalInterface
    public interface Progress {
        /** {@code done} of {@code total} steps (simulated months of all runs) are done. */
        void update(int done, int total);

        /** What the command is doing now, before steps can be counted (compiling, drawing the population). */
        default void phase(String what) {
        }

        /** A line the user should read before the work starts (how long it will take), shown in batch mode too. */
        default void note(String line) {
        }

        Progress NONE = (d, t) -> {
        };
    }

    private final int threads;
    private final Progress progress;
    private final BooleanSupplier cancelled;

    public Simulator(int threads, Progress progress, BooleanSupplier cancelled) {
        this.threads = Math.max(1, threads);
        this.progress = progress == null ? Progress.NONE : progress;
        this.cancelled = cancelled == null ? () -> false : cancelled;
    }

    /**
     * Heap per worker for one run in progress (its state, its answers, per-worker results) and per drawn person,
     * from the benchmark: 1,000,000 workers x 2 variants x 4 replications on 2 threads complete in -Xmx4g.
     */
    static final long BYTES_PER_WORKER_RUN = 1_500;
    static final long BYTES_PER_PERSON = 200;
    /** Heap per finished run's totals (metrics by name), plus per month. */
    static final long BYTES_PER_RESULT = 40_000;
    static final long BYTES_PER_RESULT_MONTH = 16;
    /** Rule bases, the answer caches and the application itself. */
    static final long BYTES_BASE = 400L << 20;

    /**
     * A rough upper estimate of the heap a run of {@code scenario} needs on {@code threads} threads, so that a run
     * that cannot fit is refused before it starts.
     */
    public static long bytesNeeded(Scenario scenario, int threads) {
        long workers = scenario.workerCount();
        long concurrent = Math.min(Math.max(1, threads), (long) scenario.replications() * scenario.variants().size());
        long populations = scenario.population() == Scenario.PopulationMode.FIXED ? 1 : concurrent;
        long results = (long) scenario.replications() * scenario.variants().size();
        return BYTES_BASE + workers * (BYTES_PER_PERSON * populations + BYTES_PER_WORKER_RUN * concurrent)
                + results * (BYTES_PER_RESULT + BYTES_PER_RESULT_MONTH * scenario.months());
    }

    public static int defaultThreads() {
        return Runtime.getRuntime().availableProcessors();
    }

    /**
     * Runs all variants of {@code scenario}. {@code rules} holds one compiled rule base per variant name.
     *
     * @throws CancellationException when cancelled; nothing is returned then
     */
    public SimulationResult run(Scenario scenario, Map<String, RuleBase> rules) {
        return runWith(scenario, deciders(scenario, rules));
    }

    /**
     * The deciders of the last run in this process: the next run asks them again where its rule bases answer alike
     * ({@link Decider#answersAs}), so that a rerun in the shell (the same scenario, or one variant's parameter
     * changed) reuses the answers of the variants that did not change. Only the last run's are kept, so that the
     * memory between runs is what one run holds; answers do not depend on which decider gives them, so the reports
     * do not either.
     */
    private static final AtomicReference<List<Decider>> KEPT = new AtomicReference<>(List.of());

    /** Drops the answers kept from earlier runs (the benchmark times runs that decide afresh). */
    public static void forgetAnswers() {
        KEPT.set(List.of());
    }

    /**
     * A decider per variant of {@code scenario}, asking its rule base, in the order of the variants. A variant with
     * exemptions hands the questions none of them covers to the baseline's decider where the baseline answers them
     * the same ({@link RuleBase#answersOutsideScopeLike}), so that both share those answers. Deciders of the last run
     * that answer alike are used again ({@link #KEPT}).
     */
    public static Map<String, Decider> deciders(Scenario scenario, Map<String, RuleBase> rules) {
        List<Decider> kept = KEPT.get();
        RuleBase base = rules.get(Variant.BASELINE);
        Decider reference = scenario.variants().stream().anyMatch(v -> v.name().equals(Variant.BASELINE))
                && base != null && base.exemptions().isEmpty() ? kept(kept, base, null) : null;
        Map<String, Decider> deciders = new LinkedHashMap<>();
        int sharing = 0;
        for (Variant v : scenario.variants()) {
            RuleBase own = rules.get(v.name());
            Decider d;
            if (v.name().equals(Variant.BASELINE) && reference != null) {
                d = reference;
            } else if (reference != null && !own.exemptions().isEmpty() && own.answersOutsideScopeLike(base)) {
                d = kept(kept, own, reference);
                sharing++;
            } else {
                d = kept(kept, own, null);
            }
            deciders.put(v.name(), d);
        }
        if (reference != null) {
            reference.shareWith(sharing);
        }
        KEPT.set(List.copyOf(new java.util.LinkedHashSet<>(deciders.values())));
        return deciders;
    }

    /** A kept decider that answers as a new one of {@code rules} would, or a new one. */
    private static Decider kept(List<Decider> kept, RuleBase rules, Decider outside) {
        for (Decider d : kept) {
            if (d.answersAs(rules, outside)) {
                return d;
            }
        }
        return outside == null ? new Decider(rules) : new Decider(rules, outside);
    }

    /**
     * Runs all variants of {@code scenario}, each asking its own decider (one per variant name).
     *
     * @throws CancellationException when cancelled; nothing is returned then
     */
    public SimulationResult runWith(Scenario scenario, Map<String, Decider> deciders) {
        progress.phase("drawing the population of " + String.format(java.util.Locale.ROOT, "%,d",
                scenario.workerCount()) + " workers");
        Plan plan = new Plan(scenario, deciders);
        // a decider kept from an earlier run counts from there: this run's figures are the difference
        Map<String, Decider.Stats> before = new LinkedHashMap<>();
        deciders.forEach((name, d) -> before.put(name, d.stats()));
        List<Variant> variants = scenario.variants();
        int reps = scenario.replications();
        RunTotals[][] totals = new RunTotals[variants.size()][reps];
        // progress counts simulated months over all runs, so the bar moves and the ETA settles within the first run
        int total = variants.size() * reps * scenario.months();
        AtomicInteger done = new AtomicInteger();
        progress.phase("simulating " + variants.size() + " variants x " + reps + " replications");
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "fieldlab-run");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int[] task : order(variants, reps)) {
                int v = task[0];
                int r = task[1];
                futures.add(pool.submit(() -> {
                    if (cancelled.getAsBoolean()) {
                        throw new CancellationException();
                    }
                    totals[v][r] = plan.run(v, r, cancelled, () -> progress.update(done.incrementAndGet(), total));
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        Map<String, Decider.Stats> stats = new LinkedHashMap<>();
        deciders.forEach((name, d) -> stats.put(name, d.stats().since(before.get(name))));
        return collect(scenario, totals, stats);
    }

    /**
     * The (variant, replication) runs in the order they start: replication by replication, with the baseline one
     * replication ahead of the other variants, so that its answers (which a variant's decider reuses outside its
     * exemptions' scope) are there before the variants of the same replication ask. The totals do not depend on
     * the order, only the time does.
     */
    static List<int[]> order(List<Variant> variants, int reps) {
        int base = -1;
        for (int v = 0; v < variants.size(); v++) {
            if (variants.get(v).name().equals(Variant.BASELINE)) {
                base = v;
            }
        }
        List<int[]> order = new ArrayList<>();
        for (int rep = 0; rep <= reps; rep++) {
            if (base >= 0 && rep < reps) {
                order.add(new int[] {base, rep});
            }
            for (int v = 0; v < variants.size(); v++) {
                int r = base >= 0 ? rep - 1 : rep;
                if (v != base && r >= 0 && r < reps) {
                    order.add(new int[] {v, r});
                }
            }
        }
        return order;
    }

    /**
     * What every run of a scenario shares: its fields and market, the population when it is fixed, and a decider per
     * variant. One (variant, replication) run depends on nothing else, so it gives the same totals wherever it runs:
     * on a thread here or on a cluster member.
     */
    public static final class Plan {
        private final Scenario scenario;
        private final Map<String, Decider> deciders;
        private final Fields fields;
        private final Market market;
        private final Person[] fixed;
        /** The exemptions of the scenario's variants, by id: every run measures their pilot outcomes. */
        private final List<Exemption> measured;

        public Plan(Scenario scenario, Map<String, Decider> deciders) {
            this.scenario = scenario;
            this.deciders = deciders;
            java.util.SortedMap<String, Exemption> byId = new java.util.TreeMap<>();
            deciders.values().forEach(d -> d.rules().exemptions().forEach(e -> byId.putIfAbsent(e.id(), e)));
            this.measured = List.copyOf(byId.values());
            this.fields = Fields.of(scenario);
            this.market = Market.of(scenario, fields);
            this.fixed = scenario.population() == Scenario.PopulationMode.FIXED
                    ? Population.draw(scenario, fields, Rng.forSeed(scenario.seed())) : null;
        }

        public Scenario scenario() {
            return scenario;
        }

        public Map<String, Decider> deciders() {
            return deciders;
        }

        /** Runs variant {@code v} (index in the scenario's variants) in replication {@code r}. */
        public RunTotals run(int v, int r, BooleanSupplier cancelled, Runnable onMonthDone) {
            Person[] people = fixed != null ? fixed
                    : Population.draw(scenario, fields, Rng.forReplication(scenario.seed(), r));
            Decider own = deciders.get(scenario.variants().get(v).name());
            Decider reference = deciders.get(Variant.BASELINE);
            return new Run(scenario, market, people, own, own == reference ? null : reference,
                    Rng.forReplication(scenario.seed(), r), -1, null, null, null, cancelled)
                    .measure(measured).onMonthDone(onMonthDone).run();
        }

        /**
         * Runs variant {@code v} in replication {@code r} as a pilot: its exemptions offered as {@code assignment}
         * draws, the population of replication {@code r} of the master seed {@code seed} (a pilot's own seed).
         */
        public RunTotals pilot(int v, int r, long seed, Assignment assignment) {
            Person[] people = fixed != null ? fixed : Population.draw(scenario, fields, Rng.forReplication(seed, r));
            Decider own = deciders.get(scenario.variants().get(v).name());
            Decider reference = deciders.get(Variant.BASELINE);
            return new Run(scenario, market, people, own, own == reference ? null : reference,
                    Rng.forReplication(seed, r), -1, null, null, null, () -> false)
                    .measure(measured).assign(assignment).run();
        }

        /** The exemptions whose pilot outcomes every run measures. */
        public List<Exemption> measured() {
            return measured;
        }
    }

    /**
     * Runs one replication of one variant with a trace of one worker's path (for {@code explain}).
     */
    public static void trace(Scenario scenario, RuleBase rules, int replication, int worker, Trace trace) {
        Fields fields = Fields.of(scenario);
        Market market = Market.of(scenario, fields);
        Person[] people = scenario.population() == Scenario.PopulationMode.FIXED
                ? Population.draw(scenario, fields, Rng.forSeed(scenario.seed()))
                : Population.draw(scenario, fields, Rng.forReplication(scenario.seed(), replication));
        if (worker < 0 || worker >= people.length) {
            throw new IllegalArgumentException("no worker " + worker + " (the scenario has workers 0 to "
                    + (people.length - 1) + ")");
        }
        new Run(scenario, market, people, new Decider(rules), null, Rng.forReplication(scenario.seed(), replication),
                worker, trace, null, null, () -> false).run();
    }

    /**
     * Runs one replication of one variant and shows {@code observer} every question asked and its answer (for tests
     * that check which facts vary and which rules fire in a simulation).
     */
    public static void observe(Scenario scenario, RuleBase rules, int replication,
            java.util.function.BiConsumer<nl.fieldlab.sandbox.domain.Question, nl.fieldlab.sandbox.rules.Answer> observer,
            java.util.function.Consumer<nl.fieldlab.sandbox.domain.WorkerFacts> facts) {
        Fields fields = Fields.of(scenario);
        Market market = Market.of(scenario, fields);
        Person[] people = population(scenario, replication);
        new Run(scenario, market, people, new Decider(rules), null, Rng.forReplication(scenario.seed(), replication),
                -1, null, observer, facts, () -> false).run();
    }

    /** The synthetic population of a replication (for describing workers). */
    public static Person[] population(Scenario scenario, int replication) {
        Fields fields = Fields.of(scenario);
        return scenario.population() == Scenario.PopulationMode.FIXED
                ? Population.draw(scenario, fields, Rng.forSeed(scenario.seed()))
                : Population.draw(scenario, fields, Rng.forReplication(scenario.seed(), replication));
    }

    /**
     * Adds each variant's deadweight against the baseline, replication by replication (common random numbers make
     * it observable per worker): the share of the subsidies, and of each exemption's payments, paid for workers the
     * baseline also places, at most {@link Metrics#DEADWEIGHT_WINDOW_MONTHS} months later.
     */
    private static void deadweight(List<Variant> variants, RunTotals[][] totals) {
        int base = -1;
        for (int v = 0; v < variants.size(); v++) {
            if (variants.get(v).name().equals(Variant.BASELINE)) {
                base = v;
            }
        }
        if (base < 0) {
            return;
        }
        for (int v = 0; v < variants.size(); v++) {
            if (v == base) {
                continue;
            }
            for (int r = 0; r < totals[v].length; r++) {
                RunTotals t = totals[v][r];
                int[] reference = totals[base][r].placedAt;
                t.deadweight(Metrics.DEADWEIGHT_PREFIX + "subsidies", deadShare(t.subsidyPaid, t.placedAt, reference));
                for (Map.Entry<String, double[]> e : t.exemptionPaid.entrySet()) {
                    t.deadweight(Metrics.DEADWEIGHT_PREFIX + e.getKey(), deadShare(e.getValue(), t.placedAt, reference));
                }
            }
        }
    }

    /**
     * The share of everything {@code paid} that went to workers placed here whom {@code reference} also placed in
     * time (payments to workers this variant never places count in the whole, not as deadweight).
     */
    static double deadShare(double[] paid, int[] placedAt, int[] reference) {
        double all = 0;
        double dead = 0;
        for (int i = 0; i < paid.length; i++) {
            if (paid[i] == 0) {
                continue;
            }
            all += paid[i];
            if (placedAt[i] >= 0 && reference[i] >= 0
                    && reference[i] <= placedAt[i] + Metrics.DEADWEIGHT_WINDOW_MONTHS) {
                dead += paid[i];
            }
        }
        return all == 0 ? Double.NaN : dead / all;
    }

    /**
     * The result of every run of {@code scenario}: {@code totals[v][r]} for variant index {@code v} and replication
     * {@code r}, however they were computed; {@code stats} are the deciders' counts (empty when they ran elsewhere).
     */
    public static SimulationResult collect(Scenario scenario, RunTotals[][] totals, Map<String, Decider.Stats> stats) {
        List<Variant> variants = scenario.variants();
        int reps = scenario.replications();
        deadweight(variants, totals);
        List<List<Map<String, Double>>> perRun = new ArrayList<>();
        TreeSet<String> extra = new TreeSet<>();
        List<String> order = new ArrayList<>();
        for (RunTotals[] byRep : totals) {
            List<Map<String, Double>> maps = new ArrayList<>();
            for (RunTotals t : byRep) {
                Map<String, Double> m = t.metrics();
                for (String k : m.keySet()) {
                    if (k.startsWith(Metrics.BLOCKED_PREFIX) || k.startsWith(Metrics.RETRAINING_PREFIX)
                            || k.startsWith(Metrics.REACH_PREFIX) || k.startsWith(Metrics.DEADWEIGHT_PREFIX)
                            || k.startsWith(Metrics.TAKE_UP_PREFIX) || k.startsWith(Metrics.SUPPORT_PREFIX)
                            || k.startsWith(Metrics.PILOT_PREFIX)) {
                        extra.add(k);
                    } else if (!order.contains(k)) {
                        order.add(k);
                    }
                }
                maps.add(m);
            }
            perRun.add(maps);
        }
        order.addAll(extra);
        Map<String, Map<String, double[]>> metrics = new LinkedHashMap<>();
        Map<String, double[]> placements = new LinkedHashMap<>();
        Map<String, double[]> employed = new LinkedHashMap<>();
        Map<String, double[]> publicCost = new LinkedHashMap<>();
        int months = scenario.months();
        for (int v = 0; v < variants.size(); v++) {
            String name = variants.get(v).name();
            Map<String, double[]> byMetric = new LinkedHashMap<>();
            for (String k : order) {
                double[] values = new double[reps];
                for (int r = 0; r < reps; r++) {
                    // a rule that never blocked (or an actor that never paid for training) in a run counts 0
                    values[r] = perRun.get(v).get(r).getOrDefault(k,
                            k.startsWith(Metrics.DEADWEIGHT_PREFIX) ? Double.NaN : 0.0);
                }
                byMetric.put(k, values);
            }
            metrics.put(name, byMetric);
            double[] p = new double[months];
            double[] e = new double[months];
            double[] c = new double[months];
            for (int r = 0; r < reps; r++) {
                for (int m = 0; m < months; m++) {
                    p[m] += totals[v][r].placementsByMonth[m] / (double) reps;
                    e[m] += totals[v][r].employedByMonth[m] / (double) reps;
                    c[m] += totals[v][r].publicCostByMonth[m] / reps;
                }
            }
            placements.put(name, p);
            employed.put(name, e);
            publicCost.put(name, c);
        }
        long workerMonths = (long) scenario.workerCount() * months * reps * variants.size();
        double discountRate = reps == 0 ? Double.NaN : totals[0][0].discountRate;
        return new SimulationResult(scenario, variants.stream().map(Variant::name).toList(), metrics, placements,
                employed, publicCost, discountRate, stats, workerMonths, changedAnswers(variants, totals));
    }

    /**
     * Per variant, the answers its exemptions changed in the first replication, each with the worker's first
     * placement there and in the baseline's first replication.
     */
    private static Map<String, List<ChangedAnswer>> changedAnswers(List<Variant> variants, RunTotals[][] totals) {
        Map<String, List<ChangedAnswer>> out = new LinkedHashMap<>();
        int base = variants.indexOf(variants.stream().filter(v -> v.name().equals(Variant.BASELINE)).findFirst()
                .orElse(null));
        if (base < 0 || totals[base].length == 0) {
            return out;
        }
        int[] reference = totals[base][0].placedAt;
        for (int v = 0; v < variants.size(); v++) {
            if (v == base) {
                continue;
            }
            int[] placedAt = totals[v][0].placedAt;
            out.put(variants.get(v).name(), totals[v][0].changedAnswers.stream()
                    .map(c -> c.withPlacements(reference[c.worker()], placedAt[c.worker()])).toList());
        }
        return out;
    }
}
