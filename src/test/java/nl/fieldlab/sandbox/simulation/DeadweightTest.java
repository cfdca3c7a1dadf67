package nl.fieldlab.sandbox.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Deadweight: the share of all that was paid that went to workers the baseline replication also places in time. */
class DeadweightTest {

    @Test
    void paymentsForPlacementsTheBaselineAlsoMakesAreDeadweight() {
        double[] paid = {1000, 1000, 1000, 1000, 0};
        int[] placedAt = {5, 5, 5, -1, 5};
        // worker 0: baseline places them 2 months later (deadweight); worker 1: 4 months later (outside the window);
        // worker 2: the baseline never places them; worker 3: paid but never placed here (no outcome bought)
        int[] reference = {7, 9, -1, 3, 5};
        assertEquals(3, Metrics.DEADWEIGHT_WINDOW_MONTHS, "update the test: the window changed");
        assertEquals(1000 / 4000.0, Simulator.deadShare(paid, placedAt, reference), 1e-12);
    }

    @Test
    void nothingPaidHasNoDeadweight() {
        assertTrue(Double.isNaN(Simulator.deadShare(new double[2], new int[] {1, 2}, new int[] {1, 2})));
    }
}
