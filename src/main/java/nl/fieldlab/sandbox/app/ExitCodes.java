package nl.fieldlab.sandbox.app;

import java.util.concurrent.CancellationException;

import nl.fieldlab.sandbox.input.InputError;
import nl.fieldlab.sandbox.parameters.ParameterView;
import nl.fieldlab.sandbox.rules.Answer;
import nl.fieldlab.sandbox.rules.RuleCompileException;
import nl.fieldlab.sandbox.rules.RuleRuntimeException;

/**
 * Exit codes of batch mode, and the one-line message a user sees for each failure.
 *
 * <ul>
 *   <li>0: success (and every expectation or rule case held)</li>
 *   <li>1: bad input: a file that cannot be read or is invalid, a rule file that does not compile, a bad option</li>
 *   <li>2: the run worked but checks failed: an expectation did not hold, a rule case failed, verify found differences</li>
 *   <li>3: an internal error (a bug; please report it with the command that caused it)</li>
 *   <li>130: cancelled</li>
 * </ul>
 */
public final class ExitCodes {

    public static final int OK = 0;
    public static final int BAD_INPUT = 1;
    public static final int CHECKS_FAILED = 2;
    public static final int INTERNAL = 3;
    public static final int CANCELLED = 130;

    private ExitCodes() {
    }

    public static int of(Throwable e) {
        Throwable t = unwrap(e);
        if (t instanceof CommandFailure f) {
            return f.exitCode();
        }
        if (t instanceof InputError || t instanceof RuleCompileException || t instanceof RuleRuntimeException
                || t instanceof ParameterView.MissingParameterException || t instanceof Answer.RuleConflictException
                || t instanceof IllegalArgumentException || t instanceof java.io.UncheckedIOException) {
            return BAD_INPUT;
        }
        if (t instanceof CancellationException) {
            return CANCELLED;
        }
        if (t instanceof org.springframework.core.convert.ConversionException) {
            return BAD_INPUT;
        }
        return INTERNAL;
    }

    /** One line for the user; all compile problems when rules do not compile. */
    public static String message(Throwable e) {
        Throwable t = unwrap(e);
        if (t instanceof RuleCompileException rce) {
            return "rules do not compile; the last good rule base stays in use:\n  "
                    + String.join("\n  ", rce.problems());
        }
        if (t instanceof CancellationException) {
            return "cancelled; nothing was written";
        }
        if (t instanceof org.springframework.core.convert.ConversionFailedException c) {
            String type = c.getTargetType().getType().getSimpleName();
            String expected = switch (type) {
                case "Integer", "int", "Long", "long" -> "a whole number";
                case "Double", "double" -> "a number";
                case "Boolean", "boolean" -> "true or false";
                default -> "a " + type;
            };
            return "expected " + expected + ", got '" + c.getValue() + "'";
        }
        if (of(t) == INTERNAL) {
            return "internal error: " + t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": "
                    + t.getMessage());
        }
        return t.getMessage();
    }

    private static Throwable unwrap(Throwable e) {
        Throwable t = e;
        while ((t instanceof java.lang.reflect.InvocationTargetException
                || t instanceof java.util.concurrent.ExecutionException
                || t.getClass().getName().startsWith("org.springframework.shell")
                || t.getClass().getName().startsWith("org.springframework.util")) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
