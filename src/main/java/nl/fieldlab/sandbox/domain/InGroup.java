package nl.fieldlab.sandbox.domain;

/**
 * A classification: the worker in this question belongs to a target group (doelgroep). Classification rules
 * derive these (with {@code insertLogical}); decision rules consume them.
 */
public record InGroup(Question question, String group) {
}
