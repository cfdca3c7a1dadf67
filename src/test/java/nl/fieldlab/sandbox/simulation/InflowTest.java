package nl.fieldlab.sandbox.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Mechanism inflow: entrants per group and month at the scenario's rate, the same in every variant. */
class InflowTest {

    /** CBS 82662NED: 83,560 bijstand entrants in 2023, about 7,000 a month nationally; a region's share of it. */
    static final double BIJSTAND_PER_MONTH = 25;
    static final int MONTHS = 240;
    static final int STOCK = 3550;

    @Test
    void aGroupWithoutARateStaysClosed() {
        Inflow in = Inflow.schedule(new double[] {0, BIJSTAND_PER_MONTH}, MONTHS, STOCK, Rng.forSeed(7));
        int open = 0;
        for (int m = 0; m < MONTHS; m++) {
            assertEquals(0, in.entrants(m, 0), "month " + m);
            open += in.entrants(m, 1);
        }
        // near miss: the group with a rate gets its entrants, about rate x months
        assertEquals(BIJSTAND_PER_MONTH * MONTHS, open, 4 * Math.sqrt(BIJSTAND_PER_MONTH * MONTHS));
        assertEquals(open, in.total());
    }

    @Test
    void theSameSeedBringsTheSameEntrants() {
        Inflow a = Inflow.schedule(new double[] {3.5, BIJSTAND_PER_MONTH}, 60, STOCK, Rng.forSeed(7));
        Inflow b = Inflow.schedule(new double[] {3.5, BIJSTAND_PER_MONTH}, 60, STOCK, Rng.forSeed(7));
        Inflow other = Inflow.schedule(new double[] {3.5, BIJSTAND_PER_MONTH}, 60, STOCK, Rng.forSeed(8));
        boolean differs = false;
        for (int m = 0; m < 60; m++) {
            for (int g = 0; g < 2; g++) {
                assertEquals(a.entrants(m, g), b.entrants(m, g));
                differs |= a.entrants(m, g) != other.entrants(m, g);
            }
        }
        assertTrue(differs, "another seed draws other entrants");
    }

    @Test
    void entrantsAreNumberedAfterTheStockMonthByMonthAndGroupByGroup() {
        Inflow in = Inflow.schedule(new double[] {2, 5}, 3, STOCK, Rng.forSeed(11));
        int next = STOCK;
        for (int m = 0; m < 3; m++) {
            for (int g = 0; g < 2; g++) {
                assertEquals(next, in.firstId(m, g));
                next += in.entrants(m, g);
            }
        }
        assertEquals(next - STOCK, in.total());
    }
}
