package nl.fieldlab.sandbox.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class RngDeriveTest {

    @Test
    void derivedSeedsAreStableAndDistinctAcrossPurposesAndIndexes() {
        assertEquals(Rng.derive(42, Rng.Purpose.SEED_CHECK, 1), Rng.derive(42, Rng.Purpose.SEED_CHECK, 1));
        Set<Long> seen = new HashSet<>();
        seen.add(42L);
        for (Rng.Purpose p : Rng.Purpose.values()) {
            for (int k = 0; k < 100; k++) {
                seen.add(Rng.derive(42, p, k));
            }
        }
        assertEquals(1 + Rng.Purpose.values().length * 100, seen.size());
        assertNotEquals(Rng.derive(42, Rng.Purpose.SEED_CHECK, 0), Rng.derive(43, Rng.Purpose.SEED_CHECK, 0));
    }
}
