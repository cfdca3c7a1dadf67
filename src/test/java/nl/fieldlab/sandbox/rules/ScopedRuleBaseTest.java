package nl.fieldlab.sandbox.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * A variant's rule base holds its exemptions with the variant's scope: two variants with one exemption and different
 * scopes share the compiled rules but not the scope, and a variant reloaded under the same name with another scope
 * does not keep the old one.
 */
class ScopedRuleBaseTest {

    static final RuleLibrary RULES = RuleLibrary.load(Path.of("rules"));

    private static Variant e1(String name, ScopeOverride o) {
        Variant v = new Variant(name, List.of("E1"), Map.of());
        return o == null ? v : v.withScopes(Map.of("E1", o));
    }

    @Test
    void eachVariantGetsItsOwnScopeOfOneExemption() {
        RuleBases bases = new RuleBases(RULES);
        ScopeOverride ga = new ScopeOverride(List.of("GA"), null, null, null, null, YearMonth.of(2026, 7), null,
                null, null, 150, null);
        Map<String, RuleBase> out = bases.forVariants(List.of(Variant.baseline(), e1("A", null), e1("B", ga)), 1);
        assertEquals(Set.of("NHN"), out.get("A").exemptions().get(0).scope().regions());
        assertEquals(300, out.get("A").exemptions().get(0).scope().participants());
        assertEquals(Set.of("GA"), out.get("B").exemptions().get(0).scope().regions());
        assertEquals(150, out.get("B").exemptions().get(0).scope().participants());
        assertEquals(YearMonth.of(2026, 7), out.get("B").exemptions().get(0).scope().from());
        assertEquals(out.get("A").rules(), out.get("B").rules());
    }

    @Test
    void aVariantReloadedWithAnotherScopeDoesNotKeepTheOld() {
        RuleBases bases = new RuleBases(RULES);
        assertEquals(Set.of("NHN"), bases.forVariants(List.of(e1("A", null)), 1).get("A").exemptions().get(0)
                .scope().regions());
        assertEquals(Set.of("GA"), bases.forVariants(List.of(e1("A", ScopeOverride.regions("GA"))), 1).get("A")
                .exemptions().get(0).scope().regions());
        // and back: the process cache of compiled rules does not carry a scope either
        assertEquals(Set.of("NHN"), RuleBases.compile(RULES, e1("A", null)).exemptions().get(0).scope().regions());
        assertEquals(Set.of("ZW"), RuleBases.compile(RULES, e1("A", ScopeOverride.regions("ZW"))).exemptions().get(0)
                .scope().regions());
    }
}
