package nl.fieldlab.sandbox.domain;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * What the rules may know about a worker when a question is asked. Immutable and value-equal, so that two workers
 * with the same facts get the same answer (the rules are pure functions of their facts).
 */
public record WorkerFacts(
        @JsonPropertyDescription("age in whole years")
        @Plausible(min = 13, max = 99, unit = "years", source = "children may do light work from 13 (Arbeidstijdenwet); "
                + "beyond 99 no rule asks")
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
        @Plausible(min = 0, max = 100, unit = "percent", source = "a share of normal productivity")
        int wageValuePct,
        @JsonPropertyDescription("WW daily wage (dagloon) in euro, before any cap; 0 when unknown")
        @Plausible(min = 0, max = 2000, unit = "euro a day", source = "before the WW cap (290.67 euro in 2025): about "
                + "seven times the cap")
        double dailyWage,
        @JsonPropertyDescription("years of work history (arbeidsverleden)")
        @Plausible(min = 0, max = 52, unit = "years", source = "a working life from 15 to the state pension age, 67")
        int workHistoryYears,
        @JsonPropertyDescription("of those years, the ones from 2016 on")
        @Plausible(min = 0, max = 52, unit = "years", source = "a working life; at most the work history (checked too)")
        int yearsWorkedSince2016,
        @JsonPropertyDescription("weeks worked in the last 36 weeks (the WW week requirement)")
        @Plausible(min = 0, max = 36, unit = "weeks", source = "of the last 36 weeks")
        int weeksWorkedLast36,
        @JsonPropertyDescription("years with at least 208 paid hours in the last five years")
        @Plausible(min = 0, max = 5, unit = "years", source = "of the last five years")
        int yearsWorkedLast5,
        @JsonPropertyDescription("months since the worker last had work")
        @Plausible(min = 0, max = 600, unit = "months", source = "fifty years")
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
        @JsonPropertyDescription("single parent with full care of a child under 12 (the single-parent earnings exemption, "
                + "Participatiewet art. 31 lid 2 onder r)")
        boolean childUnder12,
        @JsonPropertyDescription("monthly earnings from part-time work while on a benefit, in euro (0 = none)")
        @Plausible(min = 0, max = 50_000, unit = "euro a month", source = "earnings beside a benefit; about twice the "
                + "public-sector pay norm a month (WNT 2025: about 19,400 euro)")
        double earnings,
        @JsonPropertyDescription("the month of the benefit spell in which those earnings began (1 = its first month; 0 when "
                + "there are none or it is not known), so that an earnings exemption runs from when work "
                + "began")
        @Plausible(min = 0, max = 600, unit = "(month of the benefit spell)", source = "fifty years")
        int earningsSince,
        @JsonPropertyDescription("who the scenario says pays the worker's course fees (DEFAULT: whoever pays for the "
                + "worker's status under today's law); the rules use it only where the law lets that payer pay")
        CoursePayer coursePayer,
        @JsonPropertyDescription("gross monthly wage in the current job, holiday allowance included (the transition "
                + "payment's base); 0 when not in work or not known")
        @Plausible(min = 0, max = 100_000, unit = "euro a month", source = "about five times the public-sector pay norm "
                + "a month (WNT 2025: about 19,400 euro)")
        double monthlyWage,
        @JsonPropertyDescription("years of service with the current employer, with decimals (0.5 = six months): the "
                + "notice period and the transition payment follow it")
        @Plausible(min = 0, max = 52, unit = "years", source = "a working life from 15 to the state pension age, 67")
        double tenureYears,
        @JsonPropertyDescription("euro the current employer spent on the worker's training towards other work after "
                + "announcing the dismissal (transition costs), which it may set off against the transition payment")
        @Plausible(min = 0, max = 500_000, unit = "euro", source = "above any transition payment (at most one year's "
                + "wage, or the cap: 98,000 euro in 2025)")
        double transitionSpent,
        @JsonPropertyDescription("the worker agreed in writing, before the costs were made, that they be set off against "
                + "the transition payment")
        boolean transitionConsent) {

    public WorkerFacts {
        coursePayer = coursePayer == null ? CoursePayer.DEFAULT : coursePayer;
    }

    /** A worker whose current job and its end are not asked about: no wage, tenure or transition costs known. */
    public WorkerFacts(int age, Status status, Household household, Education education, String field, String region,
            int wageValuePct, double dailyWage, int workHistoryYears, int yearsWorkedSince2016, int weeksWorkedLast36,
            int yearsWorkedLast5, int monthsUnemployed, boolean meetsMeansTest, boolean disabled,
            boolean illnessBenefitBefore, String background, boolean childUnder12, double earnings, int earningsSince,
            CoursePayer coursePayer) {
        this(age, status, household, education, field, region, wageValuePct, dailyWage, workHistoryYears,
                yearsWorkedSince2016, weeksWorkedLast36, yearsWorkedLast5, monthsUnemployed, meetsMeansTest, disabled,
                illnessBenefitBefore, background, childUnder12, earnings, earningsSince, coursePayer, 0, 0, 0, false);
    }

    /** The same worker with training costs its employer made towards other work, with or without written consent. */
    public WorkerFacts withTransitionCosts(double spent, boolean consent) {
        return spent == transitionSpent && consent == transitionConsent ? this : new WorkerFacts(age, status,
                household, education, field, region, wageValuePct, dailyWage, workHistoryYears, yearsWorkedSince2016,
                weeksWorkedLast36, yearsWorkedLast5, monthsUnemployed, meetsMeansTest, disabled, illnessBenefitBefore,
                background, childUnder12, earnings, earningsSince, coursePayer, monthlyWage, tenureYears, spent,
                consent);
    }

    /** The same worker with other earnings from part-time work, begun in benefit month {@code since}. */
    public WorkerFacts withEarnings(double newEarnings, int since) {
        return newEarnings == earnings && since == earningsSince ? this : new WorkerFacts(age, status, household,
                education, field, region, wageValuePct, dailyWage, workHistoryYears, yearsWorkedSince2016,
                weeksWorkedLast36, yearsWorkedLast5, monthsUnemployed, meetsMeansTest, disabled, illnessBenefitBefore, background,
                childUnder12, newEarnings, newEarnings > 0 ? since : 0, coursePayer, monthlyWage, tenureYears,
                transitionSpent, transitionConsent);
    }

    /** The same worker with another course payer (a course sought on the worker's own initiative). */
    public WorkerFacts withCoursePayer(CoursePayer payer) {
        return payer == coursePayer ? this : new WorkerFacts(age, status, household, education, field, region,
                wageValuePct, dailyWage, workHistoryYears, yearsWorkedSince2016, weeksWorkedLast36, yearsWorkedLast5,
                monthsUnemployed, meetsMeansTest, disabled, illnessBenefitBefore, background, childUnder12, earnings,
                earningsSince, payer, monthlyWage, tenureYears, transitionSpent, transitionConsent);
    }

    /**
     * The same worker as the rules see them in another job: the wage value measured in that job (a carved job's tasks
     * fit a lower wage value; Participatiewet art. 6 lid 1 onder e measures the wage value in the function).
     */
    public WorkerFacts withWageValuePct(int pct) {
        return pct == wageValuePct ? this : new WorkerFacts(age, status, household, education, field, region,
                pct, dailyWage, workHistoryYears, yearsWorkedSince2016, weeksWorkedLast36, yearsWorkedLast5,
                monthsUnemployed, meetsMeansTest, disabled, illnessBenefitBefore, background, childUnder12, earnings,
                earningsSince, coursePayer);
    }

    /** The same worker one or more birthdays later. */
    public WorkerFacts withAge(int newAge) {
        return newAge == age ? this : new WorkerFacts(newAge, status, household, education, field, region,
                wageValuePct, dailyWage, workHistoryYears, yearsWorkedSince2016, weeksWorkedLast36, yearsWorkedLast5,
                monthsUnemployed, meetsMeansTest, disabled, illnessBenefitBefore, background, childUnder12, earnings, earningsSince,
                coursePayer, monthlyWage, tenureYears, transitionSpent, transitionConsent);
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
                && illnessBenefitBefore == w.illnessBenefitBefore && childUnder12 == w.childUnder12
                && Double.compare(earnings, w.earnings) == 0 && earningsSince == w.earningsSince
                && coursePayer == w.coursePayer
                && Double.compare(monthlyWage, w.monthlyWage) == 0 && Double.compare(tenureYears, w.tenureYears) == 0
                && Double.compare(transitionSpent, w.transitionSpent) == 0 && transitionConsent == w.transitionConsent
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
                + (childUnder12 ? 8 : 0);
        h = 31 * h + java.util.Objects.hashCode(background);
        h = 31 * h + Double.hashCode(earnings);
        h = 31 * h + earningsSince;
        h = 31 * h + coursePayer.ordinal();
        h = 31 * h + Double.hashCode(monthlyWage);
        h = 31 * h + Double.hashCode(tenureYears);
        h = 31 * h + Double.hashCode(transitionSpent);
        return 31 * h + (transitionConsent ? 1 : 0);
    }
}
