package nl.fieldlab.sandbox.domain;

/**
 * A course a worker may follow.
 *
 * @param id               the scenario's course id
 * @param field            occupation field the course leads to
 * @param level            education level it gives on completion (for certificates: the level of the qualification)
 * @param months           nominal duration in months
 * @param route            BBL, BOL or OTHER
 * @param credential       what completion gives
 * @param price            market price of the course in euro (for MBO courses the statutory fee follows from the rules)
 * @param shortageOccupation leads to a fieldlab shortage occupation
 * @param kansberoep       leads to an occupation on UWV's list of promising occupations (kansberoepen)
 * @param practiceHoursPerYear  practice hours per study year at the workplace (BBL)
 * @param supervisedHoursPerYear supervised teaching hours per study year (BBL)
 * @param developmentPath  listed in a recognised sectoral development path (sectoraal ontwikkelpad), which opens the
 *                         SLIM training subsidy
 */
public record CourseFacts(
        String id,
        String field,
        Education level,
        int months,
        CourseRoute route,
        Credential credential,
        double price,
        boolean shortageOccupation,
        boolean kansberoep,
        int practiceHoursPerYear,
        int supervisedHoursPerYear,
        boolean developmentPath) {
}
