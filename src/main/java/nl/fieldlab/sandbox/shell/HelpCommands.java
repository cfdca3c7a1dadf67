package nl.fieldlab.sandbox.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.stereotype.Component;

import nl.fieldlab.sandbox.app.CommandFailure;
import nl.fieldlab.sandbox.app.ExitCodes;
import nl.fieldlab.sandbox.app.Workbench;
import nl.fieldlab.sandbox.input.Suggestions;

/**
 * {@code help} and {@code version}, the same text in the shell and in batch mode. They replace Spring Shell's own,
 * which print option lists without the positional arguments and the shell library's version.
 */
@Component
public class HelpCommands {

    private final ObjectProvider<CommandRegistry> registry;
    private final Workbench workbench;

    public HelpCommands(ObjectProvider<CommandRegistry> registry, Workbench workbench) {
        this.registry = registry;
        this.workbench = workbench;
    }

    @org.springframework.shell.core.command.annotation.Command(name = "help", group = "Session",
            exitStatusExceptionMapper = SandboxCommands.ERRORS,
            description = "List the commands, or show one command's arguments, options and an example",
            help = """
                    help [COMMAND]
                      Without a command: every command with what it does, by group. With one: its arguments,
                      options (with their defaults) and an example. The same text as COMMAND --help.
                    Examples:
                      help
                      help run
                      help rules check""")
    public String help(@Argument(index = 0, description = "command", defaultValue = "") String first,
            @Argument(index = 1, description = "sub-command", defaultValue = "") String second) {
        if (first == null || first.isBlank()) {
            return overview(TextTable.width());
        }
        String name = second == null || second.isBlank() ? first : first + " " + second;
        Command c = find(name);
        if (c == null && !(second == null || second.isBlank())) {
            c = find(first);
        }
        if (c == null) {
            throw new CommandFailure(ExitCodes.BAD_INPUT, unknownCommand(name, registry.getObject()));
        }
        return fit(text(c), TextTable.width());
    }

    /**
     * Help text within {@code width} columns (0: as written): a longer line wraps at spaces, its continuation lines
     * indented like it, so the text reads in an 80-column terminal.
     */
    static String fit(String text, int width) {
        if (width <= 20) {
            return text;
        }
        // prose written in long lines is reflowed first: a long line continues on the next line of the same indent;
        // examples are one command a line and never joined
        List<String> lines = new java.util.ArrayList<>();
        boolean examples = false;
        for (String line : text.split("\n", -1)) {
            examples |= line.strip().equals("Examples:");
            int last = lines.size() - 1;
            if (!examples && last >= 0 && continues(lines.get(last), line)) {
                lines.set(last, lines.get(last) + " " + line.strip());
            } else {
                lines.add(line);
            }
        }
        StringBuilder out = new StringBuilder();
        for (String line : lines) {
            if (line.length() <= width) {
                out.append(line).append('\n');
                continue;
            }
            String indent = indent(line);
            for (String part : TextTable.wrap(line.stripLeading(), width - indent.length())) {
                out.append(indent).append(part).append('\n');
            }
        }
        return out.toString().stripTrailing();
    }

    /**
     * Whether {@code line} continues the prose of {@code previous}: the same indent, a long previous line, and
     * neither a new option ({@code --seeds K ...}) nor a new sentence after a full stop or a colon.
     */
    private static boolean continues(String previous, String line) {
        String p = previous.stripTrailing();
        String next = line.strip();
        return p.length() > 60 && !next.isEmpty() && indent(previous).equals(indent(line)) && !next.startsWith("-")
                && !p.endsWith(".") && !p.endsWith(":");
    }

    private static String indent(String line) {
        return line.substring(0, line.length() - line.stripLeading().length());
    }

    @org.springframework.shell.core.command.annotation.Command(name = "version", group = "Session",
            exitStatusExceptionMapper = SandboxCommands.ERRORS,
            description = "Show the tool's version, the rule library's hash and the Java version",
            help = """
                    version
                      Prints the Fieldlab Sandbox version, the rules folder in use with its hash (every report's
                      manifest records the same hash) and the Java runtime.
                    Example:
                      version""")
    public String version() {
        StringBuilder sb = new StringBuilder("Fieldlab Sandbox ").append(Workbench.version()).append('\n');
        try {
            var library = workbench.library();
            sb.append(String.format(Locale.ROOT, "rules: %s (hash %s, %d rules, %d exemptions)%n",
                    workbench.rulesDir(), library.hash().substring(0, 12), library.ruleCount(),
                    library.exemptions().size()));
        } catch (RuntimeException e) {
            sb.append("rules: ").append(workbench.rulesDir()).append(" (do not load: ")
                    .append(ExitCodes.message(e).lines().findFirst().orElse("")).append(")\n");
        }
        sb.append("Java ").append(System.getProperty("java.version")).append(" (")
                .append(System.getProperty("java.vm.name")).append(')');
        return sb.toString();
    }

    private Command find(String name) {
        return registry.getObject().getCommandByName(name.strip());
    }

    /** The help text of a command: its own help, or its description when it has none. */
    static String text(Command c) {
        String help = c.getHelp();
        return help == null || help.isBlank() ? c.getName() + ": " + c.getDescription() : help.stripTrailing();
    }

    /**
     * Every command by group, one name a line with its description beside it; within {@code width} columns (0: no
     * limit) the description wraps under itself, so that every command name starts a line.
     */
    String overview(int width) {
        Map<String, List<Command>> byGroup = new TreeMap<>();
        for (Command c : registry.getObject().getCommands()) {
            if (!c.isHidden()) {
                byGroup.computeIfAbsent(c.getGroup() == null ? "Other" : c.getGroup(), g -> new ArrayList<>()).add(c);
            }
        }
        StringBuilder sb = new StringBuilder("Commands (help COMMAND for its arguments, options and an example):\n");
        byGroup.forEach((group, commands) -> {
            sb.append('\n').append(group).append('\n');
            commands.sort((a, b) -> a.getName().compareTo(b.getName()));
            for (Command c : commands) {
                sb.append(entry(c.getName(), c.getDescription(), width));
            }
        });
        return sb.toString().stripTrailing();
    }

    /** One line of the overview: the name in 18 columns after 2 spaces, the description wrapped beside it. */
    static String entry(String name, String description, int width) {
        String head = String.format(Locale.ROOT, "  %-18s ", name);
        int room = width - head.length();
        if (width <= 0 || room < 20) {
            return head + description + "\n";
        }
        StringBuilder sb = new StringBuilder();
        List<String> parts = TextTable.wrap(description, room);
        for (int i = 0; i < parts.size(); i++) {
            sb.append(i == 0 ? head : " ".repeat(head.length())).append(parts.get(i)).append('\n');
        }
        return sb.toString();
    }

    /** "unknown command 'comprae' (did you mean 'compare'?)". */
    static String unknownCommand(String name, CommandRegistry registry) {
        List<String> names = registry.getCommands().stream().filter(c -> !c.isHidden()).map(Command::getName)
                .toList();
        String near = Suggestions.didYouMean(name, names);
        return "unknown command '" + name + "'" + (near.isEmpty() ? " (try: help)" : near);
    }
}
