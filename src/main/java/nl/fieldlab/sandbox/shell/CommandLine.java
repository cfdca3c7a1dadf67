package nl.fieldlab.sandbox.shell;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.util.List;

import org.springframework.shell.core.InputReader;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.CommandExecutionException;
import org.springframework.shell.core.command.CommandExecutor;
import org.springframework.shell.core.command.CommandNotFoundException;
import org.springframework.shell.core.command.CommandParser;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.core.command.ExitStatus;
import org.springframework.shell.core.command.ParsedInput;

import nl.fieldlab.sandbox.app.ExitCodes;
import nl.fieldlab.sandbox.report.PointOfNoReturn;
import nl.fieldlab.sandbox.report.Printable;

/**
 * Runs one command line the way batch mode does: parse, execute, and turn any failure into an exit code and one
 * line of error text (never a stack trace).
 */
public final class CommandLine {

    private final CommandParser parser;
    private final CommandRegistry registry;

    public CommandLine(CommandParser parser, CommandRegistry registry) {
        this.parser = parser;
        this.registry = registry;
    }

    /** What a command printed, and how it ended. */
    public record Outcome(int exitCode, String output, String error) {
    }

    /**
     * Runs {@code line}, writing the command's output to {@code out}; returns the exit code and error text. Neither
     * carries a control character other than a line break, a tab or the progress bar's carriage return: whatever a
     * scenario's names hold, no escape sequence reaches the terminal. A cancel during the command means what
     * {@link PointOfNoReturn} says.
     */
    public Outcome execute(String line, Writer out) {
        try (PointOfNoReturn.Command command = PointOfNoReturn.command()) {
            Outcome o = run(line, out);
            return new Outcome(o.exitCode(), o.output(), Printable.terminal(o.error()));
        }
    }

    private Outcome run(String line, Writer out) {
        PrintWriter writer = new PrintWriter(new TerminalText(out), true);
        try {
            ParsedInput input = parser.parse(line);
            CommandContext context = new CommandContext(input, registry, writer, new InputReader() {
            });
            ExitStatus status = new CommandExecutor(registry).execute(context);
            writer.flush();
            if (status.code() == 0) {
                return new Outcome(ExitCodes.OK, captured(out), "");
            }
            return new Outcome(status.code(), captured(out), status.description());
        } catch (CommandNotFoundException e) {
            return new Outcome(ExitCodes.BAD_INPUT, captured(out), HelpCommands.unknownCommand(e.getCommandName(),
                    registry));
        } catch (CommandExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            debug(cause);
            return new Outcome(ExitCodes.of(cause), captured(out), ExitCodes.message(cause));
        } catch (RuntimeException e) {
            debug(e);
            return new Outcome(ExitCodes.of(e), captured(out), ExitCodes.message(e));
        }
    }

    /** A writer that passes text on through {@link Printable#terminal}. */
    private static final class TerminalText extends java.io.FilterWriter {
        TerminalText(Writer out) {
            super(out);
        }

        @Override
        public void write(int c) throws java.io.IOException {
            out.write(Printable.terminal(String.valueOf((char) c)));
        }

        @Override
        public void write(char[] chars, int off, int len) throws java.io.IOException {
            out.write(Printable.terminal(new String(chars, off, len)));
        }

        @Override
        public void write(String text, int off, int len) throws java.io.IOException {
            out.write(Printable.terminal(text.substring(off, off + len)));
        }
    }

    /** With -Dfieldlab.debug=true an internal error's stack trace goes to standard error, for a bug report. */
    private static void debug(Throwable e) {
        if (Boolean.getBoolean("fieldlab.debug") && ExitCodes.of(e) == ExitCodes.INTERNAL) {
            e.printStackTrace();
        }
    }

    private static String captured(Writer out) {
        return out instanceof StringWriter ? out.toString() : "";
    }

    /** Runs {@code line} and captures its output. */
    public Outcome execute(String line) {
        return execute(line, new StringWriter());
    }

    /** Joins program arguments into a command line, quoting those with spaces. */
    public static String join(List<String> args) {
        StringBuilder sb = new StringBuilder();
        for (String a : args) {
            if (!sb.isEmpty()) {
                sb.append(' ');
            }
            sb.append(a.contains(" ") ? "\"" + a.replace("\"", "\\\"") + "\"" : a);
        }
        return sb.toString();
    }
}
