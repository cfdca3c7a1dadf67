package nl.fieldlab.sandbox.domain;

import java.time.YearMonth;
import java.util.Objects;
import java.util.Set;

/**
 * One question to the rules: may this action happen, and what does it pay or cost, to whom, month by month.
 *
 * <p>Answers are schedules relative to the start of the spell the question is about (month 1 = the first month of
 * the job, trial, course or benefit), so one answer serves a whole spell until a fact or a parameter changes.
 * Rules see time only through the parameters resolved for {@link #month()}: two questions with the same facts in
 * months with the same parameter values get the same answer. The parameter view is therefore not part of the
 * {@link #key() key}.
 *
 * @param type        what is asked
 * @param month       the simulated month (the start of its parameter period when asked by the simulator)
 * @param startYear   calendar year in which the job, trial, course or benefit spell started
 * @param worker      the worker
 * @param employer    the employer, or null when none is involved
 * @param course      the course asked about or being followed, or null
 * @param formerEmployee the worker worked for this employer before
 * @param afterTrial  a hire that follows a trial placement at the same employer
 * @param rampUpPct   for a hire: the worker's productivity in this job in its first months, in percent of a worker
 *                    who fits the job (100; lower for a career switcher or a worker one education level short)
 * @param counterfactualPct for a hire of an outcome-financed project's participant: the contract's predicted
 *                    chance, in percent, that the participant would reach the outcome without the project (0 otherwise)
 * @param exemptions  ids of the exemptions whose scope covers this question
 * @param params      parameter values in force for this question (month, variant, exemptions in scope)
 */
public record Question(
        QuestionType type,
        YearMonth month,
        int startYear,
        WorkerFacts worker,
        EmployerFacts employer,
        CourseFacts course,
        boolean formerEmployee,
        boolean afterTrial,
        int rampUpPct,
        int counterfactualPct,
        Set<String> exemptions,
        Parameters params) {

    /** Read access to resolved parameter values. Implemented by the parameters stage. */
    public interface Parameters {
        double value(String key);

        boolean has(String key);
    }

    public Question {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(month, "month");
        Objects.requireNonNull(worker, "worker");
        exemptions = Set.copyOf(exemptions);
        Objects.requireNonNull(params, "params");
    }

    /** The value of a parameter in force for this question. */
    public double p(String key) {
        return params.value(key);
    }

    /** Whether a parameter has a value for this question (some schemes start or end on a date). */
    public boolean has(String key) {
        return params.has(key);
    }

    /** Whether the named exemption's scope covers this question. */
    public boolean inScope(String exemptionId) {
        return exemptions.contains(exemptionId);
    }

    /** Paid hours per month in the job asked about: contract hours per week times weeks per month. */
    public double monthlyHours() {
        return employer == null ? 0 : employer.hoursPerWeek() * params.value("calendar.weeks-per-month");
    }

    /**
     * The monthly pay for the job asked about at an hourly wage, with the statutory holiday allowance on top (WML
     * art. 15): {@code hourly x monthlyHours() x (1 + wml.holiday-allowance)}. The one place this formula is
     * written; every rule that turns an hourly wage into a month's pay calls it.
     */
    public double monthlyPay(double hourly) {
        return hourly * monthlyHours() * (1 + params.value("wml.holiday-allowance"));
    }

    /**
     * The WW monthly wage of a daily wage: capped at the maximum daily wage, times the days per month (Wfsv art. 17;
     * WW art. 47). Rules pass the worker's daily wage ({@code $q.worker().dailyWage()}) so that reading it shows.
     */
    public double wwMonthlyWage(double dailyWage) {
        return Math.min(dailyWage, params.value("ww.max-daily-wage")) * params.value("ww.days-per-month");
    }

    /**
     * Questions are facts in a rule session, where outcome facts join them by {@code question == $q}; identity
     * makes those joins cheap. Use {@link #key()} to compare two questions by their facts.
     */
    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }

    /** The question's facts as a value: two questions with equal keys get the same answer. */
    public Key key() {
        return new Key(this);
    }

    /** Value equality over everything but the parameter view (which the month and exemptions determine). */
    public static final class Key {
        private final Question q;
        private final int hash;

        private Key(Question q) {
            this.q = q;
            int h = q.type.hashCode();
            h = 31 * h + q.month.hashCode();
            h = 31 * h + q.startYear;
            h = 31 * h + q.worker.hashCode();
            h = 31 * h + Objects.hashCode(q.employer);
            h = 31 * h + Objects.hashCode(q.course);
            h = 31 * h + (q.formerEmployee ? 1 : 0) + (q.afterTrial ? 2 : 0);
            h = 31 * h + q.rampUpPct;
            h = 31 * h + q.counterfactualPct;
            h = 31 * h + q.exemptions.hashCode();
            this.hash = h;
        }

        public Question question() {
            return q;
        }

        @Override
        public boolean equals(Object o) {
            if (this == o) {
                return true;
            }
            if (!(o instanceof Key k) || k.hash != hash) {
                return false;
            }
            Question a = q;
            Question b = k.q;
            return a.type == b.type && a.startYear == b.startYear && a.formerEmployee == b.formerEmployee
                    && a.afterTrial == b.afterTrial && a.rampUpPct == b.rampUpPct
                    && a.counterfactualPct == b.counterfactualPct && a.month.equals(b.month)
                    && a.worker.equals(b.worker)
                    && Objects.equals(a.employer, b.employer) && Objects.equals(a.course, b.course)
                    && a.exemptions.equals(b.exemptions);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    @Override
    public String toString() {
        return type + "@" + month + " " + worker.status() + " age " + worker.age()
                + (employer == null ? "" : " at " + employer.group())
                + (course == null ? "" : " course " + course.id())
                + (exemptions.isEmpty() ? "" : " in scope " + exemptions);
    }
}
