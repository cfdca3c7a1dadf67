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
        return ProcessSupport.read(file, TestRuns.library().regions(), known());
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
}
