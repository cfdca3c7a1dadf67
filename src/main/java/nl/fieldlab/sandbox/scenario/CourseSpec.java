package nl.fieldlab.sandbox.scenario;

import com.fasterxml.jackson.annotation.JsonProperty;

import nl.fieldlab.sandbox.domain.CourseRoute;
import nl.fieldlab.sandbox.domain.Credential;
import nl.fieldlab.sandbox.domain.Education;

/**
 * A course workers can take to move into a field.
 *
 * @param id         id used in reports
 * @param field      occupation field it leads to
 * @param level      education level it gives
 * @param months     nominal duration in months
 * @param route      BBL, BOL or OTHER
 * @param credential DIPLOMA, CERTIFICATE, PRACTICE_STATEMENT or SECTOR_CERTIFICATE
 * @param price      full price per participant in euro
 * @param shortageOccupation leads to a fieldlab shortage occupation
 * @param kansberoep leads to a UWV promising occupation
 * @param practiceHoursPerYear   practice hours per study year at the workplace (BBL)
 * @param supervisedHoursPerYear supervised teaching hours per study year (BBL)
 * @param developmentPath listed in a recognised sectoral development path (sectoraal ontwikkelpad; default false)
 */
public record CourseSpec(
        @JsonProperty(required = true) String id,
        @JsonProperty(required = true) String field,
        @JsonProperty(required = true) Education level,
        @JsonProperty(required = true) Integer months,
        @JsonProperty(required = true) CourseRoute route,
        @JsonProperty(required = true) Credential credential,
        @JsonProperty(required = true) Double price,
        Boolean shortageOccupation,
        Boolean kansberoep,
        Integer practiceHoursPerYear,
        Integer supervisedHoursPerYear,
        Boolean developmentPath) {
}
