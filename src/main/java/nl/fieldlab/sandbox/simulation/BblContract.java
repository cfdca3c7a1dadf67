package nl.fieldlab.sandbox.simulation;

import nl.fieldlab.sandbox.scenario.Behaviour;

/**
 * Mechanism {@code bbl-contract}: an apprentice's contract runs for the BBL course (the chain rule does not apply to
 * it, so the training company has no reason to end it at its ordinary contract length), and it ends early only when
 * the apprentice leaves the course. The published completion share of BBL leavers counts every way a course ends
 * early (drop-out, dismissal, a bad fit), so it is spread over the course's months as one monthly leaving chance in
 * place of the ordinary job-loss and non-renewal chances; after the course the job runs under the employer's ordinary
 * contracts, counted from the course's end.
 */
final class BblContract {

    static final String ID = "bbl-contract";

    private final double completion;

    BblContract(Behaviour b) {
        completion = b.get("course.completion.apprentice");
    }

    /** The share of apprentices who complete the course, leavers for every reason counted. */
    double completion() {
        return completion;
    }

    /**
     * The monthly chance that an apprentice leaves the course, and with it the contract, so that a course of
     * {@code courseMonths} is completed by {@link #completion()} of those who start it.
     */
    double monthlyLeaving(int courseMonths) {
        if (courseMonths <= 0 || completion >= 1) {
            return 0;
        }
        return 1 - Math.pow(completion, 1.0 / courseMonths);
    }

    /**
     * Whether the BBL contract still covers the job in month {@code m}: an apprenticeship whose course has not ended.
     *
     * @param courseEnd the month the course ends (the month after its last), or -1 for a job without a course
     */
    static boolean covers(int courseEnd, int m) {
        return courseEnd >= 0 && m < courseEnd;
    }

    /**
     * The months the job has lasted under the employer's ordinary contracts: from the course's end for a former
     * apprentice, from the start otherwise (what {@link JobLoss#nonRenewal} counts contract ends from).
     */
    static int monthsUnderOrdinaryContract(int jobStart, int courseEnd, int m) {
        return m - Math.max(jobStart, courseEnd);
    }
}
