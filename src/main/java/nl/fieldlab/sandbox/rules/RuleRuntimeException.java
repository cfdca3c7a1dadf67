package nl.fieldlab.sandbox.rules;

/** A rule failed while deciding (for example it read a parameter that has no value in the month simulated). */
public class RuleRuntimeException extends RuntimeException {

    public RuleRuntimeException(String message, Throwable cause) {
        super(message, cause);
    }

    static RuleRuntimeException wrap(RuntimeException e, String rule) {
        if (e instanceof RuleRuntimeException r) {
            return r;
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return new RuleRuntimeException((rule == null ? "rule evaluation failed" : "rule " + rule + " failed")
                + ": " + message, e);
    }
}
