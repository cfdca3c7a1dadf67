package nl.fieldlab.sandbox.cases;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import nl.fieldlab.sandbox.rules.RuleLibrary;

/** Every rule case under rules/cases/ is one test: a policy adviser's case fails the build when the rules change. */
class RuleCasesTest {

    static final Path RULES = Path.of("rules");

    @TestFactory
    Stream<DynamicTest> ruleCases() {
        RuleLibrary library = RuleLibrary.load(RULES);
        // read as test-rules reads them: the names they use checked against the library they run on
        List<RuleCase> cases = RuleCaseLoader.load(RULES.resolve("cases"), RULES.resolve("cases"), library);
        RuleCaseRunner runner = new RuleCaseRunner(library);
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.file() + " - " + c.name(), () -> {
            RuleCaseRunner.Result r = runner.run(c);
            if (r.error() != null) {
                fail(c.where() + ": " + r.error());
            }
            assertNotNull(r.answer());
            if (!r.passed()) {
                fail(c.where() + ": " + r.failures().stream()
                        .map(f -> f.what() + ": expected " + f.expected() + ", got " + f.actual())
                        .collect(Collectors.joining("; ")));
            }
        }));
    }

    /** Cases in subfolders (the peer suite under cases/peer/) are read and run like the others, here and by test-rules. */
    @Test
    void casesInSubfoldersAreRunToo() {
        List<RuleCase> cases = RuleCaseLoader.load(RULES.resolve("cases"), RULES.resolve("cases"));
        long peer = cases.stream().filter(c -> c.file().replace('\\', '/').contains("cases/peer/")).count();
        assertTrue(peer >= 25, "the peer suite's cases under rules/cases/peer/ are loaded: " + peer);
    }
}
