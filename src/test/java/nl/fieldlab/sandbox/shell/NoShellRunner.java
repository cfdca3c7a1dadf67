package nl.fieldlab.sandbox.shell;

import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Replaces the shell runner in tests: the context starts, no shell reads input. */
@TestConfiguration
class NoShellRunner {

    @Bean
    ApplicationRunner springShellApplicationRunner() {
        return args -> {
        };
    }
}
