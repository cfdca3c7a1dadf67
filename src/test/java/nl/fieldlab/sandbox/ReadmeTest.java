package nl.fieldlab.sandbox;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import nl.fieldlab.sandbox.scenario.Behaviour;
import nl.fieldlab.sandbox.simulation.Metrics;

/** The README documents every behaviour default and every headline metric as the code has them. */
class ReadmeTest {

    @Test
    void everyBehaviourDefaultIsDocumentedWithItsValue() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        Behaviour.documented().forEach((key, d) -> {
            String value = BigDecimal.valueOf(d.value()).stripTrailingZeros().toPlainString();
            boolean found = readme.lines().anyMatch(l -> l.startsWith("| `" + key + "` |")
                    && l.replace(" ", "").contains("|" + value + "|") || l.startsWith("| `" + key + "` |")
                    && l.contains("| " + d.value() + " |"));
            assertTrue(found, "README.md lacks the row for " + key + " with default " + value);
        });
    }

    @Test
    void everyHeadlineMetricIsNamed() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        Metrics.DESCRIPTIONS.keySet().forEach(m -> assertTrue(readme.contains("`" + m + "`"), m));
    }
}
