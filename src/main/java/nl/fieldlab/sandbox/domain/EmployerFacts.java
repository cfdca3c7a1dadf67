package nl.fieldlab.sandbox.domain;

/**
 * What the rules may know about an employer.
 *
 * @param group          the scenario's employer group id
 * @param sector         sector, which sets the training fund (O&O-fonds), e.g. {@code metalektro}
 * @param field          occupation field of its vacancies
 * @param region         labour-market region code
 * @param staff          number of employees
 * @param hourlyWage     collective-agreement (cao) hourly wage offered for its vacancies, in euro
 * @param hoursPerWeek   contract hours per week
 * @param contractMonths length of the contract it offers, in months (0 = permanent)
 * @param technical      its vacancies are technical jobs
 * @param shortage       its vacancies are in a fieldlab shortage occupation
 * @param recognisedTrainingCompany recognised training company (erkend leerbedrijf, SBB)
 * @param trainingFund   sector training fund it pays into, or NONE
 * @param socialCooperative member of the regional social cooperative (sociale coöperatie)
 * @param practiceStatementPlan offers a practice-statement (praktijkverklaring) learning plan with trial placements
 * @param sroiContractValue value of public contracts with a social-return clause, in euro (0 = none)
 */
public record EmployerFacts(
        String group,
        String sector,
        String field,
        String region,
        int staff,
        double hourlyWage,
        int hoursPerWeek,
        int contractMonths,
        boolean technical,
        boolean shortage,
        boolean recognisedTrainingCompany,
        String trainingFund,
        boolean socialCooperative,
        boolean practiceStatementPlan,
        double sroiContractValue) {
}
