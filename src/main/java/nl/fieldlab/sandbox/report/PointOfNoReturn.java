package nl.fieldlab.sandbox.report;

import java.util.concurrent.CancellationException;

/**
 * The moment a command's new folder replaces what was on disk, and what a cancel (Ctrl-C, SIGINT) means around it.
 * A cancel that comes before it stops the command with nothing changed (exit 130). Once a command has passed it,
 * its output is in place and the command has succeeded, so a cancel is refused until the command ends: the exit
 * code always says what is on disk.
 *
 * <p>Process-wide, as a signal is: the shell runs one command at a time, and a script's commands one after the
 * other inside the script command.
 */
public final class PointOfNoReturn {

    private static final Object LOCK = new Object();
    private static int depth;
    private static boolean cancelled;
    private static boolean passed;

    private PointOfNoReturn() {
    }

    /** The span of one command; closing it ends the command. */
    public interface Command extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * A command starts: it has passed nothing yet. A cancel of the outermost command (a script) stays in force for
     * the commands it runs.
     */
    public static Command command() {
        synchronized (LOCK) {
            if (depth++ == 0) {
                cancelled = false;
            }
            passed = false;
        }
        return () -> {
            synchronized (LOCK) {
                depth = Math.max(0, depth - 1);
                passed = false;
                if (depth == 0) {
                    cancelled = false; // between commands nothing is under way to cancel
                }
            }
        };
    }

    /**
     * Asks to cancel the command under way.
     *
     * @return true when it will stop with nothing of its output in place; false when its output is already in place
     *         (the command finishes and succeeds)
     */
    public static boolean cancel() {
        synchronized (LOCK) {
            if (passed) {
                return false;
            }
            cancelled = true;
            return true;
        }
    }

    /** Whether the command under way was cancelled. */
    public static boolean cancelled() {
        synchronized (LOCK) {
            return cancelled;
        }
    }

    /**
     * Passes the point: called right before a folder replaces what was on disk. From here on a cancel is refused.
     *
     * @throws CancellationException when the command was cancelled before: then nothing may change
     */
    static void pass() {
        synchronized (LOCK) {
            if (cancelled) {
                throw new CancellationException("cancelled");
            }
            passed = true;
        }
    }
}
