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
        LegalRoute.Part ww50 = route.parts().stream().filter(p -> p.covers().contains("50 and older")).findFirst()
                .orElseThrow(() -> new AssertionError("E4 names its WW-50+ part: " + route.parts()));
        assertEquals(LegalRoute.Kind.PROVINCIAL_SUBSIDY, ww50.kind());
        assertTrue(ww50.who().contains("UWV") && ww50.who().contains("82a"), ww50.who());
        assertTrue(route.source().contains("Participatiewet") && route.source().contains("(S65"), route.source());
    }
}
