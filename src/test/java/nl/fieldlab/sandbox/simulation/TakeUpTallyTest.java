package nl.fieldlab.sandbox.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

/** Take-up per scheme: cases, reasons and money, added over replications. */
class TakeUpTallyTest {

    static TakeUp.Settled settled(Map<String, TakeUp.Outcome> outcomes) {
        return new TakeUp.Settled(TakeUpTest.HIRE_WITH_LKV_AND_E9, List.of(), new TreeMap<>(outcomes));
    }

    @Test
    void oneClaimInFiveIsATakeUpOfAFifthWithTheReasonsForTheRest() {
        TakeUpTally t = new TakeUpTally();
        t.decided(settled(Map.of("lkv", TakeUp.Outcome.CLAIMED, "E9", TakeUp.Outcome.CLAIMED)));
        for (int i = 0; i < 3; i++) {
            t.decided(settled(Map.of("lkv", TakeUp.Outcome.UNAWARE)));
        }
        t.decided(settled(Map.of("lkv", TakeUp.Outcome.NOT_WORTH_IT)));
        TakeUpTally.Scheme lkv = t.schemes().get("lkv");
        assertEquals(5, lkv.entitled);
        assertEquals(0.2, lkv.takeUp(), 1e-12);
        assertEquals(3, lkv.unaware);
        assertEquals(1, lkv.notWorthIt);
        assertEquals(1.0, t.schemes().get("E9").takeUp(), 1e-12, "near miss: another scheme counts apart");
    }

    @Test
    void moneyLeftUnclaimedIsAShareOfWhatWasDue() {
        TakeUpTally t = new TakeUpTally();
        t.paid("lkv", 200);
        t.unclaimed("lkv", 800);
        assertEquals(0.8, t.schemes().get("lkv").unclaimedShare(), 1e-12);
        t.unclaimed("stap", 0);
        assertTrue(Double.isNaN(t.schemes().get("stap").unclaimedShare()), "near miss: nothing was due");
        assertTrue(Double.isNaN(t.schemes().get("stap").takeUp()), "never granted: no take-up to speak of");
    }

    @Test
    void replicationsAddUp() {
        TakeUpTally a = new TakeUpTally();
        a.decided(settled(Map.of("lkv", TakeUp.Outcome.CLAIMED)));
        a.paid("lkv", 100);
        TakeUpTally b = new TakeUpTally();
        b.decided(settled(Map.of("lkv", TakeUp.Outcome.UNAWARE)));
        b.unclaimed("lkv", 300);
        a.add(b);
        TakeUpTally.Scheme lkv = a.schemes().get("lkv");
        assertEquals(2, lkv.entitled);
        assertEquals(0.5, lkv.takeUp(), 1e-12);
        assertEquals(0.75, lkv.unclaimedShare(), 1e-12);
        assertEquals(1, b.schemes().get("lkv").entitled, "the added tally is left as it was");
    }
}
