package nl.fieldlab.sandbox.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import nl.fieldlab.sandbox.stats.Summary;

/** A lottery held to an exemption's cap: its arms, MDE, power and the sample it would need. */
class AtCapTest {

    /** 2,000 eligible, all observed at the month; 400 took part in the rollout (take-up 0.2). */
    private static final double ELIGIBLE = 2_000;
    private static final double PARTICIPANTS = 400;

    @Test
    void theCapSetsTheTreatedArm() {
        // a cap of 100 participants at take-up 0.2 offers 500 people; 1,500 are controls
        AtCap a = AtCap.of(ELIGIBLE, ELIGIBLE, PARTICIPANTS, 100);
        assertEquals(500, a.treated(), 1e-9);
        assertEquals(1_500, a.control(), 1e-9);
        assertEquals(0.2, a.takeUp(), 1e-12);
        // near miss: a cap that does not bind leaves equal arms
        AtCap loose = AtCap.of(ELIGIBLE, ELIGIBLE, PARTICIPANTS, 1_000);
        assertEquals(1_000, loose.treated(), 1e-9);
        assertEquals(1_000, AtCap.of(ELIGIBLE, ELIGIBLE, PARTICIPANTS, 0).treated(), 1e-9, "no cap");
    }

    @Test
    void onlyIntakesObservedAtTheMonthCount() {
        AtCap a = AtCap.of(ELIGIBLE, ELIGIBLE / 2, PARTICIPANTS, 100);
        assertEquals(250, a.treated(), 1e-9);
        assertEquals(750, a.control(), 1e-9);
    }

    @Test
    void theMdeIsTheLotteryFormulaOnTheArms() {
        AtCap a = AtCap.of(ELIGIBLE, ELIGIBLE, PARTICIPANTS, 100);
        double sd = Math.sqrt(0.6 * 0.4);
        assertEquals(2.8016 * sd * Math.sqrt(1 / 500.0 + 1 / 1_500.0), a.lotteryMde(0.6, 0.05, 0.8), 1e-4);
        assertEquals(0.8, a.lotteryPower(a.lotteryMde(0.6, 0.05, 0.8), 0.6, 0.05), 0.001);
    }

    @Test
    void noEffectToDetectWhenTheSimulatedEffectIsNotSignificant() {
        Summary holdsZero = Summary.of(new double[] {0.01, -0.01, 0.02, -0.015});
        assertTrue(Double.isNaN(AtCap.needed(holdsZero, 0.6, 0.05, 0.8)));
        Summary clear = Summary.of(new double[] {0.05, 0.051, 0.049, 0.05});
        assertEquals(PowerCalc.lotteryNeeded(0.05, Math.sqrt(0.24), 0.05, 0.8), AtCap.needed(clear, 0.6, 0.05, 0.8));
    }
}
