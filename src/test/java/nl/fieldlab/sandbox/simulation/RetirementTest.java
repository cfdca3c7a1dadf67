package nl.fieldlab.sandbox.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.fieldlab.sandbox.TestRuns;
import nl.fieldlab.sandbox.rules.Variant;
import nl.fieldlab.sandbox.scenario.Scenario;

/** Mechanism retirement: at the state pension age of the rules a worker leaves the labour market. */
class RetirementTest {

    @TempDir
    Path tmp;

    @Test
    void workersWhoReachTheStatePensionAgeLeaveAndNobodyBelowItDoes() throws IOException {
        String smoke = Files.readString(Path.of("scenarios/smoke.yaml"));
        String old = "    age: {min: 25, max: 60}";
        assertTrue(smoke.contains(old), "update the test: the smoke scenario's WW ages changed");
        Path file = tmp.resolve("old.yaml");
        Files.writeString(file, smoke.replace(old, "    age: {min: 66, max: 66}").replace("months: 6", "months: 13"));
        Scenario s = TestRuns.scenario(file.toString());
        // the same people with the state pension age raised beyond their reach (a what-if on the rules' parameter)
        Variant later = new Variant("aow-70", List.of(), Map.of(Run.STATE_PENSION_AGE, 70.0));
        s = s.with(s.seed(), 3, s.behaviour(), List.of(Variant.baseline(), later));
        SimulationResult r = TestRuns.run(s, 2);

        double[] retired = r.metrics().get(Variant.BASELINE).get(Metrics.RETIREMENTS);
        double[] none = r.metrics().get("aow-70").get(Metrics.RETIREMENTS);
        for (int rep = 0; rep < retired.length; rep++) {
            // every one of the 60 WW recipients of 66 turns 67 within the 13 months; a few leave WW for other reasons first
            assertTrue(retired[rep] >= 50 && retired[rep] <= 60, "replication " + rep + ": " + retired[rep]);
            assertEquals(0, none[rep], "nobody reaches 70 within 13 months");
        }
        // with the WW recipients gone, fewer months of benefit are paid
        assertTrue(r.metrics().get(Variant.BASELINE).get(Metrics.BENEFIT_PAYMENTS)[0]
                < r.metrics().get("aow-70").get(Metrics.BENEFIT_PAYMENTS)[0]);
    }
}
