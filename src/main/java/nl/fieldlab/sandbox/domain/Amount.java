package nl.fieldlab.sandbox.domain;

/** A derived quantity for this question, such as the worker's statutory hourly minimum wage. */
public record Amount(Question question, String key, double value) {
}
