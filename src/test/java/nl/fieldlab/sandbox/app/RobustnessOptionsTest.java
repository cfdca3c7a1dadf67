package nl.fieldlab.sandbox.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import nl.fieldlab.sandbox.scenario.RobustnessSpec;
import nl.fieldlab.sandbox.scenario.Scenario;
import nl.fieldlab.sandbox.scenario.ScenarioLoader;

/** What run --robustness makes of a scenario's block, and that the work estimate counts the draws. */
class RobustnessOptionsTest {

    private static final Scenario SMOKE = ScenarioLoader.load(Path.of("scenarios/smoke.yaml"));
    private static final RobustnessSpec BLOCK = new RobustnessSpec(16, 3, List.of("vacancy.lapse-rate"), null);
    private static final Scenario WITH_BLOCK = SMOKE.withRobustness(BLOCK);

    @Test
    void withoutTheOptionTheBlockDecides() {
        assertSame(BLOCK, Workbench.robustnessOf(WITH_BLOCK, null));
        assertNull(Workbench.robustnessOf(SMOKE, null));
    }

    @Test
    void offSwitchesTheBlockOffAndNReplacesItsDraws() {
        assertNull(Workbench.robustnessOf(WITH_BLOCK, 0));
        RobustnessSpec eight = Workbench.robustnessOf(WITH_BLOCK, 8);
        assertEquals(8, eight.draws());
        assertEquals(3, eight.replicationsPerDraw(), "the block's replications per draw stay");
        assertEquals(List.of("vacancy.lapse-rate"), eight.values());
        RobustnessSpec none = Workbench.robustnessOf(SMOKE, 4);
        assertEquals(4, none.draws());
        assertEquals(RobustnessSpec.DEFAULT_REPLICATIONS, none.replicationsPerDraw());
    }

    @Test
    void tooFewDrawsAndABaselineAloneAreRefused() {
        CommandFailure few = assertThrows(CommandFailure.class, () -> Workbench.robustnessOf(SMOKE, 3));
        assertTrue(few.getMessage().startsWith("--robustness: expected off or 4 to 256 draws, got 3"));
        Scenario alone = SMOKE.with(SMOKE.seed(), 3, SMOKE.behaviour(), SMOKE.variants().subList(0, 1));
        CommandFailure nothing = assertThrows(CommandFailure.class, () -> Workbench.robustnessOf(alone, 8));
        assertEquals("robustness: nothing to compare: the scenario has only the variant 'baseline'",
                nothing.getMessage());
    }

    @Test
    void theWorkCountsTheDraws() {
        WorkEstimate.Work w = WorkEstimate.of(SMOKE, BLOCK);
        double main = (double) SMOKE.workerCount() * SMOKE.months() * SMOKE.variants().size() * SMOKE.replications();
        double draws = (double) SMOKE.workerCount() * SMOKE.months() * SMOKE.variants().size() * 3 * 16;
        assertEquals(main + draws, w.workerMonths());
        assertTrue(w.breakdown().contains(" + 16 draws x ("), w.breakdown());
        assertEquals(WorkEstimate.of(SMOKE).workerMonths(), WorkEstimate.of(SMOKE, null).workerMonths());
    }
}
