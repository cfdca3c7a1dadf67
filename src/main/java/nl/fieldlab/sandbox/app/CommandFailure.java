package nl.fieldlab.sandbox.app;

/** A command that ran but did not succeed; carries the exit code batch mode returns. */
public class CommandFailure extends RuntimeException {

    private final int exitCode;

    public CommandFailure(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
