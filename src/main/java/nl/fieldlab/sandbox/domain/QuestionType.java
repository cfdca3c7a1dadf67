package nl.fieldlab.sandbox.domain;

/** What the simulation asks the rules about. */
public enum QuestionType {
    /** May this employer hire this worker, and what does the job pay and cost, to whom, month by month? */
    HIRE,
    /** May this worker start an unpaid trial placement (proefplaatsing) here, and for how long? */
    TRIAL_PLACEMENT,
    /** May this worker start this course while in this status, who pays, and what duties remain? */
    COURSE,
    /** What benefit does this worker receive in this status, for how long, and with which duties? */
    BENEFIT,
    /**
     * What does ending this worker's contract at the employer's initiative owe, and when does it end: the notice
     * period (opzegtermijn) and the transition payment (transitievergoeding), less costs it may be offset against.
     */
    DISMISSAL
}
