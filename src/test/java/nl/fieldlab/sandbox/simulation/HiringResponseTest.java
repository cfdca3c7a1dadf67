package nl.fieldlab.sandbox.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import nl.fieldlab.sandbox.domain.Actor;
import nl.fieldlab.sandbox.domain.PaymentType;
import nl.fieldlab.sandbox.rules.Answer;
import nl.fieldlab.sandbox.scenario.Behaviour;

/** Mechanism hiring-response: each instrument weighs in the hiring decision by its own weight. */
class HiringResponseTest {

    static final double EPS = 1e-9;

    static Answer.PaymentLine pay(PaymentType type, Actor payer, Actor payee, double amount) {
        return new Answer.PaymentLine("R-" + type, type, payer, payee, amount, 1, 12, "test", null);
    }

    static Answer answer(Answer.PaymentLine... lines) {
        return new Answer(List.of(), List.of(), List.of(), List.of(), List.of(lines), List.of(), List.of(), Set.of());
    }

    final HiringResponse response = new HiringResponse(Behaviour.defaults());

    @Test
    void aWageCostAdvantageWeighsLessThanAWageCostSubsidyOfTheSameAmount() {
        Answer wage = answer(pay(PaymentType.WAGE, Actor.EMPLOYER, Actor.WORKER, 3000));
        Answer lks = answer(pay(PaymentType.WAGE, Actor.EMPLOYER, Actor.WORKER, 3000),
                pay(PaymentType.WAGE_COST_SUBSIDY, Actor.MUNICIPALITY, Actor.EMPLOYER, 500));
        Answer lkv = answer(pay(PaymentType.WAGE, Actor.EMPLOYER, Actor.WORKER, 3000),
                pay(PaymentType.WAGE_COST_ADVANTAGE, Actor.STATE, Actor.EMPLOYER, 500));
        assertEquals(-3000, response.weighedNet(wage, 1), EPS, "what the employer pays counts in full");
        assertEquals(-2500, response.weighedNet(lks, 1), EPS, "a subsidy counts in full");
        double w = Behaviour.defaults().get("hire.response.WAGE_COST_ADVANTAGE");
        assertTrue(w < 1);
        assertEquals(-3000 + 500 * w, response.weighedNet(lkv, 1), EPS);
        assertEquals(-2500, lkv.netFor(Actor.EMPLOYER, 1), EPS, "the ledger still pays the LKV in full");
        assertEquals(0, response.weighedNet(lkv, 13), EPS, "near miss: nothing paid after the lines end");
    }

    @Test
    void aProvincesMirrorOfTheLkvWeighsAsTheSubsidyItIs() {
        Answer mirror = answer(pay(PaymentType.WAGE, Actor.EMPLOYER, Actor.WORKER, 3000),
                pay(PaymentType.WAGE_COST_ADVANTAGE, Actor.PROVINCE, Actor.EMPLOYER, 500));
        assertEquals(-2500, response.weighedNet(mirror, 1), EPS, "paid on application, counted in full");
        Answer national = answer(pay(PaymentType.WAGE, Actor.EMPLOYER, Actor.WORKER, 3000),
                pay(PaymentType.WAGE_COST_ADVANTAGE, Actor.STATE, Actor.EMPLOYER, 500));
        assertTrue(response.weighedNet(national, 1) < -2500, "near miss: the tax authority's LKV weighs less");
    }

    @Test
    void aWeightOfOneForEveryInstrumentIsTheOldSingleResponse() {
        Behaviour all = Behaviour.with(Map.of("hire.response.WAGE_COST_ADVANTAGE", 1.0));
        Answer lkv = answer(pay(PaymentType.WAGE, Actor.EMPLOYER, Actor.WORKER, 3000),
                pay(PaymentType.WAGE_COST_ADVANTAGE, Actor.STATE, Actor.EMPLOYER, 500),
                pay(PaymentType.SICKNESS_BENEFIT, Actor.UWV, Actor.EMPLOYER, 100));
        assertEquals(lkv.netFor(Actor.EMPLOYER, 1), new HiringResponse(all).weighedNet(lkv, 1), EPS);
    }
}
