package nl.fieldlab.sandbox.report;

import java.util.Map;

import nl.fieldlab.sandbox.simulation.Metrics;
import nl.fieldlab.sandbox.stats.Ratio;
import nl.fieldlab.sandbox.stats.Summary;

/**
 * The outcome price at which an outcome-financed project's investors are repaid, solved from a run, and whether the
 * contract's price fits the cohort the run formed. Nothing a participant or an employer does depends on the price (it
 * only moves money between the funders and the investors), so the outcomes are the same at any price and the payments
 * scale with it: the investors get back what they pre-financed at the price {@code outlay / outcome units},
 * replication by replication, and the funders then pay that price times the units instead of what they paid. Social
 * cost does not change with the price.
 *
 * @param contractPrice     the price per outcome unit the run paid: outcome payments over outcome units (the
 *                          contract's price while one price holds)
 * @param units             outcome units paid (each success counted by the part above its predicted chance)
 * @param outlay            what the investors pre-financed
 * @param received          the outcome payments they received
 * @param repayingPrice     the price per outcome unit at which the payments equal the outlay (delta-method interval;
 *                          undefined when no outcome was paid)
 * @param netPublicCost     the variant's extra net public cost against the baseline had the funders paid the
 *                          repaying price, paired replication by replication
 * @param investorsRepaid   the investors' net at the repaying price, replication by replication (mean 0 by
 *                          construction; its interval shows how far single replications miss)
 * @param investorsAtContract the investors' net at the contract's price (outcome payments less the outlay),
 *                          replication by replication
 * @param cohort            the cohort: coached participants, successes paid for, and what the contract priced
 * @param budget            the outcome fund's budget a replication (its exemption's cap), NaN when not known
 */
public record OutcomePrice(double contractPrice, Summary units, Summary outlay, Summary received, Ratio repayingPrice,
        Summary netPublicCost, Summary investorsRepaid, Summary investorsAtContract, Cohort cohort, double budget) {

    /**
     * How the cohort's outcome units per participant compare with those the contract's price assumed, beyond the
     * interval: as priced, fewer (so that the investors lose at the contract's price, or are repaid without the return
     * the price allowed them), or more (the investors are overpaid: more than the price's return); unknown when no
     * outcome was paid or the rule did not say what it assumed.
     */
    public enum Pricing {
        AS_PRICED("asPriced"), INVESTORS_LOSE("investorsLose"), BELOW_RETURN("investorsRepaidBelowTheirReturn"),
        INVESTORS_OVERPAID("investorsOverpaid"), UNKNOWN("unknown");

        private final String json;

        Pricing(String json) {
            this.json = json;
        }

        /** The name report.json gives it. */
        public String json() {
            return json;
        }
    }

    /**
     * The cohort an outcome-financed project coached, and how its outcomes compare with what the price assumed.
     *
     * @param coached             participants coached
     * @param successes           participants whose success (placed during the project, still in work after the
     *                            retention months) was paid for
     * @param successRate         successes over participants coached
     * @param meanPredictedChance the mean predicted chance without the project of the participants who succeeded (1
     *                            less the units per success)
     * @param unitsPerParticipant outcome units delivered per participant coached
     * @param unitsPriced         the outcome units per participant the contract's price assumed (expected success rate
     *                            x (1 - expected predicted chance)), NaN when not known
     * @param unitsRepaying       the outcome units per participant at which the contract's price repays the outlay
     *                            (outlay per participant over the price), NaN when not known
     */
    public record Cohort(Summary coached, Summary successes, Ratio successRate, Ratio meanPredictedChance,
            Ratio unitsPerParticipant, double unitsPriced, double unitsRepaying) {
    }

    /**
     * The solve for one variant, or null when its investors financed nothing (no outcome-financed project).
     *
     * @param own          the variant's metrics per replication
     * @param extraCost    the variant's extra net public cost per replication, paired with the baseline
     * @param budget       the outcome fund's budget a replication, NaN when not known
     */
    static OutcomePrice of(Map<String, double[]> own, double[] extraCost, double budget) {
        double[] outlay = own.get(Metrics.INVESTOR_OUTLAY);
        double[] received = own.get(Metrics.OUTCOME_PAYMENTS);
        double[] units = own.get(Metrics.OUTCOME_UNITS);
        if (outlay == null || received == null || units == null || Summary.of(outlay).mean() <= 0) {
            return null;
        }
        Ratio repaying = Ratio.of(outlay, units, "outcomes paid");
        Summary u = Summary.of(units);
        Summary r = Summary.of(received);
        double contract = u.mean() > 0 ? r.mean() / u.mean() : Double.NaN;
        int n = Math.min(extraCost.length, Math.min(units.length, received.length));
        double[] atPrice = new double[n];
        double[] investors = new double[n];
        double[] atContract = new double[n];
        for (int i = 0; i < n; i++) {
            double paid = repaying.defined() ? repaying.estimate() * units[i] : Double.NaN;
            atPrice[i] = extraCost[i] + paid - received[i];
            investors[i] = paid - outlay[i];
            atContract[i] = received[i] - outlay[i];
        }
        return new OutcomePrice(contract, u, Summary.of(outlay), r, repaying, Summary.of(atPrice),
                Summary.of(investors), Summary.of(atContract), cohort(own, units, outlay, contract), budget);
    }

    private static Cohort cohort(Map<String, double[]> own, double[] units, double[] outlay, double contract) {
        double[] coached = own.getOrDefault(Metrics.COACHED, new double[units.length]);
        double[] successes = own.getOrDefault(Metrics.OUTCOME_SUCCESSES, new double[units.length]);
        Ratio perSuccess = Ratio.of(units, successes, "successes");
        Ratio predicted = perSuccess.defined() ? new Ratio(1 - perSuccess.estimate(), perSuccess.se(),
                1 - perSuccess.ciHigh(), 1 - perSuccess.ciLow(), perSuccess.n(), null) : perSuccess;
        Summary c = Summary.of(coached);
        double priced = Summary.of(own.getOrDefault(Metrics.OUTCOME_UNITS_PRICED, new double[0])).mean();
        double repaying = c.mean() > 0 && contract > 0 ? Summary.of(outlay).mean() / c.mean() / contract : Double.NaN;
        return new Cohort(c, Summary.of(successes), Ratio.of(successes, coached, "participants coached"), predicted,
                Ratio.of(units, coached, "participants coached"), priced, repaying);
    }

    /** The price multiple that repays the investors: the repaying price over the contract's, NaN when undefined. */
    public double multiple() {
        return repayingPrice.defined() && contractPrice > 0 ? repayingPrice.estimate() / contractPrice : Double.NaN;
    }

    /** What the funders would pay at the repaying price, on average per replication. */
    public double fundersPayAtRepayingPrice() {
        return repayingPrice.defined() ? repayingPrice.estimate() * units.mean() : Double.NaN;
    }

    /** Whether the outcome payments at the contract's price fall short of the outlay beyond their interval. */
    public boolean investorsNotRepaid() {
        return investorsAtContract.n() >= 2 ? investorsAtContract.ciHigh() < 0 : investorsAtContract.mean() < 0;
    }

    /**
     * Whether the investors pre-financed more than the outcome fund can pay: then no price within the fund's budget
     * repays them.
     */
    public boolean outlayExceedsBudget() {
        return budget > 0 && outlay.mean() > budget;
    }

    /** How the cohort's units per participant compare with those the price assumed (see {@link Pricing}). */
    public Pricing pricing() {
        Ratio delivered = cohort.unitsPerParticipant();
        double priced = cohort.unitsPriced();
        if (!delivered.defined() || Double.isNaN(priced) || units.mean() <= 0) {
            return Pricing.UNKNOWN;
        }
        if (delivered.ciLow() > priced) {
            return Pricing.INVESTORS_OVERPAID;
        }
        if (delivered.ciHigh() >= priced) {
            return Pricing.AS_PRICED;
        }
        return investorsNotRepaid() ? Pricing.INVESTORS_LOSE : Pricing.BELOW_RETURN;
    }
}
