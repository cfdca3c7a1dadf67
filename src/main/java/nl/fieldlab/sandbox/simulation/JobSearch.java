package nl.fieldlab.sandbox.simulation;

import nl.fieldlab.sandbox.domain.Status;
import nl.fieldlab.sandbox.scenario.Behaviour;

/**
 * Mechanism {@code job-search}: a job seeker reaches an open vacancy with a monthly chance that falls with time out of
 * work and with age from 50 (by the bands of {@link AgeGradient}), is lower without a search duty and during a course, and higher while coached. A course locks
 * in less while the search duty holds through it (WW art. 24: applying and accepting suitable work go on) than under a
 * search-duty exemption or without a duty, where participants largely stop searching.
 */
final class JobSearch {

    static final String ID = "job-search";

    private final double[] contactByStatus = new double[Status.values().length];
    private final double decayPerYear;
    private final AgeGradient ageGradient;
    private final double noDutyFactor;
    private final double inCourseExemptFactor;
    private final double inCourseDutyKeptFactor;
    private final double coachingBoost;
    private final double ownFieldShare;

    JobSearch(Behaviour b) {
        for (Status s : Status.values()) {
            contactByStatus[s.ordinal()] = b.get("search.contact", s);
        }
        decayPerYear = b.get("search.duration-decay-per-year");
        ageGradient = new AgeGradient(b);
        noDutyFactor = b.get("search.no-duty-factor");
        inCourseExemptFactor = b.get("search.in-course-factor.exempt");
        inCourseDutyKeptFactor = b.get("search.in-course-factor.duty-kept");
        coachingBoost = b.get("coaching.contact-boost");
        ownFieldShare = b.get("search.own-field-share");
    }

    /**
     * The chance of reaching a vacancy this month.
     *
     * @param entryStatus      the status the worker entered this spell out of work with (job chances follow the route
     *                         into unemployment, not the benefit the worker lives on now)
     * @param monthsOutOfWork  months since the worker last had work
     * @param age              age this month
     * @param searchDuty       whether the rules impose a job-search duty (WW) or work obligations (bijstand)
     * @param inCourse         whether the worker is following a course (lock-in: weaker while {@code searchDuty}
     *                         holds through the course than under an exemption or without a duty)
     * @param coached          whether a provider coaches the worker this month
     */
    double contactChance(Status entryStatus, int monthsOutOfWork, int age, boolean searchDuty, boolean inCourse,
            boolean coached) {
        double rate = contactByStatus[entryStatus.ordinal()];
        rate *= Math.pow(1 - decayPerYear, Math.max(0, monthsOutOfWork) / 12.0);
        rate *= ageGradient.contactFactor(age);
        if (!searchDuty) {
            rate *= noDutyFactor;
        }
        if (inCourse) {
            rate *= searchDuty ? inCourseDutyKeptFactor : inCourseExemptFactor;
        }
        if (coached) {
            rate *= 1 + coachingBoost;
        }
        return Math.min(1, rate);
    }

    /** The share of contacts in the worker's own field when it has vacancies. */
    double ownFieldShare() {
        return ownFieldShare;
    }
}
