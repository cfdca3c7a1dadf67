package nl.fieldlab.sandbox.scenario;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import nl.fieldlab.sandbox.domain.FreeText;
import nl.fieldlab.sandbox.domain.Plausible;
import nl.fieldlab.sandbox.domain.Status;

/**
 * An exemption's scope as a scenario writes it for one variant: every field optional, each replacing the rule
 * file's; the loader turns it into a {@link nl.fieldlab.sandbox.rules.ScopeOverride} and checks it against the
 * exemption's legal route. Questions and the cohort belong to the rules, so they are not fields here.
 */
public record ScopeOverrideSpec(
        @JsonPropertyDescription("region codes or region groups of rules/regions.yaml, in place of the rule file's")
        List<String> regions,
        @JsonPropertyDescription("worker statuses, a subset of the rule file's") List<Status> statuses,
        @JsonPropertyDescription("lowest age covered, within the rule file's ages")
        @Plausible(min = 0, max = 120, unit = "years", source = "a human age") Integer minAge,
        @JsonPropertyDescription("highest age covered, within the rule file's ages")
        @Plausible(min = 0, max = 120, unit = "years", source = "a human age") Integer maxAge,
        @JsonPropertyDescription("true: only technical jobs and shortage-occupation courses (a scope may be narrowed, "
                + "not widened)") Boolean technicalOnly,
        @JsonPropertyDescription("first month, YYYY-MM") String from,
        @JsonPropertyDescription("last month, YYYY-MM") String until,
        @JsonPropertyDescription("caps in place of the rule file's (each above 0): staffShare, budget, participants")
        CapSpec cap,
        @JsonPropertyDescription("which bodies of the new regions take part (municipalities of an art. 83 experiment, "
                + "...) and where that is written; needed to move a scope outside the rule file's regions when the "
                + "legal route reaches only those who take part; shown in the report, not verified")
        @FreeText String basis) {

    /** A scope's caps as a scenario writes them. */
    public record CapSpec(
            @JsonPropertyDescription("at most this share of an employer's staff at once (above 0, at most 1)")
            Double staffShare,
            @JsonPropertyDescription("at most this many euro paid by the exemption's own rules per replication")
            Double budget,
            @JsonPropertyDescription("at most this many workers admitted per replication") Integer participants) {
    }
}
