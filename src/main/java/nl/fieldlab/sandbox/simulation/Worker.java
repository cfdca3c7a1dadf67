package nl.fieldlab.sandbox.simulation;

import java.util.SortedSet;

import nl.fieldlab.sandbox.domain.Education;
import nl.fieldlab.sandbox.domain.Status;

/**
 * One simulated person's state in a run: where they stand (status, field, education, work history) and what they
 * are doing (the spells). Mutable, owned by one {@link Run}; the spells themselves are immutable.
 */
final class Worker {

    final Person p;
    Status status;
    /** The status the worker entered this spell out of work with: a proxy for their job chances. */
    Status entryStatus;
    int field;
    Education education;
    /** In the simulation this month: entered (the stock at the start, an entrant from its month) and not left. */
    boolean active;
    int unemployedSince;
    int monthsWorked;
    int weeksWorkedLast36;
    int yearsWorkedLast5;
    int seekerSince = -1;
    /** The month a completed course gave the worker a fresh start with employers (duration dependence), or far back. */
    int freshStart = Integer.MIN_VALUE;
    /** The simulated employer the worker last worked for, or -1. */
    int lastEmployer = -1;

    Spells.Benefit benefit;
    Spells.Job job;
    Spells.Trial trial;
    /** A work-to-work secondment during the notice period (P2), or null. */
    Spells.Secondment secondment;
    Spells.Course course;
    Spells.SideJob sideJob;
    /** What the schemes the job's or the course's claimants did not claim would have paid (mechanism take-up). */
    java.util.List<TakeUp.Unclaimed> jobUnclaimed = java.util.List.of();
    java.util.List<TakeUp.Unclaimed> courseUnclaimed = java.util.List.of();
    /** The worker's skills (a scenario with a skills taxonomy; null without): their occupation's, plus courses'. */
    nl.fieldlab.sandbox.skills.SkillSet skills;
    /** Coached by a provider (outcome fund) until this month (exclusive); -1 when never. */
    int coachedUntil = -1;
    /**
     * The month the announced dismissal of the job outside the simulated employers takes effect (the end of the notice
     * period, BW 7:672); -1 when none is announced. A move to a simulated employer before then withdraws it.
     */
    int noticeEnd = -1;
    /** The month the dismissal was announced; -1 when none is. */
    int dismissalAnnounced = -1;
    /** Training the current employer paid towards other work after announcing the dismissal (transition costs). */
    double transitionSpent;
    /** The worker agreed in writing that those costs be set off against the transition payment. */
    boolean transitionConsent;
    /**
     * In a work-to-work route (P2) during the notice period: a course the old employer pays now is on the transition
     * budget, agreed in writing to be set off against the transition payment.
     */
    boolean transitionBudget;

    // outcomes
    int firstPlacement = -1;
    int firstJobEnd = -1;
    int leftBenefit = -1;
    /** where the current (or last) job is: its category in each dimension of {@link Destinations}, or null */
    int[] destination;
    boolean everSeeker;
    boolean everSideJob;
    boolean everApprentice;
    /** Started a course outside an apprenticeship at some point (course take-up by who the worker was at the start). */
    boolean everCourse;
    /** The month the BBL course of the current job ends (its contract covers the course); -1 for another job. */
    int bblCourseEnd = -1;
    /** The month the worker last completed a BBL course as an apprentice (graduates in work); -1 when never. */
    int bblCompletedAt = -1;
    double publicCost;
    /**
     * The target groups the rules placed the worker in at the first benefit claim (null until then): assigned before
     * any outcome, so that a group's placement rate is not conditioned on being placed.
     */
    SortedSet<String> targetGroups;

    Worker(Person p) {
        this.p = p;
        this.status = p.status();
        this.entryStatus = p.status();
        this.field = p.field();
        this.education = p.education();
        this.active = p.entryMonth() == 0;
        this.unemployedSince = p.entryMonth() - p.monthsUnemployed();
        boolean workedBefore = p.status() == Status.WW || p.status() == Status.EMPLOYED;
        this.weeksWorkedLast36 = workedBefore ? 36 : 0;
        this.yearsWorkedLast5 = workedBefore ? Math.min(5, p.workHistoryYears()) : 0;
    }

    boolean employed() {
        return job != null;
    }

    boolean inTrial() {
        return trial != null;
    }

    boolean inCourse() {
        return course != null;
    }

    boolean coached(int m) {
        return m < coachedUntil;
    }

    /** Out of work and looking: on a benefit or none, not in a job or a trial placement. */
    boolean seeker() {
        return active && !employed() && !inTrial() && status != Status.EMPLOYED;
    }

    /** In a job outside the simulated employers, in a declining occupation: may move work-to-work. */
    boolean atRisk() {
        return active && !employed() && !inTrial() && secondment == null && status == Status.EMPLOYED;
    }

    /** At risk and dismissed: working out the notice period of an announced dismissal. */
    boolean inNotice() {
        return atRisk() && noticeEnd >= 0;
    }

    /** Months out of work as employers see it: since the last job, or since a completed course. */
    int monthsOutOfWork(int m) {
        return m - Math.max(unemployedSince, freshStart);
    }

    /** Whether the worker must search for work in month {@code m} (a benefit's duty, unless a course exempts). */
    boolean searchDuty(int m) {
        if (benefit == null) {
            return false;
        }
        return inCourse() ? benefit.searchDutyInCourseMonth(course.courseMonth(m)) : benefit.searchDuty();
    }
}
