package nl.fieldlab.sandbox.shell;

import java.io.PrintWriter;
import java.util.function.IntSupplier;

import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.UserInterruptException;

import nl.fieldlab.sandbox.app.ExitCodes;

/**
 * The interactive prompt. Every line goes through {@link CommandLine}, exactly as batch mode runs it, so both modes
 * give the same messages; what a line's outcome means is said in words: a run whose expectations failed or that was
 * cancelled is an outcome, not a crash, and only real errors say "error:".
 *
 * <p>Keys behave as in bash and psql: Ctrl-C clears the line being typed (during a run it cancels the run, see
 * {@link RunControl}); Ctrl-D on an empty line, {@code exit} or {@code quit} leave, and ask first when the session's
 * what-ifs would be lost.
 */
final class InteractiveShell {

    private final LineReader reader;
    private final java.util.function.Supplier<String> prompt;
    private final CommandLine commands;
    private final IntSupplier whatIfs;

    /**
     * @param reader   the terminal's line reader (completion, history)
     * @param prompt   the prompt to show before each line
     * @param commands runs one command line
     * @param whatIfs  how many what-if overrides the session has (leaving loses them)
     */
    InteractiveShell(LineReader reader, java.util.function.Supplier<String> prompt, CommandLine commands,
            IntSupplier whatIfs) {
        this.reader = reader;
        this.prompt = prompt;
        this.commands = commands;
        this.whatIfs = whatIfs;
    }

    /** Reads and runs lines until the user leaves. */
    void run() {
        try {
            loop();
        } finally {
            TextTable.fitTo(0);
        }
    }

    private void loop() {
        PrintWriter out = reader.getTerminal().writer();
        while (true) {
            String line;
            try {
                line = reader.readLine(prompt.get());
            } catch (UserInterruptException e) {
                continue; // Ctrl-C: the half-typed line is gone, the session stays
            } catch (EndOfFileException e) {
                if (confirmLeave(out)) {
                    return;
                }
                continue;
            }
            if (line == null) {
                return;
            }
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            if (trimmed.equalsIgnoreCase("exit") || trimmed.equalsIgnoreCase("quit")) {
                if (confirmLeave(out)) {
                    return;
                }
                continue;
            }
            // tables fit the terminal as it is now (it may have been resized)
            int width = reader.getTerminal().getWidth();
            TextTable.fitTo(width);
            PrintWriter fitted = new PrintWriter(new FittedLines(out, width));
            CommandLine.Outcome o = commands.execute(trimmed, fitted);
            fitted.flush();
            String said = outcome(o);
            if (!said.isEmpty()) {
                fitted.println(said);
                fitted.flush();
            }
        }
    }

    /** What the prompt says after a command: nothing on success, the outcome in words otherwise. */
    static String outcome(CommandLine.Outcome o) {
        return switch (o.exitCode()) {
            case ExitCodes.OK -> "";
            case ExitCodes.CHECKS_FAILED -> capitalise(o.error());
            case ExitCodes.CANCELLED -> "Cancelled; nothing was written.";
            default -> "error: " + o.error();
        };
    }

    private static String capitalise(String s) {
        return s == null || s.isEmpty() ? "" : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** Leaving loses the session's what-ifs: ask first when there are any. */
    private boolean confirmLeave(PrintWriter out) {
        int n = whatIfs.getAsInt();
        if (n == 0) {
            return true;
        }
        try {
            String answer = reader.readLine(n + (n == 1 ? " what-if is" : " what-ifs are")
                    + " set and will be lost ('changes' lists them). Leave? [y/N] ");
            return answer != null && answer.strip().toLowerCase(java.util.Locale.ROOT).startsWith("y");
        } catch (UserInterruptException e) {
            return false;
        } catch (EndOfFileException e) {
            return true;
        }
    }
}
