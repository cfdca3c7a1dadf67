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
 * months with the same parameter values get the same answer. The parameter view is therefore not part of equality.
 *
 * @param type        what is asked
 * @param month       the simulated month (the start of its parameter period when asked by the simulator)
 * @param startYear   calendar year in which the job, trial, course or benefit spell started
 * @param worker      the worker
 * @param employer    the employer, or null when none is involved
 * @param course      the course asked about or being followed, or null
 * @param formerEmployee the worker worked for this employer before
 * @param afterTrial  a hire that follows a trial placement at the same employer
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

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Question q)) {
            return false;
        }
        return type == q.type && startYear == q.startYear && formerEmployee == q.formerEmployee
                && afterTrial == q.afterTrial && month.equals(q.month) && worker.equals(q.worker)
                && Objects.equals(employer, q.employer) && Objects.equals(course, q.course)
                && exemptions.equals(q.exemptions);
    }

    @Override
    public int hashCode() {
        int h = type.hashCode();
        h = 31 * h + month.hashCode();
        h = 31 * h + startYear;
        h = 31 * h + worker.hashCode();
        h = 31 * h + Objects.hashCode(employer);
        h = 31 * h + Objects.hashCode(course);
        h = 31 * h + (formerEmployee ? 1 : 0) + (afterTrial ? 2 : 0);
        h = 31 * h + exemptions.hashCode();
        return h;
    }

    @Override
    public String toString() {
        return type + "@" + month + " " + worker.status() + " age " + worker.age()
                + (employer == null ? "" : " at " + employer.group())
                + (course == null ? "" : " course " + course.id())
                + (exemptions.isEmpty() ? "" : " in scope " + exemptions);
    }
}
