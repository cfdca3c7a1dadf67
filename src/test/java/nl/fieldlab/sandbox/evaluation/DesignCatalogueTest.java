package nl.fieldlab.sandbox.evaluation;

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

import nl.fieldlab.sandbox.evaluation.DesignCatalogue.Status;
import nl.fieldlab.sandbox.input.InputError;
import nl.fieldlab.sandbox.rules.Exemption;
import nl.fieldlab.sandbox.rules.LegalRoute;
import nl.fieldlab.sandbox.rules.RuleLibrary;

/** The shipped designs and parameters, which design fits which shipped exemption, and the loader's errors. */
class DesignCatalogueTest {

    private static final Path RULES = Path.of("rules");

    @Test
    void everyDesignJudgesEveryRouteAndTheFiguresAreTheConventions() {
        DesignCatalogue c = DesignCatalogue.load(RULES);
        for (Design d : Design.values()) {
            assertEquals(LegalRoute.Kind.values().length, c.designs().get(d).routes().size(), d.name());
        }
        assertEquals(0.05, c.parameters().alpha());
        assertEquals(0.8, c.parameters().power());
        assertEquals(List.of(6, 12, 24, 36), c.parameters().months());
        assertEquals("employment", c.parameters().primaryOutcome());
        assertEquals(12, c.parameters().primaryMonth());
        assertTrue(c.parameters().icc().get("employer").unverified(), "the ICCs are placeholders");
        // a lottery under an art. 83 experiment fits; under a procurement policy it does not
        assertEquals(Status.FITS, c.designs().get(Design.LOTTERY).routes().get(LegalRoute.Kind.EXPERIMENT_ART_83).status());
        assertEquals(Status.NO, c.designs().get(Design.LOTTERY).routes().get(LegalRoute.Kind.PROCUREMENT_POLICY).status());
    }

    @Test
    void whichDesignsFitTheShippedExemptions() {
        DesignCatalogue c = DesignCatalogue.load(RULES);
        RuleLibrary library = RuleLibrary.load(RULES);
        Exemption e1 = library.exemption("E1");
        Exemption e6 = library.exemption("E6");
        Exemption e7 = library.exemption("E7");
        assertEquals(Status.FITS, c.fit(Design.LOTTERY, e1).status(), "ministerial regulation");
        assertEquals("its scope has no HIRE or TRIAL_PLACEMENT question", c.fit(Design.EMPLOYER, e1).reason());
        // E6 is an art. 83 experiment: a person's right, so employers cannot be drawn whatever its scope
        assertFalse(c.fit(Design.EMPLOYER, e6).fits());
        assertTrue(c.fit(Design.EMPLOYER, e6).reason().contains("cannot set it"));
        // E7 is a procurement condition: no lottery of people
        assertEquals(Status.NO, c.fit(Design.LOTTERY, e7).status());
        assertTrue(c.fit(Design.DID, e7).fits());
        assertFalse(c.fit(Design.STEPPED_WEDGE, e1).fits(), "no municipalities in the model");
        assertFalse(c.fit(Design.RD_AGE, e1).fits(), "no age limit in E1's scope");
    }

    @Test
    void anUnknownRouteKindOrStatusNamesItsLine(@TempDir Path dir) throws IOException {
        Path rules = copy(dir);
        Path designs = rules.resolve(DesignCatalogue.DESIGNS);
        String text = Files.readString(designs);
        Files.writeString(designs, text.replace("      MINISTERIAL_REGULATION:\n        status: fits",
                "      MINISTERAL_REGULATION:\n        status: fits").replace("status: legal-check\n        reason: a policy rule must",
                "status: maybe\n        reason: a policy rule must"));
        InputError e = assertThrows(InputError.class, () -> DesignCatalogue.load(rules));
        String m = e.getMessage();
        assertTrue(m.contains("designs.yaml:"), m);
        assertTrue(m.contains("designs.LOTTERY.routes.MINISTERAL_REGULATION: expected a kind of legal route"), m);
        assertTrue(m.contains("(did you mean 'MINISTERIAL_REGULATION'?)"), m);
        assertTrue(m.contains("status: expected fits, legal-check or no, got 'maybe'"), m);
        assertTrue(m.contains("missing: MINISTERIAL_REGULATION"), m);
    }

    @Test
    void anUnknownDesignIsRefused(@TempDir Path dir) throws IOException {
        Path rules = copy(dir);
        Path designs = rules.resolve(DesignCatalogue.DESIGNS);
        Files.writeString(designs, Files.readString(designs).replace("  RD_AGE:\n", "  RD_AGES:\n"));
        String m = assertThrows(InputError.class, () -> DesignCatalogue.load(rules)).getMessage();
        assertTrue(m.contains("designs.RD_AGES: expected one of LOTTERY, EMPLOYER, STEPPED_WEDGE, DID, RD_AGE, got 'RD_AGES'"), m);
    }

    @Test
    void thePrimaryMonthMustBeMeasured(@TempDir Path dir) throws IOException {
        Path rules = copy(dir);
        Path p = rules.resolve(DesignCatalogue.PARAMETERS);
        Files.writeString(p, Files.readString(p).replace("  month: 12\n", "  month: 18\n"));
        String m = assertThrows(InputError.class, () -> DesignCatalogue.load(rules)).getMessage();
        assertTrue(m.contains("primary.month: expected one of months.values [6, 12, 24, 36], got 18"), m);
    }

    private static Path copy(Path dir) throws IOException {
        Path rules = dir.resolve("rules");
        Files.createDirectories(rules.resolve("evaluation"));
        for (String f : List.of(DesignCatalogue.DESIGNS, DesignCatalogue.PARAMETERS)) {
            Files.copy(RULES.resolve(f), rules.resolve(f));
        }
        return rules;
    }
}
