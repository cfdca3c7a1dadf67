package nl.fieldlab.sandbox.domain;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * A course a worker may follow.
 */
public record CourseFacts(
        @JsonPropertyDescription("the scenario's course id")
        String id,
        @JsonPropertyDescription("occupation field the course leads to")
        String field,
        @JsonPropertyDescription("education level it gives on completion (for certificates: the level of the qualification)")
        Education level,
        @JsonPropertyDescription("nominal duration in months")
        @Plausible(min = 1, max = 120, unit = "months", source = "ten years: longer than any MBO, HBO or WO programme")
        int months,
        @JsonPropertyDescription("BBL, BOL or OTHER")
        CourseRoute route,
        @JsonPropertyDescription("what completion gives")
        Credential credential,
        @JsonPropertyDescription("market price of the course in euro (for MBO courses the statutory fee follows from the "
                + "rules)")
        @Plausible(min = 0, max = 200_000, unit = "euro", source = "wide: a full university programme at the "
                + "institutional rate costs about 60,000 euro")
        double price,
        @JsonPropertyDescription("leads to a fieldlab shortage occupation")
        boolean shortageOccupation,
        @JsonPropertyDescription("leads to an occupation on UWV's list of promising occupations (kansberoepen)")
        boolean kansberoep,
        @JsonPropertyDescription("practice hours per study year at the workplace (BBL)")
        @Plausible(min = 0, max = 2080, unit = "hours a year", source = "52 weeks of 40 hours")
        int practiceHoursPerYear,
        @JsonPropertyDescription("supervised teaching hours per study year (BBL)")
        @Plausible(min = 0, max = 2080, unit = "hours a year", source = "52 weeks of 40 hours")
        int supervisedHoursPerYear,
        @JsonPropertyDescription("listed in a recognised sectoral development path (sectoraal ontwikkelpad), which opens the "
                + "SLIM training subsidy")
        boolean developmentPath) {
}
