package nl.fieldlab.sandbox.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import nl.fieldlab.sandbox.domain.Status;

/**
 * A scenario's scope of an exemption replaces only the fields it sets, and stays within what the exemption's legal
 * route allows (issue 25, item 1): anywhere for a national instrument, the province for a provincial subsidy, the
 * rule file's regions (or a stated basis) for an art. 83 experiment.
 */
class ScopeOverrideTest {

    static final RuleLibrary RULES = RuleLibrary.load(Path.of("rules"));
    static final ScopeOverride NONE = new ScopeOverride(null, null, null, null, null, null, null, null, null, null,
            null);

    private static List<RouteArea.Problem> check(String id, ScopeOverride o) {
        return RouteArea.check(RULES.exemption(id), o, RULES.regions());
    }

    private static ScopeOverride statuses(Status... s) {
        return new ScopeOverride(null, List.of(s), null, null, null, null, null, null, null, null, null);
    }

    private static ScopeOverride caps(Double staffShare, Double budget, Integer participants) {
        return new ScopeOverride(null, null, null, null, null, null, null, staffShare, budget, participants, null);
    }

    @Test
    void anOverrideReplacesOnlyTheFieldsItSets() {
        ExemptionScope file = RULES.exemption("E1").scope();
        ScopeOverride o = new ScopeOverride(List.of("GA"), null, null, null, null, YearMonth.of(2026, 7), null,
                null, null, 150, null);
        ExemptionScope scoped = o.applyTo(file, RULES.regions());
        assertEquals(Set.of("GA"), scoped.regions());
        assertEquals(YearMonth.of(2026, 7), scoped.from());
        assertEquals(150, scoped.participants());
        // kept from the rule file
        assertEquals(file.questions(), scoped.questions());
        assertEquals(file.statuses(), scoped.statuses());
        assertEquals(file.until(), scoped.until());
        assertEquals(file.technicalOnly(), scoped.technicalOnly());
        assertEquals(file, NONE.applyTo(file, RULES.regions()));
    }

    @Test
    void aGroupOfRegionsIsExpanded() {
        assertEquals(Set.of("GA", "GV", "NHN", "ZKI", "ZW"),
                ScopeOverride.regions("NH").applyTo(RULES.exemption("E3").scope(), RULES.regions()).regions());
    }

    @Test
    void theWithMethodsOfAVariantKeepItsScopes() {
        Variant v = new Variant("E1-GA", List.of("E1"), Map.of()).withScopes(Map.of("E1",
                ScopeOverride.regions("GA")));
        assertEquals(v.scopes(), v.withParameters(Map.of("x", 1.0)).scopes());
        assertEquals(v.scopes(), v.withLocal(Map.of("y", 1.0)).scopes());
        assertEquals(v.scopes(), v.withSupports(List.of("P1")).scopes());
        assertNotEquals(new Variant("E1-GA", List.of("E1"), Map.of()).ruleKey(), v.ruleKey());
        assertEquals(Set.of("GA"), v.scoped(RULES.exemption("E1"), RULES.regions()).scope().regions());
    }

    @Test
    void aNationalInstrumentMayBePlacedInAnyRegion() {
        assertEquals(List.of(), check("E1", ScopeOverride.regions("GA")));
        assertEquals(List.of(), check("E2", ScopeOverride.regions("FL", "GA")));
    }

    @Test
    void aProvincialSubsidyStaysInItsProvince() {
        assertEquals(List.of(new RouteArea.Problem("regions[0]", "FL lies outside the area of E3's legal route "
                + "(provincial subsidy, no exemption needed: GA, GV, NHN, ZKI, ZW); a provincial subsidy reaches its "
                + "own province only")), check("E3", ScopeOverride.regions("FL")));
        assertEquals(List.of(new RouteArea.Problem("regions[1]", "MRA includes FL, which lies outside the area of "
                + "E3's legal route (provincial subsidy, no exemption needed: GA, GV, NHN, ZKI, ZW); a provincial "
                + "subsidy reaches its own province only")), check("E3", ScopeOverride.regions("GA", "MRA")));
        // near miss: anywhere in the province
        assertEquals(List.of(), check("E3", ScopeOverride.regions("NHN", "GA")));
        assertEquals(List.of(), check("E9", ScopeOverride.regions("NH")));
    }

    @Test
    void anArt83ExperimentMovesOnlyWithABasis() {
        assertEquals(List.of(new RouteArea.Problem("regions", "E6's legal route is an experiment under "
                + "Participatiewet art. 83 by order in council (AMvB), which applies only where municipalities take "
                + "part; GA is outside the rule file's regions (NHN): say under basis: which municipalities take part "
                + "and where that is written")), check("E6", ScopeOverride.regions("GA")));
        ScopeOverride withBasis = new ScopeOverride(List.of("GA"), null, null, null, null, null, null, null, null,
                null, "Amsterdam takes part (design estimate)");
        assertEquals(List.of(), check("E6", withBasis));
        // near miss: the rule file's own region needs no basis
        assertEquals(List.of(), check("E6", ScopeOverride.regions("NHN")));
    }

    @Test
    void anUnknownRegionIsNamed() {
        assertEquals("regions[0]", check("E1", ScopeOverride.regions("XX")).get(0).field());
    }

    @Test
    void statusesAndAgesMayBeNarrowedNotWidened() {
        assertEquals(List.of(new RouteArea.Problem("statuses[1]", "WW is not among the statuses E6's rules are "
                + "written for (BIJSTAND); a scenario may narrow them, not widen them")),
                check("E6", statuses(Status.BIJSTAND, Status.WW)));
        assertEquals(List.of(), check("E2", statuses(Status.WW)));
        Exemption young = RULES.exemption("E1").withScope(new ExemptionScope(Set.of(), Set.of(), Set.of(), 18, 27,
                false, null, null, 0, 0, 0, false));
        ScopeOverride old = new ScopeOverride(null, null, null, 70, null, null, null, null, null, null, null);
        assertEquals(List.of(new RouteArea.Problem("maxAge", "70 lies outside E1's ages (18 to 27); a scenario may "
                + "narrow them, not widen them")), RouteArea.check(young, old, RULES.regions()));
        ScopeOverride narrower = new ScopeOverride(null, null, 20, 25, null, null, null, null, null, null, null);
        assertEquals(List.of(), RouteArea.check(young, narrower, RULES.regions()));
    }

    @Test
    void aTechnicalOnlyScopeStaysTechnical() {
        ScopeOverride any = new ScopeOverride(null, null, null, null, false, null, null, null, null, null, null);
        assertEquals(List.of(new RouteArea.Problem("technicalOnly", "E1's rules cover technical jobs and "
                + "shortage-occupation courses only; a scenario may narrow a scope, not widen it")), check("E1", any));
        assertEquals(List.of(), check("E3", new ScopeOverride(null, null, null, null, true, null, null, null, null,
                null, null)));
    }

    @Test
    void aWindowMustCoverAMonth() {
        ScopeOverride backwards = new ScopeOverride(null, null, null, null, null, YearMonth.of(2028, 1),
                YearMonth.of(2027, 12), null, null, null, null);
        assertEquals(List.of(new RouteArea.Problem("until", "the scope ends (2027-12) before it starts (from "
                + "2028-01): it would cover no month")), check("E1", backwards));
        // from after the rule file's until, without an until of its own
        ScopeOverride late = new ScopeOverride(null, null, null, null, null, YearMonth.of(2029, 1), null, null, null,
                null, null);
        assertEquals("from", check("E1", late).get(0).field());
    }

    @Test
    void capsMustStayAboveZero() {
        assertEquals(List.of(new RouteArea.Problem("cap.participants", "expected at least 1, got 0 (leave it out to "
                + "keep the rule file's cap: at most 300 participants)")), check("E1", caps(null, null, 0)));
        assertEquals("expected above 0 and at most 1, got 1.5 (leave it out to keep the rule file's cap: at most "
                + "10 % of an employer's staff at once)", check("E2", caps(1.5, null, null)).get(0).message());
        assertEquals("cap.budget", check("E3", caps(null, -5.0, null)).get(0).field());
        // a cap may be raised above the rule file's (the lead's decision for issue 25)
        assertEquals(List.of(), check("E1", caps(0.5, 5e6, 1000)));
    }

    @Test
    void theWarningHintSaysWhatTheRouteAllows() {
        assertEquals("its legal route, a ministerial regulation under an existing statutory power, allows scope: "
                + "{E1: {regions: [GA]}}", RouteArea.hint(RULES.exemption("E1"), Set.of("GA")));
        assertEquals("its legal route, an experiment under Participatiewet art. 83 by order in council (AMvB), needs "
                + "basis: to reach GA", RouteArea.hint(RULES.exemption("E6"), Set.of("GA")));
        assertEquals("its legal route, a provincial subsidy, no exemption needed, reaches GA, GV, NHN, ZKI, ZW only",
                RouteArea.hint(RULES.exemption("E9"), Set.of("FL")));
    }
}
