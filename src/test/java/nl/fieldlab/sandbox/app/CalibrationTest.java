package nl.fieldlab.sandbox.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import nl.fieldlab.sandbox.scenario.CalibrationTargets;
import nl.fieldlab.sandbox.scenario.ScenarioLoader;
import nl.fieldlab.sandbox.simulation.Simulator;

/** The shipped baseline reproduces the observed exit rates within the band (scenarios/calibration.yaml). */
class CalibrationTest {

    @Test
    void shippedDefaultsAreInsideTheCalibrationBand() {
        Workbench w = new Workbench("rules", "target/calibration-test-reports", List.of());
        Analyses a = new Analyses(w);
        CalibrationTargets targets = CalibrationTargets.load(Path.of("scenarios/calibration.yaml"));
        Analyses.Calibration c = a.calibrate(ScenarioLoader.load(Path.of("scenarios/default.yaml")), targets,
                new Analyses.Run(Simulator.defaultThreads(), Simulator.Progress.NONE, () -> false));
        assertEquals(targets.targets().size(), c.rows().size());
        StringBuilder sb = new StringBuilder();
        for (Analyses.CalibrationRow r : c.rows()) {
            sb.append(r.target().measure()).append(": simulated ").append(r.simulated().mean()).append(", target ")
                    .append(r.target().value()).append('\n');
        }
        assertTrue(c.allWithin(), sb.toString());
    }

    @Test
    void replicationPlannerNeedsMoreReplicationsForTighterIntervals() {
        assertEquals(2, Analyses.needed(0, 1));
        int loose = Analyses.needed(10, 5);
        int tight = Analyses.needed(10, 1);
        assertTrue(tight > loose, loose + " vs " + tight);
        // t(0.975, n-1) * 10 / sqrt(n) <= 1 first holds at n = 387 (z alone would give 385)
        assertEquals(387, tight);
    }
}
