package nl.fieldlab.sandbox.simulation;

import java.util.EnumMap;
import java.util.Map;

import nl.fieldlab.sandbox.domain.Actor;
import nl.fieldlab.sandbox.domain.PaymentType;
import nl.fieldlab.sandbox.rules.Answer;
import nl.fieldlab.sandbox.scenario.Behaviour;

/**
 * Mechanism {@code hiring-response}: how much of what an instrument pays the employer weighs in its decision to hire.
 * One elasticity for every instrument made a premium discount claimed a year later move hiring as much as a wage
 * subsidy agreed before the contract is signed; employers do not treat them alike. The weight of each kind of
 * payment the employer receives from another party ({@code hire.response.<PAYMENT_TYPE>}, 1 where not set) scales
 * that payment in the net cost {@link Hiring} weighs; what the employer pays counts in full. The money itself is
 * paid in full either way: the weight changes the decision, not the ledger.
 */
final class HiringResponse {

    static final String ID = "hiring-response";
    static final String KEY = "hire.response.";

    private final Map<PaymentType, Double> weights = new EnumMap<>(PaymentType.class);

    HiringResponse(Behaviour b) {
        for (PaymentType t : PaymentType.values()) {
            weights.put(t, b.values().getOrDefault(KEY + t.name(), 1.0));
        }
    }

    /** The weight the employer puts on a payment of this kind when it decides to hire. */
    double weight(PaymentType type) {
        return weights.get(type);
    }

    /**
     * The weight of one payment: by its kind, except that a wage-cost advantage someone other than the state pays (a
     * province's mirror of the LKV, E9) is a subsidy the employer applies for, not a payroll-tax offset a year later,
     * and weighs as a wage-cost subsidy.
     */
    double weight(Answer.PaymentLine p) {
        return p.type() == PaymentType.WAGE_COST_ADVANTAGE && p.payer() != Actor.STATE
                ? weight(PaymentType.WAGE_COST_SUBSIDY) : weight(p.type());
    }

    /**
     * What the employer counts as its net receipt in spell month {@code spellMonth} when it decides: payments to it
     * from others at their instrument's weight, less what it pays (negative when it pays, as {@link Answer#netFor}).
     */
    double weighedNet(Answer a, int spellMonth) {
        double net = 0;
        for (Answer.PaymentLine p : a.payments()) {
            if (!p.paidIn(spellMonth) || p.payer() == p.payee()) {
                continue;
            }
            if (p.payee() == Actor.EMPLOYER) {
                net += p.amount() * weight(p);
            } else if (p.payer() == Actor.EMPLOYER) {
                net -= p.amount();
            }
        }
        return net;
    }
}
