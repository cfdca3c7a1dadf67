package nl.fieldlab.sandbox.domain;

/**
 * Money that flows because of the answer: {@code amount} euro per month from {@code payer} to {@code payee}, in
 * months {@code fromMonth} to {@code toMonth} of the spell (1-based, inclusive). A one-off payment has
 * {@code fromMonth == toMonth}.
 */
public record Payment(
        Question question,
        PaymentType type,
        Actor payer,
        Actor payee,
        double amount,
        int fromMonth,
        int toMonth,
        String note) {

    /** The last month of a spell without a fixed end. */
    public static final int OPEN_END = 9999;

    /** A monthly payment for the whole spell. */
    public static Payment monthly(Question q, PaymentType type, Actor payer, Actor payee, double amount, String note) {
        return new Payment(q, type, payer, payee, amount, 1, OPEN_END, note);
    }

    /** A monthly payment in spell months {@code from} to {@code to}. */
    public static Payment during(Question q, PaymentType type, Actor payer, Actor payee, double amount, int from,
            int to, String note) {
        return new Payment(q, type, payer, payee, amount, from, to, note);
    }

    /**
     * A total paid in {@code count} equal instalments, the first in spell month 1 and then every {@code everyMonths}
     * months (a fee owed per study year: one instalment at the start of each).
     */
    public static java.util.List<Payment> instalments(Question q, PaymentType type, Actor payer, Actor payee,
            double total, int count, int everyMonths, String note) {
        int n = Math.max(1, count);
        java.util.List<Payment> out = new java.util.ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int month = 1 + i * everyMonths;
            out.add(new Payment(q, type, payer, payee, total / n, month, month, note));
        }
        return out;
    }

    /**
     * A one-off payment when the question's course is completed: in the spell month after its last ({@code months + 1},
     * the month the simulation ends a course in), which the simulation books only for a course that is completed, not
     * for one dropped or failed.
     */
    public static Payment onCompletion(Question q, PaymentType type, Actor payer, Actor payee, double amount,
            String note) {
        int month = q.course().months() + 1;
        return new Payment(q, type, payer, payee, amount, month, month, note);
    }

    /** The spell month of a payment that falls due only when the worker draws a learning loan for the course. */
    public static final int LOAN_DRAWN = 0;

    /**
     * A one-off payment that falls due when the worker draws a learning loan for the question's course (the loan's
     * cost to the lender): in spell month {@link #LOAN_DRAWN}, before the course's first, which the simulation books
     * at the course's start only when the worker draws the loan (mechanism course-uptake), not for every worker the
     * loan is offered to.
     */
    public static Payment onLoanDrawn(Question q, PaymentType type, Actor payer, Actor payee, double amount,
            String note) {
        return new Payment(q, type, payer, payee, amount, LOAN_DRAWN, LOAN_DRAWN, note);
    }

    /** A one-off payment in spell month {@code month}. */
    public static Payment once(Question q, PaymentType type, Actor payer, Actor payee, double amount, int month,
            String note) {
        return new Payment(q, type, payer, payee, amount, month, month, note);
    }
}
