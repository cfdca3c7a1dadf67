package nl.fieldlab.sandbox;

import java.util.LinkedHashMap;
import java.util.Map;

import nl.fieldlab.sandbox.shell.RunControl;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * Fieldlab Sandbox. Without arguments it starts the interactive shell with the default scenario loaded; with
 * arguments it runs them as one command and exits with that command's exit code (see {@code ExitCodes}).
 */
@SpringBootApplication
public class FieldlabApplication {

    public static void main(String[] args) {
        answerEarlyInterrupts(args);
        System.exit(run(args, Map.of()));
    }

    /**
     * In batch mode, a Ctrl-C while Spring starts (about 2 s, before any command runs) says that nothing was written
     * and ends with 130; Java's own handler ended the process in silence. The command installs its own handler
     * once it runs ({@link RunControl#installBatchInterrupt}).
     */
    static void answerEarlyInterrupts(String[] args) {
        if (args.length > 0) {
            RunControl.installStartupInterrupt();
        }
    }

    /**
     * Runs the application as {@code java -jar} does and returns its exit code, with {@code settings} as Spring
     * settings above application.properties ({@code -D} system properties still win). Tests run the bad-input corpus through here.
     */
    public static int run(String[] args, Map<String, Object> settings) {
        SpringApplication app = new SpringApplication(FieldlabApplication.class);
        // program arguments are a command, not Spring settings: pass those as -D...
        app.setAddCommandLineProperties(false);
        if (args.length > 0) {
            app.setDefaultProperties(Map.of("spring.shell.interactive.enabled", "false"));
        }
        if (!settings.isEmpty()) {
            // above application.properties, below -D system properties
            app.addInitializers(context -> context.getEnvironment().getPropertySources().addAfter(
                    StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME,
                    new MapPropertySource("fieldlab-settings", new LinkedHashMap<>(settings))));
        }
        ConfigurableApplicationContext context = app.run(args);
        return SpringApplication.exit(context);
    }
}
