package nl.fieldlab.sandbox.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import nl.fieldlab.sandbox.TestRuns;
import nl.fieldlab.sandbox.rules.Variant;
import nl.fieldlab.sandbox.scenario.Scenario;
import nl.fieldlab.sandbox.simulation.Metrics;
import nl.fieldlab.sandbox.simulation.SimulationResult;
import nl.fieldlab.sandbox.stats.Summary;

/**
 * Money outside the public purse stays in the verdict: social cost adds to the net public cost what investors and
 * sector funds pay, every format reports it beside the net public cost, and the outcome price that repays an
 * outcome-financed project's investors is solved from the run.
 */
class SocialCostTest {

    /**
     * The Techport case sprint, smaller and shorter: the baseline, E8, and E8 at a lower outcome price (10
     * replications, the fewest on which a report calls a difference).
     */
    private static SimulationResult run;
    private static Report report;
    /** The same run reported with the exemptions' declarations, as the run command does (they give E8's budget). */
    private static Report declared;

    @BeforeAll
    static void runTheCaseSprint() {
        Scenario base = TestRuns.scenario("scenarios/case-sprint-techport.yaml").scaled(0.3);
        Scenario s = base.withMonths(24).with(base.seed(), 10, base.behaviour(), List.of(Variant.baseline(),
                new Variant("E8", List.of("E8"), Map.of()),
                new Variant("E8-cheaper", List.of("E8"), Map.of("e8.expected-success-rate", 0.9))));
        run = TestRuns.run(s, 2);
        report = TestRuns.report(run);
        Map<String, nl.fieldlab.sandbox.rules.Exemption> exemptions = Map.of("E8", TestRuns.library().exemption("E8"));
        declared = new Report(run, report.comparison(), report.rules(), report.exemptionTitles(), Map.of(), Map.of(),
                Map.of(), List.of(), exemptions, null);
    }

    private static CostEffectiveness variant(Report r, String name) {
        return r.costEffectiveness().stream().filter(c -> c.variant().equals(name)).findFirst().orElseThrow();
    }

    private static double[] metric(String variant, String name) {
        double[] v = run.metrics().get(variant).get(name);
        assertNotNull(v, name);
        return v;
    }

    @Test
    void socialCostIsTheNetPublicCostPlusWhatInvestorsAndSectorFundsPay() {
        for (String v : run.variants()) {
            double[] social = metric(v, Metrics.SOCIAL_COST);
            double[] allParties = metric(v, Metrics.ALL_PARTIES_COST);
            for (int rep = 0; rep < social.length; rep++) {
                double expected = metric(v, Metrics.PUBLIC_COST)[rep] - metric(v, Metrics.NET_PREFIX + "INVESTOR")[rep]
                        - metric(v, Metrics.NET_PREFIX + "TRAINING_FUND")[rep];
                assertEquals(expected, social[rep], 1e-6 * Math.abs(expected), v + " replication " + rep);
                // what all parties give up: what providers received, less the value of the work
                double providers = metric(v, Metrics.NET_PREFIX + "PROVIDER")[rep]
                        - metric(v, Metrics.EMPLOYER_OUTPUT)[rep];
                assertEquals(providers, allParties[rep], 1e-6 * Math.abs(providers), v + " replication " + rep);
            }
        }
    }

    @Test
    void aPublicSavingBoughtWithInvestorsMoneyIsNoSocialSaving() {
        CostEffectiveness e8 = report.costEffectiveness().stream().filter(c -> c.variant().equals("E8")).findFirst()
                .orElseThrow();
        Summary investors = e8.byActor().get(nl.fieldlab.sandbox.domain.Actor.INVESTOR);
        assertTrue(investors.mean() < 0, "the investors lose money on the case sprint: " + investors);
        // the social cost is the public cost plus the investors' loss (and the sector funds' change)
        Summary funds = e8.byActor().get(nl.fieldlab.sandbox.domain.Actor.TRAINING_FUND);
        double expected = e8.netPublicCost().mean() - investors.mean() - (funds == null ? 0 : funds.mean());
        assertEquals(expected, e8.socialCost().mean(), 1e-6 * Math.abs(expected));
        assertTrue(e8.socialCost().mean() > e8.netPublicCost().mean());
    }

    @Test
    void theOutcomePriceThatRepaysTheInvestorsIsSolvedFromTheRun() {
        CostEffectiveness e8 = report.costEffectiveness().stream().filter(c -> c.variant().equals("E8")).findFirst()
                .orElseThrow();
        OutcomePrice o = e8.outcomePrice();
        assertNotNull(o, "E8 has an outcome-financed project");
        assertTrue(o.units().mean() > 0, "some outcomes were paid");
        // the contract's price per unit is what the rule set: 51,425 while one price holds
        assertEquals(51_425, o.contractPrice(), 1);
        // at the repaying price the payments equal the outlay on average, and the funders pay the difference
        assertEquals(o.outlay().mean(), o.repayingPrice().estimate() * o.units().mean(), 1e-6 * o.outlay().mean());
        assertEquals(0, o.investorsRepaid().mean(), 1e-6 * o.outlay().mean());
        double extra = e8.netPublicCost().mean() + o.repayingPrice().estimate() * o.units().mean()
                - o.received().mean();
        assertEquals(extra, o.netPublicCost().mean(), 1e-6 * Math.abs(extra));
        // no one does anything differently at another price: social cost is the same, the public cost is not
        double[] social = metric("E8", Metrics.SOCIAL_COST);
        double[] cheaperSocial = metric("E8-cheaper", Metrics.SOCIAL_COST);
        double[] units = metric("E8", Metrics.OUTCOME_UNITS);
        double[] cheaperUnits = metric("E8-cheaper", Metrics.OUTCOME_UNITS);
        for (int rep = 0; rep < social.length; rep++) {
            assertEquals(social[rep], cheaperSocial[rep], 1e-6 * Math.abs(social[rep]), "replication " + rep);
            assertEquals(units[rep], cheaperUnits[rep], 1e-9, "replication " + rep);
        }
        assertTrue(metric("E8-cheaper", Metrics.OUTCOME_PAYMENTS)[0] < metric("E8", Metrics.OUTCOME_PAYMENTS)[0]);
        // so the solve gives the same repaying price whatever the contract's price
        CostEffectiveness cheaper = report.costEffectiveness().stream().filter(c -> c.variant().equals("E8-cheaper"))
                .findFirst().orElseThrow();
        assertEquals(o.repayingPrice().estimate(), cheaper.outcomePrice().repayingPrice().estimate(),
                1e-6 * o.repayingPrice().estimate());
    }

    @Test
    void everyFormatReportsSocialCostBesideTheNetPublicCost() {
        String md = ReportWriter.markdown(report);
        assertTrue(md.contains("| extra net public cost (euro) |"), md);
        assertTrue(md.contains("| extra social cost: public purse, investors and sector funds (euro) |"), md);
        assertTrue(md.contains("| secondary: extra social cost per extra placement (euro) |"), md);
        assertTrue(md.contains("| outcome price that repays the investors (euro a unit) |"), md);
        assertTrue(md.contains("| `socialCost` |") && md.contains("| `allPartiesCost` |"), md);
        // an outcome-financed variant whose investors are not repaid leads with it
        assertTrue(md.contains("Social cost (public purse, investors and sector funds) rises by"), md);
        String csv = ReportWriter.csv(report);
        assertTrue(csv.contains("\nE8,socialCost,") && csv.contains("\nE8,extraSocialCostPerExtraPlacement,")
                && csv.contains("\nE8,outcomePriceRepayingInvestors,"), csv);
        String json = ReportWriter.json(report);
        assertTrue(json.contains("\"extraSocialCost\"") && json.contains("\"extraSocialCostPerExtraPlacement\"")
                && json.contains("\"repayingPricePerUnit\""), json);
        String html = new HtmlReport().render(report, HtmlReportTest.manifest(report, HtmlReportTest.CREATED_AT));
        assertTrue(html.contains("extra social cost: public purse, investors and sector funds"), "html");
        assertTrue(Metrics.CONSOLE_HEADLINE.indexOf(Metrics.SOCIAL_COST)
                == Metrics.CONSOLE_HEADLINE.indexOf(Metrics.PUBLIC_COST) + 1, "compare shows it beside net public cost");
    }

    @Test
    void theCohortsOutcomeUnitsAreSetAgainstThoseTheContractPriced() {
        OutcomePrice o = variant(report, "E8").outcomePrice();
        OutcomePrice.Cohort c = o.cohort();
        double[] coached = metric("E8", Metrics.COACHED);
        double[] successes = metric("E8", Metrics.OUTCOME_SUCCESSES);
        double[] units = metric("E8", Metrics.OUTCOME_UNITS);
        assertEquals(Summary.of(coached).mean(), c.coached().mean(), 1e-9);
        assertEquals(Summary.of(successes).mean(), c.successes().mean(), 1e-9);
        assertTrue(c.successes().mean() > 0 && c.successes().mean() < c.coached().mean(), "some, not all, succeed");
        // each success earns 1 - p units, so the successes' mean predicted chance is 1 - units / successes
        double u = Summary.of(units).mean();
        assertEquals(1 - u / c.successes().mean(), c.meanPredictedChance().estimate(), 1e-9);
        assertEquals(u / c.coached().mean(), c.unitsPerParticipant().estimate(), 1e-12);
        // the price assumed 0.5 x (1 - 0.8) = 0.1 units a participant; the cheaper contract 0.9 x 0.2 = 0.18
        assertEquals(0.1, c.unitsPriced(), 1e-9);
        assertEquals(0.18, variant(report, "E8-cheaper").outcomePrice().cohort().unitsPriced(), 1e-9);
        // the cohort delivers far fewer, beyond the interval: the contract is mispriced and the investors lose
        assertTrue(c.unitsPerParticipant().ciHigh() < 0.1, c.unitsPerParticipant().toString());
        assertEquals(OutcomePrice.Pricing.INVESTORS_LOSE, o.pricing());
        assertEquals(o.outlay().mean() / c.coached().mean() / o.contractPrice(), c.unitsRepaying(), 1e-9);
        String reading = variant(report, "E8").reading(run.scenario().start(), null);
        assertTrue(reading.contains("participants coached, ") && reading.contains(" succeeded (")
                && reading.contains("against the 0.100 the contract's price assumed")
                && reading.contains("the contract is mispriced for this cohort, and at its price the investors lose"),
                reading);
        assertTrue(reading.contains("A unit counts a success by the part above its predicted chance p")
                && reading.contains("that is p(1 - q) more"), reading);
    }

    @Test
    void aPublicSavingThatRestsOnTheInvestorsLossIsSaidToBeOne() {
        CostEffectiveness e8 = variant(declared, "E8");
        OutcomePrice o = e8.outcomePrice();
        assertTrue(o.investorsNotRepaid(), "the investors are not repaid at the contract's price");
        assertTrue(e8.netPublicCost().mean() < 0, "the public purse saves at the contract's price");
        String reading = e8.reading(run.scenario().start(), null);
        // the reading leads with the social cost and the public cost at the price that repays the investors
        int social = reading.indexOf("Social cost (public purse, investors and sector funds) rises by");
        int repaying = reading.indexOf("at the outcome price that repays the investors (");
        int contract = reading.indexOf("At the contract's price net public cost falls by");
        assertTrue(social > 0 && social < repaying && repaying < contract, reading);
        assertTrue(reading.contains("a public saving that rests on the investors' loss of"), reading);
        assertTrue(reading.indexOf("Net public cost falls") < 0, "no headline saving: " + reading);
        // 360 participants x 4,675 pre-financed is more than E8's budget of 1,500,000
        assertEquals(1_500_000, o.budget(), 1e-9);
        assertTrue(o.outlayExceedsBudget(), o.outlay().toString());
        assertTrue(reading.contains("exceeds the outcome fund's budget (EUR 1.50 M a replication), so no outcome price"
                + " the fund can pay repays them"), reading);
        // without the declarations the budget is not known, and nothing is said about it
        assertTrue(Double.isNaN(variant(report, "E8").outcomePrice().budget()));
        String json = ReportWriter.json(declared);
        assertTrue(json.contains("\"pricing\" : \"investorsLose\"") && json.contains("\"outlayExceedsFundBudget\" : true")
                && json.contains("\"unitsPerParticipantPriced\" : 0.1,") && json.contains("\"successes\" : {")
                && json.contains("\"meanPredictedChanceOfSuccesses\" : {") && json.contains("\"fundBudget\" : 1500000"),
                json);
        String md = ReportWriter.markdown(declared);
        assertTrue(md.contains("| outcome units per participant: delivered (the contract's price assumed) |"), md);
    }
}
