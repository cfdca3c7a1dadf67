package nl.fieldlab.sandbox.report;

import java.util.Map;

import nl.fieldlab.sandbox.simulation.Metrics;
import nl.fieldlab.sandbox.stats.Ratio;
import nl.fieldlab.sandbox.stats.Summary;

/**
 * The outcome price at which an outcome-financed project's investors are repaid, solved from a run. Nothing a
 * participant or an employer does depends on the price (it only moves money between the funders and the investors),
 * so the outcomes are the same at any price and the payments scale with it: the investors get back what they
 * pre-financed at the price {@code outlay / outcome units}, replication by replication, and the funders then pay that
 * price times the units instead of what they paid. Social cost does not change with the price.
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
 */
public record OutcomePrice(double contractPrice, Summary units, Summary outlay, Summary received, Ratio repayingPrice,
        Summary netPublicCost, Summary investorsRepaid) {

    /**
     * The solve for one variant, or null when its investors financed nothing (no outcome-financed project).
     *
     * @param own          the variant's metrics per replication
     * @param extraCost    the variant's extra net public cost per replication, paired with the baseline
     */
    static OutcomePrice of(Map<String, double[]> own, double[] extraCost) {
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
        for (int i = 0; i < n; i++) {
            double paid = repaying.defined() ? repaying.estimate() * units[i] : Double.NaN;
            atPrice[i] = extraCost[i] + paid - received[i];
            investors[i] = paid - outlay[i];
        }
        return new OutcomePrice(contract, u, Summary.of(outlay), r, repaying, Summary.of(atPrice),
                Summary.of(investors));
    }

    /** The price multiple that repays the investors: the repaying price over the contract's, NaN when undefined. */
    public double multiple() {
        return repayingPrice.defined() && contractPrice > 0 ? repayingPrice.estimate() / contractPrice : Double.NaN;
    }

    /** What the funders would pay at the repaying price, on average per replication. */
    public double fundersPayAtRepayingPrice() {
        return repayingPrice.defined() ? repayingPrice.estimate() * units.mean() : Double.NaN;
    }
}
