package nl.fieldlab.sandbox.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import nl.fieldlab.sandbox.rules.RuleBase;
import nl.fieldlab.sandbox.rules.Variant;
import nl.fieldlab.sandbox.scenario.Scenario;
import nl.fieldlab.sandbox.simulation.SimulationResult;
import nl.fieldlab.sandbox.simulation.Simulator;

/**
 * The performance benchmark: the interactive case, the province case, scaling in population size, and 1 against 2
 * threads. Rule bases are compiled before timing (once per run, as in real use); each case reports wall time,
 * worker-months per second and how much of the deciding the rule engine did.
 */
@Service
public class Benchmark {

    private final Workbench workbench;

    public Benchmark(Workbench workbench) {
        this.workbench = workbench;
    }

    /**
     * One measured case.
     *
     * @param seconds      wall time of the measured run (best of the repeats, after a warm-up run)
     * @param firstSeconds wall time of the first (cold) run of the case
     */
    public record Case(String name, int workers, int months, int variants, int replications, int threads,
            double seconds, double firstSeconds, double workerMonthsPerSecond, long asked, long evaluated,
            double engineSeconds, long heapMb, String target) {
    }

    /** Runs the benchmark on {@code base} (the default scenario); {@code quick} uses fewer repeats and sizes. */
    public List<Case> run(Scenario base, boolean quick, Analyses.Run how) {
        List<Case> cases = new ArrayList<>();
        List<Variant> three = pick(base, 3);
        List<Variant> two = pick(base, 2);
        int repeats = quick ? 1 : 3;
        cases.add(measure("interactive", sized(base, 5_000, three, 20), 2, repeats, "<= 3 s warm on 2 cores", how));
        cases.add(measure("interactive, 1 thread", sized(base, 5_000, three, 20), 1, repeats, "", how));
        cases.add(measure("province", sized(base, 100_000, two, quick ? 4 : 10), 2, 1, "<= 30 s", how));
        for (int workers : quick ? new int[] {25_000, 50_000} : new int[] {25_000, 50_000, 100_000, 200_000}) {
            cases.add(measure("scaling " + workers / 1000 + "k", sized(base, workers, two, 4), 2, 1, "", how));
        }
        return cases;
    }

    private static List<Variant> pick(Scenario s, int n) {
        return s.variants().subList(0, Math.min(n, s.variants().size()));
    }

    static Scenario sized(Scenario base, int workers, List<Variant> variants, int replications) {
        Scenario scaled = base.scaled(workers / (double) base.workerCount());
        return scaled.with(scaled.seed(), replications, scaled.behaviour(), variants);
    }

    private Case measure(String name, Scenario s, int threads, int repeats, String target, Analyses.Run how) {
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
            if (i > 0 || repeats == 0) {
                best = Math.min(best, sec);
            }
            if (repeats == 1 && i == 0 && sec > 20) {
                best = sec;
                break;
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
                last.workerMonths() / best, asked, evaluated, engine, heap, target);
    }
}
