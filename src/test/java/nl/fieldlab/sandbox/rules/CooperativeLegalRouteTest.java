package nl.fieldlab.sandbox.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import nl.fieldlab.sandbox.TestRuns;

/**
 * E4's wage-cost subsidy for bijstand clients needs no change of national law: a municipality can grant it today by
 * its re-integration ordinance (Participatiewet art. 8a) within the state-aid rules; only the WW-50+ part, whose
 * clients are UWV's, needs provincial money, an agreement with UWV or a national experiment. The shipped declaration
 * says so, and the report's legal-route section prints it.
 */
class CooperativeLegalRouteTest {

    @Test
    void theCooperativeSubsidyIsAMunicipalInstrumentWithOnlyItsWwPartNeedingMore() {
        LegalRoute route = TestRuns.library().legalRoutes().get("E4");
        assertNotNull(route, "E4 declares its legal route");
        assertEquals(LegalRoute.Kind.MUNICIPAL_ORDINANCE, route.kind());
        assertTrue(route.who().contains("re-integration ordinance") && route.who().contains("art. 8a"), route.who());
        assertTrue(route.who().contains("de minimis"), route.who());
        assertTrue(route.who().contains("WW-50+") && route.who().contains("provincial money")
                && route.who().contains("82a"), route.who());
        assertTrue(route.source().contains("BWBR0015703"), route.source());
    }
}
