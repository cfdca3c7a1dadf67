package nl.fieldlab.sandbox.report;

import nl.fieldlab.sandbox.scenario.Behaviour;

/**
 * The value of the employment gap a variant leaves at the horizon: a run ends at some month, and a training programme
 * whose return comes 2-3 years after it (Card, Kluve & Weber 2018, S54) would otherwise count only its cost. The gap
 * in former job seekers in work in the last month, {@code ΔE}, is assumed to fade with a mean life of P months
 * (behaviour value {@value #PERSISTENCE}, 24) over at most M months ({@value #MONTHS}, 120): it adds {@code ΔE · Σ a_m / 12} work-years and
 * {@code −ΔE · v · Σ a_m} net public cost after the horizon, with {@code a_m = exp(−m / P)} for m = 1..M and {@code v}
 * the fiscal gain of a work-month measured in the baseline's last year. A subsidy that stops at the horizon leaves
 * {@code ΔE ≈ 0} and gets about no terminal value; a programme that keeps people in work keeps its later return. The
 * persistence is an assumption (mechanism {@value #ID}), to be drawn across its range, not a finding.
 *
 * @param persistenceMonths the mean life P of the gap, in months (0: the gap ends at the horizon)
 * @param months            the months M after the horizon over which the gap is followed
 */
public record TerminalValue(double persistenceMonths, int months) {

    /** The mechanism in mechanisms.yaml whose behaviour values size this. */
    public static final String ID = "terminal-value";
    public static final String PERSISTENCE = "terminal.gap-persistence-months";
    public static final String MONTHS = "terminal.months";

    /** The years after a programme in which training shows its effect (S54); the horizon sentence warns within them. */
    public static final int RETURN_MONTHS = 36;

    /** The terminal value a run's behaviour values give. */
    public static TerminalValue of(Behaviour b) {
        return new TerminalValue(b.get(PERSISTENCE), (int) Math.round(b.get(MONTHS)));
    }

    /** {@code Σ a_m}: the months in work after the horizon that one more person in work at the horizon adds. */
    public double monthsPerPerson() {
        if (persistenceMonths <= 0) {
            return 0;
        }
        double sum = 0;
        for (int m = 1; m <= months; m++) {
            sum += Math.exp(-m / persistenceMonths);
        }
        return sum;
    }

    /** Extra work-years after the horizon per replication, from the extra former job seekers in work at it. */
    public double[] workYears(double[] extraEmployedAtHorizon) {
        double s = monthsPerPerson() / 12;
        double[] out = new double[extraEmployedAtHorizon.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = extraEmployedAtHorizon[i] * s;
        }
        return out;
    }

    /**
     * Extra net public cost after the horizon per replication: each extra month in work saves {@code fiscalGain[i]}
     * (the baseline replication's fiscal gain of a work-month; where it is not defined, the mean of those that are).
     */
    public double[] netPublicCost(double[] extraEmployedAtHorizon, double[] fiscalGain) {
        double fallback = 0;
        int n = 0;
        for (double v : fiscalGain) {
            if (!Double.isNaN(v)) {
                fallback += v;
                n++;
            }
        }
        fallback = n == 0 ? 0 : fallback / n;
        double s = monthsPerPerson();
        double[] out = new double[extraEmployedAtHorizon.length];
        for (int i = 0; i < out.length; i++) {
            double v = i < fiscalGain.length && !Double.isNaN(fiscalGain[i]) ? fiscalGain[i] : fallback;
            out[i] = -extraEmployedAtHorizon[i] * v * s;
        }
        return out;
    }

    /** The sum of two per-replication series (horizon plus after it). */
    static double[] plus(double[] a, double[] b) {
        double[] out = new double[Math.min(a.length, b.length)];
        for (int i = 0; i < out.length; i++) {
            out[i] = a[i] + b[i];
        }
        return out;
    }

    /** "the gap at the horizon fading with a mean life of 24 months over at most 120": for row labels. */
    public String describe() {
        return persistenceMonths <= 0 ? "no gap is carried past the horizon (terminal.gap-persistence-months 0)"
                : "the gap at the horizon fading with a mean life of " + ReportWriter.fmt(persistenceMonths)
                        + " months over at most " + months + ", an assumption";
    }
}
