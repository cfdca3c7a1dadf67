package nl.fieldlab.sandbox.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.fieldlab.sandbox.TestRuns;
import nl.fieldlab.sandbox.domain.Actor;
import nl.fieldlab.sandbox.input.InputError;

/** Process support declared as data: the shipped work ambassador reads, and a bad declaration says where it is. */
class ProcessSupportTest {

    static final Path P1 = Path.of("rules/support/P1-work-ambassador.yaml");

    static Set<String> known() {
        Set<String> ids = new TreeSet<>(ClaimableScheme.all().keySet());
        TestRuns.library().exemptions().forEach(e -> ids.add(e.id()));
        return ids;
    }

    static ProcessSupport read(Path file) {
        return ProcessSupport.read(file, TestRuns.library().regions(), known(), TestRuns.library().parameters());
    }

    @Test
    void theWorkAmbassadorTellsEmployersOfTheLkvAndNotWorkersOfStap() {
        ProcessSupport p = read(P1);
        assertEquals(ProcessSupport.Kind.WORK_AMBASSADOR, p.kind());
        assertEquals(Actor.EMPLOYER, p.side());
        assertEquals(0.65, p.reach());
        assertEquals(2, p.stepsRemoved());
        assertTrue(p.covers("lkv") && p.covers("E9"));
        assertFalse(p.covers("stap"), "near miss: a worker's scheme it does not cover");
        assertEquals(300, p.scope().participants());
        assertEquals(1200, p.costPerParticipant());
        assertEquals(Actor.PROVINCE, p.payer());
    }

    Path variant(Path dir, String from, String to) throws IOException {
        String text = Files.readString(P1);
        assertTrue(text.contains(from), from);
        Path file = dir.resolve("P9.yaml");
        Files.writeString(file, text.replace(from, to));
        return file;
    }

    @Test
    void anUnknownSchemeIsNamedWithItsFieldAndLine(@TempDir Path dir) throws IOException {
        Path file = variant(dir, "schemes: [lkv, no-risk, lks, E9]", "schemes: [lkv, no-rsk]");
        InputError e = assertThrows(InputError.class, () -> read(file));
        assertTrue(e.getMessage().contains("schemes[1]") && e.getMessage().contains("unknown scheme 'no-rsk'"),
                e.getMessage());
        assertTrue(e.getMessage().contains("P9.yaml"), e.getMessage());
    }

    @Test
    void aReachAboveOneIsRefused(@TempDir Path dir) throws IOException {
        Path file = variant(dir, "reach: 0.65", "reach: 1.65");
        InputError e = assertThrows(InputError.class, () -> read(file));
        assertTrue(e.getMessage().contains("reach") && e.getMessage().contains("between 0 and 1"), e.getMessage());
    }

    @Test
    void aSupportThatDoesNothingIsRefused(@TempDir Path dir) throws IOException {
        Path file = variant(dir, "reach: 0.65", "reach: 0");
        Path nothing = dir.resolve("P8.yaml");
        Files.writeString(nothing, Files.readString(file).replace("stepsRemoved: 2", "stepsRemoved: 0"));
        InputError e = assertThrows(InputError.class, () -> read(nothing));
        assertTrue(e.getMessage().contains("does nothing"), e.getMessage());
        assertEquals(0, read(file).reach(), "near miss: steps removed alone is a support");
    }

    @Test
    void aPrivatePayerIsRefused(@TempDir Path dir) throws IOException {
        Path file = variant(dir, "payer: PROVINCE", "payer: EMPLOYER");
        InputError e = assertThrows(InputError.class, () -> read(file));
        assertTrue(e.getMessage().contains("costPerParticipant.payer"), e.getMessage());
    }

    /** A case sprint as a support file would declare it (P3's shape), for the tests of the instrument kinds. */
    static final String SPRINT = """
            id: P7
            title: A test sprint
            kind: CASE_SPRINT
            side: EMPLOYER
            output: COURSE
            scope:
              regions: [ZKI]
              from: 2026-01
            costPerSprint:
              value: 51000
              payer: PROVINCE
              source: design estimate (unverified)
            parameters:
              p7.months:
                unit: months
                min: 1
                max: 24
                value: 4
                source: the province's agenda (a four-month collaboration)
            source: test
            """;

    Path write(Path dir, String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    @Test
    void aCaseSprintCarriesItsParametersOutputAndCost(@TempDir Path dir) throws IOException {
        ProcessSupport p = read(write(dir, "P7.yaml", SPRINT));
        assertEquals(ProcessSupport.Kind.CASE_SPRINT, p.kind());
        assertEquals(ProcessSupport.Output.COURSE, p.output());
        assertEquals(51000, p.costPerSprint());
        assertEquals(0, p.costPerParticipant());
        assertEquals(Actor.PROVINCE, p.payer());
        assertEquals(4, p.parameters().get("p7.months").values().get(0).value());
        assertEquals("p7.months", p.key("months"));
        assertTrue(p.parameters().get("p7.months").problem(40) != null, "its own range holds: at most 24");
    }

    @Test
    void aCaseSprintWithoutItsCostIsRefused(@TempDir Path dir) throws IOException {
        String text = SPRINT.replace("costPerSprint:\n  value: 51000\n  payer: PROVINCE\n"
                + "  source: design estimate (unverified)\n", "");
        assertFalse(text.contains("costPerSprint"));
        InputError e = assertThrows(InputError.class, () -> read(write(dir, "P7.yaml", text)));
        assertTrue(e.getMessage().contains("costPerSprint: a CASE_SPRINT support needs its cost per sprint"),
                e.getMessage());
    }

    @Test
    void aCaseSprintNeedsTheParameterItsMechanismReads(@TempDir Path dir) throws IOException {
        InputError e = assertThrows(InputError.class, () -> read(write(dir, "P7.yaml",
                SPRINT.replace("p7.months:", "p7.length:"))));
        assertTrue(e.getMessage().contains("a CASE_SPRINT support needs parameter p7.months"), e.getMessage());
    }

    @Test
    void aSupportDeclaresOnlyItsOwnParameters(@TempDir Path dir) throws IOException {
        InputError baseline = assertThrows(InputError.class, () -> read(write(dir, "P7.yaml",
                SPRINT.replace("  p7.months:", "  coaching.hire-boost:\n    unit: share\n    value: 0.5\n"
                        + "    source: x\n  p7.months:"))));
        assertTrue(baseline.getMessage().contains("parameters.coaching.hire-boost")
                || baseline.getMessage().contains("expected a key that starts with 'p7.'"), baseline.getMessage());
        InputError foreign = assertThrows(InputError.class, () -> read(write(dir, "P8.yaml",
                SPRINT.replace("  p7.months:", "  p5.months:\n    unit: months\n    value: 4\n    source: x\n"
                        + "  p7.months:"))));
        assertTrue(foreign.getMessage().contains("parameters.p5.months: expected a key that starts with 'p7.'"),
                foreign.getMessage());
    }

    @Test
    void anInstrumentIsNotReadByTakeUp(@TempDir Path dir) throws IOException {
        InputError e = assertThrows(InputError.class, () -> read(write(dir, "P7.yaml",
                SPRINT.replace("output: COURSE\n", "output: COURSE\nreach: 0.5\n"))));
        assertTrue(e.getMessage().contains("reach: a CASE_SPRINT support is read by its own mechanism"),
                e.getMessage());
        InputError cost = assertThrows(InputError.class, () -> read(write(dir, "P8.yaml",
                Files.readString(P1).replace("kind: WORK_AMBASSADOR", "kind: WORK_TO_WORK")
                        .replace("schemes: [lkv, no-risk, lks, E9]\n", "").replace("reach: 0.65 ", "#")
                        .replace("stepsRemoved: 2 ", "#").replace("side: EMPLOYER\n", "side: WORKER\noutput: COURSE\n"))));
        assertTrue(cost.getMessage().contains("output: only a CASE_SPRINT support has an output"), cost.getMessage());
    }

    @Test
    void aCooperativeNeedsTheParametersOfPooledEmployership(@TempDir Path dir) throws IOException {
        String coop = Files.readString(P1).replace("kind: WORK_AMBASSADOR", "kind: COOPERATIVE_EMPLOYER")
                .replace("schemes: [lkv, no-risk, lks, E9]\n", "").replace("reach: 0.65 ", "#")
                .replace("stepsRemoved: 2 ", "#").replace("id: P1", "id: P5");
        InputError e = assertThrows(InputError.class, () -> read(write(dir, "P5.yaml", coop)));
        assertTrue(e.getMessage().contains("needs parameter p5.contract-months"), e.getMessage());
        assertTrue(e.getMessage().contains("needs parameter p5.pass-through"), "every missing one: " + e.getMessage());
    }
}
