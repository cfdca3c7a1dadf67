package nl.fieldlab.sandbox.simulation;

import nl.fieldlab.sandbox.domain.Question;
import nl.fieldlab.sandbox.rules.Answer;

/** Receives one worker's path through a run: what was proposed, what the rules answered, what happened. */
public interface Trace {

    /**
     * @param month     month index from the start (0 = first month)
     * @param kind      what happened, e.g. {@code HIRE proposed}, {@code hired}, {@code WW exhausted}
     * @param detail    a readable detail (employer, course, chance drawn)
     * @param mechanism the behavioural mechanism that decided it (see mechanisms.yaml), or null when the rules did
     * @param question  the question asked, or null
     * @param answer    the rules' answer, or null
     */
    void event(int month, String kind, String detail, String mechanism, Question question, Answer answer);

    /**
     * A payment booked for the traced worker this month.
     *
     * @param month      month index from the start
     * @param spellMonth month of the job or benefit spell the payment belongs to (1 = first)
     * @param line       the payment line, with the rule that set it
     */
    default void paid(int month, int spellMonth, Answer.PaymentLine line) {
    }
}
