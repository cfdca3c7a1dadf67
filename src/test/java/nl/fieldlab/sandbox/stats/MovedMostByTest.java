package nl.fieldlab.sandbox.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class MovedMostByTest {

    @Test
    void aDominantValueIsNamedWithItsSign() {
        LatinHypercube d = LatinHypercube.of(32, 3, 1);
        double[] y = new double[32];
        for (int i = 0; i < 32; i++) {
            y[i] = -3 * d.points()[i][1] + 0.2 * d.points()[i][2];
        }
        Map<String, double[]> drawn = new LinkedHashMap<>();
        drawn.put("a", d.column(0));
        drawn.put("b", d.column(1));
        drawn.put("c", d.column(2));
        MovedMostBy m = MovedMostBy.of(drawn, y);
        assertEquals("b", m.named());
        assertTrue(m.each().get("b").rho() < -0.8);
        assertTrue(m.text().startsWith("b (-"), m.text());
    }

    @Test
    void aWeakCorrelationAmongManyValuesIsNotNamed() {
        // rho about 0.4 passes alone (p about 0.02) but not Holm's bar over 20 values
        LatinHypercube d = LatinHypercube.of(32, 20, 2);
        double[] y = new double[32];
        for (int i = 0; i < 32; i++) {
            y[i] = d.points()[i][0] + 2 * Math.sin(40 * i);
        }
        Map<String, double[]> drawn = new LinkedHashMap<>();
        for (int j = 0; j < 20; j++) {
            drawn.put("v" + j, d.column(j));
        }
        MovedMostBy m = MovedMostBy.of(drawn, y);
        double rho = m.each().get("v0").rho();
        assertTrue(Math.abs(rho) < 0.52, "rho " + rho);
        assertNull(m.named());
        assertTrue(m.text().startsWith("no single value (largest: "), m.text());
    }

    @Test
    void thePValueIsTheTTestOfTheRankCorrelation() {
        // t = 0.5 sqrt(30 / 0.75) = 3.162, two-sided p on 30 df about 0.0036
        assertEquals(0.0036, MovedMostBy.pValue(0.5, 32), 0.0003);
    }

    @Test
    void holmMultipliesTheSmallestPByTheNumberOfValuesAndKeepsTheOrder() {
        double[] x = new double[32];
        double[] y = new double[32];
        double[] z = new double[32];
        for (int i = 0; i < 32; i++) {
            x[i] = i;
            y[i] = i + 25 * Math.sin(7.3 * i);
            z[i] = Math.cos(3.1 * i);
        }
        Map<String, double[]> drawn = new LinkedHashMap<>();
        drawn.put("x", x);
        drawn.put("z", z);
        MovedMostBy m = MovedMostBy.of(drawn, y);
        var cx = m.each().get("x");
        var cz = m.each().get("z");
        double smaller = Math.min(cx.p(), cz.p());
        double larger = Math.max(cx.p(), cz.p());
        assertEquals(Math.min(1, 2 * smaller), Math.min(cx.holm(), cz.holm()), 1e-12);
        assertEquals(Math.min(1, Math.max(2 * smaller, larger)), Math.max(cx.holm(), cz.holm()), 1e-12);
    }
}
