package nl.fieldlab.sandbox.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** Holm and Benjamini-Hochberg adjusted p-values, worked by hand. */
class CorrectionTest {

    private static final double[] P = {0.01, 0.04, 0.03, 0.005};

    @Test
    void holmMultipliesTheKthSmallestByMMinusKPlusOneAndKeepsThemMonotone() {
        // sorted 0.005 x 4 = 0.02, 0.01 x 3 = 0.03, 0.03 x 2 = 0.06, 0.04 x 1 = 0.04 -> raised to 0.06
        assertArrayEquals(new double[] {0.03, 0.06, 0.06, 0.02}, Correction.HOLM.adjust(P), 1e-12);
    }

    @Test
    void benjaminiHochbergMultipliesByMOverKFromTheTop() {
        // sorted 0.04 x 4/4 = 0.04, 0.03 x 4/3 = 0.04, 0.01 x 4/2 = 0.02, 0.005 x 4/1 = 0.02
        assertArrayEquals(new double[] {0.02, 0.04, 0.04, 0.02}, Correction.BENJAMINI_HOCHBERG.adjust(P), 1e-12);
    }

    @Test
    void aPThatIsNotANumberStaysSoAndIsNotCountedAmongTheTests() {
        double[] adjusted = Correction.HOLM.adjust(new double[] {0.01, Double.NaN, 0.02});
        assertEquals(0.02, adjusted[0], 1e-12); // m = 2, not 3
        assertTrue(Double.isNaN(adjusted[1]));
        assertEquals(0.02, adjusted[2], 1e-12);
    }

    @Test
    void theSmallestPIsCalledAtAlphaOverMAndNotJustAbove() {
        int m = 24;
        double[] p = new double[m];
        Arrays.fill(p, 0.5);
        p[7] = HeadlineFamily.ALPHA / m;
        assertTrue(Correction.HOLM.adjust(p)[7] <= HeadlineFamily.ALPHA);
        assertTrue(Correction.BENJAMINI_HOCHBERG.adjust(p)[7] <= HeadlineFamily.ALPHA);
        p[7] = HeadlineFamily.ALPHA / m + 1e-12;
        assertTrue(Correction.HOLM.adjust(p)[7] > HeadlineFamily.ALPHA);
        assertTrue(Correction.BENJAMINI_HOCHBERG.adjust(p)[7] > HeadlineFamily.ALPHA);
    }

    @Test
    void theAdjustedValuesRiseWithTheRawOnesAndNeverFallBelowThem() {
        Random random = new Random(0);
        double[] p = new double[30];
        for (int i = 0; i < p.length; i++) {
            p[i] = random.nextDouble() * random.nextDouble();
        }
        for (Correction c : Correction.values()) {
            double[] adjusted = c.adjust(p);
            for (int i = 0; i < p.length; i++) {
                assertTrue(adjusted[i] >= p[i] && adjusted[i] <= 1, c + " at " + i);
                for (int j = 0; j < p.length; j++) {
                    if (p[i] < p[j]) {
                        assertTrue(adjusted[i] <= adjusted[j], c + " at " + i + ", " + j);
                    }
                }
            }
        }
    }
}
