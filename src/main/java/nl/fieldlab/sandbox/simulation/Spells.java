package nl.fieldlab.sandbox.simulation;

import nl.fieldlab.sandbox.domain.Question;
import nl.fieldlab.sandbox.domain.Status;
import nl.fieldlab.sandbox.domain.WorkerFacts;
import nl.fieldlab.sandbox.rules.Answer;

/**
 * What a simulated worker is doing, as immutable spells: each carries the question that started (or last
 * re-assessed) it and the rules' answer, so that payments, durations and duties always come from the rules.
 */
final class Spells {

    private Spells() {
    }

    /**
     * A benefit being received: its status (WW, BIJSTAND or WAJONG); the question last asked about it (re-asked when
     * a fact or a parameter period changes) and the rules' answer (payments by spell month, duration, duties); the
     * facts it was granted on (earnings excluded); the simulated month of spell month 1 (negative when it began
     * before the simulation); the months its clock stood still (a course under E1); and the share of earnings from a
     * part-time job the worker would keep, from the rules. A class rather than a record so that the duties and
     * duration read every month are looked up in the answer once.
     */
    static final class Benefit {
        private final Status status;
        private final Question question;
        private final Answer answer;
        private final WorkerFacts facts;
        private final int start;
        private final int paused;
        private final double keepShare;
        private final boolean searchDuty;
        /** course months during which a search-duty exemption for training holds (infinite: the whole course) */
        private final double exemptCourseMonths;
        private final double duration;
        private final boolean clockPaused;

        Benefit(Status status, Question question, Answer answer, WorkerFacts facts, int start, int paused,
                double keepShare) {
            this.status = status;
            this.question = question;
            this.answer = answer;
            this.facts = facts;
            this.start = start;
            this.paused = paused;
            this.keepShare = keepShare;
            this.searchDuty = answer.obligation("search-duty", 0) > 0 || answer.obligation("work-obligations", 0) > 0;
            this.exemptCourseMonths = answer.entitlement("search-duty.exempt-months", Double.POSITIVE_INFINITY);
            this.duration = answer.entitlement("benefit.duration-months", Double.POSITIVE_INFINITY);
            this.clockPaused = answer.entitlement("benefit.clock-paused", 0) > 0;
        }

        Status status() {
            return status;
        }

        Question question() {
            return question;
        }

        Answer answer() {
            return answer;
        }

        WorkerFacts facts() {
            return facts;
        }

        int start() {
            return start;
        }

        int paused() {
            return paused;
        }

        double keepShare() {
            return keepShare;
        }

        /** The month of the spell that simulated month {@code m} is (1 = the first). */
        int spellMonth(int m) {
            return m - start + 1 - paused;
        }

        boolean searchDuty() {
            return searchDuty;
        }

        /**
         * Whether the duty to search holds in month {@code courseMonth} of the course the benefit was last assessed
         * with: an exemption for training that ends before the course does (necessary training on WW, until two
         * months before its end) leaves the duty for the course's last months.
         */
        boolean searchDutyInCourseMonth(int courseMonth) {
            return searchDuty || courseMonth > exemptCourseMonths;
        }

        /** The share of a course of {@code courseMonths} months spent under the duty to search. */
        double searchDutyShareOf(int courseMonths) {
            if (searchDuty) {
                return 1;
            }
            if (courseMonths <= 0 || exemptCourseMonths >= courseMonths) {
                return 0;
            }
            return (courseMonths - Math.max(0, exemptCourseMonths)) / courseMonths;
        }

        double duration() {
            return duration;
        }

        boolean clockPaused() {
            return clockPaused;
        }

        Benefit reassessed(Question q, Answer a) {
            return new Benefit(status, q, a, facts, start, paused, keepShare);
        }

        Benefit withKeepShare(double share) {
            return new Benefit(status, question, answer, facts, start, paused, share);
        }

        Benefit pausedOneMonth() {
            return new Benefit(status, question, answer, facts, start, paused + 1, keepShare);
        }
    }

    /**
     * A job at a simulated employer.
     *
     * @param employer    the employer's index
     * @param question    the hire question (re-asked when a parameter period changes)
     * @param answer      the rules' answer: wage, subsidies, advantages by job month
     * @param start       the simulated month of job month 1
     * @param route       the status the worker was hired from
     * @param afterTrial  the job follows a trial placement at the same employer
     * @param apprentice  a paid BBL apprenticeship (the course runs beside the job)
     * @param match       the match factor (productivity in the job against what was expected)
     * @param value       what the work is worth to the employer a month in the first year and after it (mechanism
     *                    hiring: productivity times the job's normal labour cost, less sickness), in euro
     */
    record Job(int employer, Question question, Answer answer, int start, Status route, boolean afterTrial,
            boolean apprentice, double match, Value value) {

        /** What the work is worth a month in the first year (while the worker learns the job) and after it. */
        record Value(double firstYear, double later) {
            double in(int jobMonth) {
                return jobMonth <= MatchQuality.PROBATION_MONTHS ? firstYear : later;
            }
        }

        int jobMonth(int m) {
            return m - start + 1;
        }

        Job reassessed(Question q, Answer a) {
            return new Job(employer, q, a, start, route, afterTrial, apprentice, match, value);
        }
    }

    /**
     * An unpaid trial placement (the worker keeps the benefit).
     *
     * @param employer the employer's index
     * @param question the trial question
     * @param answer   the rules' answer: length, conditions
     * @param start    the simulated month it started
     * @param months   its length
     * @param match    the match factor the employer learns during it
     * @param vacancy  the id of the vacancy it filled (its own draws say who else would have filled it)
     */
    /**
     * A secondment of a worker whose dismissal is announced (work-to-work, P2): the worker works at a host employer
     * for {@code months} while the old employer pays the wage; the host may hire at the end, having seen the match.
     */
    record Secondment(int employer, int start, int months, double match, long vacancy) {

        int end() {
            return start + months;
        }
    }

    record Trial(int employer, Question question, Answer answer, int start, int months, double match, long vacancy) {

        int end() {
            return start + months;
        }
    }

    /**
     * A course.
     *
     * @param course   the course's index
     * @param question the course question
     * @param answer   the rules' answer: who pays, grants, whether the benefit continues
     * @param start    the simulated month it started
     * @param employer the employer whose apprentice the worker is, or -1 (retraining out of work)
     */
    record Course(int course, Question question, Answer answer, int start, int end, int employer) {

        boolean apprenticeship() {
            return employer >= 0;
        }

        /** The month of the course that simulated month {@code m} is (1 = the first). */
        int courseMonth(int m) {
            return m - start + 1;
        }

        /** The same course after its question was asked again (who pays the study year that begins). */
        Course reassessed(Question q, Answer a) {
            return new Course(course, q, a, start, end, employer);
        }
    }

    /**
     * A small part-time job beside a benefit, at an employer outside the simulated ones.
     *
     * @param earnings     monthly earnings in euro
     * @param benefitMonth the month of the benefit spell in which it began
     * @param monthsOutOfWorkAtStart the months the worker had been out of work when it began (the stepping-stone
     *                     mechanism's duration)
     */
    record SideJob(double earnings, int benefitMonth, int monthsOutOfWorkAtStart) {
    }
}
