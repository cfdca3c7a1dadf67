package nl.fieldlab.sandbox.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.YearMonth;
import java.util.Map;

import org.junit.jupiter.api.Test;

import nl.fieldlab.sandbox.domain.Actor;
import nl.fieldlab.sandbox.simulation.Metrics;
import nl.fieldlab.sandbox.stats.Calls;
import nl.fieldlab.sandbox.stats.Ratio;
import nl.fieldlab.sandbox.stats.Summary;

/** Break-even, the one-line reading and the number format of the cost-effectiveness tables. */
class CostEffectivenessTest {

    @Test
    void cumulativeDifferenceAddsTheMonthlyDifferences() {
        assertArrayEquals(new double[] {100, 150, 120, -30},
                CostEffectiveness.cumulativeDifference(new double[] {300, 250, 170, 50}, new double[] {200, 200, 200, 200}),
                1e-9);
    }

    @Test
    void breakEvenIsTheFirstMonthFromWhichTheVariantStaysAtOrBelowTheBaseline() {
        // costs more for three months, then at or below for good: break-even in month index 3
        assertEquals(3, CostEffectiveness.breakEven(new double[] {100, 150, 120, -30, -80}));
        // dips below and rises again: only the last crossing counts
        assertEquals(4, CostEffectiveness.breakEven(new double[] {100, -10, 50, 20, 0}));
        // still above at the horizon: no break-even
        assertEquals(-1, CostEffectiveness.breakEven(new double[] {100, -10, 50}));
        // never above: break-even from the start
        assertEquals(0, CostEffectiveness.breakEven(new double[] {0, -5, -10}));
        // a euro of rounding is not a cost
        assertEquals(0, CostEffectiveness.breakEven(new double[] {0.5, 0.9, -1}));
    }

    @Test
    void numbersHaveThreeSignificantDigitsBelowAThousand() {
        assertEquals("0", ReportWriter.fmt(0));
        assertEquals("0", ReportWriter.fmt(-0.0));
        assertEquals("0.123", ReportWriter.fmt(0.12345));
        assertEquals("12.3", ReportWriter.fmt(12.345));
        assertEquals("-12.3", ReportWriter.fmt(-12.345));
        assertEquals("10.0", ReportWriter.fmt(9.996));
        assertEquals("1,000", ReportWriter.fmt(999.6));
        assertEquals("123,457", ReportWriter.fmt(123456.7));
        assertEquals("n/a", ReportWriter.fmt(Double.NaN));
        assertEquals("2.10 M", CostEffectiveness.money(2_104_000));
        assertEquals("-610,000", CostEffectiveness.money(-610_000));
    }

    private static Summary sig(double mean) {
        return new Summary(mean, 1, 0.1, mean - 0.2 * Math.abs(mean), mean + 0.2 * Math.abs(mean), 20);
    }

    private static Summary noise(double mean) {
        return new Summary(mean, 1, 0.1, mean - 2 * Math.abs(mean) - 1, mean + 2 * Math.abs(mean) + 1, 20);
    }

    /** Calls as an uncorrected report makes them: placements, work-years, employed, net public and social cost. */
    static Calls calledWhereSignificant(String variant, Summary placements, Summary years, Summary employed,
            Summary cost, Summary social) {
        Map<String, Summary> d = Map.of(Metrics.PLACEMENTS, placements, Metrics.MONTHS_IN_WORK, years,
                Metrics.EMPLOYED_AT_HORIZON, employed, Metrics.PUBLIC_COST, cost, Metrics.SOCIAL_COST, social);
        return new Calls() {
            @Override
            public boolean called(String v, String metric) {
                return v.equals(variant) && d.containsKey(metric) && d.get(metric).excludesZero();
            }

            @Override
            public String why(String v, String metric) {
                return called(v, metric) ? "called" : "the 95 % interval includes 0";
            }
        };
    }

    private static CostEffectiveness training(Summary cost, double[] cumulative) {
        return training(cost, cumulative, sig(0));
    }

    private static CostEffectiveness training(Summary cost, double[] cumulative, Summary sroiCredits) {
        Ratio none = new Ratio(Double.NaN, Double.NaN, Double.NaN, Double.NaN, 20, "not defined: placements fell");
        return new CostEffectiveness("E1", sig(-8), sig(-80), sig(25), sig(1.4e6), sig(0.5e6), sig(-0.1e6),
                sig(-0.6e6), cost, cost, sig(2.3e6), sig(1.0e6), none, none, none, none, Map.of(),
                Map.of(Actor.PROVIDER, sig(1.5e6), Actor.EMPLOYER, sig(0.9e6), Actor.STATE, sig(-1.1e6)), sig(0),
                noise(10), cumulative, CostEffectiveness.breakEven(cumulative), null, sroiCredits, sig(0), sig(0), none,
                null, new OwnSpending(1.4e6), calledWhereSignificant("E1", sig(-8), sig(-80), sig(25), cost,
                        sig(2.3e6)));
    }

    @Test
    void theReadingSaysWhatTheVariantBuysAndWhetherItBreaksEven() {
        String r = training(sig(2.0e6), new double[] {1e6, 4e6, 3e6, 2e6}).reading(YearMonth.of(2026, 1), null);
        assertEquals("E1: fewer work-years (-80.0 [-96.0, -64.0]) and no lower net public cost (dominated: no cost per"
                + " work-year). It places 8.00 [6.40, 9.60] fewer workers and 25.0 [20.0, 30.0] more in work at the"
                + " horizon. Net public cost rises by EUR 2.00 M [1.60 M, 2.40 M]; social cost (public purse, investors"
                + " and sector funds) rises by EUR 2.30 M [1.84 M, 2.76 M]; fiscal return (taxes and premiums gained"
                + " plus benefits saved; exploratory): EUR -600,000 [-720,000, -480,000]; there is no cost per extra"
                + " placement (placements fell). Break-even: not within the 4 months (the cumulative extra cost peaked"
                + " at EUR 4.00 M in month 2 and has fallen since).", r);
    }

    private static CostEffectiveness workYears(Summary years, Summary cost, Ratio perYear) {
        Ratio none = new Ratio(Double.NaN, Double.NaN, Double.NaN, Double.NaN, 20, "not defined: placements fell");
        double[] cumulative = {1e5, 2e5};
        return new CostEffectiveness("E4", sig(-3), years, sig(5), sig(1e5), sig(-1e5), sig(1e5), sig(2e5), cost,
                cost, cost, cost, none, perYear, none, perYear, Map.of(), Map.of(), sig(0), noise(1), cumulative,
                CostEffectiveness.breakEven(cumulative), null, sig(0), sig(2), sig(-40_000), perYear, null,
                new OwnSpending(1e5), calledWhereSignificant("E4", sig(-3), years, sig(5), cost, cost));
    }

    @Test
    void theCostPerExtraWorkYearLeadsTheReadingByQuadrant() {
        Ratio perYear = new Ratio(911, 300, 350, 1_600, 20, null);
        CostEffectiveness tradeOff = workYears(sig(54.5), noise(49_646), perYear);
        assertEquals(CostEffectiveness.Quadrant.TRADE_OFF, tradeOff.quadrant());
        assertTrue(tradeOff.reading(YearMonth.of(2026, 1), null).startsWith("E4: each extra work-year costs the public"
                + " purse EUR 911 [350, 1,600] (+54.5 [43.6, 65.4] work-years to the horizon, 2.00 after it). It places 3.00 [2.40, 3.60] fewer workers"),
                tradeOff.reading(YearMonth.of(2026, 1), null));

        Ratio saving = new Ratio(-18_663, 2_000, -23_000, -14_500, 20, null);
        CostEffectiveness dominant = workYears(sig(33.0), sig(-616_664), saving);
        assertEquals(CostEffectiveness.Quadrant.DOMINANT, dominant.quadrant());
        assertEquals("each extra work-year saves the public purse EUR 18,663 [14,500, 23,000] (more work and a lower"
                + " net public cost; +33.0 [26.4, 39.6] work-years to the horizon, 2.00 after it)", dominant.workYearText());

        Ratio undefined = new Ratio(Double.NaN, Double.NaN, Double.NaN, Double.NaN, 20,
                "not defined: the difference in work-years is not significant");
        CostEffectiveness unclear = workYears(noise(-4.25), sig(681_000), undefined);
        assertEquals(CostEffectiveness.Quadrant.UNCLEAR, unclear.quadrant());
        assertEquals("no cost per extra work-year: the extra work-years are not called (-4.25 [-13.8, 5.25]; the 95 %"
                + " interval includes 0)",
                unclear.workYearText());
        assertEquals("dominated", workYears(sig(-12.9), sig(681_000), undefined).quadrant().json());
    }

    @Test
    void aSocialReturnCreditIsReadAsCreditNotMoneyWithWhatItDisplacesUnpriced() {
        String r = training(sig(2.0e6), new double[] {1e6, 4e6, 3e6, 2e6}, sig(150_000)).reading(YearMonth.of(2026, 1),
                null);
        assertTrue(r.contains("; social-return credit granted, in euro of social return (not money: it counts towards"
                + " contractors' social-return obligations; the social return it displaces is not priced), exploratory:"
                + " EUR 150,000 [120,000, 180,000]"), r);
        assertFalse(training(sig(2.0e6), new double[] {1e6, 4e6, 3e6, 2e6}).reading(YearMonth.of(2026, 1), null)
                .contains("social-return credit"), "no credit, no sentence");
    }

    @Test
    void noBreakEvenIsClaimedWhenTheCostDifferenceIsNoise() {
        CostEffectiveness c = training(noise(-50_000), new double[] {1e5, -1e5, -5e4});
        assertEquals("none: the extra net public cost is not called (the 95 % interval includes 0)",
                c.breakEvenText(YearMonth.of(2026, 1)));
    }

    /** Metrics of an outcome-financed project over four replications: 100 coached, outlay 110,000 at 100,000 a unit. */
    private static Map<String, double[]> cohort(double[] units, double priced) {
        double[] received = new double[units.length];
        double[] successes = new double[units.length];
        for (int i = 0; i < units.length; i++) {
            received[i] = 100_000 * units[i];
            successes[i] = 2 * units[i];
        }
        return Map.of(nl.fieldlab.sandbox.simulation.Metrics.INVESTOR_OUTLAY, new double[] {110_000, 110_000, 110_000,
                110_000}, nl.fieldlab.sandbox.simulation.Metrics.OUTCOME_PAYMENTS, received,
                nl.fieldlab.sandbox.simulation.Metrics.OUTCOME_UNITS, units,
                nl.fieldlab.sandbox.simulation.Metrics.COACHED, new double[] {100, 100, 100, 100},
                nl.fieldlab.sandbox.simulation.Metrics.OUTCOME_SUCCESSES, successes,
                nl.fieldlab.sandbox.simulation.Metrics.OUTCOME_UNITS_PRICED, new double[] {priced, priced, priced, priced});
    }

    @Test
    void theContractIsMispricedOnlyBeyondTheInterval() {
        double[] none = new double[4];
        // about 1.1 units over 100 participants: 0.011 a participant, as the price assumed
        OutcomePrice asPriced = OutcomePrice.of(cohort(new double[] {1.09, 1.11, 1.1, 1.1}, 0.011), none, Double.NaN);
        assertEquals(OutcomePrice.Pricing.AS_PRICED, asPriced.pricing());
        // fewer, but the payments still repay the 110,000: repaid without the price's return
        OutcomePrice below = OutcomePrice.of(cohort(new double[] {1.15, 1.16, 1.15, 1.16}, 0.02), none, Double.NaN);
        assertEquals(OutcomePrice.Pricing.BELOW_RETURN, below.pricing());
        // fewer, and the payments fall short of the outlay: the investors lose
        OutcomePrice lose = OutcomePrice.of(cohort(new double[] {0.5, 0.52, 0.5, 0.52}, 0.011), none, 100_000);
        assertEquals(OutcomePrice.Pricing.INVESTORS_LOSE, lose.pricing());
        assertEquals(0.011, lose.cohort().unitsRepaying(), 1e-12);
        assertEquals(0.5, lose.cohort().meanPredictedChance().estimate(), 1e-12);
        assertEquals(true, lose.outlayExceedsBudget());
        // more: the investors are overpaid
        OutcomePrice over = OutcomePrice.of(cohort(new double[] {2, 2.1, 2, 2.1}, 0.011), none, 1_000_000);
        assertEquals(OutcomePrice.Pricing.INVESTORS_OVERPAID, over.pricing());
        assertEquals(false, over.outlayExceedsBudget());
        // a rule that does not say what its price assumed: not known
        OutcomePrice unknown = OutcomePrice.of(cohort(new double[] {1, 1, 1, 1}, Double.NaN), none, Double.NaN);
        assertEquals(OutcomePrice.Pricing.UNKNOWN, unknown.pricing());
    }
}
