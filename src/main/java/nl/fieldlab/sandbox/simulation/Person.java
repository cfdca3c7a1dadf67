package nl.fieldlab.sandbox.simulation;

import nl.fieldlab.sandbox.domain.CoursePayer;
import nl.fieldlab.sandbox.domain.Education;
import nl.fieldlab.sandbox.domain.Household;
import nl.fieldlab.sandbox.domain.Status;

/**
 * A synthetic worker's attributes at the start: what the scenario's group says, drawn once. Immutable and shared
 * by every variant of a replication.
 *
 * @param id              index in the population
 * @param group           index of the scenario's worker group
 * @param ageAtStart      age in years at the start
 * @param birthdayMonth   simulated month index (1-12) in which the worker first turns a year older
 * @param layoffRate      monthly layoff chance while employed in a declining occupation
 * @param childUnder12    a single parent with full care of a child under 12
 * @param coursePayer     who the scenario says pays the group's course fees (DEFAULT: as the law has it for the status)
 * @param entryMonth      the month the worker enters the simulation: 0 for the stock, later for an entrant (mechanism
 *                        inflow), who starts a spell out of work that month
 */
public record Person(
        int id,
        int group,
        Status status,
        String region,
        int ageAtStart,
        int birthdayMonth,
        Household household,
        Education education,
        int field,
        int wageValuePct,
        double dailyWage,
        int workHistoryYears,
        int yearsWorkedSince2016,
        int monthsUnemployed,
        boolean meetsMeansTest,
        boolean disabled,
        boolean illnessBenefitBefore,
        String background,
        double layoffRate,
        boolean childUnder12,
        CoursePayer coursePayer,
        int entryMonth) {

    /** Age in whole years at simulated month index {@code m}. */
    public int ageAt(int m) {
        return ageAtStart + (m + 12 - birthdayMonth) / 12;
    }

    /** Age in whole months at simulated month index {@code m} (the years of {@link #ageAt} and the months since). */
    public int ageInMonthsAt(int m) {
        return 12 * ageAt(m) + (m + 12 - birthdayMonth) % 12;
    }
}
