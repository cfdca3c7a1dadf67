package nl.fieldlab.sandbox.shell;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.shell.core.ShellRunner;
import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.CommandOption;
import org.springframework.shell.core.command.CommandParser;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.core.command.DefaultCommandParser;
import org.springframework.shell.core.command.ExitStatus;
import org.springframework.shell.core.command.ParsedInput;
import org.springframework.shell.core.command.exit.ExitStatusExceptionMapper;
import org.springframework.shell.jline.PromptProvider;

import nl.fieldlab.sandbox.app.ExitCodes;
import nl.fieldlab.sandbox.app.Workbench;
import nl.fieldlab.sandbox.scenario.Scenario;

/** Shell plumbing: the prompt, error handling, option checking, and batch versus interactive start. */
@Configuration
public class ShellConfiguration {

    /** The exit code batch mode ends with. */
    public static final class BatchExit implements ExitCodeGenerator {
        private volatile int code;

        @Override
        public int getExitCode() {
            return code;
        }

        void set(int code) {
            this.code = code;
        }
    }

    @Bean
    public BatchExit batchExit() {
        return new BatchExit();
    }

    /** Failures become one line and an exit code; never a stack trace. */
    @Bean
    public ExitStatusExceptionMapper fieldlabErrors() {
        return e -> {
            if (Boolean.getBoolean("fieldlab.debug") && ExitCodes.of(e) == ExitCodes.INTERNAL) {
                e.printStackTrace(); // -Dfieldlab.debug=true: the stack trace, for a bug report
            }
            return new ExitStatus(ExitCodes.of(e), ExitCodes.message(e));
        };
    }

    @Bean
    public PromptProvider promptProvider(Workbench workbench) {
        return () -> {
            Scenario s = workbench.scenario();
            String name = s == null ? "fieldlab" : "fieldlab:" + s.id();
            return new AttributedString(name + "> ", AttributedStyle.DEFAULT.foreground(AttributedStyle.YELLOW));
        };
    }

    /** Completion that keeps working after an argument has been typed. */
    @Bean
    public org.springframework.shell.jline.CommandCompleter commandCompleter(CommandRegistry registry) {
        return new ShellCompleter(registry);
    }

    private static final java.util.regex.Pattern NEGATIVE_VALUE = java.util.regex.Pattern.compile(
            "(?<=^|\\s)(--[A-Za-z][\\w-]*)\\s+(-\\d[\\d.]*)(?=\\s|$)");

    /** The standard parser, plus a check that every option is one the command has. */
    @Bean
    public CommandParser commandParser(CommandRegistry registry) {
        DefaultCommandParser parser = new DefaultCommandParser(registry);
        return input -> {
            // "--threads -1": a negative number is the option's value, not another option
            ParsedInput parsed;
            try {
                parsed = parser.parse(NEGATIVE_VALUE.matcher(input.strip()).replaceAll("$1=$2"));
            } catch (RuntimeException e) {
                // the standard parser stops at an option without a value even when the command has no such
                // option: name the unknown option instead
                String unknown = unknownOption(registry, input);
                if (unknown != null) {
                    throw new IllegalArgumentException(unknown, e);
                }
                throw e;
            }
            String name = parsed.commandName();
            if (!parsed.subCommands().isEmpty()) {
                name += " " + String.join(" ", parsed.subCommands());
            }
            Command command = registry.getCommandByName(name);
            if (command != null) {
                for (CommandOption given : parsed.options()) {
                    boolean help = "help".equals(given.longName()) || given.shortName() == 'h';
                    boolean known = help || command.getOptions().stream().anyMatch(o ->
                            (!given.longName().isEmpty() && given.longName().equals(o.longName()))
                                    || (given.shortName() != ' ' && given.shortName() == o.shortName()));
                    if (!known) {
                        List<String> names = new ArrayList<>();
                        command.getOptions().forEach(o -> names.add("--" + o.longName()));
                        String shown = given.longName().isEmpty() ? "-" + given.shortName() : "--" + given.longName();
                        throw new IllegalArgumentException("unknown option " + shown + " for '" + name + "'"
                                + (names.isEmpty() ? " (it takes no options)" : " (options: "
                                        + String.join(", ", names) + ")"));
                    }
                }
            }
            return parsed;
        };
    }

    /** The first {@code --option} of a line that its command does not have, as a message; null when all are known. */
    static String unknownOption(CommandRegistry registry, String input) {
        String[] words = input.strip().split("\\s+");
        Command command = null;
        String name = null;
        for (int n = Math.min(3, words.length); n >= 1 && command == null; n--) {
            name = String.join(" ", java.util.Arrays.copyOf(words, n));
            command = registry.getCommandByName(name);
        }
        if (command == null) {
            return null;
        }
        for (String w : words) {
            if (!w.startsWith("--") || w.length() < 3) {
                continue;
            }
            String option = w.substring(2).split("=", 2)[0];
            boolean known = option.equals("help") || command.getOptions().stream()
                    .anyMatch(o -> option.equals(o.longName()));
            if (!known) {
                List<String> names = new ArrayList<>();
                command.getOptions().forEach(o -> names.add("--" + o.longName()));
                List<String> near = nl.fieldlab.sandbox.input.Suggestions.nearest("--" + option, names, 2);
                return "unknown option --" + option + " for '" + name + "'" + (names.isEmpty()
                        ? " (it takes no options)" : (near.isEmpty() ? "" : " (did you mean " + String.join(" or ",
                                near) + "?)") + " (options: " + String.join(", ", names) + ")");
            }
        }
        return null;
    }

    /**
     * With program arguments: run them as one command and exit with its code. Without: load the default scenario
     * and start the interactive shell.
     */
    @Bean
    @org.springframework.boot.autoconfigure.condition.ConditionalOnProperty(name = "fieldlab.shell.runner",
            havingValue = "true", matchIfMissing = true)
    public ApplicationRunner springShellApplicationRunner(ObjectProvider<org.jline.reader.LineReader> lineReader,
            ObjectProvider<PromptProvider> prompt, CommandParser parser,
            CommandRegistry registry, Workbench workbench, BatchExit exit,
            @Value("${fieldlab.scenario:scenarios/default.yaml}") String defaultScenario) {
        return args -> {
            String[] argv = args.getSourceArgs();
            if (argv.length > 0) {
                RunControl.installBatchInterrupt();
                PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8),
                        true);
                CommandLine.Outcome o = new CommandLine(parser, registry).execute(CommandLine.join(List.of(argv)),
                        out);
                out.flush();
                if (o.exitCode() != 0) {
                    PrintStream err = System.err;
                    err.println("error: " + o.error());
                }
                exit.set(o.exitCode());
                return;
            }
            String hello = greeting(workbench, Path.of(defaultScenario));
            Thread warmUp = new Thread(() -> {
                try {
                    workbench.warmUp();
                } catch (RuntimeException e) {
                    // a warm-up that fails changes nothing; the user's own run reports any problem
                }
            }, "fieldlab-warm-up");
            warmUp.setDaemon(true);
            warmUp.setPriority(Thread.MIN_PRIORITY);
            warmUp.start();
            org.jline.reader.LineReader reader = lineReader.getObject();
            // within the terminal's width, as every command's output (FittedLines)
            PrintWriter greet = new PrintWriter(new FittedLines(reader.getTerminal().writer(),
                    reader.getTerminal().getWidth()));
            greet.println(hello);
            greet.flush();
            PromptProvider promptProvider = prompt.getObject();
            new InteractiveShell(reader, () -> promptProvider.getPrompt().toAnsi(reader.getTerminal()),
                    new CommandLine(parser, registry), () -> workbench.whatIf().size()).run();
        };
    }

    static String greeting(Workbench workbench, Path defaultScenario) {
        StringBuilder sb = new StringBuilder("Fieldlab Sandbox " + Workbench.version()
                + " - regulation sandbox for labour-market fieldlabs\n");
        try {
            var library = workbench.rules().library();
            sb.append(String.format(Locale.ROOT, "Rules: %d from %s (%d exemptions).%n", library.ruleCount(),
                    workbench.rulesDir(), library.exemptions().size()));
            if (Files.exists(defaultScenario)) {
                Scenario s = workbench.loadScenario(defaultScenario);
                sb.append(String.format(Locale.ROOT,
                        "Scenario '%s' loaded from %s: %,d workers, %d months from %s, variants %s.%n", s.id(),
                        defaultScenario, s.workerCount(), s.months(), s.start(),
                        String.join(", ", s.variants().stream().map(v -> v.name()).toList())));
                sb.append("Type 'run', then 'compare'. 'help' lists every command; 'exit' leaves.");
            } else {
                sb.append("No default scenario at ").append(defaultScenario)
                        .append("; load one with: scenario load FILE");
            }
        } catch (RuntimeException e) {
            sb.append("warning: ").append(ExitCodes.message(e)).append('\n')
                    .append("Fix the file and use 'rules reload' or 'scenario load FILE'.");
        }
        return sb.toString();
    }
}
