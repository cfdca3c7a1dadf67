package nl.fieldlab.sandbox.scenario;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** A scenario's {@code skills:} block: the built-in taxonomy its groups and courses take their skills from. */
public record SkillsSpec(
        @JsonPropertyDescription("id of a built-in skills taxonomy (esco-1.2.0-technical): workers, jobs and courses "
                + "then carry the essential skills of their occupation, and the skill distance sets the gap")
        @JsonProperty(required = true) String taxonomy) {
}
