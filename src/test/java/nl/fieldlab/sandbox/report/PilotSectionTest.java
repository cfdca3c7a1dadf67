package nl.fieldlab.sandbox.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import nl.fieldlab.sandbox.TestRuns;
import nl.fieldlab.sandbox.evaluation.AtCap;
import nl.fieldlab.sandbox.stats.Summary;

/**
 * The pilot section's warning: a small simulated effect that a pilot at the cap cannot detect, and the same effect
 * with the cap raised tenfold (the near miss); and the section in a real report.
 */
class PilotSectionTest {

    /** 20,000 eligible, 2,000 took part in the rollout: take-up 0.1; control share 0.6. */
    private static final double ELIGIBLE = 20_000;
    private static final double PARTICIPANTS = 2_000;
    private static final double CONTROL = 0.6;
    /** A planted effect of 2.5 pp, clearly above zero in the simulation. */
    private static final Summary EFFECT = Summary.of(new double[] {0.024, 0.026, 0.025, 0.0245, 0.0255});

    @Test
    void aSmallCapMakesTheEffectUndetectable() {
        // cap 200 at take-up 0.1: 2,000 offered against 18,000 controls, MDE 3.24 pp > 2.5 pp
        AtCap arms = AtCap.of(ELIGIBLE, ELIGIBLE, PARTICIPANTS, 200);
        assertEquals(0.0324, arms.lotteryMde(CONTROL, 0.05, 0.8), 0.0005);
        List<String> w = PilotSection.warnings("EX", "its cap of 200 participants", arms, CONTROL, EFFECT, 0.05, 0.8, 0,
                "employment 12 months after intake");
        assertEquals(1, w.size(), w.toString());
        assertTrue(w.get(0).startsWith("EX: " + PilotSection.UNDETECTABLE + ". At its cap of 200 participants a "
                + "lottery can detect 3.23 pp on employment 12 months after intake; the simulated effect is 2.50 pp"),
                w.get(0));
    }

    @Test
    void aCapThatDoesNotBindIsNotBlamed() {
        // 2,000 eligible at take-up 0.1: a cap of 300 participants would allow 3,000 offered, more than half of them,
        // so the eligible population limits the pilot (1,000 a arm, MDE 6.1 pp > 2.5 pp), not the cap
        AtCap arms = AtCap.of(2_000, 2_000, 200, 300);
        List<String> w = PilotSection.warnings("EX", "its cap of 300 participants", arms, CONTROL, EFFECT, 0.05, 0.8,
                0, "employment 12 months after intake");
        assertEquals(1, w.size(), w.toString());
        assertTrue(w.get(0).startsWith("EX: " + PilotSection.UNDETECTABLE_ANYWAY + ". With the 2,000 eligible "
                + "observed, half offered, a lottery can detect 6."), w.get(0));
    }

    @Test
    void aTenfoldCapRemovesTheWarning() {
        // cap 2,000: 10,000 a arm, MDE 1.94 pp < 2.5 pp
        AtCap arms = AtCap.of(ELIGIBLE, ELIGIBLE, PARTICIPANTS, 2_000);
        assertEquals(0.0194, arms.lotteryMde(CONTROL, 0.05, 0.8), 0.0005);
        assertEquals(List.of(), PilotSection.warnings("EX", "its cap of 2,000 participants", arms, CONTROL, EFFECT, 0.05,
                0.8, 0, "employment 12 months after intake"));
    }

    @Test
    void anEffectThatHoldsZeroAndACapThatBindSaySo() {
        AtCap arms = AtCap.of(ELIGIBLE, ELIGIBLE, PARTICIPANTS, 2_000);
        List<String> w = PilotSection.warnings("EX", "a cap", arms, CONTROL, Summary.of(new double[] {0.03, -0.01, 0.05}),
                0.05, 0.8, 12, "employment 12 months after intake");
        assertTrue(w.contains("EX: the simulated effect is not significant in the simulation itself."), w.toString());
        assertTrue(w.contains("EX: the cap bound in the rollout (12.0 turned away a replication): the "
                + "intention-to-treat effect is diluted."), w.toString());
    }

    @Test
    void noSampleSizeFromTooFewReplications() {
        // two replications that happened to agree: a point interval, which must not give a sample size
        Summary point = Summary.of(new double[] {0.0017, 0.0017});
        assertEquals("not stated below 10 replications", PilotSection.neededText(point, 1_228_654));
        Summary ten = Summary.of(new double[] {0.02, 0.03, 0.025, 0.02, 0.03, 0.025, 0.02, 0.03, 0.025, 0.025});
        assertEquals("1,600", PilotSection.neededText(ten, 1_600));
        assertEquals("no effect to detect", PilotSection.neededText(ten, Double.NaN));
    }

    @Test
    void theDefaultReportOfSmokeHasNoSectionWithoutTheDesigns() {
        // TestRuns builds a report without the rules' designs: the section needs them (Workbench loads them)
        Report r = TestRuns.report(TestRuns.run(TestRuns.scenario("scenarios/smoke.yaml"), 1));
        assertTrue(r.sections().stream().noneMatch(s -> s.id().equals("pilot")));
    }
}
