package nl.fieldlab.sandbox.simulation;

import nl.fieldlab.sandbox.scenario.Behaviour;

/**
 * Mechanism {@code course-completion}: a course is completed with a chance that is lower while the job-search duty
 * continues; an apprentice completes with the apprentice rate.
 */
final class CourseCompletion {

    static final String ID = "course-completion";

    private final double completion;
    private final double withDuty;
    private final double apprentice;

    CourseCompletion(Behaviour b) {
        completion = b.get("course.completion");
        withDuty = b.get("course.completion-with-search-duty");
        apprentice = b.get("course.completion.apprentice");
    }

    /** The chance a course ends completed. */
    double chance(boolean searchDuty, boolean apprenticeship) {
        if (apprenticeship) {
            return apprentice;
        }
        return searchDuty ? withDuty : completion;
    }
}
