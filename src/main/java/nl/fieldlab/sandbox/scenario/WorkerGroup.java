package nl.fieldlab.sandbox.scenario;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import nl.fieldlab.sandbox.domain.Education;
import nl.fieldlab.sandbox.domain.Household;
import nl.fieldlab.sandbox.domain.Status;

/**
 * A group of similar workers. Distributions are shares that sum to 1; ranges are drawn uniformly.
 */
public record WorkerGroup(
        @JsonPropertyDescription("id used in reports")
        @JsonProperty(required = true) String group,
        @JsonPropertyDescription("number of workers")
        @JsonProperty(required = true) Integer count,
        @JsonPropertyDescription("status at the start")
        @JsonProperty(required = true) Status status,
        @JsonPropertyDescription("region code (defaults to the scenario's)")
        String region,
        @JsonPropertyDescription("age at the start")
        @JsonProperty(required = true) Range age,
        @JsonPropertyDescription("shares by education level")
        @JsonProperty(required = true) Map<Education, Double> education,
        @JsonPropertyDescription("occupation field of experience")
        @JsonProperty(required = true) String field,
        @JsonPropertyDescription("shares by household type (default all single)")
        Map<Household, Double> household,
        @JsonPropertyDescription("wage value in percent (default 100)")
        Range wageValue,
        @JsonPropertyDescription("WW daily wage in euro (WW and EMPLOYED groups)")
        Range dailyWage,
        @JsonPropertyDescription("years of work history")
        Range workHistoryYears,
        @JsonPropertyDescription("months unemployed (and on the benefit) at the start")
        Range monthsUnemployed,
        @JsonPropertyDescription("share whose household income and assets are below the bijstand limits (default 1)")
        Double meansTestShare,
        @JsonPropertyDescription("share with an occupational disability (default 0)")
        Double disabledShare,
        @JsonPropertyDescription("route into the jobs-agreement register, if any (default NONE)")
        String background,
        @JsonPropertyDescription("EMPLOYED groups: monthly probability of losing the job (declining occupation)")
        Double layoffRate,
        @JsonPropertyDescription("share of the single parents with a child under five (default 0)")
        Double youngChildShare,
        @JsonPropertyDescription("share who received sickness or disability benefit before this spell out of work (default "
                + "0; UWV's trial placement waives the WW waiting months for them)")
        Double illnessBenefitBeforeShare) {
}
