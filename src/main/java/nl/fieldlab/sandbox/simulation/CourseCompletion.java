package nl.fieldlab.sandbox.simulation;

import nl.fieldlab.sandbox.scenario.Behaviour;

/**
 * Mechanism {@code course-completion}: a course is completed with a chance that is lower while the job-search duty
 * continues; where the duty holds for part of the course (necessary training on WW is exempt until two months before
 * its end), the two rates are weighted by the course's months with and without it. An apprentice still in the course
 * at its end completes it: leaving a BBL course early is drawn month by month with its contract ({@link BblContract}).
 */
final class CourseCompletion {

    static final String ID = "course-completion";

    private final double completion;
    private final double withDuty;

    CourseCompletion(Behaviour b) {
        completion = b.get("course.completion");
        withDuty = b.get("course.completion-with-search-duty");
    }

    /**
     * The chance a course ends completed.
     *
     * @param searchDutyShare the share of the course's months under the job-search duty (0 to 1)
     */
    double chance(double searchDutyShare, boolean apprenticeship) {
        if (apprenticeship) {
            return 1;
        }
        double share = Math.max(0, Math.min(1, searchDutyShare));
        return completion + (withDuty - completion) * share;
    }

    /**
     * The chance a course with its own completion share (a case sprint's co-designed route, {@code completion:} in the
     * scenario) ends completed: its share in place of {@code course.completion}, lowered by the search duty in the
     * same proportion as any course (a design choice: the route's share is measured without the duty).
     */
    double chance(double searchDutyShare, boolean apprenticeship, double own) {
        if (apprenticeship || Double.isNaN(own) || completion <= 0) {
            return chance(searchDutyShare, apprenticeship);
        }
        return Math.min(1, own * chance(searchDutyShare, false) / completion);
    }
}
