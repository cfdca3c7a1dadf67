package nl.fieldlab.sandbox.scenario;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import nl.fieldlab.sandbox.domain.Education;
import nl.fieldlab.sandbox.domain.Plausible;

/**
 * A group of similar employers.
 */
public record EmployerGroup(
        @JsonPropertyDescription("id used in reports")
        @JsonProperty(required = true) String group,
        @JsonPropertyDescription("number of employers")
        @Plausible(min = 0, max = ScenarioLoader.MAX_GROUP, message = "expected a count from 0 to 10,000,000",
                source = "as a worker group's count")
        @JsonProperty(required = true) Integer count,
        @JsonPropertyDescription("sector (sets the training fund)")
        @JsonProperty(required = true) String sector,
        @JsonPropertyDescription("occupation field of their vacancies")
        @JsonProperty(required = true) String field,
        @JsonPropertyDescription("region code (defaults to the scenario's)")
        String region,
        @JsonPropertyDescription("employees per employer")
        @Plausible(min = 1, max = 1_000_000, unit = "employees", source = "the largest Dutch employers have about "
                + "100,000 employees")
        @JsonProperty(required = true) Integer staff,
        @JsonPropertyDescription("new vacancies per employer per month (Poisson mean)")
        @Plausible(min = 0, max = 1000, unit = "vacancies per employer per month", source = "wide: a large employer's "
                + "monthly intake")
        @JsonProperty(required = true) Double vacancyRate,
        @JsonPropertyDescription("education a vacancy asks for")
        @JsonProperty(required = true) Education requiredEducation,
        @JsonPropertyDescription("collective-agreement hourly wage in euro")
        @Plausible(min = 1, max = 500, unit = "euro an hour", source = "above 0; about four times the public-sector "
                + "pay norm (WNT 2025: 233,000 euro a year, about 112 euro an hour)")
        @JsonProperty(required = true) Double hourlyWage,
        @JsonPropertyDescription("contract hours per week")
        @Plausible(min = 1, max = 60, unit = "hours", source = "Arbeidstijdenwet: at most 60 hours in a week")
        @JsonProperty(required = true) Integer hoursPerWeek,
        @JsonPropertyDescription("contract length offered, in months (0 = permanent)")
        @Plausible(min = 0, max = 120, unit = "months (0 = permanent)", source = "fixed-term contracts become "
                + "permanent after 36 months (chain rule); 10 years is wide")
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
        @Plausible(min = 0, max = 1e9, unit = "euro", source = "the largest public contracts are of this order")
        Double sroiContractValue,
        @JsonPropertyDescription("occupation id of the scenario's skills taxonomy: a vacancy asks for its essential "
                + "skills (required when the scenario has skills.taxonomy)")
        String occupation) {
}
