package nl.fieldlab.sandbox.domain;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * What the rules may know about a worker when a question is asked. Immutable and value-equal, so that two workers
 * with the same facts get the same answer (the rules are pure functions of their facts).
 */
public record WorkerFacts(
        @JsonPropertyDescription("age in whole years")
        int age,
        @JsonPropertyDescription("current status (benefit or work)")
        Status status,
        @JsonPropertyDescription("household type")
        Household household,
        @JsonPropertyDescription("highest completed education")
        Education education,
        @JsonPropertyDescription("occupation field of the worker's experience or last qualification")
        String field,
        @JsonPropertyDescription("labour-market region code, e.g. NHN")
        String region,
        @JsonPropertyDescription("wage value (loonwaarde) in percent of normal productivity in the job, 100 = full")
        int wageValuePct,
        @JsonPropertyDescription("WW daily wage (dagloon) in euro, before any cap; 0 when unknown")
        double dailyWage,
        @JsonPropertyDescription("years of work history (arbeidsverleden)")
        int workHistoryYears,
        @JsonPropertyDescription("of those years, the ones from 2016 on")
        int yearsWorkedSince2016,
        @JsonPropertyDescription("weeks worked in the last 36 weeks (the WW week requirement)")
        int weeksWorkedLast36,
        @JsonPropertyDescription("years with at least 208 paid hours in the last five years")
        int yearsWorkedLast5,
        @JsonPropertyDescription("months since the worker last had work")
        int monthsUnemployed,
        @JsonPropertyDescription("household income and assets are below the bijstand limits")
        boolean meetsMeansTest,
        @JsonPropertyDescription("has an occupational disability (arbeidsbeperking) as assessed by UWV")
        boolean disabled,
        @JsonPropertyDescription("received sickness benefit (Ziektewet) or a disability benefit (WIA, WAO, WAZ) before this "
                + "spell out of work")
        boolean illnessBenefitBefore,
        @JsonPropertyDescription("route into the jobs-agreement register, if any: VSO, PRO, WSW, WAJONG, PRAKTIJKROUTE, LKS; "
                + "or NONE")
        String background,
        @JsonPropertyDescription("single parent with a child under five")
        boolean youngChild,
        @JsonPropertyDescription("monthly earnings from part-time work while on a benefit, in euro (0 = none)")
        double earnings,
        @JsonPropertyDescription("the month of the benefit spell in which those earnings began (1 = its first month; 0 when "
                + "there are none or it is not known), so that an earnings exemption runs from when work "
                + "began")
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

    /**
     * Written out rather than left to the record: answers are cached by question, so this runs for nearly every
     * question a simulation asks, and the generated version of a twenty-field record does not inline (about 11 % of
     * a simulation's time). The same fields, compared as a record compares them.
     */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        return o instanceof WorkerFacts w && age == w.age && status == w.status && household == w.household
                && education == w.education && wageValuePct == w.wageValuePct
                && Double.compare(dailyWage, w.dailyWage) == 0 && workHistoryYears == w.workHistoryYears
                && yearsWorkedSince2016 == w.yearsWorkedSince2016 && weeksWorkedLast36 == w.weeksWorkedLast36
                && yearsWorkedLast5 == w.yearsWorkedLast5 && monthsUnemployed == w.monthsUnemployed
                && meetsMeansTest == w.meetsMeansTest && disabled == w.disabled
                && illnessBenefitBefore == w.illnessBenefitBefore && youngChild == w.youngChild
                && Double.compare(earnings, w.earnings) == 0 && earningsSince == w.earningsSince
                && java.util.Objects.equals(field, w.field) && java.util.Objects.equals(region, w.region)
                && java.util.Objects.equals(background, w.background);
    }

    @Override
    public int hashCode() {
        int h = age;
        h = 31 * h + java.util.Objects.hashCode(status);
        h = 31 * h + java.util.Objects.hashCode(household);
        h = 31 * h + java.util.Objects.hashCode(education);
        h = 31 * h + java.util.Objects.hashCode(field);
        h = 31 * h + java.util.Objects.hashCode(region);
        h = 31 * h + wageValuePct;
        h = 31 * h + Double.hashCode(dailyWage);
        h = 31 * h + workHistoryYears;
        h = 31 * h + yearsWorkedSince2016;
        h = 31 * h + weeksWorkedLast36;
        h = 31 * h + yearsWorkedLast5;
        h = 31 * h + monthsUnemployed;
        h = 31 * h + (meetsMeansTest ? 1 : 0) + (disabled ? 2 : 0) + (illnessBenefitBefore ? 4 : 0)
                + (youngChild ? 8 : 0);
        h = 31 * h + java.util.Objects.hashCode(background);
        h = 31 * h + Double.hashCode(earnings);
        return 31 * h + earningsSince;
    }
}
