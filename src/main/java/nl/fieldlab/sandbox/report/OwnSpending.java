package nl.fieldlab.sandbox.report;

import java.util.Map;

import nl.fieldlab.sandbox.simulation.Metrics;
import nl.fieldlab.sandbox.stats.Summary;

/**
 * What a variant's own instruments paid, mean per replication: its exemptions' own rules ({@code reach.<EX>.paid}) and
 * its process supports ({@code support.<ID>.cost}, participants times the cost per participant, and
 * {@code support.<ID>.publicPaid}, public money its own mechanism pays, such as a cooperative's coordination fees).
 * A variant whose own rules pay about nothing cannot have bought a fall in net public cost: such a fall comes from
 * changed behaviour, and the report claims no break-even or saving for it.
 *
 * @param mean the mean per replication, in euro
 */
public record OwnSpending(double mean) {

    /** Below this, in euro a replication, the own spending is about nothing whatever the net cost difference. */
    public static final double FLOOR = 1_000;
    /** ... and below this share of the absolute mean extra net public cost. */
    public static final double SHARE = 0.01;

    /** The variant's own spending from its metrics (per replication). */
    public static OwnSpending of(Map<String, double[]> variantMetrics) {
        int n = 0;
        double[] sum = null;
        for (Map.Entry<String, double[]> e : variantMetrics.entrySet()) {
            String k = e.getKey();
            boolean own = k.startsWith(Metrics.REACH_PREFIX) && k.endsWith(".paid")
                    || k.startsWith(Metrics.SUPPORT_PREFIX) && (k.endsWith(".cost")
                            || k.endsWith("." + Metrics.SUPPORT_PUBLIC_PAID));
            if (own) {
                double[] v = e.getValue();
                if (sum == null) {
                    sum = new double[v.length];
                }
                for (int i = 0; i < Math.min(sum.length, v.length); i++) {
                    sum[i] += Double.isNaN(v[i]) ? 0 : v[i];
                }
                n++;
            }
        }
        return new OwnSpending(n == 0 ? 0 : Summary.of(sum).mean());
    }

    /** Whether it is about nothing against the extra net public cost it would have to explain. */
    public boolean aboutNothing(Summary extraNetPublicCost) {
        double cost = extraNetPublicCost == null || Double.isNaN(extraNetPublicCost.mean()) ? 0
                : Math.abs(extraNetPublicCost.mean());
        return mean < Math.max(FLOOR, SHARE * cost);
    }
}
