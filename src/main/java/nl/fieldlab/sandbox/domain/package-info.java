/**
 * Immutable facts the rules reason about (a worker, an employer, a course, a question) and the outcome facts the
 * rules produce (a block, an entitlement, an obligation, a payment). No I/O and no regulation lives here.
 */
package nl.fieldlab.sandbox.domain;
