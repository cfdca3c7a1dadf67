package nl.fieldlab.sandbox.domain;

/**
 * What the rules may know about a worker when a question is asked. Immutable and value-equal, so that two workers
 * with the same facts get the same answer (the rules are pure functions of their facts).
 *
 * @param age               age in whole years
 * @param status            current status (benefit or work)
 * @param household         household type
 * @param education         highest completed education
 * @param field             occupation field of the worker's experience or last qualification
 * @param region            labour-market region code, e.g. {@code NHN}
 * @param wageValuePct      wage value (loonwaarde) in percent of normal productivity in the job, 100 = full
 * @param dailyWage         WW daily wage (dagloon) in euro, before any cap; 0 when unknown
 * @param workHistoryYears  years of work history (arbeidsverleden)
 * @param yearsWorkedSince2016 of those years, the ones from 2016 on
 * @param weeksWorkedLast36 weeks worked in the last 36 weeks (the WW week requirement)
 * @param yearsWorkedLast5  years with at least 208 paid hours in the last five years
 * @param monthsUnemployed  months since the worker last had work
 * @param meetsMeansTest    household income and assets are below the bijstand limits
 * @param disabled          has an occupational disability (arbeidsbeperking) as assessed by UWV
 * @param illnessBenefitBefore received sickness benefit (Ziektewet) or a disability benefit (WIA, WAO, WAZ) before
 *                          this spell out of work
 * @param background        route into the jobs-agreement register, if any: VSO, PRO, WSW, WAJONG, PRAKTIJKROUTE, LKS; or NONE
 * @param youngChild        single parent with a child under five
 * @param earnings          monthly earnings from part-time work while on a benefit, in euro (0 = none)
 * @param earningsSince     the month of the benefit spell in which those earnings began (1 = its first month; 0 when
 *                          there are none or it is not known), so that an earnings exemption runs from when work began
 */
public record WorkerFacts(
        int age,
        Status status,
        Household household,
        Education education,
        String field,
        String region,
        int wageValuePct,
        double dailyWage,
        int workHistoryYears,
        int yearsWorkedSince2016,
        int weeksWorkedLast36,
        int yearsWorkedLast5,
        int monthsUnemployed,
        boolean meetsMeansTest,
        boolean disabled,
        boolean illnessBenefitBefore,
        String background,
        boolean youngChild,
        double earnings,
        int earningsSince) {

    /** The same worker with other earnings from part-time work, begun in benefit month {@code since}. */
    public WorkerFacts withEarnings(double newEarnings, int since) {
        return newEarnings == earnings && since == earningsSince ? this : new WorkerFacts(age, status, household,
                education, field, region, wageValuePct, dailyWage, workHistoryYears, yearsWorkedSince2016,
                weeksWorkedLast36, yearsWorkedLast5, monthsUnemployed, meetsMeansTest, disabled, illnessBenefitBefore, background,
                youngChild, newEarnings, newEarnings > 0 ? since : 0);
    }

    /** The same worker one or more birthdays later. */
    public WorkerFacts withAge(int newAge) {
        return newAge == age ? this : new WorkerFacts(newAge, status, household, education, field, region,
                wageValuePct, dailyWage, workHistoryYears, yearsWorkedSince2016, weeksWorkedLast36, yearsWorkedLast5,
                monthsUnemployed, meetsMeansTest, disabled, illnessBenefitBefore, background, youngChild, earnings, earningsSince);
    }
}
