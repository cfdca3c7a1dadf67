package nl.fieldlab.sandbox.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import nl.fieldlab.sandbox.TestRuns;
import nl.fieldlab.sandbox.report.ReportWriter;
import nl.fieldlab.sandbox.rules.Decider;
import nl.fieldlab.sandbox.rules.RuleBase;
import nl.fieldlab.sandbox.rules.Variant;
import nl.fieldlab.sandbox.scenario.Scenario;

/**
 * A rerun in the same process reuses the last run's answers where a variant's rules did not change, and gives the
 * report a run deciding afresh gives, byte for byte.
 */
class KeptAnswersTest {

    @AfterEach
    void forget() {
        Simulator.forgetAnswers();
    }

    @Test
    void aRerunAsksTheRuleEngineNothingAndGivesTheSameReport() {
        Scenario s = TestRuns.scenario("scenarios/smoke.yaml");
        Map<String, RuleBase> bases = TestRuns.compile(s);
        Simulator.forgetAnswers();
        SimulationResult first = new Simulator(2, null, null).run(s, bases);
        SimulationResult again = new Simulator(2, null, null).run(s, bases);
        first.deciderStats().forEach((v, st) -> assertTrue(st.evaluated() > 0, v + " decided nothing the first time"));
        again.deciderStats().forEach((v, st) -> {
            assertEquals(0, st.evaluated(), v + " asked the rule engine again");
            assertEquals(first.deciderStats().get(v).asked(), st.asked(), v + ": this run's questions only");
        });
        assertEquals(json(first), json(again));
    }

    @Test
    void aChangedVariantDecidesAfreshAndTheOthersKeepTheirAnswers() {
        Scenario s = TestRuns.scenario("scenarios/smoke.yaml");
        Map<String, RuleBase> bases = TestRuns.compile(s);
        Simulator.forgetAnswers();
        new Simulator(2, null, null).run(s, bases);
        // set e2.trial.max-months 4 --variant E2: the same compiled rules, another parameter value
        List<Variant> variants = new ArrayList<>();
        for (Variant v : s.variants()) {
            variants.add(v.name().equals("E2") ? new Variant("E2", v.exemptions(), Map.of("e2.trial.max-months", 4.0),
                    v.local()) : v);
        }
        Scenario changed = s.with(s.seed(), s.replications(), s.behaviour(), variants);
        Map<String, RuleBase> changedBases = new LinkedHashMap<>(bases);
        changedBases.put("E2", bases.get("E2").withVariant(changed.variants().stream()
                .filter(v -> v.name().equals("E2")).findFirst().orElseThrow()));
        SimulationResult kept = new Simulator(2, null, null).run(changed, changedBases);
        assertTrue(kept.deciderStats().get("E2").evaluated() > 0, "the changed variant decided afresh");

        Simulator.forgetAnswers();
        SimulationResult fresh = new Simulator(2, null, null).run(changed, changedBases);
        assertEquals(json(fresh), json(kept));
        assertTrue(kept.deciderStats().get(Variant.BASELINE).evaluated()
                < fresh.deciderStats().get(Variant.BASELINE).evaluated(), "the baseline reused its answers");
    }

    @Test
    void onlyADeciderOfTheSameRulesVariantAndOutsideIsUsedAgain() {
        Scenario s = TestRuns.scenario("scenarios/smoke.yaml");
        Map<String, RuleBase> bases = TestRuns.compile(s);
        Simulator.forgetAnswers();
        Map<String, Decider> first = Simulator.deciders(s, bases);
        Map<String, Decider> again = Simulator.deciders(s, bases);
        assertSame(first.get(Variant.BASELINE), again.get(Variant.BASELINE));
        assertSame(first.get("E2"), again.get("E2"));
        assertSame(again.get(Variant.BASELINE), again.get("E2").outside());

        // near misses: another parameter value, a new compile of the same files, another baseline outside
        RuleBase e2 = bases.get("E2");
        Variant other = new Variant("E2", e2.variant().exemptions(), Map.of("e2.trial.max-months", 4.0),
                e2.variant().local());
        assertFalse(again.get("E2").answersAs(e2.withVariant(other), again.get(Variant.BASELINE)));
        assertFalse(again.get("E2").answersAs(RuleBase.compile(TestRuns.library(), e2.variant()),
                again.get(Variant.BASELINE)));
        assertFalse(again.get("E2").answersAs(e2, new Decider(bases.get(Variant.BASELINE))));
        assertTrue(again.get("E2").answersAs(e2.withVariant(e2.variant()), again.get(Variant.BASELINE)),
                "a copy of the same rule base for the same variant answers alike");

        Simulator.forgetAnswers();
        assertNotSame(again.get(Variant.BASELINE), Simulator.deciders(s, bases).get(Variant.BASELINE));
    }

    private static String json(SimulationResult r) {
        return ReportWriter.json(TestRuns.report(r));
    }
}
