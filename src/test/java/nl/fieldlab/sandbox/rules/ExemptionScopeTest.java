package nl.fieldlab.sandbox.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.YearMonth;
import java.util.Set;

import org.junit.jupiter.api.Test;

import nl.fieldlab.sandbox.domain.Status;

/** Whether a scope can reach anyone in a scenario, from what the scenario holds, before any simulation. */
class ExemptionScopeTest {

    private static ExemptionScope ages(int min, int max) {
        return new ExemptionScope(Set.of(), Set.of("NHN"), Set.of(), min, max, false, null, null, 0, 0, 0, false);
    }

    private static String why(ExemptionScope s, int youngest, int oldest) {
        return s.whyNoneCovered(Set.of("NHN"), Set.of(Status.WW), youngest, oldest, true, YearMonth.of(2026, 1),
                YearMonth.of(2030, 12));
    }

    @Test
    void aScopeWithoutAgeLimitsReachesEveryAge() {
        assertNull(why(ages(0, 0), 18, 69));
    }

    @Test
    void aScopeForTheYoungReachesNobodyInAnOlderScenario() {
        assertEquals("its ages (0 to 27) do not meet the scenario's (30 to 64)", why(ages(0, 27), 30, 64));
        // near miss: one worker young enough
        assertNull(why(ages(0, 27), 27, 64));
    }

    @Test
    void aScopeForTheOldReachesNobodyInAYoungerScenario() {
        assertEquals("its ages (50 to any) do not meet the scenario's (18 to 35)", why(ages(50, 0), 18, 35));
        assertNull(why(ages(50, 0), 18, 50));
    }
}
