package nl.fieldlab.sandbox.domain;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * What the rules may know about an employer.
 */
public record EmployerFacts(
        @JsonPropertyDescription("the scenario's employer group id")
        String group,
        @JsonPropertyDescription("sector, which sets the training fund (O&O-fonds), e.g. metalektro")
        String sector,
        @JsonPropertyDescription("occupation field of its vacancies")
        String field,
        @JsonPropertyDescription("labour-market region code")
        String region,
        @JsonPropertyDescription("number of employees")
        int staff,
        @JsonPropertyDescription("collective-agreement (cao) hourly wage offered for its vacancies, in euro")
        double hourlyWage,
        @JsonPropertyDescription("contract hours per week")
        int hoursPerWeek,
        @JsonPropertyDescription("length of the contract it offers, in months (0 = permanent)")
        int contractMonths,
        @JsonPropertyDescription("its vacancies are technical jobs")
        boolean technical,
        @JsonPropertyDescription("its vacancies are in a fieldlab shortage occupation")
        boolean shortage,
        @JsonPropertyDescription("recognised training company (erkend leerbedrijf, SBB)")
        boolean recognisedTrainingCompany,
        @JsonPropertyDescription("sector training fund it pays into, or NONE")
        String trainingFund,
        @JsonPropertyDescription("member of the regional social cooperative (sociale coöperatie)")
        boolean socialCooperative,
        @JsonPropertyDescription("offers a practice-statement (praktijkverklaring) learning plan with trial placements")
        boolean practiceStatementPlan,
        @JsonPropertyDescription("value of public contracts with a social-return clause, in euro (0 = none)")
        double sroiContractValue) {
}
