package nl.fieldlab.sandbox.scenario;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import nl.fieldlab.sandbox.domain.Plausible;
import nl.fieldlab.sandbox.stats.Correction;

/**
 * How a scenario's headline verdicts are reached, fixed in the file before the run: choosing the correction or the
 * number of seeds after seeing the results would be p-hacking.
 *
 * @param correction how the family's p-values are corrected (default HOLM)
 * @param seeds      runs with independent seeds (1 to 5, default 1); a difference is called only where all agree
 */
public record VerdictsSpec(
        @JsonPropertyDescription("HOLM (default: family-wise error, any dependence) or BENJAMINI_HOCHBERG (false "
                + "discovery rate), over the headline family of all variants") Correction correction,
        @JsonPropertyDescription("runs with independent seeds, 1 (default) to 5: a difference is called only where "
                + "every run calls it, in the same direction")
        @Plausible(min = 1, max = MAX_SEEDS, message = "expected 1 to 5, got {value}", source = "each seed run is a "
                + "whole run; five make a false call's chance about alpha^5") Integer seeds) {

    /** Most runs with independent seeds. */
    public static final int MAX_SEEDS = 5;

    public static final VerdictsSpec DEFAULT = new VerdictsSpec(Correction.HOLM, 1);

    public VerdictsSpec {
        correction = correction == null ? Correction.HOLM : correction;
        seeds = seeds == null ? 1 : seeds;
    }

    public VerdictsSpec withSeeds(int newSeeds) {
        return new VerdictsSpec(correction, newSeeds);
    }
}
