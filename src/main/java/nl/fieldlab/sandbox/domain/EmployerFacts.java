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
        @Plausible(min = 1, max = 1_000_000, unit = "employees", source = "the largest Dutch employers have about 100,000")
        int staff,
        @JsonPropertyDescription("collective-agreement (cao) hourly wage offered for its vacancies, in euro")
        @Plausible(min = 0, max = 500, unit = "euro an hour", source = "about four times the public-sector pay norm (WNT "
                + "2025: about 112 euro an hour)")
        double hourlyWage,
        @JsonPropertyDescription("contract hours per week")
        @Plausible(min = 1, max = 60, unit = "hours", source = "Arbeidstijdenwet: at most 60 hours in a week")
        int hoursPerWeek,
        @JsonPropertyDescription("length of the contract it offers, in months (0 = permanent)")
        @Plausible(min = 0, max = 120, unit = "months (0 = permanent)", source = "fixed-term contracts become permanent "
                + "after 36 months (chain rule); 10 years is wide")
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
        @Plausible(min = 0, max = 1e9, unit = "euro", source = "the largest public contracts are of this order")
        double sroiContractValue) {
}
