package nl.fieldlab.sandbox.scenario;

import com.fasterxml.jackson.annotation.JsonProperty;

import nl.fieldlab.sandbox.domain.Education;

/**
 * A group of similar employers.
 *
 * @param group             id used in reports
 * @param count             number of employers
 * @param sector            sector (sets the training fund)
 * @param field             occupation field of their vacancies
 * @param region            region code (defaults to the scenario's)
 * @param staff             employees per employer
 * @param vacancyRate       new vacancies per employer per month (Poisson mean)
 * @param requiredEducation education a vacancy asks for
 * @param hourlyWage        collective-agreement hourly wage in euro
 * @param hoursPerWeek      contract hours per week
 * @param contractMonths    contract length offered, in months (0 = permanent)
 * @param technical         technical jobs
 * @param shortage          a fieldlab shortage occupation
 * @param recognisedTrainingCompany recognised training company (erkend leerbedrijf)
 * @param trainingFund      sector training fund, or NONE
 * @param practiceStatementPlan offers a practice-statement learning plan with trial placements
 * @param socialCooperative member of the regional social cooperative
 * @param sroiContractValue value of public contracts with a social-return clause, in euro
 */
public record EmployerGroup(
        @JsonProperty(required = true) String group,
        @JsonProperty(required = true) Integer count,
        @JsonProperty(required = true) String sector,
        @JsonProperty(required = true) String field,
        String region,
        @JsonProperty(required = true) Integer staff,
        @JsonProperty(required = true) Double vacancyRate,
        @JsonProperty(required = true) Education requiredEducation,
        @JsonProperty(required = true) Double hourlyWage,
        @JsonProperty(required = true) Integer hoursPerWeek,
        Integer contractMonths,
        Boolean technical,
        Boolean shortage,
        Boolean recognisedTrainingCompany,
        String trainingFund,
        Boolean practiceStatementPlan,
        Boolean socialCooperative,
        Double sroiContractValue) {
}
