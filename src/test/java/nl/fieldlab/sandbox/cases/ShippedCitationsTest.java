package nl.fieldlab.sandbox.cases;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import nl.fieldlab.sandbox.rules.Sources;
import nl.fieldlab.sandbox.scenario.Behaviour;

/**
 * What the tool ships beside the rules - its behaviour values and mechanisms, and the scenarios, calibration targets
 * and evidence rows under scenarios/ - cites sources a reader can look up: every source id resolves in the shipped
 * register (rules/sources.yaml), and nothing cites the domain brief.
 */
class ShippedCitationsTest {

    @Test
    void everySourceIdOutsideTheRulesResolvesInTheRegisterAndNoneCitesTheBrief() throws IOException {
        Sources register = nl.fieldlab.sandbox.TestRuns.library().sources();
        Map<String, String> files = new LinkedHashMap<>();
        for (String name : Behaviour.BUILT_IN_FILES) {
            files.put("built-in " + name, Behaviour.builtInText(name));
        }
        try (Stream<Path> paths = Files.walk(Path.of("scenarios"))) {
            for (Path p : paths.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                files.put(p.toString(), Files.readString(p));
            }
        }
        List<String> problems = new ArrayList<>();
        files.forEach((file, text) -> {
            String[] lines = text.split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                for (String id : Sources.ids(lines[i])) {
                    if (register.get(id) == null) {
                        problems.add(file + ":" + (i + 1) + ": cites " + id + ", which rules/sources.yaml does not list");
                    }
                }
                Matcher brief = RuleCheck.BRIEF.matcher(lines[i]);
                if (brief.find()) {
                    problems.add(file + ":" + (i + 1) + ": cites the domain brief ('" + brief.group().strip() + "')");
                }
            }
        });
        assertTrue(files.size() > 10, "the scenarios folder was read: " + files.keySet());
        assertTrue(problems.isEmpty(), () -> problems.size() + " citations no reader can follow:\n"
                + String.join("\n", problems));
    }
}
