package nl.fieldlab.sandbox.shell;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.shell.core.command.CommandParser;
import org.springframework.shell.core.command.CommandRegistry;

/**
 * The application context as batch mode uses it, without starting a shell: tests send command lines through
 * {@link CommandLine}, as {@code java -jar fieldlab.jar ...} does.
 */
@SpringBootTest(properties = {"spring.shell.interactive.enabled=false", "fieldlab.shell.runner=false"})
@org.springframework.context.annotation.Import(NoShellRunner.class)
abstract class ShellTestSupport {

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
