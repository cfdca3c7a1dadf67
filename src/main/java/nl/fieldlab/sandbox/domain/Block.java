package nl.fieldlab.sandbox.domain;

/** The action asked about is not allowed; the rule that inserted this fact is the one that blocked it. */
public record Block(Question question, String reason) {
}
