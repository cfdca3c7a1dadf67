package nl.fieldlab.sandbox.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.function.IntToDoubleFunction;

import org.junit.jupiter.api.Test;

import nl.fieldlab.sandbox.scenario.Behaviour;
import nl.fieldlab.sandbox.simulation.VacancyCompetition.Attribution;
import nl.fieldlab.sandbox.simulation.VacancyCompetition.Fate;

/** Mechanism vacancies: outsiders contest vacancies by market tightness; a tipped hire is counted by what it took. */
class VacancyCompetitionTest {

    static final double EPS = 1e-9;
    static final Behaviour DEFAULTS = Behaviour.defaults();
    /** 2022Q1, the record: 133 vacancies per 100 unemployed (CBS). */
    static final double TIGHT = 1.33;
    /** Half the reference tightness: a slack market. */
    static final double SLACK = 0.54;
    /** An outsider draw above the outside fill chance: no acceptable outsider that month. */
    static final IntToDoubleFunction NO_OUTSIDERS = m -> 0.999999;
    /** A lapse draw above any lapse rate but 1: the vacancy stays open. */
    static final IntToDoubleFunction NO_LAPSE = m -> 0.999999;
    /** A lapse draw below any positive lapse rate. */
    static final IntToDoubleFunction LAPSE = m -> 0.0;

    static VacancyCompetition at(double tightness) {
        return new VacancyCompetition(Behaviour.with(Map.of("market.tightness", tightness)));
    }

    static VacancyCompetition withLapse(double lapse) {
        return new VacancyCompetition(Behaviour.with(Map.of("vacancy.lapse-rate", lapse)));
    }

    @Test
    void atTheReferenceTightnessOutsidersFillAtTheCalibratedRate() {
        VacancyCompetition c = new VacancyCompetition(DEFAULTS);
        assertEquals(DEFAULTS.get("vacancy.external-fill-rate"), c.outsideFillChance(), EPS);
        // near miss: a market a little tighter than the reference is no longer at the calibrated rate
        assertTrue(at(1.10).outsideFillChance() < DEFAULTS.get("vacancy.external-fill-rate") - 1e-4);
    }

    @Test
    void halvingTightnessRaisesTheOutsiderArrivalsByTheMatchingElasticity() {
        double reference = new VacancyCompetition(DEFAULTS).outsidersPerMonth();
        double slack = at(SLACK).outsidersPerMonth();
        assertEquals(Math.pow(2, DEFAULTS.get("market.matching-elasticity")), slack / reference, 1e-6);
    }

    @Test
    void aSimulatedWorkerWinsMoreOftenInATightMarketThanInASlackOne() {
        double tight = at(TIGHT).insiderWinChance();
        double reference = new VacancyCompetition(DEFAULTS).insiderWinChance();
        double slack = at(SLACK).insiderWinChance();
        assertTrue(tight > reference && reference > slack, tight + " > " + reference + " > " + slack);
        assertTrue(at(SLACK).outsideFillChance() > at(TIGHT).outsideFillChance());
    }

    @Test
    void atTheReferenceADrawBelowTheRateBringsOutsidersAsItClosedAVacancyBefore() {
        VacancyCompetition c = new VacancyCompetition(DEFAULTS);
        double rate = DEFAULTS.get("vacancy.external-fill-rate");
        assertTrue(c.outsiders(rate - 1e-9) >= 1);
        assertEquals(0, c.outsiders(rate + 1e-9));
    }

    @Test
    void withoutOutsidersTheSimulatedWorkerAlwaysWins() {
        VacancyCompetition none = new VacancyCompetition(Behaviour.with(Map.of("vacancy.external-fill-rate", 0.0)));
        assertEquals(0, none.outsidersPerMonth(), EPS);
        assertEquals(1, none.insiderWinChance(), EPS);
        assertEquals(0, none.outsiders(0.999));
        assertTrue(VacancyCompetition.insiderWins(0, 0.999));
    }

    @Test
    void againstOneOutsiderTheWorkerWinsHalfTheRankDraws() {
        assertTrue(VacancyCompetition.insiderWins(1, 0.49));
        assertFalse(VacancyCompetition.insiderWins(1, 0.51));
        assertTrue(VacancyCompetition.insiderWins(3, 0.24));
        assertFalse(VacancyCompetition.insiderWins(3, 0.26));
    }

    @Test
    void theOutsiderCountIsPoissonAndTheWinChanceItsAverage() {
        VacancyCompetition c = at(0.3);
        double mu = c.outsidersPerMonth();
        int n = 200_000;
        double sum = 0;
        double win = 0;
        int none = 0;
        for (int i = 0; i < n; i++) {
            int k = c.outsiders((i + 0.5) / n);
            sum += k;
            win += 1.0 / (1 + k);
            none += k == 0 ? 1 : 0;
        }
        assertEquals(mu, sum / n, 1e-3);
        assertEquals(c.insiderWinChance(), win / n, 1e-3);
        assertEquals(1 - c.outsideFillChance(), (double) none / n, 1e-4);
    }

    @Test
    void aHireTheSubsidyTippedIsNotDeadweight() {
        assertTrue(VacancyCompetition.tipped(0.30, 0.40, 0.25));
        // near misses: the employer would have hired anyway, or does not hire even with the subsidy
        assertFalse(VacancyCompetition.tipped(0.20, 0.40, 0.25));
        assertFalse(VacancyCompetition.tipped(0.40, 0.40, 0.25));
        assertEquals(Attribution.DEADWEIGHT,
                VacancyCompetition.attribute(0.20, 0.40, 0.25, Fate.DISPLACED_OUTSIDER));
        assertEquals(Attribution.DISPLACED_OUTSIDER,
                VacancyCompetition.attribute(0.30, 0.40, 0.25, Fate.DISPLACED_OUTSIDER));
        assertEquals(Attribution.NET_NEW, VacancyCompetition.attribute(0.30, 0.40, 0.25, Fate.NET_NEW));
        assertEquals(Attribution.DISPLACED_INSIDER,
                VacancyCompetition.attribute(0.30, 0.40, 0.25, Fate.DISPLACED_INSIDER));
    }

    @Test
    void aRivalWhoWouldHaveWonTheSameMonthIsTheDisplacedOne() {
        VacancyCompetition c = new VacancyCompetition(DEFAULTS);
        assertEquals(Fate.DISPLACED_INSIDER, c.counterfactual(5, true, 2, NO_OUTSIDERS, LAPSE, 59));
        // near miss: no rival, but outsiders were at the vacancy this month
        assertEquals(Fate.DISPLACED_OUTSIDER, c.counterfactual(5, false, 1, NO_OUTSIDERS, NO_LAPSE, 59));
    }

    @Test
    void laterOutsidersTakeTheJobUnlessTheVacancyLapsesFirst() {
        VacancyCompetition c = withLapse(0.2);
        // at the default rate a draw below 0.1 brings an acceptable outsider
        IntToDoubleFunction outsidersInMonth8 = m -> m == 8 ? 0.05 : 0.999999;
        IntToDoubleFunction lapseInMonth7 = m -> m == 7 ? 0.1 : 0.9;
        IntToDoubleFunction lapseInMonth9 = m -> m == 9 ? 0.1 : 0.9;
        assertEquals(Fate.DISPLACED_OUTSIDER, c.counterfactual(5, false, 0, outsidersInMonth8, lapseInMonth9, 59));
        assertEquals(Fate.NET_NEW, c.counterfactual(5, false, 0, outsidersInMonth8, lapseInMonth7, 59));
        // the outsiders of month 8 come too late when the run ends in month 7
        assertEquals(Fate.NET_NEW, c.counterfactual(5, false, 0, outsidersInMonth8, NO_LAPSE, 7));
    }

    @Test
    void aVacancyNobodyElseWouldFillInTheRunIsANetNewJob() {
        VacancyCompetition none = new VacancyCompetition(Behaviour.with(Map.of("vacancy.external-fill-rate", 0.0)));
        assertEquals(Fate.NET_NEW, none.counterfactual(0, false, 0, m -> 0.0, NO_LAPSE, 59));
    }

    @Test
    void aTippedHireIsCountedByWhatItsVacancyWouldOtherwiseHaveBecome() {
        VacancyCompetition c = withLapse(0.3);
        double draw = 0.30;
        double with = 0.40;
        double without = 0.25;
        // outsiders at the vacancy this month: the tipped hire took an outsider's job
        assertEquals(Attribution.DISPLACED_OUTSIDER, VacancyCompetition.attribute(draw, with, without,
                c.counterfactual(5, false, 1, NO_OUTSIDERS, NO_LAPSE, 59)));
        // none this month and the vacancy would have lapsed now: a net new job
        assertEquals(Attribution.NET_NEW, VacancyCompetition.attribute(draw, with, without,
                c.counterfactual(5, false, 0, NO_OUTSIDERS, LAPSE, 59)));
        // the same vacancy, but the employer would have hired without the payments: deadweight
        assertEquals(Attribution.DEADWEIGHT, VacancyCompetition.attribute(0.24, with, without,
                c.counterfactual(5, false, 1, NO_OUTSIDERS, NO_LAPSE, 59)));
        // near misses: a draw just at the chance without (tipped) and just below it (deadweight); a lapse draw just
        // above the rate keeps the vacancy open, and with no outsiders to the end it is still a net new job
        assertEquals(Attribution.DISPLACED_OUTSIDER, VacancyCompetition.attribute(without, with, without,
                Fate.DISPLACED_OUTSIDER));
        assertEquals(Attribution.DEADWEIGHT, VacancyCompetition.attribute(Math.nextDown(without), with, without,
                Fate.DISPLACED_OUTSIDER));
        IntToDoubleFunction justAboveTheRate = m -> 0.3;
        IntToDoubleFunction outsidersInMonth6 = m -> m == 6 ? 0.05 : 0.999999;
        assertEquals(Fate.DISPLACED_OUTSIDER, c.counterfactual(5, false, 0, outsidersInMonth6, justAboveTheRate, 59));
        assertEquals(Fate.NET_NEW, c.counterfactual(5, false, 0, outsidersInMonth6, m -> 0.2999, 59));
    }

    @Test
    void atTheDefaultsAnOpenVacancyClosesWithinAboutAQuarter() {
        VacancyCompetition c = new VacancyCompetition(DEFAULTS);
        // CBS 84545NED: filled (withdrawn included) per quarter about the open stock, about 0.3 a month
        double closing = 1 - (1 - c.outsideFillChance()) * (1 - DEFAULTS.get("vacancy.lapse-rate"));
        assertEquals(0.3, closing, 0.01);
        assertTrue(c.canLapse());
    }

    @Test
    void aTightMarketOpensMoreVacanciesAndItsJobSeekersMeetMoreOfThem() {
        assertEquals(1, new VacancyCompetition(DEFAULTS).vacancyFactor(), EPS);
        assertEquals(Math.sqrt(TIGHT / 1.08), at(TIGHT).vacancyFactor(), 1e-9);
        assertEquals(Math.sqrt(0.5), at(SLACK).vacancyFactor(), 1e-9);
        // near miss: a market a little slacker than the reference opens a little fewer
        assertTrue(at(1.07).vacancyFactor() < 1);
    }

    @Test
    void lapsesFollowTheRate() {
        assertFalse(withLapse(0).lapses(0.0));
        assertTrue(withLapse(0.3).lapses(0.29));
        assertFalse(withLapse(0.3).lapses(0.31));
    }

    @Test
    void aScenarioSetsTheTightnessWithinItsRange() {
        assertNull(Behaviour.problem("market.tightness", TIGHT));
        assertNull(Behaviour.problem("market.tightness", 0.3));
        assertNotNull(Behaviour.problem("market.tightness", 0));
        assertNotNull(Behaviour.problem("market.tightness", 6));
        assertNotNull(Behaviour.problem("market.matching-elasticity", 1.2));
    }
}
