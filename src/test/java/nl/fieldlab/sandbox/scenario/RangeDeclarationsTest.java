package nl.fieldlab.sandbox.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every built-in behaviour value says how uncertain it is: a range to draw it from, a calibration, or why it is
 * fixed; and a bad declaration stops the tool at start rather than reaching a robustness run.
 */
class RangeDeclarationsTest {

    /** The values that decide verdicts today (design note 24, section 2.3): each must be drawn. */
    private static final List<String> DECIDING = List.of("takeup.exemption.awareness",
            "hire.response.WAGE_COST_ADVANTAGE", "vacancy.lapse-rate", "trial.months-to-bridge-gap",
            "sidejob.contact-factor.early", "sidejob.contact-factor.late", "course.spontaneous-rate",
            "search.in-course-factor.exempt", "search.in-course-factor.duty-kept", "course.completion",
            "trial.months-to-learn", "match.quality-sd.gap", "takeup.lks.awareness", "takeup.no-risk.awareness",
            "hire.cost-elasticity", "market.matching-elasticity", "coaching.contact-boost", "coaching.hire-boost",
            "coaching.cream-skimming");

    private static final List<String> CALIBRATED = List.of("search.contact.WW", "search.contact.BIJSTAND",
            "search.own-field-share", "search.duration-decay-per-year", "search.age-factor.50-54", "hire.base",
            "hire.gap-productivity", "hire.trial-offer-rate", "takeup.lkv.awareness");

    private static final List<String> FIXED = List.of("market.reference-tightness", "market.tightness",
            "coaching.months");

    @Test
    void everyBuiltInValueDeclaresExactlyOneUsableKind() {
        Behaviour.documented().forEach((k, d) -> {
            long kinds = Stream.of(d.range(), d.calibrated(), d.fixed()).filter(x -> x != null).count();
            assertEquals(1, kinds, k);
            if (d.ranged()) {
                assertNull(d.range().problem(d.value(), d.min(), d.max()), k);
                assertFalse(d.range().source().isBlank(), k);
            }
        });
    }

    @Test
    void theValuesThatDecideVerdictsAreDrawnAndTheCalibratedOnesAreNot() {
        DECIDING.forEach(k -> assertTrue(Behaviour.documented().get(k).ranged(), k));
        CALIBRATED.forEach(k -> assertNotNull(Behaviour.documented().get(k).calibrated(), k));
        FIXED.forEach(k -> assertNotNull(Behaviour.documented().get(k).fixed(), k));
    }

    @Test
    void orderedPairsCannotCrossInAnyDraw() {
        // no constraint in code keeps exempt <= duty-kept or the match spreads ordered: the ranges must not overlap
        var d = Behaviour.documented();
        assertTrue(d.get("search.in-course-factor.exempt").range().high()
                <= d.get("search.in-course-factor.duty-kept").range().low());
        assertTrue(d.get("match.quality-sd").range().high() <= d.get("match.quality-sd.gap").range().low());
        assertTrue(d.get("course.completion-with-search-duty").range().high()
                <= d.get("course.completion").range().low());
    }

    @Test
    void theSourceIsLoaded() {
        assertTrue(Behaviour.documented().get("vacancy.lapse-rate").source().contains("84545NED"));
        assertEquals("reference-class", Behaviour.documented().get("course.spontaneous-rate").range().basis().word());
    }

    @Test
    void aRangeMapsTheUnitIntervalOnItsScale() {
        UncertainRange lin = new UncertainRange(0.2, 0.6, UncertainRange.Scale.LINEAR,
                UncertainRange.Basis.ASSUMED, "s");
        UncertainRange log = new UncertainRange(0.5, 2, UncertainRange.Scale.LOG, UncertainRange.Basis.ASSUMED, "s");
        assertEquals(0.4, lin.at(0.5), 1e-12);
        assertEquals(1.0, log.at(0.5), 1e-12);
        assertEquals(0.5, log.at(0), 1e-12);
        assertEquals(2.0, log.at(1), 1e-12);
        assertEquals("assumed range", log.basis().shown());
    }

    @Test
    void aBuiltInEntryWithoutADeclarationStopsTheLoad() {
        assertFails(entry(null), "expected exactly one of range, calibrated or fixed, got 0");
    }

    @Test
    void aBuiltInEntryWithTwoDeclarationsStopsTheLoad() {
        Map<String, Object> e = entry(Map.of("low", 0.1, "high", 0.6, "basis", "assumed", "source", "s"));
        e.put("fixed", "a definition");
        assertFails(e, "got 2");
    }

    @Test
    void aBuiltInRangeThatMissesTheValueOrTheLimitsStopsTheLoad() {
        assertFails(entry(Map.of("low", 0.4, "high", 0.6, "basis", "assumed", "source", "s")),
                "x.range: the value in use, 0.3, lies outside 0.4-0.6: a range must contain it");
        assertFails(entry(Map.of("low", 0.1, "high", 1.5, "basis", "assumed", "source", "s")),
                "x.range.high: expected at most 1 (a probability), got 1.5");
        assertFails(entry(Map.of("low", 0, "high", 0.5, "scale", "log", "basis", "assumed", "source", "s")),
                "x.range.low: a log scale needs low above 0, got 0");
        assertFails(entry(Map.of("low", 0.1, "high", 0.5, "basis", "assumed")),
                "x.range: expected source: where the range comes from");
        assertFails(entry(Map.of("low", 0.1, "high", 0.5, "basis", "guessed", "source", "s")),
                "x.range.basis: expected stated, sign-from-evidence, reference-class or assumed, got 'guessed'");
    }

    @Test
    void aWellDeclaredEntryLoads() {
        var d = Behaviour.defaultsOf(Map.of("x", entry(Map.of("low", 0.1, "high", 0.6, "scale", "log", "basis",
                "assumed", "source", "s")))).get("x");
        assertEquals(UncertainRange.Scale.LOG, d.range().scale());
        assertNull(d.fixed());
    }

    private static Map<String, Object> entry(Map<String, Object> range) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("value", 0.3);
        e.put("note", "n");
        e.put("mechanism", "m");
        if (range != null) {
            e.put("range", range);
        }
        return e;
    }

    private static void assertFails(Map<String, Object> entry, String message) {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Behaviour.defaultsOf(Map.of("x", entry)));
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }
}
