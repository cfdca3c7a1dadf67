package nl.fieldlab.sandbox.domain;

/**
 * A granted right with a size, such as {@code trial.max-months = 2} or {@code ww.duration-months = 14}.
 */
public record Entitlement(Question question, String key, double value) {
}
