package nl.fieldlab.sandbox.shell;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
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

/**
 * Replays a session from a file: one command per line, as typed in the shell; blank lines and lines starting with
 * {@code #} are skipped; the first failing line stops the script with its exit code.
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
                    script FILE
                      Runs each line of FILE as a shell command, printing each command and its output. Blank lines
                      and lines starting with # are skipped. Stops at the first failing line, with its exit code.
                    Example:
                      script scenarios/session-example.txt""")
    public String script(@Argument(index = 0, description = "script file") String file, CommandContext ctx) {
        if (file == null || file.isBlank()) {
            throw new CommandFailure(ExitCodes.BAD_INPUT, "give a script file, e.g. script scenarios/session-example.txt");
        }
        Path path = Path.of(file);
        List<String> lines;
        try {
            lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new CommandFailure(ExitCodes.BAD_INPUT, file + ": file not found");
        } catch (IOException e) {
            throw new CommandFailure(ExitCodes.BAD_INPUT, file + ": cannot read: " + e.getMessage());
        }
        PrintWriter out = ctx.outputWriter();
        CommandLine commands = new CommandLine(parser.getObject(), registry.getObject());
        int ran = 0;
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
            if (o.exitCode() != ExitCodes.OK) {
                throw new CommandFailure(o.exitCode(), file + ":" + (i + 1) + ": " + line + ": " + o.error());
            }
            ran++;
        }
        return "Script " + file + ": " + ran + " commands ran.";
    }
}
