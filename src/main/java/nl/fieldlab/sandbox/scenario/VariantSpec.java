package nl.fieldlab.sandbox.scenario;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** A variant as written in a scenario: a name, exemptions, parameter overrides, process supports and scopes. */
public record VariantSpec(
        @JsonPropertyDescription("baseline, or a name such as E1 or E1+E2") @JsonProperty(required = true) String name,
        @JsonPropertyDescription("exemption ids of rules/exemptions, laid over the baseline") List<String> exemptions,
        @JsonPropertyDescription("parameter overrides for this variant, key: value") Map<String, Double> parameters,
        @JsonPropertyDescription("process-support ids of rules/support (such as P1-work-ambassador's id P1): help "
                + "claimants in their scope know and claim the schemes they are entitled to") List<String> supports,
        @JsonPropertyDescription("per exemption of this variant, its scope in this scenario (region, statuses, ages, "
                + "months, caps) in place of the rule file's, within what its legal route allows")
        Map<String, ScopeOverrideSpec> scope,
        @JsonPropertyDescription("what employers judge candidates on: {signal: DIPLOMA} (default) or {signal: SKILLS, "
                + "employers: [group, ...]} (a skills passport; needs skills.taxonomy)") HiringSpec hiring) {
}
