package nl.fieldlab.sandbox.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import nl.fieldlab.sandbox.scenario.Scenario;
import nl.fieldlab.sandbox.scenario.ScenarioLoader;
import nl.fieldlab.sandbox.simulation.Simulator;

/**
 * How long a command's simulations will take, said before they start: quick work says nothing, work of more than
 * ten minutes says how long, work beyond the limit is refused with the figure and how to go ahead.
 */
class WorkEstimateTest {

    /** The default scenario with four of its variants, so that the figures below are the arithmetic's alone. */
    static final Scenario DEFAULT = fourVariants(ScenarioLoader.load(Path.of("scenarios/default.yaml")));

    private static Scenario fourVariants(Scenario s) {
        return s.with(s.seed(), s.replications(), s.behaviour(), s.variants().subList(0, 4));
    }

    @Test
    void theWorkIsWorkersTimesMonthsTimesVariantsTimesReplications() {
        WorkEstimate.Work w = WorkEstimate.of(DEFAULT);
        assertEquals(5_000.0 * 60 * 4 * 20, w.workerMonths());
        assertEquals("5,000 workers x 60 months x 4 variants x 20 replications", w.breakdown());
        assertEquals(5_000.0 * 60 * 4 * 20 * 7, w.times(7, "points").workerMonths());
    }

    @Test
    void theShippedRunIsQuickAndSaysNothing() {
        // 24,000,000 worker-months: 40 s on 2 threads at the measured rate
        assertNull(WorkEstimate.check(WorkEstimate.of(DEFAULT), 2, "this run", "fewer", 24));
    }

    @Test
    void tenThousandReplicationsOfTheDefaultScenarioWarnWithTheFigure() {
        Scenario s = DEFAULT.with(DEFAULT.seed(), 10_000, DEFAULT.behaviour(), DEFAULT.variants());
        String warning = WorkEstimate.check(WorkEstimate.of(s), 2, "this run", "fewer", 24);
        assertEquals("warning: this run would take about 5.6 hours on this machine (12,000,000,000 worker-months: "
                + "5,000 workers x 60 months x 4 variants x 10,000 replications; at about 600,000 worker-months a second "
                + "on 2 threads)", warning);
    }

    @Test
    void aSweepOfDaysIsRefusedWithHowToGoAhead() {
        Scenario s = DEFAULT.with(DEFAULT.seed(), 10_000, DEFAULT.behaviour(), DEFAULT.variants());
        WorkEstimate.Work days = WorkEstimate.of(s).times(10, "points");
        CommandFailure f = assertThrows(CommandFailure.class,
                () -> WorkEstimate.check(days, 2, "this sweep", "fewer --steps or --replications", 24));
        assertEquals(ExitCodes.BAD_INPUT, f.exitCode());
        assertEquals("this sweep would take about 2.3 days on this machine (120,000,000,000 worker-months: 10 points x "
                + "(5,000 workers x 60 months x 4 variants x 10,000 replications); at about 600,000 worker-months a "
                + "second on 2 threads); the limit is 24.0 hours: use fewer --steps or --replications, or start Java "
                + "with -Dfieldlab.max-run-hours=67 to go ahead", f.getMessage());
        // with the limit raised as the message says, it goes ahead with a warning
        assertTrue(WorkEstimate.check(days, 2, "this sweep", "fewer", 67).startsWith("warning: this sweep would take"));
    }

    @Test
    void aCommandSaysHowLongBeforeItStarts() {
        Workbench workbench = new Workbench("rules", "target/work-estimate-reports", List.of());
        List<String> notes = new ArrayList<>();
        Simulator.Progress progress = new Simulator.Progress() {
            @Override
            public void update(int done, int total) {
            }

            @Override
            public void note(String line) {
                notes.add(line);
            }
        };
        workbench.checkWork(WorkEstimate.of(DEFAULT), 2, DEFAULT, "this run", "fewer", progress);
        assertEquals(List.of(), notes, "a run of a minute says nothing");
        Scenario hours = DEFAULT.with(DEFAULT.seed(), 10_000, DEFAULT.behaviour(), DEFAULT.variants());
        workbench.checkWork(WorkEstimate.of(hours), 1, hours, "this run", "fewer", progress);
        assertEquals(1, notes.size());
        assertTrue(notes.get(0).startsWith("warning: this run would take about 11.1 hours on this machine"),
                notes.get(0));
    }

    @Test
    void durationsReadAsAPersonWouldSayThem() {
        assertEquals("45 seconds", WorkEstimate.duration(45));
        assertEquals("45 minutes", WorkEstimate.duration(45 * 60));
        assertEquals("5.6 hours", WorkEstimate.duration(5.6 * 3600));
        assertEquals("18.5 days", WorkEstimate.duration(18.5 * 86400));
    }
}
