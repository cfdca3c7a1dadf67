package nl.fieldlab.sandbox.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.fieldlab.sandbox.input.InputError;
import nl.fieldlab.sandbox.input.InputErrors;
import nl.fieldlab.sandbox.rules.RuleLibrary;

/**
 * Rule-case files as test-rules reads them: a word where a number belongs is an error at its line, not a parser's
 * exception; a tolerance below zero and a worker aged -5 are refused; and with the library, names the rules do not
 * know (a background, a rule a case says must not fire) are refused with the nearest.
 */
class RuleCaseInputTest {

    static final Path CASES = Path.of("rules", "cases");

    @TempDir
    Path dir;

    Path caseFile(String expectAndMore) throws IOException {
        Path f = dir.resolve("extra.yaml");
        Files.writeString(f, """
                cases:
                  - name: nonsense
                    month: 2026-03
                    question: HIRE
                """ + expectAndMore);
        return f;
    }

    static String problems(InputError e) {
        return e instanceof InputErrors many ? String.join("\n", many.problems().stream().map(InputError::getMessage)
                .toList()) : e.getMessage();
    }

    InputError fails(String more) throws IOException {
        Path f = caseFile(more);
        RuntimeException e = assertThrows(RuntimeException.class, () -> RuleCaseLoader.load(f, CASES));
        assertTrue(e instanceof InputError, "an input error, not " + e);
        assertFalse(e.getMessage().contains("Exception") || e.getMessage().contains("tools.jackson"), e.getMessage());
        return (InputError) e;
    }

    @Test
    void aWordWhereAPaymentBelongsIsAnErrorAtItsLine() throws IOException {
        InputError e = fails("    expect:\n      payments: {WAGE: lots}\n");
        assertTrue(problems(e).contains("extra.yaml:6: cases[0].expect.payments.WAGE: expected a number, got 'lots'"),
                problems(e));
    }

    @Test
    void wordsWhereNumbersAndSwitchesBelongAreAllErrors() throws IOException {
        InputError e = fails("    startYear: soon\n    afterTrial: maybe\n    rampUpPct: full\n"
                + "    expect: {allowed: true, month: first, tolerance: wide}\n");
        String all = problems(e);
        for (String field : List.of("cases[0].startYear: expected a whole number, got 'soon'",
                "cases[0].afterTrial: expected true or false, got 'maybe'",
                "cases[0].rampUpPct: expected a whole number, got 'full'",
                "cases[0].expect.month: expected a whole number, got 'first'",
                "cases[0].expect.tolerance: expected a number, got 'wide'")) {
            assertTrue(all.contains(field), field + " in:\n" + all);
        }
    }

    @Test
    void aNegativeToleranceAndAWorkerAgedMinusFiveAreRefused() throws IOException {
        InputError e = fails("    worker: {age: -5}\n    expect: {allowed: true, tolerance: -1}\n");
        assertTrue(problems(e).contains("extra.yaml:5: cases[0].worker.age: expected 13 to 99 years, got -5 (at least "
                + "13)"), problems(e));
        assertTrue(problems(e).contains("extra.yaml:6: cases[0].expect.tolerance: expected 0 to 100 (euro or units of "
                + "the value), got -1 (at least 0)"), problems(e));
    }

    @Test
    void aPaymentTypeMisspeltIsAnErrorNotAFailingCase() throws IOException {
        InputError e = fails("    expect:\n      payments: {WAGES: 100}\n");
        assertTrue(problems(e).contains("cases[0].expect.payments.WAGES: expected one of") && problems(e)
                .contains("(did you mean 'WAGE'"), problems(e));
    }

    @Test
    void namesTheRulesDoNotKnowAreRefusedWithTheLibrary() throws IOException {
        RuleLibrary library = RuleLibrary.load(Path.of("rules"));
        Path f = caseFile("    worker: {background: VS0}\n    employer: {trainingFund: OTBI}\n"
                + "    parameters: {quota-levy.active: 7}\n"
                + "    expect:\n      notFired: [WW-WEEK-REQUIRMENT]\n      notGroups: [LKS_TRAGET]\n");
        InputError e = assertThrows(InputError.class, () -> RuleCaseLoader.load(f, CASES, library));
        String all = problems(e);
        for (String expected : List.of("cases[0].worker.background: no rule knows background 'VS0'",
                "cases[0].employer.trainingFund: no rule knows trainingFund 'OTBI' (did you mean 'OTIB'?)",
                "cases[0].parameters.quota-levy.active: expected 0 or 1",
                "cases[0].expect.notFired[0]: no rule 'WW-WEEK-REQUIRMENT' in the rules (did you mean "
                        + "'WW-WEEK-REQUIREMENT'?)",
                "cases[0].expect.notGroups[0]: no target group 'LKS_TRAGET' in the rules (did you mean "
                        + "'LKS_TARGET'?)")) {
            assertTrue(all.contains(expected), expected + " in:\n" + all);
        }
        // the same file without the library reads (only what the file itself says is checked)
        assertEquals(1, RuleCaseLoader.load(f, CASES).size());
    }

    @Test
    void theWordsTheRulesUseAreTheKnownSets() {
        RuleLibrary library = RuleLibrary.load(Path.of("rules"));
        assertEquals(List.of("ID", "LKS", "NONE", "PRAKTIJKROUTE", "PRO", "SCHOLINGSBELEMMERD", "VSO", "WAJONG",
                "WAJONG-DGA", "WIA-IVA", "WIW", "WSW"), List.copyOf(library.textValues("worker.background")));
        assertEquals(List.of("AO-METALEKTRO", "NONE", "OTIB"), List.copyOf(library.textValues("employer.trainingFund")));
    }
}
