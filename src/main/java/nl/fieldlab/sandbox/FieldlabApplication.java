package nl.fieldlab.sandbox;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Fieldlab Sandbox. Without arguments it starts the interactive shell with the default scenario loaded; with
 * arguments it runs them as one command and exits with that command's exit code (see {@code ExitCodes}).
 */
@SpringBootApplication
public class FieldlabApplication {

    public static void main(String[] args) {
        SpringApplication app = new SpringApplication(FieldlabApplication.class);
        // program arguments are a command, not Spring settings: pass those as -D...
        app.setAddCommandLineProperties(false);
        if (args.length > 0) {
            app.setDefaultProperties(Map.of("spring.shell.interactive.enabled", "false"));
        }
        ConfigurableApplicationContext context = app.run(args);
        System.exit(SpringApplication.exit(context));
    }
}
