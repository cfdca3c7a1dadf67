package nl.fieldlab.sandbox.domain;

/**
 * A duty that comes with a status, such as {@code search-duty} with the number of job-search activities required
 * per four weeks (0 = exempt).
 */
public record Obligation(Question question, String kind, double value) {
}
