package nl.fieldlab.sandbox.scenario;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

import nl.fieldlab.sandbox.domain.Education;
import nl.fieldlab.sandbox.domain.Household;
import nl.fieldlab.sandbox.domain.Status;

/**
 * A group of similar workers. Distributions are shares that sum to 1; ranges are drawn uniformly.
 *
 * @param group            id used in reports
 * @param count            number of workers
 * @param status           status at the start
 * @param region           region code (defaults to the scenario's)
 * @param age              age at the start
 * @param education        shares by education level
 * @param field            occupation field of experience
 * @param household        shares by household type (default all single)
 * @param wageValue        wage value in percent (default 100)
 * @param dailyWage        WW daily wage in euro (WW and EMPLOYED groups)
 * @param workHistoryYears years of work history
 * @param monthsUnemployed months unemployed (and on the benefit) at the start
 * @param meansTestShare   share whose household income and assets are below the bijstand limits (default 1)
 * @param disabledShare    share with an occupational disability (default 0)
 * @param background       route into the jobs-agreement register, if any (default NONE)
 * @param layoffRate       EMPLOYED groups: monthly probability of losing the job (declining occupation)
 * @param youngChildShare  share of the single parents with a child under five (default 0)
 * @param illnessBenefitBeforeShare share who received sickness or disability benefit before this spell out of
 *                         work (default 0; UWV's trial placement waives the WW waiting months for them)
 */
public record WorkerGroup(
        @JsonProperty(required = true) String group,
        @JsonProperty(required = true) Integer count,
        @JsonProperty(required = true) Status status,
        String region,
        @JsonProperty(required = true) Range age,
        @JsonProperty(required = true) Map<Education, Double> education,
        @JsonProperty(required = true) String field,
        Map<Household, Double> household,
        Range wageValue,
        Range dailyWage,
        Range workHistoryYears,
        Range monthsUnemployed,
        Double meansTestShare,
        Double disabledShare,
        String background,
        Double layoffRate,
        Double youngChildShare,
        Double illnessBenefitBeforeShare) {
}
