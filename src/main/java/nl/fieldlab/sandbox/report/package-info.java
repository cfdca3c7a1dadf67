/**
 * Report files: {@code report.md}, {@code summary.csv}, {@code report.json} (byte-identical for the same inputs)
 * and {@code manifest.json} (what produced the report; the only file with a time in it). A report folder is
 * written whole or not at all.
 */
package nl.fieldlab.sandbox.report;
