package nl.fieldlab.sandbox.rules;

/**
 * A rule ran away while deciding: it fired beyond the budget ({@link RuleBudget}), did not return within the time
 * budget, recursed until the stack ran out or allocated until the heap did. Names the rule (with its file and line)
 * and says which budget it broke; the batch's rule session is dropped and nothing is answered.
 */
public class RuleRunawayException extends RuleRuntimeException {

    private final String rule;

    RuleRunawayException(String rule, String message, Throwable cause) {
        super(message, cause);
        this.rule = rule;
    }

    /** The same failure with a sentence added to its message. */
    public RuleRunawayException withNote(String note) {
        return new RuleRunawayException(rule, getMessage() + "; " + note, getCause());
    }

    /** The id of the rule that ran away, or null when no single rule was firing. */
    public String rule() {
        return rule;
    }
}
