package nl.fieldlab.sandbox.simulation;

import java.util.List;

import nl.fieldlab.sandbox.domain.Actor;
import nl.fieldlab.sandbox.domain.PaymentType;
import nl.fieldlab.sandbox.rules.Answer;

/**
 * Books what the rules' answers pay in a month, payer to payee, into the run's totals and the worker's public cost;
 * an exemption's payment only while its budget holds it (see {@link Caps}).
 */
final class Ledger {

    /** The amount an outcome payment rule sets: the price of one outcome wholly above the counterfactual. */
    static final String OUTCOME_PRICE = "outcome.price";
    /**
     * The amount an outcome payment rule sets beside its price: the outcome units per participant the price assumed
     * (the contract's expected success rate times the part of a success above its expected predicted chance).
     */
    static final String OUTCOME_EXPECTED_UNITS = "outcome.expected-units";

    private final RunTotals totals;
    private final Caps caps;
    private final Trace trace;
    private final int traceWorker;
    /** the claimable scheme a payment line pays its claimant under, or null (see {@link TakeUp}) */
    private final java.util.function.Function<Answer.PaymentLine, String> schemeOf;

    Ledger(RunTotals totals, Caps caps, Trace trace, int traceWorker,
            java.util.function.Function<Answer.PaymentLine, String> schemeOf) {
        this.totals = totals;
        this.schemeOf = schemeOf;
        this.caps = caps;
        this.trace = trace;
        this.traceWorker = traceWorker;
    }

    /**
     * Books the payments of a course's answer due in its first month (later study years fall due in their own course
     * months), and checks that the course is funded once: its fee payments (over all study years, by one payer or
     * shared with the worker) add up to no more than the fee the rules say is owed (amount {@code course.fee}, else
     * the price), and the worker receives no more in grants than the fee they paid. A course that breaks this is
     * counted ({@link Metrics#COURSES_OVER_FUNDED}); the rules must never produce one.
     */
    void bookCourse(Worker w, int m, Answer a, double price) {
        double fees = 0;
        double workerFee = 0;
        double workerGrants = 0;
        java.util.EnumSet<Actor> feePayers = java.util.EnumSet.noneOf(Actor.class);
        for (Answer.PaymentLine p : a.payments()) {
            if (p.type() == PaymentType.COURSE_FEE) {
                fees += p.amount();
                feePayers.add(p.payer());
                if (p.payer() == Actor.WORKER) {
                    workerFee += p.amount();
                }
            } else if (p.type().category() == PaymentType.Category.TRAINING && p.payee() == Actor.WORKER) {
                workerGrants += p.amount();
            }
        }
        double owed = a.amount("course.fee", price);
        if (fees > owed + 0.005 || workerGrants > workerFee + 0.005) {
            totals.coursesOverFunded++;
            if (trace != null && w.p.id() == traceWorker) {
                trace.event(m, "course funded twice", "fees " + fees + " by " + feePayers + " against " + owed
                        + " owed; grants to the worker " + workerGrants, "ledger", null, null);
            }
        }
        book(w, m, a, 1);
    }

    /** Books the payments of spell month {@code spellMonth} of an answer, in simulated month {@code m}. */
    void book(Worker w, int m, Answer a, int spellMonth) {
        book(w, m, a, spellMonth, false);
    }

    /**
     * Books what a course's answer pays on completion ({@link nl.fieldlab.sandbox.domain.Payment#onCompletion}): the
     * payments that fall due in the spell month after the course's last, {@code completionMonth}, and only those that
     * begin then (a payment running through the course was booked as it ran).
     */
    /**
     * The worker's net money from an answer in spell month {@code spellMonth}: what it pays the worker less what the
     * worker pays (wage tax, tax on a benefit). Net against net, because the bijstand norm is net and WW is gross
     * with its tax; before any cap refuses a payment, and without the labour credit's year-end settlement or
     * income-dependent allowances, which the rules do not book.
     */
    static double netToWorker(Answer a, int spellMonth) {
        double net = 0;
        for (Answer.PaymentLine p : a.payments()) {
            if (p.paidIn(spellMonth)) {
                if (p.payee() == Actor.WORKER) {
                    net += p.amount();
                }
                if (p.payer() == Actor.WORKER) {
                    net -= p.amount();
                }
            }
        }
        return net;
    }

    /** The gross wage an answer pays the worker in spell month {@code spellMonth}. */
    static double grossWage(Answer a, int spellMonth) {
        double wage = 0;
        for (Answer.PaymentLine p : a.payments()) {
            if (p.paidIn(spellMonth) && p.type() == PaymentType.WAGE && p.payee() == Actor.WORKER) {
                wage += p.amount();
            }
        }
        return wage;
    }

    void bookCompletion(Worker w, int m, Answer a, int completionMonth) {
        book(w, m, a, completionMonth, true);
    }

    private void book(Worker w, int m, Answer a, int spellMonth, boolean startingOnly) {
        List<Answer.PaymentLine> lines = a.payments();
        boolean traced = trace != null && w.p.id() == traceWorker;
        boolean outcomePaid = false;
        for (int i = 0, n = lines.size(); i < n; i++) {
            Answer.PaymentLine p = lines.get(i);
            if (spellMonth < p.fromMonth() || spellMonth > p.toMonth() || startingOnly && p.fromMonth() != spellMonth) {
                continue;
            }
            double amount = p.amount();
            // an exemption's budget and its payments count public money; a wage it sets is the employer's
            String exemption = p.payer().isPublic() ? p.exemption() : null;
            if (exemption != null && !caps.pay(exemption, amount)) {
                if (traced) {
                    trace.event(m, "payment refused", p.exemption() + "'s budget is used up: " + p.note(), "caps",
                            null, null);
                }
                continue;
            }
            totals.book(m, p.payer(), p.payee(), p.type(), amount);
            String scheme = schemeOf.apply(p);
            if (scheme != null) {
                totals.takeUp.paid(scheme, amount);
            }
            if (p.payee() == Actor.INVESTOR && p.type() == PaymentType.PLACEMENT_BONUS) {
                // an outcome paid, in units of the outcome price the rule set: the report solves the price that
                // would have repaid the investors from these
                double price = a.amount(OUTCOME_PRICE, 0);
                if (price > 0) {
                    totals.outcomeUnits += amount / price;
                }
                outcomePaid = true;
            }
            if (p.type().category() == PaymentType.Category.SUBSIDY) {
                totals.subsidyPaid[w.p.id()] += amount;
            }
            if (exemption != null) {
                totals.exemptionPaid.get(exemption)[w.p.id()] += amount;
            }
            if (p.payer().isPublic()) {
                w.publicCost += amount;
            }
            if (p.payee().isPublic()) {
                w.publicCost -= amount;
            }
            if (traced) {
                trace.paid(m, spellMonth, p);
            }
        }
        if (outcomePaid) {
            // one success, however many funders share its payment; the report sets the units it earned against the
            // units per participant the contract's price assumed
            totals.outcomeSuccesses++;
            totals.outcomeExpectedUnits += a.amount(OUTCOME_EXPECTED_UNITS, Double.NaN);
        }
    }
}
