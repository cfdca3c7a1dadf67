/**
 * Rule cases as data: files under {@code rules/cases/} that state a question (month, variant, worker, employer,
 * course, action) and the expected answer (allowed or blocked and by which rule, amounts per payment type), run
 * against the rule base from {@code mvn test}, the shell and batch.
 */
package nl.fieldlab.sandbox.cases;
