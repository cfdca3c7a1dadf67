/**
 * The rule base: reads DRL files, exemption declarations and parameters from the {@code rules/} folder on disk,
 * compiles one Drools rule base per variant (the baseline plus the variant's exemptions as overlays), and answers
 * batches of questions. Regulation lives in the DRL files; this package only builds, scopes and asks.
 */
package nl.fieldlab.sandbox.rules;
