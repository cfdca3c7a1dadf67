package nl.fieldlab.sandbox.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;

import org.junit.jupiter.api.Test;

import nl.fieldlab.sandbox.domain.Actor;

/** The take-up draws: knowledge belongs to the claimant, the claim to the case; variants share them. */
class ClaimDrawsTest {

    static final Rng RNG = Rng.forReplication(42, 0);
    static final TakeUp.Scheme LKV = new TakeUp.Scheme("lkv", Actor.EMPLOYER, Set.of("LKV-HIGHEST-APPLIES"), null,
            0.22, 3);
    static final TakeUp.Scheme STAP = new TakeUp.Scheme("stap", Actor.WORKER, Set.of("STAP-BUDGET"), null, 0.6, 2);

    @Test
    void anEmployerKnowsASchemeForEveryHireInEveryMonth() {
        double first = new ClaimDraws(RNG, 1, 7, 3).aware(LKV);
        assertEquals(first, new ClaimDraws(RNG, 250, 7, 40).aware(LKV), 0, "another worker, another month");
        assertNotEquals(first, new ClaimDraws(RNG, 1, 8, 3).aware(LKV), "near miss: another employer");
        assertEquals(new ClaimDraws(RNG, 1, 7, 3).aware(STAP), new ClaimDraws(RNG, 1, 9, 20).aware(STAP), 0,
                "a worker's scheme: the worker's knowledge, whoever the employer");
    }

    @Test
    void aClaimIsDrawnPerCaseAndMonth() {
        assertNotEquals(new ClaimDraws(RNG, 1, 7, 3).apply(LKV), new ClaimDraws(RNG, 1, 7, 4).apply(LKV));
        assertEquals(new ClaimDraws(RNG, 1, 7, 3).apply(LKV), new ClaimDraws(RNG, 1, 99, 3).apply(LKV), 0,
                "the same case at another employer: the same draw, so variants compare like with like");
    }

    @Test
    void aboutTheDeclaredShareOfEmployersKnowsTheScheme() {
        int aware = 0;
        int n = 4000;
        for (int e = 0; e < n; e++) {
            if (new ClaimDraws(RNG, 0, e, 1).aware(LKV) < LKV.awareness()) {
                aware++;
            }
        }
        // 4,000 employers at 0.22: a standard error of 0.0066, so 0.19-0.25 fails only for a broken stream
        assertTrue(Math.abs(aware / (double) n - 0.22) < 0.03, aware + " of " + n);
    }

    @Test
    void schemesAreToldApartByIdSoAnotherSchemeDoesNotShiftTheirDraws() {
        TakeUp.Scheme lkvAgain = new TakeUp.Scheme("lkv", Actor.EMPLOYER, Set.of(), "E9", 0.5, 1);
        assertEquals(new ClaimDraws(RNG, 1, 7, 3).aware(LKV), new ClaimDraws(RNG, 1, 7, 3).aware(lkvAgain), 0);
        TakeUp.Scheme e9 = TakeUp.Scheme.ofExemption("E9", Actor.EMPLOYER, 0.22, 3);
        assertNotEquals(new ClaimDraws(RNG, 1, 7, 3).aware(LKV), new ClaimDraws(RNG, 1, 7, 3).aware(e9));
    }
}
