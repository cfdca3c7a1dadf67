package nl.fieldlab.sandbox.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SignShareTest {

    /** The Wilson score interval by its formula, at z = 1.959964 (95 %). */
    private static double[] wilson(int held, int n) {
        double z = 1.959963984540054;
        double p = (double) held / n;
        double centre = (p + z * z / (2 * n)) / (1 + z * z / n);
        double half = z / (1 + z * z / n) * Math.sqrt(p * (1 - p) / n + z * z / (4.0 * n * n));
        return new double[] {centre - half, centre + half};
    }

    @Test
    void twentySevenOfThirtyTwo() {
        SignShare s = SignShare.of(27, 32);
        double[] w = wilson(27, 32);
        assertEquals(0.84375, s.share(), 1e-12);
        assertEquals(w[0], s.low(), 1e-9);
        assertEquals(w[1], s.high(), 1e-9);
        assertEquals(0.682, s.low(), 0.0005);
        assertEquals(0.931, s.high(), 0.0005);
        assertEquals("27 of 32 (84 % [68 %, 93 %])", s.text());
    }

    @Test
    void allThirtyTwoStillLeavesRoomBelow() {
        SignShare s = SignShare.of(32, 32);
        assertEquals(0.893, s.low(), 0.0005);
        assertEquals(1.0, s.high(), 1e-12);
    }

    @Test
    void thirtyOfThirtyTwoReadsAsTheLeadQuotesIt() {
        assertEquals("30 of 32 (94 % [80 %, 98 %])", SignShare.of(30, 32).text());
    }
}
