package nl.fieldlab.sandbox.scenario;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import nl.fieldlab.sandbox.domain.Education;

/**
 * A group of similar employers.
 */
public record EmployerGroup(
        @JsonPropertyDescription("id used in reports")
        @JsonProperty(required = true) String group,
        @JsonPropertyDescription("number of employers")
        @JsonProperty(required = true) Integer count,
        @JsonPropertyDescription("sector (sets the training fund)")
        @JsonProperty(required = true) String sector,
        @JsonPropertyDescription("occupation field of their vacancies")
        @JsonProperty(required = true) String field,
        @JsonPropertyDescription("region code (defaults to the scenario's)")
        String region,
        @JsonPropertyDescription("employees per employer")
        @JsonProperty(required = true) Integer staff,
        @JsonPropertyDescription("new vacancies per employer per month (Poisson mean)")
        @JsonProperty(required = true) Double vacancyRate,
        @JsonPropertyDescription("education a vacancy asks for")
        @JsonProperty(required = true) Education requiredEducation,
        @JsonPropertyDescription("collective-agreement hourly wage in euro")
        @JsonProperty(required = true) Double hourlyWage,
        @JsonPropertyDescription("contract hours per week")
        @JsonProperty(required = true) Integer hoursPerWeek,
        @JsonPropertyDescription("contract length offered, in months (0 = permanent)")
        Integer contractMonths,
        @JsonPropertyDescription("technical jobs")
        Boolean technical,
        @JsonPropertyDescription("a fieldlab shortage occupation")
        Boolean shortage,
        @JsonPropertyDescription("recognised training company (erkend leerbedrijf)")
        Boolean recognisedTrainingCompany,
        @JsonPropertyDescription("sector training fund, or NONE")
        String trainingFund,
        @JsonPropertyDescription("offers a practice-statement learning plan with trial placements")
        Boolean practiceStatementPlan,
        @JsonPropertyDescription("member of the regional social cooperative")
        Boolean socialCooperative,
        @JsonPropertyDescription("value of public contracts with a social-return clause, in euro")
        Double sroiContractValue) {
}
