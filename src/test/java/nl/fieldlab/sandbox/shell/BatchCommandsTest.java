package nl.fieldlab.sandbox.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.shell.core.command.CommandParser;
import org.springframework.shell.core.command.CommandRegistry;

import nl.fieldlab.sandbox.app.ExitCodes;

/** The commands as batch mode runs them: output, exit codes and one-line errors. */
class BatchCommandsTest extends ShellTestSupport {


    @TempDir
    Path tmp;


    @Test
    void runWritesTheReportAndExitsZero() throws IOException {
        Path out = tmp.resolve("smoke");
        CommandLine.Outcome o = run("run scenarios/smoke.yaml --out " + out);
        assertEquals(ExitCodes.OK, o.exitCode(), o.error());
        assertTrue(o.output().contains("Ran 'smoke'"), o.output());
        assertTrue(Files.exists(out.resolve("report.json")));
        assertTrue(Files.readString(out.resolve("manifest.json")).contains("\"scenarioSha256\""));
    }

    @Test
    void twoRunsGiveTheSameReportJson() throws IOException {
        assertEquals(0, run("run scenarios/smoke.yaml --out " + tmp.resolve("a")).exitCode());
        assertEquals(0, run("run scenarios/smoke.yaml --out " + tmp.resolve("b")).exitCode());
        assertEquals(Files.readString(tmp.resolve("a/report.json")), Files.readString(tmp.resolve("b/report.json")));
    }

    @Test
    void compareAfterRunShowsDifferences() {
        assertEquals(0, run("run scenarios/smoke.yaml --out " + tmp.resolve("c")).exitCode());
        CommandLine.Outcome o = run("compare");
        assertEquals(0, o.exitCode(), o.error());
        assertTrue(o.output().contains("Difference to the baseline"), o.output());
        assertTrue(o.output().contains("placements"));
        assertFalse(o.output().contains("sideJobMonths"), "without options, the headline metrics only");
        assertTrue(o.output().contains("compare --all shows every one"), o.output());
        assertTrue(run("compare --all").output().contains("sideJobMonths"));
        CommandLine.Outcome one = run("compare --metric placements");
        assertTrue(one.output().contains("(reference)"), one.output());
        assertTrue(o.output().contains("'why VARIANT' says what a variant changed"), o.output());

        // why: was an unknown command; the why-worse text lived only in report.md
        CommandLine.Outcome why = run("why E2");
        assertEquals(0, why.exitCode(), why.error());
        assertTrue(why.output().startsWith("Why E2 does what it does"), why.output());
        assertTrue(why.output().contains("trial placements started") && why.output().contains("trial-screening"),
                "every channel the mechanisms track:\n" + why.output());
        assertTrue(why.output().contains("explain "), "a worker to follow with explain:\n" + why.output());
        CommandLine.Outcome none = run("why baseline");
        assertEquals(ExitCodes.BAD_INPUT, none.exitCode());
        assertTrue(none.error().contains("no variant 'baseline' to set against the baseline"), none.error());
        assertTrue(run("why").error().contains("give a variant, e.g. why E2"), run("why").error());
    }

    @Test
    void invalidScenarioExitsOneWithFileLineAndField() throws IOException {
        Path bad = tmp.resolve("bad.yaml");
        Files.writeString(bad, Files.readString(Path.of("scenarios/smoke.yaml")).replace("count: 60", "count: -60"));
        CommandLine.Outcome o = run("validate " + bad);
        assertEquals(ExitCodes.BAD_INPUT, o.exitCode());
        assertTrue(o.error().matches(".*bad\\.yaml:\\d+: workers\\[0]\\.count: expected a count from 0 to 10,000,000"),
                o.error());
        assertFalse(o.error().contains("Exception"), o.error());
    }

    @Test
    void unknownOptionIsRefused() {
        CommandLine.Outcome o = run("run scenarios/smoke.yaml --replicatons 3");
        assertEquals(ExitCodes.BAD_INPUT, o.exitCode());
        assertTrue(o.error().contains("unknown option --replicatons"), o.error());
    }

    @Test
    void badNumberIsOneLine() {
        CommandLine.Outcome o = run("run scenarios/smoke.yaml --seed abc");
        assertEquals(ExitCodes.BAD_INPUT, o.exitCode());
        assertEquals("expected a whole number, got 'abc'", o.error());
    }

    @Test
    void schemaPrintsThePublishedSchemaAndSuggestsAKind() throws IOException {
        CommandLine.Outcome o = run("schema scenario");
        assertEquals(ExitCodes.OK, o.exitCode(), o.error());
        assertEquals(Files.readString(Path.of("scenarios/scenario.schema.json")).stripTrailing(), o.output().stripTrailing());
        CommandLine.Outcome typo = run("schema exemptoin");
        assertEquals(ExitCodes.BAD_INPUT, typo.exitCode());
        assertTrue(typo.error().contains("no schema for 'exemptoin' (did you mean 'exemption'?)"), typo.error());
    }

    @Test
    void unknownCommandIsRefused() {
        assertEquals(ExitCodes.BAD_INPUT, run("frobnicate").exitCode());
    }

    @Test
    void validateAcceptsTheDefaultScenario() {
        CommandLine.Outcome o = run("validate scenarios/default.yaml");
        assertEquals(0, o.exitCode(), o.error());
        assertTrue(o.output().contains("valid"));
    }

    @Test
    void rulesListNamesSources() {
        CommandLine.Outcome o = run("rules list");
        assertEquals(0, o.exitCode(), o.error());
        assertTrue(o.output().contains("WML-ADULT"));
        assertTrue(o.output().contains("Participatiewet art. 10d"));
        CommandLine.Outcome e2 = run("rules list --exemption E2");
        assertTrue(e2.output().contains("Suspends: TRIAL-UWV-DURATION"), e2.output());
    }

    @Test
    void testRulesPassesOnTheShippedCases() {
        CommandLine.Outcome o = run("test-rules rules/cases/trial-placement.yaml");
        assertEquals(0, o.exitCode(), o.error());
        assertTrue(o.output().contains("0 failed"), o.output());
    }

    @Test
    void testRulesFailsWithExitTwoOnAWrongExpectation() throws IOException {
        Path cases = tmp.resolve("wrong.yaml");
        Files.writeString(cases, """
                cases:
                  - name: adult minimum wage is not 10 euro
                    month: 2026-01
                    question: HIRE
                    worker: {age: 30}
                    expect:
                      amounts: {minimum-wage.hourly: 10.00}
                """);
        CommandLine.Outcome o = run("test-rules " + cases);
        assertEquals(ExitCodes.CHECKS_FAILED, o.exitCode());
        assertTrue(o.output().contains("FAIL"), o.output());
        assertTrue(o.output().contains("14.71"), o.output());
    }

    @Test
    void aScriptGoesOnAfterFailedExpectationsAndExitsTwoUnlessStrict() throws IOException {
        // the smoke scenario with an expectation that cannot hold (fewer than 0 placements)
        String scenario = Files.readString(Path.of("scenarios/smoke.yaml")).replace("id: smoke", "id: smoke-expect")
                + "\nexpect:\n  - {variant: baseline, metric: placements, below: 0}\n";
        Path file = tmp.resolve("smoke-expect.yaml");
        Files.writeString(file, scenario);
        Path script = tmp.resolve("session.txt");
        Files.writeString(script, "run " + file + " --out " + tmp.resolve("r1") + "\nversion\n");

        CommandLine.Outcome o = run("script " + script);
        assertEquals(ExitCodes.CHECKS_FAILED, o.exitCode(), o.error());
        assertTrue(o.output().contains("the script goes on"), o.output());
        assertTrue(o.output().contains("> version") && o.output().contains("Fieldlab Sandbox"),
                "the line after the failed expectation ran:\n" + o.output());
        assertTrue(o.error().contains("checks failed on 1 line"), o.error());

        Files.writeString(script, "run " + file + " --out " + tmp.resolve("r2") + "\nversion\n");
        CommandLine.Outcome strict = run("script " + script + " --strict");
        assertEquals(ExitCodes.CHECKS_FAILED, strict.exitCode(), strict.error());
        assertFalse(strict.output().contains("> version"), "--strict stops at the failed line:\n" + strict.output());
    }
}
