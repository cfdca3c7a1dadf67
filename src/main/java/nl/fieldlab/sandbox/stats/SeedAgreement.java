package nl.fieldlab.sandbox.stats;

import java.util.List;

/**
 * The family verdicts of the same scenario run with independent master seeds. A difference is agreed only when every
 * run calls it, in the same direction: under the null, two independent runs call the same false positive with a
 * chance of at most alpha squared over two per cell, while a true effect with power p in one run keeps about p^2.
 *
 * @param seeds the master seed of each run; the first is the scenario's own
 * @param runs  the verdicts of each run, in the same order
 */
public record SeedAgreement(List<Long> seeds, List<FamilyVerdicts> runs) {

    public SeedAgreement {
        seeds = List.copyOf(seeds);
        runs = List.copyOf(runs);
        if (seeds.size() != runs.size() || runs.isEmpty()) {
            throw new IllegalArgumentException("one set of verdicts per seed, got " + seeds.size() + " seeds and "
                    + runs.size() + " runs");
        }
    }

    /**
     * The master seed of seed run {@code j}: the scenario's own for run 0 (so that run is the plain run, byte for
     * byte), an independent seed derived for the seed check after it.
     */
    public static long seedOf(long seed, int j) {
        return j == 0 ? seed : nl.fieldlab.sandbox.simulation.Rng.derive(seed,
                nl.fieldlab.sandbox.simulation.Rng.Purpose.SEED_CHECK, j);
    }

    /** Whether every run calls the difference, all in the same direction. */
    public boolean agreed(String variant, String metric) {
        FamilyVerdicts.Call first = runs.get(0).call(variant, metric);
        if (first == null || !first.called()) {
            return false;
        }
        return runs.stream().allMatch(r -> r.call(variant, metric) == first);
    }

    /** How many of the runs call the difference (in either direction). */
    public int calledIn(String variant, String metric) {
        return (int) runs.stream().filter(r -> r.called(variant, metric)).count();
    }
}
