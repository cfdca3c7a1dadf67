package nl.fieldlab.sandbox.rules;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A variant: the baseline plus a list of exemptions plus parameter overrides. Never a copy of the baseline.
 *
 * @param name       the name reports use; {@code baseline} is the reference the others are compared with
 * @param exemptions exemption ids, in the order given
 * @param parameters parameter overrides for every question of this variant
 */
public record Variant(String name, List<String> exemptions, Map<String, Double> parameters) {

    public static final String BASELINE = "baseline";

    public Variant {
        exemptions = List.copyOf(exemptions);
        parameters = java.util.Collections.unmodifiableMap(new TreeMap<>(parameters));
    }

    public static Variant baseline() {
        return new Variant(BASELINE, List.of(), Map.of());
    }

    /** Two variants with the same exemptions and overrides share one compiled rule base. */
    public String ruleKey() {
        return String.join("+", new java.util.TreeSet<>(exemptions)) + "|" + parameters;
    }
}
