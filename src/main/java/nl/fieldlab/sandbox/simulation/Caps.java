package nl.fieldlab.sandbox.simulation;

import java.util.BitSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import nl.fieldlab.sandbox.rules.Answer;
import nl.fieldlab.sandbox.rules.Exemption;

/**
 * An exemption's caps, held against what is actually paid. A budget counts the payments made so far and the ones
 * that fall due later under spells already admitted (up to the horizon): a new spell is admitted under the exemption
 * only when all of its scheduled payments fit, and a payment that would still pass the budget (a re-assessed
 * amount) is not made. Participants are counted once per worker; the staff share counts the workers an employer has
 * under the exemption at once. Refusals are counted, so the report can say who was turned away.
 */
final class Caps {

    private final List<Exemption> exemptions;
    private final BitSet[] participants;
    private final int[][] activeAtEmployer;
    private final double[] paid;
    private final double[] committed;
    private final long[] refusedAdmissions;
    private final double[] refusedPayments;

    Caps(List<Exemption> exemptions, int employers, int workers) {
        this.exemptions = exemptions;
        int n = exemptions.size();
        participants = new BitSet[n];
        for (int i = 0; i < n; i++) {
            participants[i] = new BitSet(workers);
        }
        activeAtEmployer = new int[n][employers];
        paid = new double[n];
        committed = new double[n];
        refusedAdmissions = new long[n];
        refusedPayments = new double[n];
    }

    int index(String exemption) {
        for (int i = 0; i < exemptions.size(); i++) {
            if (exemptions.get(i).id().equals(exemption)) {
                return i;
            }
        }
        throw new IllegalStateException("exemption not in variant: " + exemption);
    }

    /** Whether one more admission fits the participants, staff-share and budget caps (before the answer is known). */
    boolean hasRoom(Exemption ex, int worker, int employer, int employerStaff) {
        int i = index(ex.id());
        var scope = ex.scope();
        if (scope.participants() > 0 && (worker < 0 || !participants[i].get(worker))
                && participants[i].cardinality() >= scope.participants()) {
            return false;
        }
        if (scope.budget() > 0 && paid[i] + committed[i] >= scope.budget()) {
            return false;
        }
        if (scope.staffShare() > 0 && employer >= 0) {
            return activeAtEmployer[i][employer] < Math.floor(scope.staffShare() * employerStaff);
        }
        return true;
    }

    /**
     * The exemptions whose caps cannot take this answer's spell: a budget that cannot hold what the answer schedules
     * from {@code fromSpellMonth} to {@code toSpellMonth} (the rest of the horizon), a participants cap already
     * full for a worker not yet admitted, or an employer already at its staff share. Checked when the answer is
     * acted on, so admissions asked in one batch cannot together pass a cap.
     *
     * @param worker        the worker's index
     * @param employer      the employer's index, or -1
     * @param employerStaff the employer's staff (for the staff share)
     */
    Set<String> over(Answer a, int worker, int employer, int employerStaff, int fromSpellMonth, int toSpellMonth) {
        if (a.exemptionsUsed().isEmpty()) {
            return Set.of();
        }
        Set<String> over = new TreeSet<>();
        for (String ex : a.exemptionsUsed()) {
            int i = index(ex);
            var scope = exemptions.get(i).scope();
            double budget = scope.budget();
            if (budget > 0 && paid[i] + committed[i] + scheduled(a, ex, fromSpellMonth, toSpellMonth) > budget + 1e-6) {
                over.add(ex);
            } else if (scope.participants() > 0 && !participants[i].get(worker)
                    && participants[i].cardinality() >= scope.participants()) {
                over.add(ex);
            } else if (scope.staffShare() > 0 && employer >= 0
                    && activeAtEmployer[i][employer] >= Math.floor(scope.staffShare() * employerStaff)) {
                over.add(ex);
            }
        }
        return over;
    }

    /** Counts a refusal of {@code exemption} (a spell admitted without it because a cap was reached). */
    void refused(String exemption) {
        refusedAdmissions[index(exemption)]++;
    }

    /** Admits a spell under every exemption whose rules shaped its answer. */
    void admit(Answer a, int worker, int employer, int fromSpellMonth, int toSpellMonth) {
        if (a == null) {
            return;
        }
        for (String ex : a.exemptionsUsed()) {
            int i = index(ex);
            participants[i].set(worker);
            if (employer >= 0) {
                activeAtEmployer[i][employer]++;
            }
            committed[i] += scheduled(a, ex, fromSpellMonth, toSpellMonth);
        }
    }

    /** A spell ends or is re-assessed: its payments from {@code fromSpellMonth} on are no longer owed. */
    void leave(Answer a, int employer, int fromSpellMonth, int toSpellMonth) {
        if (a == null) {
            return;
        }
        for (String ex : a.exemptionsUsed()) {
            int i = index(ex);
            if (employer >= 0) {
                activeAtEmployer[i][employer]--;
            }
            committed[i] = Math.max(0, committed[i] - scheduled(a, ex, fromSpellMonth, toSpellMonth));
        }
    }

    /**
     * Whether a payment by an exemption's rule may be made: always without a budget; with one, only while the budget
     * still holds it. A payment that is made leaves the committed amount.
     */
    boolean pay(String exemption, double amount) {
        int i = index(exemption);
        double budget = exemptions.get(i).scope().budget();
        if (budget > 0 && paid[i] + amount > budget + 1e-6) {
            refusedPayments[i] += amount;
            return false;
        }
        paid[i] += amount;
        committed[i] = Math.max(0, committed[i] - amount);
        return true;
    }

    double paid(int i) {
        return paid[i];
    }

    int participants(int i) {
        return participants[i].cardinality();
    }

    long refusedAdmissions(int i) {
        return refusedAdmissions[i];
    }

    double refusedPayments(int i) {
        return refusedPayments[i];
    }

    List<Exemption> exemptions() {
        return exemptions;
    }

    /**
     * What an answer's lines from {@code exemption} pay out of public money from spell month {@code from} to
     * {@code to} (a wage the exemption sets is the employer's money, not the exemption's budget).
     */
    static double scheduled(Answer a, String exemption, int from, int to) {
        double sum = 0;
        for (Answer.PaymentLine p : a.payments()) {
            if (exemption.equals(p.exemption()) && p.payer().isPublic()) {
                int lo = Math.max(from, p.fromMonth());
                int hi = Math.min(to, p.toMonth());
                if (hi >= lo) {
                    sum += p.amount() * (hi - lo + 1L);
                }
            }
        }
        return sum;
    }
}
