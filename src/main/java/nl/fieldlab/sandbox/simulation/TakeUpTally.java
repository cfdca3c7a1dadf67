package nl.fieldlab.sandbox.simulation;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Take-up per scheme over a run: how many cases a scheme was granted in, how many claimed it and why the others did
 * not, and the money it paid and would have paid. What the report's take-up table is made of; replications add up.
 */
final class TakeUpTally implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    /** One scheme's counts. Counts are cases (a hire, a course); money is euro over the months the spells ran. */
    static final class Scheme implements java.io.Serializable {
        private static final long serialVersionUID = 1L;

        long entitled;
        long claimed;
        long unaware;
        long notWorthIt;
        double paid;
        double unclaimed;

        /** The share of cases with the scheme in which it was claimed, or NaN when it was never granted. */
        double takeUp() {
            return entitled == 0 ? Double.NaN : (double) claimed / entitled;
        }

        /** The share of the scheme's money left unclaimed, or NaN when it would have paid nothing. */
        double unclaimedShare() {
            double due = paid + unclaimed;
            return due == 0 ? Double.NaN : unclaimed / due;
        }

        void add(Scheme o) {
            entitled += o.entitled;
            claimed += o.claimed;
            unaware += o.unaware;
            notWorthIt += o.notWorthIt;
            paid += o.paid;
            unclaimed += o.unclaimed;
        }
    }

    private final SortedMap<String, Scheme> schemes = new TreeMap<>();

    private Scheme of(String scheme) {
        return schemes.computeIfAbsent(scheme, k -> new Scheme());
    }

    /** Lists a scheme with no cases yet, so that a scheme nobody was granted shows as such rather than not at all. */
    void register(String scheme) {
        of(scheme);
    }

    /** Counts the outcomes of one case's claims ({@link TakeUp#settle}). */
    void decided(TakeUp.Settled settled) {
        settled.outcomes().forEach((scheme, outcome) -> {
            Scheme s = of(scheme);
            s.entitled++;
            switch (outcome) {
                case CLAIMED -> s.claimed++;
                case UNAWARE -> s.unaware++;
                case NOT_WORTH_IT -> s.notWorthIt++;
                default -> throw new IllegalStateException("outcome " + outcome);
            }
        });
    }

    /** A claimed scheme's payment in a month. */
    void paid(String scheme, double amount) {
        of(scheme).paid += amount;
    }

    /** What an unclaimed scheme would have paid in a month of a spell that ran. */
    void unclaimed(String scheme, double amount) {
        of(scheme).unclaimed += amount;
    }

    /** Adds another replication's tally. */
    void add(TakeUpTally other) {
        other.schemes.forEach((id, s) -> of(id).add(s));
    }

    /** Sets a scheme's counts and money as a decoded run's totals carry them. */
    void restore(String scheme, long entitled, long claimed, long unaware, long notWorthIt, double paid,
            double unclaimed) {
        Scheme s = of(scheme);
        s.entitled = entitled;
        s.claimed = claimed;
        s.unaware = unaware;
        s.notWorthIt = notWorthIt;
        s.paid = paid;
        s.unclaimed = unclaimed;
    }

    SortedMap<String, Scheme> schemes() {
        return Collections.unmodifiableSortedMap(schemes);
    }
}
