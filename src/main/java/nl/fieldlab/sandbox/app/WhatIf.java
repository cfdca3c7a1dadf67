package nl.fieldlab.sandbox.app;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import nl.fieldlab.sandbox.rules.Variant;
import nl.fieldlab.sandbox.scenario.Behaviour;
import nl.fieldlab.sandbox.scenario.Scenario;

/**
 * What-if overrides made in a shell session on top of the loaded files: behaviour values, and parameter values for
 * all variants or for one. Immutable; each change makes a new one.
 *
 * @param behaviour  behaviour name -> value
 * @param parameters variant name (or {@code *} for all) -> parameter key -> value
 */
public record WhatIf(Map<String, Double> behaviour, Map<String, Map<String, Double>> parameters)
        implements Serializable {

    public static final String ALL_VARIANTS = "*";

    public WhatIf {
        behaviour = Collections.unmodifiableSortedMap(new TreeMap<>(behaviour));
        Map<String, Map<String, Double>> p = new TreeMap<>();
        parameters.forEach((k, v) -> {
            if (!v.isEmpty()) {
                p.put(k, Collections.unmodifiableSortedMap(new TreeMap<>(v)));
            }
        });
        parameters = Collections.unmodifiableMap(p);
    }

    public static WhatIf none() {
        return new WhatIf(Map.of(), Map.of());
    }

    /** How many overrides there are: behaviour values plus parameter values over all variants. */
    public int size() {
        return behaviour.size() + parameters.values().stream().mapToInt(Map::size).sum();
    }

    public boolean isEmpty() {
        return behaviour.isEmpty() && parameters.isEmpty();
    }

    /** {@code s} with these overrides: behaviour values for every variant, parameter values per variant. */
    public Scenario applyTo(Scenario s) {
        if (isEmpty()) {
            return s;
        }
        Map<String, Double> b = new LinkedHashMap<>(s.behaviour().overrides());
        b.putAll(behaviour);
        List<Variant> variants = new ArrayList<>();
        for (Variant v : s.variants()) {
            Map<String, Double> params = new LinkedHashMap<>(v.parameters());
            params.putAll(parametersFor(v.name()));
            variants.add(v.withParameters(params));
        }
        return s.with(s.seed(), s.replications(), Behaviour.with(b), variants);
    }

    public WhatIf withBehaviour(String key, Double value) {
        Map<String, Double> b = new LinkedHashMap<>(behaviour);
        if (value == null) {
            b.remove(key);
        } else {
            b.put(key, value);
        }
        return new WhatIf(b, parameters);
    }

    public WhatIf withParameter(String variant, String key, Double value) {
        Map<String, Map<String, Double>> p = new LinkedHashMap<>();
        parameters.forEach((k, v) -> p.put(k, new LinkedHashMap<>(v)));
        Map<String, Double> forVariant = p.computeIfAbsent(variant, k -> new LinkedHashMap<>());
        if (value == null) {
            forVariant.remove(key);
        } else {
            forVariant.put(key, value);
        }
        return new WhatIf(behaviour, p);
    }

    /** Parameter overrides for a variant: those for all variants, then its own. */
    public Map<String, Double> parametersFor(String variant) {
        Map<String, Double> out = new LinkedHashMap<>(parameters.getOrDefault(ALL_VARIANTS, Map.of()));
        out.putAll(parameters.getOrDefault(variant, Map.of()));
        return out;
    }
}
