package nl.fieldlab.sandbox.scenario;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import nl.fieldlab.sandbox.domain.FreeText;

/**
 * The municipality whose own policy a scenario simulates: the choices the law leaves to a municipality's ordinance
 * or policy rule (a flat-rate wage-cost subsidy pending the wage-value assessment, the length of a bijstand trial
 * placement), each with the source it comes from. Only parameters marked {@code municipal: true} in the rules'
 * parameter files can be set here; the others are national law.
 */
public record Municipality(
        @JsonPropertyDescription("the municipality (or the joint service of several), as the report names it; empty when "
                + "none is given")
        String name,
        @JsonPropertyDescription("parameter key -> the value the municipality chose and where that is written")
        Map<String, Choice> policy) {

    /** One policy choice: its value and the ordinance, policy rule or page that sets it. */
    public record Choice(@JsonProperty(required = true) Double value,
            @JsonProperty(required = true) @FreeText String source) {
    }

    public static final Municipality NONE = new Municipality("", Map.of());

    public Municipality {
        name = name == null ? "" : name.strip();
        policy = Collections.unmodifiableMap(new TreeMap<>(policy == null ? Map.of() : policy));
    }

    /** The chosen values, by parameter key. */
    public Map<String, Double> values() {
        Map<String, Double> out = new LinkedHashMap<>();
        policy.forEach((k, c) -> out.put(k, c.value()));
        return out;
    }

    public boolean isEmpty() {
        return name.isEmpty() && policy.isEmpty();
    }
}
