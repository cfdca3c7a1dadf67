package nl.fieldlab.sandbox.app;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import nl.fieldlab.sandbox.scenario.Scenario;
import nl.fieldlab.sandbox.stats.Comparison;
import nl.fieldlab.sandbox.stats.Correction;
import nl.fieldlab.sandbox.stats.FamilyVerdicts;
import nl.fieldlab.sandbox.stats.SeedAgreement;
import nl.fieldlab.sandbox.stats.Verdicts;

/**
 * The headline verdicts of a run and, where its scenario asks for a seed check ({@code verdicts.seeds} above 1), of
 * its reruns with independent seeds: a difference is called only where every run calls it in the same direction.
 */
final class SeedCheck {

    private SeedCheck() {
    }

    /**
     * @param main  the comparison of the run with the scenario's own seed
     * @param rerun simulates the scenario as given (another seed, all else equal) and compares its variants
     */
    static Verdicts of(Scenario s, Comparison main, Function<Scenario, Comparison> rerun) {
        Correction correction = s.verdicts().correction();
        FamilyVerdicts first = FamilyVerdicts.of(main, correction);
        int k = s.verdicts().seeds();
        if (k == 1) {
            return new Verdicts(first, null);
        }
        List<Long> seeds = new ArrayList<>(List.of(s.seed()));
        List<FamilyVerdicts> runs = new ArrayList<>(List.of(first));
        for (int j = 1; j < k; j++) {
            long seed = SeedAgreement.seedOf(s.seed(), j);
            runs.add(FamilyVerdicts.of(rerun.apply(s.with(seed, s.replications(), s.behaviour(), s.variants())),
                    correction));
            seeds.add(seed);
        }
        return new Verdicts(first, new SeedAgreement(seeds, runs));
    }
}
