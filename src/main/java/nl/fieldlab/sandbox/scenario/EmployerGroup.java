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
        String occupation,
        @JsonPropertyDescription("jobs carved out of this group's vacancies by a CASE_SPRINT support with output"
                + " CARVING: by, share, taskValue, requiredEducation, hourlyWage")
        Carving carving) {

    /** A group without carved jobs or an occupation (the form before case sprints and skills). */
    public EmployerGroup(String group, Integer count, String sector, String field, String region, Integer staff,
            Double vacancyRate, Education requiredEducation, Double hourlyWage, Integer hoursPerWeek,
            Integer contractMonths, Boolean technical, Boolean shortage, Boolean recognisedTrainingCompany,
            String trainingFund, Boolean practiceStatementPlan, Boolean socialCooperative, Double sroiContractValue) {
        this(group, count, sector, field, region, staff, vacancyRate, requiredEducation, hourlyWage, hoursPerWeek,
                contractMonths, technical, shortage, recognisedTrainingCompany, trainingFund, practiceStatementPlan,
                socialCooperative, sroiContractValue, null, null);
    }

    /**
     * Job carving (the output of a case sprint): tasks split off from this group's jobs into jobs for people with a
     * lower wage value. From the sprint's end a {@code share} of the group's new vacancies are carved jobs, which ask
     * {@code requiredEducation} (no field experience) and pay {@code hourlyWage}; a worker of wage value v does the
     * carved tasks at productivity min(1, v / taskValue).
     */
    public record Carving(
            @JsonPropertyDescription("the CASE_SPRINT support (output CARVING) whose sprint carves the jobs")
            @JsonProperty(required = true) String by,
            @JsonPropertyDescription("share of the group's new vacancies that are carved jobs")
            @Plausible(min = 0, max = 1, unit = "share", message = "expected above 0 to 1, got {value}",
                    source = "a share") @JsonProperty(required = true) Double share,
            @JsonPropertyDescription("the wage value (share of a normal worker's output) the carved tasks ask")
            @Plausible(min = 0.1, max = 1, unit = "share", source = "a tenth of a normal job's output or more: a task"
                    + " asking less is no job") @JsonProperty(required = true) Double taskValue,
            @JsonPropertyDescription("education a carved job asks for")
            @JsonProperty(required = true) Education requiredEducation,
            @JsonPropertyDescription("hourly wage of a carved job in euro")
            @Plausible(min = 1, max = 500, unit = "euro an hour", source = "as an employer group's hourlyWage")
            @JsonProperty(required = true) Double hourlyWage) {
    }
}
