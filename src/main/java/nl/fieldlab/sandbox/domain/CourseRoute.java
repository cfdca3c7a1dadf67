package nl.fieldlab.sandbox.domain;

/** How a course is followed. */
public enum CourseRoute {
    /** Work-based MBO route (beroepsbegeleidende leerweg): mostly at an employer. */
    BBL,
    /** School-based MBO route (beroepsopleidende leerweg). */
    BOL,
    /** A non-MBO course (private, sector, employer-led). */
    OTHER
}
