package nl.fieldlab.sandbox.scenario;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A variant as written in a scenario: a name, exemptions and parameter overrides. */
public record VariantSpec(@JsonProperty(required = true) String name, List<String> exemptions,
        Map<String, Double> parameters) {
}
