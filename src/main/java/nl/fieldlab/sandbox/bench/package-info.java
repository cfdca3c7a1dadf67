/**
 * Benchmark-only code, used by the {@code bench} command and never by a simulation or a report: the plain-Java
 * floor that shows what the rule engine costs.
 */
package nl.fieldlab.sandbox.bench;
