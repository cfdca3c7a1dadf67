package nl.fieldlab.sandbox.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import nl.fieldlab.sandbox.scenario.Behaviour;
import nl.fieldlab.sandbox.scenario.Scenario;
import nl.fieldlab.sandbox.simulation.Metrics;
import nl.fieldlab.sandbox.stats.Ratio;

/** The employment gap at the horizon, fading, counted in work-years and net public cost after the horizon. */
class TerminalValueTest {

    @Test
    void aPersonInWorkAtTheHorizonAddsTheSumOfTheFadingWeights() {
        TerminalValue t = TerminalValue.of(Behaviour.defaults());
        assertEquals(24, t.persistenceMonths());
        assertEquals(120, t.months());
        // Σ exp(-m/24), m = 1..120 = e^(-1/24) (1 - e^(-5)) / (1 - e^(-1/24)) = 23.3
        double q = Math.exp(-1 / 24.0);
        assertEquals(q * (1 - Math.pow(q, 120)) / (1 - q), t.monthsPerPerson(), 1e-9);
        assertEquals(23.3, t.monthsPerPerson(), 0.05);
        // a gap of 10 at the horizon: 19.5 work-years, and EUR -420k at a fiscal gain of EUR 1,800 a work-month
        assertEquals(19.45, t.workYears(new double[] {10})[0], 0.01);
        assertEquals(-420_000, t.netPublicCost(new double[] {10}, new double[] {1_800})[0], 1_000);
        // no persistence: nothing carried past the horizon
        assertEquals(0, new TerminalValue(0, 120).monthsPerPerson());
    }

    @Test
    void aReplicationWithoutAFiscalGainTakesTheMeanOfTheOthers() {
        TerminalValue t = new TerminalValue(24, 120);
        double[] c = t.netPublicCost(new double[] {1, 1, 1}, new double[] {1_000, Double.NaN, 2_000});
        assertEquals(c[0] * 1.5, c[1], 1e-6);
    }

    @Test
    void theHeadlineRatioCountsTheWorkYearsAndCostAfterTheHorizon() {
        // +60 work-years to the horizon (720 months), +10 in work at it, +EUR 600k net public cost
        PlantedRun run = new PlantedRun("E1").set(Metrics.MONTHS_IN_WORK, PlantedRun.around(720, 30))
                .set(Metrics.EMPLOYED_AT_HORIZON, PlantedRun.around(10, 1))
                .set(Metrics.PUBLIC_COST, PlantedRun.around(600_000, 20_000));
        CostEffectiveness c = run.costEffectiveness();
        double after = 10 * new TerminalValue(24, 120).monthsPerPerson();
        assertEquals(after / 12, c.yearsAfterHorizon().mean(), 1e-6);
        assertEquals(-1_800 * after, c.costAfterHorizon().mean(), 1e-3);
        Ratio headline = c.costPerExtraWorkYear();
        assertTrue(headline.defined(), headline.undefined());
        assertEquals((600_000 - 1_800 * after) / (60 + after / 12), headline.estimate(), 1e-6);
        assertEquals(600_000 / 60.0, c.perYearInWork().estimate(), 1e-6, "the horizon-only row stays as it was");
        assertTrue(c.reading(run.scenario.start(), null).startsWith("E1: each extra work-year costs the public purse"
                + " EUR 2,26"), c.reading(run.scenario.start(), null));

        // persistence 0: the headline is the horizon's ratio
        Scenario none = run.scenario.with(run.scenario.seed(), run.scenario.replications(),
                Behaviour.with(Map.of(TerminalValue.PERSISTENCE, 0.0)), run.scenario.variants());
        PlantedRun flat = new PlantedRun(none, "E1").set(Metrics.MONTHS_IN_WORK, PlantedRun.around(720, 30))
                .set(Metrics.EMPLOYED_AT_HORIZON, PlantedRun.around(10, 1))
                .set(Metrics.PUBLIC_COST, PlantedRun.around(600_000, 20_000));
        assertEquals(c.perYearInWork().estimate(), flat.costEffectiveness().costPerExtraWorkYear().estimate(), 1e-9);
    }

    @Test
    void aTerminalValueCannotMakeAWorkYearDifferenceTheRunDidNotShow() {
        // work-years to the horizon: noise around 0; at the horizon +10 in work
        PlantedRun run = new PlantedRun("E1").set(Metrics.MONTHS_IN_WORK, PlantedRun.around(0, 100))
                .set(Metrics.EMPLOYED_AT_HORIZON, PlantedRun.around(10, 1))
                .set(Metrics.PUBLIC_COST, PlantedRun.around(300_000, 20_000));
        CostEffectiveness c = run.costEffectiveness();
        assertFalse(c.costPerExtraWorkYear().defined());
        assertEquals(CostEffectiveness.Quadrant.UNCLEAR, c.quadrant());
    }

    @Test
    void aVariantWhoseExemptionsChangeCourseAnswersIsToldWhereTheHorizonCutsItsReturn() {
        PlantedRun run = new PlantedRun("E1").set(Metrics.COURSES_STARTED, PlantedRun.around(5, 1))
                .set(Metrics.REACH_PREFIX + "E1.changed.COURSE", PlantedRun.constant(590));
        String note = run.costEffectiveness().horizonNote();
        // smoke: 6 months, its longest course 9 months
        assertEquals("E1's exemptions change the rules' answer to 590 course questions a replication (courses started:"
                + " +5.00 [3.93, 6.07], exploratory); every course its people start ends less than 3 years before the"
                + " 6-month horizon, and training's effect 2-3 years after a programme (Card, Kluve & Weber 2018, S54)"
                + " falls partly after it: the terminal value carries only the employment gap left at the horizon"
                + " (an assumption, behaviour value terminal.gap-persistence-months), not a return that starts after"
                + " it; a longer horizon (months: 96 to 120) measures that", note);
        assertTrue(run.costEffectiveness().reading(run.scenario.start(), null).contains(note));
        // near miss: more courses started, but none of them through the variant's own course answers
        assertNull(new PlantedRun("E2").set(Metrics.COURSES_STARTED, PlantedRun.around(5, 1))
                .set(Metrics.REACH_PREFIX + "E2.changed.TRIAL_PLACEMENT", PlantedRun.constant(180))
                .costEffectiveness().horizonNote());
    }
}
