package nl.fieldlab.sandbox.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.fieldlab.sandbox.domain.Status;
import nl.fieldlab.sandbox.input.InputError;

/** Scenario files: a good one loads; bad ones fail with the file, line and field named. */
class ScenarioLoaderTest {

    static final String GOOD = """
            id: tiny
            description: A tiny scenario
            start: 2026-01
            months: 6
            seed: 1
            replications: 3
            workers:
              - group: ww
                count: 10
                status: WW
                age: {min: 30, max: 40}
                education: {MBO2: 1.0}
                field: metal
            employers:
              - group: installers
                count: 2
                sector: installation
                field: electrical
                staff: 10
                vacancyRate: 0.5
                requiredEducation: MBO2
                hourlyWage: 17.5
                hoursPerWeek: 38
            variants:
              - name: baseline
              - name: E2
                exemptions: [E2]
            """;

    @TempDir
    Path dir;

    Path write(String text) throws IOException {
        Path f = dir.resolve("s.yaml");
        Files.writeString(f, text);
        return f;
    }

    InputError fails(String text) throws IOException {
        return assertThrows(InputError.class, () -> ScenarioLoader.load(write(text)));
    }

    @Test
    void loadsAGoodFile() throws IOException {
        Scenario s = ScenarioLoader.load(write(GOOD));
        assertEquals("tiny", s.id());
        assertEquals(10, s.workerCount());
        assertEquals(Status.WW, s.workers().get(0).status());
        assertEquals("baseline", s.variants().get(0).name());
        assertEquals(64, s.sha256().length());
    }

    @Test
    void loadsTheShippedScenarios() {
        assertEquals("default", ScenarioLoader.load(Path.of("scenarios/default.yaml")).id());
        assertEquals("smoke", ScenarioLoader.load(Path.of("scenarios/smoke.yaml")).id());
    }

    static final String MUNICIPAL = GOOD.replace("start: 2026-01\n", """
            start: 2026-01
            municipality:
              name: Example
              policy:
                lks.flat-rate.months: {value: 6, source: "Beleidsregels loonkostensubsidie Example 2024, art. 3"}
            """);

    /** Knows two parameters, of which only the flat-rate months are a municipal choice. */
    static final ScenarioContext MUNICIPAL_CONTEXT = new ScenarioContext(null,
            k -> k.equals("lks.flat-rate.months") || k.equals("wml.hourly.adult"),
            k -> k.equals("lks.flat-rate.months"), null, id -> null, null, null, null);

    @Test
    void aMunicipalityPolicyAppliesToEveryVariant() throws IOException {
        Scenario s = ScenarioLoader.load(write(MUNICIPAL), MUNICIPAL_CONTEXT);
        assertEquals("Example", s.municipality().name());
        for (var v : s.variants()) {
            assertEquals(java.util.Map.of("lks.flat-rate.months", 6.0), v.local(), v.name());
            assertTrue(v.parameters().isEmpty(), "the policy is not a variant override");
        }
        assertTrue(ScenarioLoader.load(write(GOOD)).variants().stream().allMatch(v -> v.local().isEmpty()),
                "without a municipality every municipal option stays at its file default");
    }

    @Test
    void aNationalParameterCannotBeAMunicipalChoice() throws IOException {
        Path f = write(MUNICIPAL.replace("lks.flat-rate.months: {", "wml.hourly.adult: {"));
        InputError e = assertThrows(InputError.class, () -> ScenarioLoader.load(f, MUNICIPAL_CONTEXT));
        assertEquals("municipality.policy.wml.hourly.adult", e.field());
        assertTrue(e.getMessage().contains("national law, not a municipal choice"), e.getMessage());
    }

    @Test
    void aMunicipalChoiceNeedsItsSource() throws IOException {
        Path f = write(MUNICIPAL.replace(", source: \"Beleidsregels loonkostensubsidie Example 2024, art. 3\"", ""));
        InputError e = assertThrows(InputError.class, () -> ScenarioLoader.load(f, MUNICIPAL_CONTEXT));
        assertTrue(e.getMessage().contains("source"), e.getMessage());
    }

    @Test
    void unknownKeyNamesLineAndField() throws IOException {
        InputError e = fails(GOOD.replace("    field: metal\n", "    field: metal\n    colour: blue\n"));
        assertEquals(14, e.line());
        assertEquals("workers[0].colour", e.field());
        assertTrue(e.getMessage().contains("unknown field 'colour'"), e.getMessage());
        assertTrue(e.getMessage().contains("fields here: group, count, status"), e.getMessage());
    }

    @Test
    void wrongTypeNamesLineAndField() throws IOException {
        InputError e = fails(GOOD.replace("count: 10", "count: ten"));
        assertEquals(9, e.line());
        assertEquals("workers[0].count", e.field());
        assertTrue(e.getMessage().contains("expected a whole number, got 'ten'"), e.getMessage());
    }

    @Test
    void negativeCountNamesLineAndField() throws IOException {
        InputError e = fails(GOOD.replace("count: 10", "count: -5"));
        assertEquals(9, e.line());
        assertEquals("workers[0].count", e.field());
        assertTrue(e.getMessage().startsWith(e.file() + ":9: workers[0].count: expected a count from 0 to 10,000,000"),
                e.getMessage());
    }

    @Test
    void unknownStatusListsTheChoices() throws IOException {
        InputError e = fails(GOOD.replace("status: WW", "status: RETIRED"));
        assertEquals("workers[0].status", e.field());
        assertTrue(e.getMessage().contains("one of EMPLOYED, WW, BIJSTAND, WAJONG, NONE"), e.getMessage());
    }

    @Test
    void sharesMustSumToOne() throws IOException {
        InputError e = fails(GOOD.replace("{MBO2: 1.0}", "{MBO2: 0.5, MBO3: 0.3}"));
        assertEquals("workers[0].education", e.field());
        assertEquals(12, e.line());
    }

    @Test
    void baselineIsRequired() throws IOException {
        InputError e = fails(GOOD.replace("  - name: baseline\n", ""));
        assertEquals("variants", e.field());
        assertTrue(e.getMessage().contains("'baseline'"));
    }

    @Test
    void badMonthIsNamed() throws IOException {
        InputError e = fails(GOOD.replace("start: 2026-01", "start: January"));
        assertEquals(3, e.line());
        assertEquals("start", e.field());
    }

    @Test
    void missingRequiredFieldIsNamed() throws IOException {
        InputError e = fails(GOOD.replace("seed: 1\n", ""));
        assertTrue(e.getMessage().contains("seed"), e.getMessage());
    }

    @Test
    void unknownBehaviourValueIsNamed() throws IOException {
        InputError e = fails(GOOD + "behaviour:\n  hire.bse: 0.5\n");
        assertEquals("behaviour.hire.bse", e.field());
        assertEquals(29, e.line());
    }

    @Test
    void missingFileIsOneLine() {
        InputError e = assertThrows(InputError.class, () -> ScenarioLoader.load(dir.resolve("nope.yaml")));
        assertTrue(e.getMessage().endsWith("nope.yaml: file not found"), e.getMessage());
    }
}
