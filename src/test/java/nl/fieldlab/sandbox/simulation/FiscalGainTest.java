package nl.fieldlab.sandbox.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.fieldlab.sandbox.TestRuns;
import nl.fieldlab.sandbox.scenario.Scenario;

/**
 * The fiscal gain of a work-month (what a former job seeker's month in work saves the public purse against a month out
 * of work) is measured over the horizon's last 12 months: the terminal value prices the gap at the horizon with it.
 */
class FiscalGainTest {

    @TempDir
    Path tmp;

    @Test
    void measuredOverTheLastTwelveMonthsFromWhatBenefitsAndJobsBooked() throws IOException {
        // smoke over 18 months, so that the window leaves out the first 6
        Path file = tmp.resolve("smoke-18.yaml");
        Files.writeString(file, Files.readString(Path.of("scenarios/smoke.yaml")).replace("\nmonths: 6\n",
                "\nmonths: 18\n"));
        Scenario smoke = TestRuns.scenario(file.toString());
        assertEquals(18, smoke.months());
        Simulator.Plan plan = new Simulator.Plan(smoke, Simulator.deciders(smoke, TestRuns.compile(smoke)));
        RunTotals t = plan.run(0, 0, () -> false, () -> {
        });
        // the window is the last 12 of the 18 months: its work-months are those counted in work in months 7 to 18
        long inWork = 0;
        for (int m = 6; m < 18; m++) {
            inWork += t.employedByMonth[m];
        }
        assertTrue(inWork > 0 && inWork < t.monthsInWork, inWork + " of " + t.monthsInWork);
        assertEquals(inWork, t.fiscalMonthsInWork);
        assertTrue(t.fiscalMonthsOutOfWork > 0);
        // a month out of work costs benefits; a month in work brings wage tax and premiums
        assertTrue(t.fiscalCostOutOfWork > 0, "benefits " + t.fiscalCostOutOfWork);
        assertTrue(t.fiscalCostInWork < 0, "receipts " + t.fiscalCostInWork);
        double v = t.metrics().get(Metrics.FISCAL_GAIN_PER_WORK_MONTH);
        assertEquals(t.fiscalCostOutOfWork / t.fiscalMonthsOutOfWork - t.fiscalCostInWork / t.fiscalMonthsInWork, v,
                1e-9);
        // WW of EUR 120-180 a day and bijstand around EUR 1,300 a month, plus the tax on a job: a month in work saves
        // the public purse more than a thousand euro and less than five
        assertTrue(v > 1_000 && v < 5_000, "fiscal gain per work-month " + v);
    }
}
