package nl.fieldlab.sandbox.domain;

/**
 * Who a scenario says pays a worker group's course fees. The rules (course-funding.drl) book the fee from the chosen
 * payer only where the law lets that payer pay for the worker's situation at the time of the course; otherwise, and
 * for {@link #DEFAULT}, from whoever pays for a worker of that status under today's law.
 */
public enum CoursePayer {
    /** Whoever pays under today's law for the worker's status: the own employer for someone in work, the worker on
     *  WW or without a benefit, the municipality for bijstand, UWV for Wajong. */
    DEFAULT,
    /** The worker (the participant owes the fee: Les- en cursusgeldwet). */
    WORKER,
    /** The worker's own employer (only while the worker is employed). */
    OWN_EMPLOYER,
    /** An employer that has committed to hire the worker (a job intention or a BBL contract; only with one). */
    PROSPECTIVE_EMPLOYER,
    /** The sector training fund (O&O-fonds) of the worker's employer (only for an employee of a member firm). */
    SECTOR_FUND,
    /** The municipality under its re-integration ordinance (Participatiewet art. 7 lid 1 onder a: bijstand clients and
     *  people without a benefit). */
    MUNICIPALITY,
    /** The province under a subsidy scheme of its own. */
    PROVINCE,
    /** UWV (Wajong re-integration; for WW only where a UWV training budget exists, none from 2022). */
    UWV
}
