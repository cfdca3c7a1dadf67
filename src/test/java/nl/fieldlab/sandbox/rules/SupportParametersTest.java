package nl.fieldlab.sandbox.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.fieldlab.sandbox.TestRuns;
import nl.fieldlab.sandbox.input.InputError;

/**
 * A process support's own parameters are parameters like an exemption's: the library knows their keys and ranges
 * (so set, sweep and rules check see them), and a variant reads them, with its overrides, only when it names the
 * support.
 */
class SupportParametersTest {

    @TempDir
    static Path dir;
    static RuleLibrary library;

    @BeforeAll
    static void rulesWithASprint() throws IOException {
        Path rules = TestRuns.copyTree(TestRuns.RULES, dir.resolve("rules"));
        Files.writeString(rules.resolve("support/P7-sprint.yaml"), ProcessSupportTest.SPRINT);
        library = RuleLibrary.load(rules);
    }

    @Test
    void theLibraryKnowsASupportsParameterAndItsRange() {
        assertTrue(library.knowsParameter("p7.months"));
        assertTrue(library.parameterKeys().contains("p7.months"));
        assertNotNull(library.parameterProblem("p7.months", 40), "at most 24, as its file says");
        assertNull(library.parameterProblem("p7.months", 6), "near miss: inside the range");
        assertFalse(TestRuns.library().knowsParameter("p7.months"), "the shipped rules declare no P7");
    }

    @Test
    void aVariantThatNamesTheSupportReadsItsValueOrItsOverride() {
        ProcessSupport p7 = library.supports().get("P7");
        RuleBase plain = RuleBase.compile(library, new Variant("sprint", List.of(), Map.of(), Map.of(), List.of("P7")));
        assertEquals(4, plain.supportValue(p7, "months", YearMonth.of(2026, 3)));
        assertEquals(4, plain.supportValue(p7, "months", YearMonth.of(2020, 1)), "before its first date: its first value");
        assertEquals(p7.parameters().get("p7.months"), plain.parameter("p7.months"));
        RuleBase longer = plain.withVariant(new Variant("longer", List.of(), Map.of("p7.months", 6.0), Map.of(),
                List.of("P7")));
        assertEquals(6, longer.supportValue(p7, "months", YearMonth.of(2026, 3)));
        assertThrows(IllegalArgumentException.class, () -> plain.supportValue(p7, "length", YearMonth.of(2026, 3)));
    }

    @Test
    void aVariantWithoutTheSupportCannotSetItsParameter() {
        RuleCompileException e = assertThrows(RuleCompileException.class, () -> RuleBase.compile(library,
                new Variant("other", List.of(), Map.of("p7.months", 6.0), Map.of(), List.of())));
        assertTrue(e.getMessage().contains("'p7.months' is a parameter of support P7, which the variant does not name"),
                e.getMessage());
    }

    @Test
    void aSupportParameterMayNotShareAnExemptionsKey() throws IOException {
        Path rules = TestRuns.copyTree(TestRuns.RULES, dir.resolve("clash"));
        Files.writeString(rules.resolve("support/P7-sprint.yaml"), ProcessSupportTest.SPRINT.replace("id: P7", "id: E8X")
                .replace("p7.months", "e8x.months").replace("  e8x.months:", "  e8x.months:"));
        Path e8 = rules.resolve("exemptions/E8-outcome-fund.yaml");
        Files.writeString(e8, Files.readString(e8).replace("  e8.investor-return-cap:", "  e8x.months:\n"
                + "    unit: months\n    value: 4\n    source: x\n  e8.investor-return-cap:"));
        InputError e = assertThrows(InputError.class, () -> RuleLibrary.load(rules));
        assertTrue(e.getMessage().contains("'e8x.months' is also a parameter of exemption E8"), e.getMessage());
    }
}
