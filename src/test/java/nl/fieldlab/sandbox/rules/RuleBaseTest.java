package nl.fieldlab.sandbox.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import nl.fieldlab.sandbox.TestRuns;

/** Compiling rule bases: each variant holds exactly its own rules, even when built concurrently. */
class RuleBaseTest {

    static Set<String> exemptionRules(RuleBase base) {
        return base.rules().values().stream().filter(r -> !r.baseline()).map(RuleInfo::exemption)
                .collect(Collectors.toSet());
    }

    @Test
    void concurrentBuildsKeepTheirOwnRules() throws Exception {
        RuleLibrary lib = TestRuns.library();
        List<Variant> variants = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            variants.add(Variant.baseline());
            variants.add(new Variant("E1", List.of("E1"), Map.of()));
            variants.add(new Variant("E2", List.of("E2"), Map.of()));
            variants.add(new Variant("E1+E2", List.of("E1", "E2"), Map.of()));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<RuleBase>> futures = new ArrayList<>();
            for (Variant v : variants) {
                futures.add(pool.submit(() -> RuleBase.compile(lib, v)));
            }
            for (int i = 0; i < variants.size(); i++) {
                RuleBase b = futures.get(i).get();
                assertEquals(Set.copyOf(variants.get(i).exemptions()), exemptionRules(b),
                        "rule base of " + variants.get(i).name());
                assertTrue(b.rules().containsKey("WML-ADULT"));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void unknownExemptionIsAnError() {
        RuleCompileException e = assertThrows(RuleCompileException.class,
                () -> RuleBase.compile(TestRuns.library(), new Variant("x", List.of("E99"), Map.of())));
        assertTrue(e.getMessage().contains("unknown exemption 'E99'"), e.getMessage());
    }

    @Test
    void unknownParameterOverrideIsAnError() {
        RuleCompileException e = assertThrows(RuleCompileException.class,
                () -> RuleBase.compile(TestRuns.library(), new Variant("x", List.of(), Map.of("wml.nope", 1.0))));
        assertTrue(e.getMessage().contains("unknown parameter 'wml.nope'"), e.getMessage());
    }

    @Test
    void everyRuleNamesItsLegalSource() {
        RuleBase b = RuleBase.compile(TestRuns.library(), new Variant("all",
                TestRuns.library().exemptions().stream().map(Exemption::id).toList(), Map.of()));
        for (RuleInfo r : b.rules().values()) {
            assertFalse(r.source().isBlank(), r.id());
            assertTrue(r.line() > 0, r.id());
        }
    }

    @Test
    void suspendedRulesAreKnownPerVariant() {
        RuleBase e2 = RuleBase.compile(TestRuns.library(), new Variant("E2", List.of("E2"), Map.of()));
        assertEquals(Set.of("E2"), e2.suspendedBy("TRIAL-UWV-DURATION"));
        RuleBase base = RuleBase.compile(TestRuns.library(), Variant.baseline());
        assertTrue(base.suspendedBy("TRIAL-UWV-DURATION").isEmpty());
    }

    @Test
    void variantsThatDifferOnlyInParameterValuesShareOneCompiledRuleBase() {
        RuleLibrary lib = TestRuns.library();
        RuleBase base = RuleBases.compile(lib, Variant.baseline());
        Variant higher = new Variant("higher-wml", List.of(), Map.of("wml.hourly.adult", 20.0));
        RuleBase other = RuleBases.compile(lib, higher);
        assertTrue(other.sharesCodeWith(base), "parameters are facts: nothing to compile again");
        YearMonth month = YearMonth.of(2026, 1);
        assertEquals(20.0, other.parameters(month, Set.of()).value("wml.hourly.adult"));
        assertFalse(base.parameters(month, Set.of()).value("wml.hourly.adult") == 20.0, "the baseline keeps its value");
        RuleCompileException e = assertThrows(RuleCompileException.class,
                () -> RuleBases.compile(lib, new Variant("x", List.of(), Map.of("wml.nope", 1.0))));
        assertTrue(e.getMessage().contains("unknown parameter 'wml.nope'"), e.getMessage());
        RuleBase e2 = RuleBases.compile(lib, new Variant("E2", List.of("E2"), Map.of()));
        assertFalse(e2.sharesCodeWith(base), "another exemption set is other code");
        assertEquals(Set.of("E2"), e2.suspendedBy("TRIAL-UWV-DURATION"));
    }
}
