package nl.fieldlab.sandbox.parameters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.fieldlab.sandbox.TestRuns;
import nl.fieldlab.sandbox.input.InputError;
import nl.fieldlab.sandbox.input.InputErrors;
import nl.fieldlab.sandbox.rules.RuleLibrary;

/**
 * Every parameter value has a range, from its file (min, max) or its unit: values out of it, in a parameter file or
 * an exemption declaration, and dated values out of order, are errors at their line; exemption scopes that reach no
 * month or no age are too. The shipped library is within every range.
 */
class ParameterRangeTest {

    @TempDir
    Path dir;

    Path parameterFile(String text) throws IOException {
        Path f = dir.resolve("extra.yaml");
        Files.writeString(f, text);
        return f;
    }

    static String problems(InputError e) {
        return e instanceof InputErrors many ? String.join("\n", many.problems().stream().map(InputError::getMessage)
                .toList()) : e.getMessage();
    }

    @Test
    void datedValuesOutOfOrderAreRefusedNotSorted() throws IOException {
        Path f = parameterFile("""
                extra.one:
                  unit: EUR
                  reference: test
                  values:
                    - {from: 2026-01, value: 2, source: "test"}
                    - {from: 2025-01, value: 1, source: "test"}
                """);
        InputError e = assertThrows(InputError.class, () -> ParameterLoader.read(f));
        assertTrue(problems(e).contains("extra.yaml:6: extra.one.values[1].from: 2025-01 comes before the value above "
                + "it (2026-01); keep the values in ascending order of date"), problems(e));
    }

    @Test
    void aShareBelowZeroIsRefusedWithTheLeastThereIs() throws IOException {
        Path f = parameterFile("""
                extra.one:
                  unit: share
                  reference: test
                  values:
                    - {from: 2026-01, value: -0.5, source: "test"}
                """);
        InputError e = assertThrows(InputError.class, () -> ParameterLoader.read(f));
        assertTrue(problems(e).contains("extra.yaml:5: extra.one.values[0].value: expected 0 to 1 (unit share; a "
                + "share), got -0.5 (at least 0)"), problems(e));
    }

    @Test
    void aUnitWithoutARangeNeedsADeclaredOneAndTheDeclaredOneHolds() throws IOException {
        String widgets = """
                extra.one:
                  unit: widgets
                  reference: test
                %s  values:
                    - {from: 2026-01, value: 30, source: "test"}
                """;
        InputError undeclared = assertThrows(InputError.class, () -> ParameterLoader.read(parameterFile(
                widgets.formatted(""))));
        assertTrue(problems(undeclared).contains("extra.one.unit: unit 'widgets' has no known range; declare min: and "
                + "max: for this parameter"), problems(undeclared));
        InputError outside = assertThrows(InputError.class, () -> ParameterLoader.read(parameterFile(
                widgets.formatted("  min: 1\n  max: 10\n"))));
        assertTrue(problems(outside).contains("got 30 (at most 10)"), problems(outside));
        Parameter ok = ParameterLoader.read(parameterFile(widgets.formatted("  min: 1\n  max: 100\n"))).get(0);
        assertNull(ok.problem(100));
        assertTrue(ok.problem(101).endsWith("(at most 100)"), ok.problem(101));
    }

    @Test
    void aSwitchIsZeroOrOne() {
        Units.Range flag = Units.of("0/1");
        assertNull(Parameter.problem(1, flag, "0/1"));
        assertEquals("expected 0 or 1 (unit 0/1; a switch: 0 or 1), got 0.5 (a whole number)",
                Parameter.problem(0.5, flag, "0/1"));
    }

    /** The rules folder copied, with one exemption file edited. */
    Path rulesWith(String exemption, String from, String to) throws IOException {
        Path rules = TestRuns.copyTree(Path.of("rules"), dir.resolve("rules"));
        Path f = rules.resolve("exemptions").resolve(exemption);
        String text = Files.readString(f);
        assertTrue(text.contains(from), from);
        Files.writeString(f, text.replace(from, to));
        return rules;
    }

    @Test
    void anExemptionParameterOfMinusSixOrABillionMonthsIsRefused() throws IOException {
        String six = "{from: 2026-01, value: 6, source: \"S89 (design choice)\"}";
        for (String value : new String[] {"-6", "1e9"}) {
            Path rules = rulesWith("E2-longer-trial-placement.yaml", six, six.replace("value: 6", "value: " + value));
            InputError e = assertThrows(InputError.class, () -> RuleLibrary.load(rules));
            assertTrue(problems(e).contains("parameters.e2.trial.max-months.values[0].value: expected 0 to 9,999 (unit "
                    + "months; 9999 months stands for 'as long as the job lasts')"), problems(e));
            org.springframework.util.FileSystemUtils.deleteRecursively(rules);
        }
    }

    @Test
    void anExemptionScopeThatEndsBeforeItStartsIsRefused() throws IOException {
        Path rules = rulesWith("E2-longer-trial-placement.yaml", "until: 2028-12", "until: 2025-12");
        InputError e = assertThrows(InputError.class, () -> RuleLibrary.load(rules));
        // the line of scope.until in the shipped declaration (its legal route above it grows as it is researched)
        List<String> shipped = Files.readAllLines(Path.of("rules/exemptions/E2-longer-trial-placement.yaml"));
        int line = shipped.indexOf("  until: 2028-12") + 1;
        assertTrue(line > 0, "update the test: E2's scope no longer ends in 2028-12");
        assertTrue(problems(e).contains("E2-longer-trial-placement.yaml:" + line + ": scope.until: the scope ends (2025-12) "
                + "before it starts (from 2026-01): it would cover no month"), problems(e));
    }

    @Test
    void everyShippedParameterAndExemptionValueIsInItsRange() {
        RuleLibrary library = RuleLibrary.load(Path.of("rules"));
        int checked = 0;
        for (Parameter p : library.parameters().all()) {
            for (DatedValue v : p.values()) {
                assertNull(p.problem(v.value()), p.key() + " from " + v.from());
                checked++;
            }
        }
        for (var e : library.exemptions()) {
            for (Parameter p : e.parameters().values()) {
                for (DatedValue v : p.values()) {
                    assertNull(p.problem(v.value()), e.id() + " " + p.key());
                    checked++;
                }
            }
        }
        assertTrue(checked > 200, "values checked: " + checked);
    }
}
