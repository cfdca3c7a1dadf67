package nl.fieldlab.sandbox.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import nl.fieldlab.sandbox.TestRuns;
import nl.fieldlab.sandbox.domain.Actor;
import nl.fieldlab.sandbox.domain.PaymentType;
import nl.fieldlab.sandbox.rules.Answer;
import nl.fieldlab.sandbox.rules.ClaimableScheme;
import nl.fieldlab.sandbox.scenario.Behaviour;

/** The claimable schemes as declared: each sized by its behaviour values, each naming rules that exist. */
class ClaimableSchemesTest {

    @Test
    void everyDeclaredSchemeHasItsAwarenessAndStepsAndEveryTakeUpValueBelongsToAScheme() {
        SortedSet<String> declared = new TreeSet<>(ClaimableScheme.all().keySet());
        assertFalse(declared.isEmpty());
        declared.forEach(id -> {
            assertTrue(Behaviour.isKnown("takeup." + id + ".awareness"), id + " has no awareness");
            assertTrue(Behaviour.isKnown("takeup." + id + ".steps"), id + " has no steps");
        });
        Behaviour.documented().keySet().stream().filter(k -> k.startsWith("takeup.")
                && (k.endsWith(".awareness") || k.endsWith(".steps"))).forEach(k -> {
                    String id = k.substring("takeup.".length(), k.lastIndexOf('.'));
                    // takeup.exemption.* sizes every exemption that pays something to claim (TakeUp.EXEMPTION_*)
                    assertTrue(declared.contains(id) || id.equals("exemption"), k + " sizes no declared scheme");
                });
        assertFalse(declared.contains("hassle-per-step"), "near miss: the hassle is per claimant, not a scheme");
        assertFalse(declared.contains("exemption"), "the exemptions' default is no declared scheme's id");
        assertTrue(Behaviour.isKnown(TakeUp.EXEMPTION_AWARENESS) && Behaviour.isKnown(TakeUp.EXEMPTION_STEPS));
    }

    @Test
    void everyRuleASchemeCarriesExistsAndAClaimantIsAnEmployerOrAWorker() {
        Set<String> ruleIds = TestRuns.library().ruleIds();
        ClaimableScheme.all().values().forEach(s -> {
            assertFalse(s.rules().isEmpty(), s.id() + " carries no rule");
            s.rules().forEach(r -> assertTrue(ruleIds.contains(r), s.id() + " names rule " + r
                    + ", which the rules folder does not have"));
            TakeUp.Scheme scheme = TakeUp.Scheme.of(s, Behaviour.defaults());
            assertEquals(s.claimant(), scheme.claimant());
        });
    }

    @Test
    void theLkvSchemeCarriesTheLkvAndNotTheWageCostSubsidy() {
        TakeUp.Scheme lkv = TakeUp.Scheme.of(ClaimableScheme.all().get("lkv"), Behaviour.defaults());
        assertEquals(Actor.EMPLOYER, lkv.claimant());
        assertTrue(lkv.carries(new Answer.PaymentLine("LKV-HIGHEST-APPLIES", PaymentType.WAGE_COST_ADVANTAGE,
                Actor.STATE, Actor.EMPLOYER, 200, 1, 36, "LKV", null)));
        assertFalse(lkv.carries(new Answer.PaymentLine("LKS-AMOUNT", PaymentType.WAGE_COST_SUBSIDY,
                Actor.MUNICIPALITY, Actor.EMPLOYER, 900, 1, 12, "LKS", null)), "near miss");
    }
}
