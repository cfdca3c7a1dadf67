package nl.fieldlab.sandbox.shell;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.CommandParser;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.stereotype.Component;

import nl.fieldlab.sandbox.app.CommandFailure;
import nl.fieldlab.sandbox.app.ExitCodes;
import nl.fieldlab.sandbox.input.InputFile;
import nl.fieldlab.sandbox.input.YamlFile;

/**
 * Replays a session from a file: one command per line, as typed in the shell; blank lines and lines starting with
 * {@code #} are skipped. An error (exit 1, 3) or a cancel stops the script with its exit code; a line whose checks
 * failed (exit 2: expectations, rule cases, verify) is a result, so the script goes on and exits 2 at the end, unless
 * {@code --strict} stops it there too.
 */
@Component
public class ScriptCommand {

    private final ObjectProvider<CommandParser> parser;
    private final ObjectProvider<CommandRegistry> registry;

    public ScriptCommand(ObjectProvider<CommandParser> parser, ObjectProvider<CommandRegistry> registry) {
        this.parser = parser;
        this.registry = registry;
    }

    @Command(name = "script", group = "Session", exitStatusExceptionMapper = SandboxCommands.ERRORS,
            completionProvider = "scenarioFiles",
            description = "Replay a session from a file, one command per line (# comments)",
            help = """
                    script FILE [--strict]
                      Runs each line of FILE as a shell command, printing each command and its output. Blank lines
                      and lines starting with # are skipped. An error stops the script with its exit code. A line
                      whose checks failed (expectations of a run, rule cases, verify) is a result: the script goes
                      on and exits 2 at the end. --strict (default off) stops at that line too.
                    Examples:
                      script scenarios/session-example.txt
                      script evaluation.txt --strict""")
    public String script(@Argument(index = 0, description = "script file") String file,
            @org.springframework.shell.core.command.annotation.Option(longName = "strict",
                    description = "stop at the first line whose checks failed, too") boolean strict,
            CommandContext ctx) {
        if (file == null || file.isBlank()) {
            throw new CommandFailure(ExitCodes.BAD_INPUT, "give a script file, e.g. script scenarios/session-example.txt");
        }
        Path path = Path.of(file);
        // a regular file, read to a limit: a device or a named pipe would never end
        List<String> lines = new String(InputFile.read(path, YamlFile.MAX_BYTES, "a script: one command a line"),
                StandardCharsets.UTF_8).lines().toList();
        PrintWriter out = ctx.outputWriter();
        CommandLine commands = new CommandLine(parser.getObject(), registry.getObject());
        int ran = 0;
        List<String> failedChecks = new java.util.ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.equals("script") || line.startsWith("script ")) {
                throw new CommandFailure(ExitCodes.BAD_INPUT, file + ":" + (i + 1) + ": a script cannot run a script");
            }
            out.println("> " + line);
            out.flush();
            CommandLine.Outcome o = commands.execute(line, out);
            out.flush();
            ran++;
            if (o.exitCode() == ExitCodes.CHECKS_FAILED && !strict) {
                String where = file + ":" + (i + 1) + ": " + line + ": " + o.error();
                failedChecks.add(where);
                out.println("(checks failed: " + o.error() + "; the script goes on)");
                out.flush();
            } else if (o.exitCode() != ExitCodes.OK) {
                throw new CommandFailure(o.exitCode(), file + ":" + (i + 1) + ": " + line + ": " + o.error());
            }
        }
        if (!failedChecks.isEmpty()) {
            throw new CommandFailure(ExitCodes.CHECKS_FAILED, "script " + file + ": " + ran + " commands ran; checks"
                    + " failed on " + failedChecks.size() + (failedChecks.size() == 1 ? " line" : " lines") + ":\n  "
                    + String.join("\n  ", failedChecks));
        }
        return "Script " + file + ": " + ran + " commands ran.";
    }
}
