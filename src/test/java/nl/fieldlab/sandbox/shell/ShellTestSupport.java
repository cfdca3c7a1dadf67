package nl.fieldlab.sandbox.shell;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.shell.core.command.CommandParser;
import org.springframework.shell.core.command.CommandRegistry;

/**
 * The application context as batch mode uses it, without starting a shell: tests send command lines through
 * {@link CommandLine}, as {@code java -jar fieldlab.jar ...} does.
 */
@SpringBootTest(properties = {"spring.shell.interactive.enabled=false", "fieldlab.shell.runner=false"})
abstract class ShellTestSupport {

    @TestConfiguration
    static class NoShell {
        @Bean
        ApplicationRunner springShellApplicationRunner() {
            return args -> {
            };
        }
    }

    @Autowired
    CommandParser parser;
    @Autowired
    CommandRegistry registry;

    CommandLine.Outcome run(String line) {
        return new CommandLine(parser, registry).execute(line);
    }

    /** Runs a line that must succeed. */
    CommandLine.Outcome ok(String line) {
        CommandLine.Outcome o = run(line);
        org.junit.jupiter.api.Assertions.assertEquals(nl.fieldlab.sandbox.app.ExitCodes.OK, o.exitCode(),
                line + ": " + o.error());
        return o;
    }
}
