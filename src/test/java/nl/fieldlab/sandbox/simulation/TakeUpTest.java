package nl.fieldlab.sandbox.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import nl.fieldlab.sandbox.domain.Actor;
import nl.fieldlab.sandbox.domain.PaymentType;
import nl.fieldlab.sandbox.rules.Answer;
import nl.fieldlab.sandbox.rules.ClaimableScheme;
import nl.fieldlab.sandbox.rules.ProcessSupport;
import nl.fieldlab.sandbox.scenario.Behaviour;

/**
 * Mechanism take-up: a scheme is claimed only if its claimant knows it and it is worth the hassle; process support
 * informs part of the unaware and takes steps off the claim. Each case acts and has a near miss.
 */
class TakeUpTest {

    static final Behaviour B = Behaviour.defaults();
    static final double EPS = 1e-9;
    static final TakeUp.Scheme LKV = TakeUp.Scheme.of(ClaimableScheme.all().get("lkv"), B);
    static final TakeUp.Scheme STAP = TakeUp.Scheme.of(ClaimableScheme.all().get("stap"), B);
    static final TakeUp.Scheme E9 = TakeUp.Scheme.ofExemption("E9", Actor.EMPLOYER, 0.5, 2);
    /** A year of the older-worker LKV after its phase-out (max EUR 2,600) and before it (max EUR 6,000). */
    static final double LKV_YEAR_LOW = 2600;
    static final double LKV_YEAR_HIGH = 6000;
    /** A supporting organisation told the employer of the no-risk policy in 65 % of cases (SEO 2018-101). */
    static final TakeUp.Lever TELLS = new TakeUp.Lever(0.65, 0);

    final TakeUp takeUp = new TakeUp(B);

    @Test
    void theDefaultsReproduceTheLkvsPublishedNonUseOfAbout80Percent() {
        // tolerance stated before running: claimed in 15-25 % of eligible hires (non-use about 80 %, SEO Wtl evaluation; no
        // interval was published)
        for (double gain : new double[] {LKV_YEAR_LOW, LKV_YEAR_HIGH}) {
            double claimed = takeUp.claimChance(LKV, gain, TakeUp.Lever.NONE);
            assertTrue(claimed >= 0.15 && claimed <= 0.25, "claimed " + claimed + " at a gain of " + gain);
        }
    }

    /** The LKV scheme with one behaviour value set (as a scenario sets it). */
    static TakeUp.Scheme lkvWith(String key, double value) {
        return TakeUp.Scheme.of(ClaimableScheme.all().get("lkv"), Behaviour.with(Map.of(key, value)));
    }

    @Test
    void aClaimantWhoDoesNotKnowTheSchemeNeverClaimsIt() {
        TakeUp.Scheme nobodyKnows = lkvWith("takeup.lkv.awareness", 0.0);
        assertEquals(0, takeUp.claimChance(nobodyKnows, LKV_YEAR_HIGH, TakeUp.Lever.NONE), EPS);
        assertEquals(TakeUp.Outcome.UNAWARE, takeUp.decide(nobodyKnows, LKV_YEAR_HIGH, TakeUp.Lever.NONE, 0, 0));
        TakeUp.Scheme everybodyKnows = lkvWith("takeup.lkv.awareness", 1.0);
        assertEquals(takeUp.applyChance(everybodyKnows, LKV_YEAR_HIGH, TakeUp.Lever.NONE),
                takeUp.claimChance(everybodyKnows, LKV_YEAR_HIGH, TakeUp.Lever.NONE), EPS, "near miss: all know it");
        assertEquals(TakeUp.Outcome.CLAIMED, takeUp.decide(everybodyKnows, LKV_YEAR_HIGH, TakeUp.Lever.NONE, 0.99, 0));
    }

    @Test
    void aSmallEntitlementGoesUnclaimedMoreOftenThanALargeOne() {
        double hassle = B.get("takeup.lkv.steps") * B.get("takeup.hassle-per-step.EMPLOYER");
        assertEquals(LKV_YEAR_HIGH / (LKV_YEAR_HIGH + hassle),
                takeUp.applyChance(LKV, LKV_YEAR_HIGH, TakeUp.Lever.NONE), EPS);
        double shortContract = 200;
        assertTrue(takeUp.applyChance(LKV, shortContract, TakeUp.Lever.NONE)
                < takeUp.applyChance(LKV, LKV_YEAR_HIGH, TakeUp.Lever.NONE));
        assertEquals(0.5, takeUp.applyChance(LKV, hassle, TakeUp.Lever.NONE), EPS, "a gain equal to the hassle");
        assertEquals(0, takeUp.applyChance(LKV, 0, TakeUp.Lever.NONE), EPS, "near miss: nothing to gain");
    }

    @Test
    void anEmployersStepCostsMoreThanAWorkersAtTheSameSteps() {
        TakeUp.Scheme stap = TakeUp.Scheme.of(ClaimableScheme.all().get("stap"),
                Behaviour.with(Map.of("takeup.stap.steps", B.get("takeup.lkv.steps"))));
        assertEquals(B.get("takeup.hassle-per-step.EMPLOYER") / B.get("takeup.hassle-per-step.WORKER"),
                takeUp.hassle(LKV, TakeUp.Lever.NONE) / takeUp.hassle(stap, TakeUp.Lever.NONE), EPS);
        assertEquals(B.get("takeup.stap.steps") * B.get("takeup.hassle-per-step.WORKER"),
                takeUp.hassle(STAP, TakeUp.Lever.NONE), EPS, "near miss: the worker's own steps");
    }

    @Test
    void supportTellsAShareOfTheUnawareAndTakesStepsOff() {
        double base = B.get("takeup.lkv.awareness");
        assertEquals(1 - (1 - base) * (1 - 0.65), takeUp.awareness(LKV, TELLS), EPS);
        assertEquals(base, takeUp.awareness(LKV, TakeUp.Lever.NONE), EPS, "near miss: no support");
        TakeUp.Lever oneEntryPoint = new TakeUp.Lever(0, 2);
        assertEquals(B.get("takeup.hassle-per-step.EMPLOYER"), takeUp.hassle(LKV, oneEntryPoint), EPS,
                "3 steps less 2 leave one");
        TakeUp.Lever caseSupport = new TakeUp.Lever(0, 10);
        assertEquals(0, takeUp.hassle(LKV, caseSupport), EPS, "a claim keeps no fewer than no steps");
        assertEquals(1, takeUp.applyChance(LKV, 50, caseSupport), EPS, "without hassle any gain is claimed");
    }

    @Test
    void withTheSameDrawsSupportNeverTurnsAClaimIntoNone() {
        TakeUp.Lever both = new TakeUp.Lever(0.65, 2);
        int gained = 0;
        for (int i = 0; i < 50; i++) {
            for (int j = 0; j < 50; j++) {
                double aware = (i + 0.5) / 50;
                double apply = (j + 0.5) / 50;
                TakeUp.Outcome without = takeUp.decide(LKV, 800, TakeUp.Lever.NONE, aware, apply);
                TakeUp.Outcome with = takeUp.decide(LKV, 800, both, aware, apply);
                if (without == TakeUp.Outcome.CLAIMED) {
                    assertEquals(TakeUp.Outcome.CLAIMED, with, aware + ", " + apply);
                } else if (with == TakeUp.Outcome.CLAIMED) {
                    gained++;
                }
            }
        }
        assertTrue(gained > 0, "the support adds claims");
    }

    @Test
    void theOutcomeSaysWhyAKnownSchemeWasNotClaimed() {
        double p = takeUp.applyChance(LKV, 800, TakeUp.Lever.NONE);
        assertEquals(TakeUp.Outcome.NOT_WORTH_IT, takeUp.decide(LKV, 800, TakeUp.Lever.NONE, 0, p + 0.01));
        assertEquals(TakeUp.Outcome.CLAIMED, takeUp.decide(LKV, 800, TakeUp.Lever.NONE, 0, p - 0.01), "near miss");
        double aware = B.get("takeup.lkv.awareness");
        assertEquals(TakeUp.Outcome.UNAWARE, takeUp.decide(LKV, 800, TakeUp.Lever.NONE, aware, 0));
    }

    static Answer.PaymentLine line(String rule, Actor payee, double amount, int from, int to, String exemption) {
        return new Answer.PaymentLine(rule, PaymentType.WAGE_COST_ADVANTAGE, Actor.STATE, payee, amount, from, to,
                "test", exemption);
    }

    @Test
    void aSchemeCarriesItsRulesLinesOrAllOfItsExemptions() {
        assertTrue(LKV.carries(line("LKV-HIGHEST-APPLIES", Actor.EMPLOYER, 200, 1, 36, null)));
        assertFalse(LKV.carries(line("LKS-AMOUNT", Actor.EMPLOYER, 200, 1, 36, null)), "near miss: another rule");
        assertTrue(E9.carries(line("E9-PROVINCIAL-LKV-MIRROR", Actor.EMPLOYER, 300, 1, 24, "E9")));
        assertTrue(E9.carries(line("E9-MIRROR-ADMINISTRATION", Actor.PROVIDER, 20, 1, 24, "E9")),
                "the scheme's administration goes with the claim");
        assertFalse(E9.carries(line("E4-COOPERATIVE-SUBSIDY", Actor.EMPLOYER, 300, 1, 24, "E4")), "near miss");
    }

    @Test
    void anExemptionCarriesOnlyWhatAPublicBodyPaysAndSomeoneMustAskFor() {
        Answer.PaymentLine wage = new Answer.PaymentLine("E5-WAGE", PaymentType.WAGE, Actor.EMPLOYER, Actor.WORKER, 1500,
                1, 6, "test", "E9");
        Answer.PaymentLine benefit = new Answer.PaymentLine("E6-DISREGARD", PaymentType.BIJSTAND_BENEFIT,
                Actor.MUNICIPALITY, Actor.WORKER, 200, 1, 6, "test", "E9");
        Answer.PaymentLine administration = new Answer.PaymentLine("E9-ADMIN", PaymentType.IMPLEMENTATION,
                Actor.PROVINCE, Actor.PROVIDER, 50, 1, 1, "test", "E9");
        assertFalse(E9.carries(wage), "a wage the exemption sets is the employer's to pay, not a claim");
        assertFalse(E9.carries(benefit), "a benefit the exemption changes is applied without a claim");
        assertTrue(E9.carries(administration), "its administration goes with the claim");
        Answer.PaymentLine loan = new Answer.PaymentLine("E10-LOAN-GRANT-ELEMENT", PaymentType.TRAINING_GRANT,
                Actor.PROVINCE, Actor.WORKER, 400, nl.fieldlab.sandbox.domain.Payment.LOAN_DRAWN,
                nl.fieldlab.sandbox.domain.Payment.LOAN_DRAWN, "test", "E9");
        assertFalse(E9.carries(loan), "a loan's cost is booked when the worker draws it (course-uptake), no claim");
    }

    @Test
    void anExemptionIsClaimedByTheEmployerItPaysElseByTheWorkerElseByNobody() {
        Answer.PaymentLine toWorker = new Answer.PaymentLine("E3-ACCOUNT", PaymentType.TRAINING_GRANT, Actor.PROVINCE,
                Actor.WORKER, 1500, 1, 1, "test", "E3");
        Answer.PaymentLine toEmployer = new Answer.PaymentLine("E10-GRANT", PaymentType.TRAINING_GRANT, Actor.PROVINCE,
                Actor.EMPLOYER, 1500, 1, 1, "test", "E3");
        Answer.PaymentLine toProvider = new Answer.PaymentLine("E3-ADMIN", PaymentType.IMPLEMENTATION, Actor.PROVINCE,
                Actor.PROVIDER, 50, 1, 1, "test", "E3");
        assertEquals(Actor.WORKER, TakeUp.exemptionClaimant("E3", answer(toWorker, toProvider)));
        assertEquals(Actor.EMPLOYER, TakeUp.exemptionClaimant("E3", answer(toWorker, toEmployer)));
        assertEquals(null, TakeUp.exemptionClaimant("E3", answer(toProvider)), "pays nobody to claim");
        assertEquals(null, TakeUp.exemptionClaimant("E9", answer(toWorker)), "near miss: another exemption");
    }

    @Test
    void theGainIsWhatTheSchemePaysItsClaimantWithinTheHorizon() {
        Answer a = new Answer(List.of(), List.of(), List.of(), List.of(), List.of(
                line("E9-PROVINCIAL-LKV-MIRROR", Actor.EMPLOYER, 300, 1, 24, "E9"),
                line("E9-MIRROR-ADMINISTRATION", Actor.PROVIDER, 20, 1, 24, "E9"),
                line("LKS-AMOUNT", Actor.EMPLOYER, 900, 1, 12, null)), List.of(), List.of(), Set.of("E9"));
        assertEquals(12 * 300, TakeUp.gain(E9, a, 12), EPS);
        assertEquals(24 * 300, TakeUp.gain(E9, a, 36), EPS, "the payment ends before the horizon");
        assertEquals(0, TakeUp.gain(LKV, a, 12), EPS, "near miss: no LKV in the answer");
        Answer later = new Answer(List.of(), List.of(), List.of(), List.of(), List.of(
                line("LKV-HIGHEST-APPLIES", Actor.EMPLOYER, 100, 13, 36, null)), List.of(), List.of(), Set.of());
        assertEquals(0, TakeUp.gain(LKV, later, 12), EPS, "a payment starting after the horizon");
        assertNotEquals(0, TakeUp.gain(LKV, later, 13), EPS);
    }

    @Test
    void onlyAnEmployerOrAWorkerClaims() {
        assertThrows(IllegalArgumentException.class,
                () -> new TakeUp.Scheme("lkv", Actor.PROVIDER, Set.of("LKV-HIGHEST-APPLIES"), null, 0.2, 3));
        assertThrows(IllegalArgumentException.class, () -> TakeUp.Scheme.ofExemption("E9", Actor.EMPLOYER, 1.5, 2));
        assertThrows(IllegalArgumentException.class, () -> new TakeUp.Lever(1.2, 0));
    }

    static final Answer HIRE_WITH_LKV_AND_E9 = new Answer(List.of(), List.of(), List.of(), List.of(), List.of(
            line("LKV-HIGHEST-APPLIES", Actor.EMPLOYER, 200, 1, 36, null),
            line("E9-PROVINCIAL-LKV-MIRROR", Actor.EMPLOYER, 300, 1, 24, "E9"),
            line("E9-MIRROR-ADMINISTRATION", Actor.PROVIDER, 20, 1, 24, "E9"),
            new Answer.PaymentLine("WML-WAGE", PaymentType.WAGE, Actor.EMPLOYER, Actor.WORKER, 3000, 1, 12, "wage",
                    null)), List.of(), List.of(), Set.of("E9"));

    static Answer answer(Answer.PaymentLine... lines) {
        return new Answer(List.of(), List.of(), List.of(), List.of(), List.of(lines), List.of(), List.of(), Set.of());
    }

    /** Draws that make every claimant aware and every aware claimant apply (or none, with 1). */
    static TakeUp.Draws draws(double aware, double apply) {
        return new TakeUp.Draws() {
            public double aware(TakeUp.Scheme s) {
                return aware;
            }

            public double apply(TakeUp.Scheme s) {
                return apply;
            }
        };
    }

    @Test
    void anUnclaimedSchemesLinesLeaveTheAnswerAndAreKeptAsUnclaimed() {
        TakeUp.Settled s = takeUp.settle(List.of(LKV, STAP, E9), HIRE_WITH_LKV_AND_E9, x -> TakeUp.Lever.NONE,
                draws(0.999, 0), 12);
        assertEquals(Map.of("lkv", TakeUp.Outcome.UNAWARE, "E9", TakeUp.Outcome.UNAWARE), s.outcomes(),
                "STAP is not granted here, so not decided");
        assertEquals(List.of("WML-WAGE"), s.claimed().payments().stream().map(Answer.PaymentLine::ruleId).toList());
        assertEquals(Set.of(), s.claimed().exemptionsUsed(), "an unclaimed exemption is not used");
        assertEquals(3, s.unclaimed().size(), "the E9 administration goes with the E9 claim");
        assertEquals(-3000, s.claimed().netFor(Actor.EMPLOYER, 1), EPS, "the employer weighs no LKV it did not claim");
    }

    @Test
    void aClaimedSchemeStaysInTheAnswer() {
        TakeUp.Settled s = takeUp.settle(List.of(LKV, E9), HIRE_WITH_LKV_AND_E9, x -> TakeUp.Lever.NONE,
                draws(0, 0), 12);
        assertEquals(HIRE_WITH_LKV_AND_E9, s.claimed());
        assertTrue(s.unclaimed().isEmpty());
        assertEquals(Map.of("lkv", TakeUp.Outcome.CLAIMED, "E9", TakeUp.Outcome.CLAIMED), s.outcomes());
        TakeUp.Settled onlyE9 = takeUp.settle(List.of(LKV, E9), HIRE_WITH_LKV_AND_E9,
                x -> x == LKV ? TakeUp.Lever.NONE : new TakeUp.Lever(1, 0), draws(0.999, 0), 12);
        assertEquals(Map.of("lkv", TakeUp.Outcome.UNAWARE, "E9", TakeUp.Outcome.CLAIMED), onlyE9.outcomes(),
                "near miss: support that tells everyone in E9's scope, not the LKV's");
        assertEquals(Set.of("E9"), onlyE9.claimed().exemptionsUsed());
        assertEquals(1, onlyE9.unclaimed().size());
        assertEquals("lkv", onlyE9.unclaimed().get(0).scheme());
    }

    static ProcessSupport support(String id, Actor side, List<String> schemes, double reach, double steps) {
        return new ProcessSupport(id, id, ProcessSupport.Kind.CASE_SUPPORT, side, schemes, reach, steps, null, 1000,
                Actor.PROVINCE, "test", "test");
    }

    @Test
    void supportsForTheClaimantAndTheSchemeCombineAndOthersDoNotCount() {
        ProcessSupport ambassador = support("P1", Actor.EMPLOYER, List.of("lkv", "E9"), 0.65, 2);
        ProcessSupport entryPoint = support("P2", Actor.EMPLOYER, List.of("all"), 0.2, 1);
        ProcessSupport workers = support("P3", Actor.WORKER, List.of("all"), 0.5, 1);
        TakeUp.Lever both = TakeUp.Lever.of(List.of(ambassador, entryPoint, workers), LKV);
        assertEquals(1 - 0.35 * 0.8, both.reach(), EPS, "each tells a share of those the other left unaware");
        assertEquals(3, both.stepsRemoved(), EPS);
        assertEquals(TakeUp.Lever.NONE, TakeUp.Lever.of(List.of(ambassador), STAP), "near miss: not the worker's");
        assertEquals(0.5, TakeUp.Lever.of(List.of(ambassador, workers), STAP).reach(), EPS);
    }
}
