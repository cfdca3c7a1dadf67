package nl.fieldlab.sandbox.scenario;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import nl.fieldlab.sandbox.domain.CourseRoute;
import nl.fieldlab.sandbox.domain.Credential;
import nl.fieldlab.sandbox.domain.Education;
import nl.fieldlab.sandbox.domain.Plausible;

/**
 * A course workers can take to move into a field.
 */
public record CourseSpec(
        @JsonPropertyDescription("id used in reports")
        @JsonProperty(required = true) String id,
        @JsonPropertyDescription("occupation field it leads to")
        @JsonProperty(required = true) String field,
        @JsonPropertyDescription("education level it gives")
        @JsonProperty(required = true) Education level,
        @JsonPropertyDescription("nominal duration in months")
        @Plausible(min = 1, max = 120, unit = "months", source = "ten years: longer than any MBO, HBO or WO programme")
        @JsonProperty(required = true) Integer months,
        @JsonPropertyDescription("BBL, BOL or OTHER")
        @JsonProperty(required = true) CourseRoute route,
        @JsonPropertyDescription("DIPLOMA, CERTIFICATE, PRACTICE_STATEMENT or SECTOR_CERTIFICATE")
        @JsonProperty(required = true) Credential credential,
        @JsonPropertyDescription("full price per participant in euro")
        @Plausible(min = 0, max = 200_000, unit = "euro", source = "wide: a full university programme at the "
                + "institutional rate costs about 60,000 euro")
        @JsonProperty(required = true) Double price,
        @JsonPropertyDescription("leads to a fieldlab shortage occupation")
        Boolean shortageOccupation,
        @JsonPropertyDescription("leads to a UWV promising occupation")
        Boolean kansberoep,
        @JsonPropertyDescription("practice hours per study year at the workplace (BBL)")
        @Plausible(min = 0, max = 2080, unit = "hours a year", source = "52 weeks of 40 hours")
        Integer practiceHoursPerYear,
        @JsonPropertyDescription("supervised teaching hours per study year (BBL)")
        @Plausible(min = 0, max = 2080, unit = "hours a year", source = "52 weeks of 40 hours")
        Integer supervisedHoursPerYear,
        @JsonPropertyDescription("listed in a recognised sectoral development path (sectoraal ontwikkelpad; default false)")
        Boolean developmentPath,
        @JsonPropertyDescription("occupation id of the scenario's skills taxonomy whose essential skills the course "
                + "teaches (a full course into the occupation)")
        String occupation,
        @JsonPropertyDescription("skill ids of the scenario's skills taxonomy a short skills course teaches: it closes "
                + "a named gap and gives no diploma (education level unchanged)")
        List<String> skills,
        @JsonPropertyDescription("the CASE_SPRINT support (rules/support) whose sprint produces this course: it is"
                + " offered only in variants that name that support, from the sprint's end")
        String offeredBy,
        @JsonPropertyDescription("share of starters who complete it, for this course (default: the behaviour value"
                + " course.completion)")
        @Plausible(min = 0, max = 1, unit = "share", message = "expected a share from 0 to 1, got {value}",
                source = "a share") Double completion) {

    /** A course that exists without any instrument or skills, with the default completion. */
    public CourseSpec(String id, String field, Education level, Integer months, CourseRoute route,
            Credential credential, Double price, Boolean shortageOccupation, Boolean kansberoep,
            Integer practiceHoursPerYear, Integer supervisedHoursPerYear, Boolean developmentPath) {
        this(id, field, level, months, route, credential, price, shortageOccupation, kansberoep, practiceHoursPerYear,
                supervisedHoursPerYear, developmentPath, null, null, null, null);
    }

    /** A short skills course: it lists the skills it teaches and raises no education level. */
    public boolean skillsCourse() {
        return skills != null;
    }
}
