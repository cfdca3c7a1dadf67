package nl.fieldlab.sandbox.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.fieldlab.sandbox.TestRuns;
import nl.fieldlab.sandbox.domain.Actor;
import nl.fieldlab.sandbox.input.InputError;

/** An exemption's takeUp: block: a claim with its claimant, awareness and steps, or applied without a claim. */
class ExemptionTakeUpTest {

    static final String E9 = "exemptions/E9-fieldlab-wage-cost-advantage.yaml";

    @Test
    void theShippedExemptionsDeclareAClaimAnAutomaticApplicationOrNothing() {
        RuleLibrary library = TestRuns.library();
        Exemption.TakeUpDeclaration e9 = library.exemption("E9").takeUp();
        assertEquals(Actor.EMPLOYER, e9.claimant());
        assertEquals(0.5, e9.awareness());
        assertEquals(2, e9.steps());
        assertTrue(library.exemption("E1").takeUp().isAutomatic(), "UWV applies E1");
        assertTrue(library.exemption("E6").takeUp().isAutomatic(), "the municipality applies E6");
        assertTrue(library.exemption("E4").takeUp().isAutomatic(), "the social cooperative applies E4");
        assertNull(library.exemption("E3").takeUp(), "near miss: undeclared, the behaviour defaults apply");
    }

    private static InputError loadWith(Path tmp, String from, String to) throws IOException {
        Path rules = TestRuns.copyTree(Path.of("rules"), tmp.resolve("rules"));
        Path file = rules.resolve(E9);
        String text = Files.readString(file);
        assertTrue(text.contains(from), "update the test: " + from);
        Files.writeString(file, text.replace(from, to));
        return assertThrows(InputError.class, () -> RuleLibrary.load(rules));
    }

    @Test
    void aClaimWithoutAClaimableAwarenessIsRefusedWithItsField(@TempDir Path tmp) throws IOException {
        InputError e = loadWith(tmp, "  awareness: 0.5 ", "  awareness: 1.5 ");
        assertTrue(e.getMessage().contains("E9-fieldlab-wage-cost-advantage.yaml:")
                && e.getMessage().contains("takeUp.awareness") && e.getMessage().contains("between 0 and 1"),
                e.getMessage());
    }

    @Test
    void anAutomaticExemptionHasNoClaimant(@TempDir Path tmp) throws IOException {
        InputError e = loadWith(tmp, "  claimant: EMPLOYER\n", "  claimant: EMPLOYER\n  automatic: \"the province\"\n");
        assertTrue(e.getMessage().contains("takeUp.automatic") && e.getMessage().contains("no claimant"),
                e.getMessage());
    }

    @Test
    void aClaimIsAnEmployersOrAWorkers(@TempDir Path tmp) throws IOException {
        InputError e = loadWith(tmp, "  claimant: EMPLOYER\n", "  claimant: PROVINCE\n");
        assertTrue(e.getMessage().contains("takeUp.claimant") && e.getMessage().contains("EMPLOYER or WORKER"),
                e.getMessage());
    }
}
