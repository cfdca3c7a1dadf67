package nl.fieldlab.sandbox.rules;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A variant: the baseline plus a list of exemptions plus parameter overrides. Never a copy of the baseline.
 *
 * <p>Parameter values apply in this order, each over the one before: the dated parameter files, the scenario
 * municipality's own policy ({@code local}), the exemptions in scope, the variant's own overrides.
 *
 * @param name       the name reports use; {@code baseline} is the reference the others are compared with
 * @param exemptions exemption ids, in the order given
 * @param parameters parameter overrides for every question of this variant
 * @param local      the municipality's policy choices (municipal parameters) the scenario sets, for every variant
 * @param supports   process-support ids (rules/support), in the order given: they change no rule, only how many
 *                   claimants in their scope know and claim the schemes (mechanism take-up)
 * @param scopes     the scenario's scope of some of its exemptions, by exemption id, in place of the rule file's
 *                   (fields left out keep the rule file's)
 */
public record Variant(String name, List<String> exemptions, Map<String, Double> parameters,
        Map<String, Double> local, List<String> supports, Map<String, ScopeOverride> scopes) {

    public static final String BASELINE = "baseline";

    public Variant {
        exemptions = List.copyOf(exemptions);
        parameters = Collections.unmodifiableMap(new TreeMap<>(parameters));
        local = Collections.unmodifiableMap(new TreeMap<>(local));
        supports = List.copyOf(supports);
        scopes = Collections.unmodifiableMap(new TreeMap<>(scopes));
    }

    public Variant(String name, List<String> exemptions, Map<String, Double> parameters,
            Map<String, Double> local, List<String> supports) {
        this(name, exemptions, parameters, local, supports, Map.of());
    }

    public Variant(String name, List<String> exemptions, Map<String, Double> parameters,
            Map<String, Double> local) {
        this(name, exemptions, parameters, local, List.of());
    }

    public Variant(String name, List<String> exemptions, Map<String, Double> parameters) {
        this(name, exemptions, parameters, Map.of());
    }

    public static Variant baseline() {
        return new Variant(BASELINE, List.of(), Map.of());
    }

    /** The same variant with other overrides (the municipality's policy stays). */
    public Variant withParameters(Map<String, Double> newParameters) {
        return new Variant(name, exemptions, newParameters, local, supports, scopes);
    }

    /** The same variant under the policy of another municipality. */
    public Variant withLocal(Map<String, Double> newLocal) {
        return new Variant(name, exemptions, parameters, newLocal, supports, scopes);
    }

    /** The same variant with process supports. */
    public Variant withSupports(List<String> newSupports) {
        return new Variant(name, exemptions, parameters, local, newSupports, scopes);
    }

    /** The same variant with the scenario's scopes of its exemptions. */
    public Variant withScopes(Map<String, ScopeOverride> newScopes) {
        return new Variant(name, exemptions, parameters, local, supports, newScopes);
    }

    /**
     * Two variants with the same exemptions, overrides and scopes share one rule base (a scope is not compiled, but
     * the base holds the scoped exemptions, so that a variant reloaded under the same name with another scope does
     * not get the old one).
     */
    public String ruleKey() {
        StringBuilder scopeKey = new StringBuilder();
        scopes.forEach((id, o) -> scopeKey.append("|scope ").append(id).append('=').append(o.key()));
        return String.join("+", new java.util.TreeSet<>(exemptions)) + "|" + parameters
                + (local.isEmpty() ? "" : "|local" + local) + scopeKey;
    }

    /** The library's exemption {@code id} with this variant's scope of it, if it sets one. */
    public Exemption scoped(Exemption e, Regions regions) {
        ScopeOverride o = scopes.get(e.id());
        return o == null ? e : e.withScope(o.applyTo(e.scope(), regions));
    }
}
