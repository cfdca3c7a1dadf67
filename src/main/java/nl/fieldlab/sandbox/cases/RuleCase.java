package nl.fieldlab.sandbox.cases;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import nl.fieldlab.sandbox.domain.CourseFacts;
import nl.fieldlab.sandbox.domain.EmployerFacts;
import nl.fieldlab.sandbox.domain.QuestionType;
import nl.fieldlab.sandbox.domain.WorkerFacts;

/**
 * One rule case: a question and what the rules must answer.
 *
 * @param file        the case file
 * @param line        line of the case in that file
 * @param name        what the case shows
 * @param month       the simulated month
 * @param exemptions  exemptions of the variant (empty = baseline)
 * @param parameters  parameter overrides of the variant
 * @param question    what is asked
 * @param startYear   year the spell started (defaults to the month's year)
 * @param worker      the worker
 * @param employer    the employer, or null
 * @param course      the course, or null
 * @param formerEmployee worked for this employer before
 * @param afterTrial  a hire after a trial placement
 * @param rampUpPct   productivity in the job during its first months, in percent (100 = fits the job)
 * @param counterfactualPct an outcome-financed participant's predicted chance of the outcome without the project
 * @param expect      the expected answer
 */
public record RuleCase(String file, int line, String name, YearMonth month, List<String> exemptions,
        Map<String, Double> parameters, QuestionType question, int startYear, WorkerFacts worker,
        EmployerFacts employer, CourseFacts course, boolean formerEmployee, boolean afterTrial, int rampUpPct,
        int counterfactualPct, Expectation expect) {

    /**
     * What the answer must contain. Null fields are not checked.
     *
     * @param allowed      whether the action is allowed
     * @param blockedBy    the rule id that blocks it
     * @param spellMonth   the month of the spell in which payments are compared (1 = first)
     * @param payments     net monthly amount per payment type in {@code spellMonth}, summed over payers
     * @param entitlements entitlement sizes by key
     * @param obligations  obligation values by kind
     * @param amounts      derived amounts by key
     * @param groups       target groups the worker must be in
     * @param notGroups    target groups the worker must not be in
     * @param fired        rule ids that must fire
     * @param notFired     rule ids that must not fire
     * @param tolerance    allowed absolute difference for amounts
     */
    public record Expectation(Boolean allowed, String blockedBy, int spellMonth, Map<String, Double> payments,
            Map<String, Double> entitlements, Map<String, Double> obligations, Map<String, Double> amounts,
            List<String> groups, List<String> notGroups, List<String> fired, List<String> notFired,
            double tolerance) {
    }

    /** Where the case is written, for messages. */
    public String where() {
        return file + ":" + line;
    }
}
