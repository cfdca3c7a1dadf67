/**
 * Report files: {@code report.md}, {@code summary.csv}, {@code report.json} (byte-identical for the same inputs)
 * {@code report.html} (charts; its provenance footer repeats the manifest) and {@code manifest.json} (what produced
 * the report: the only place a time is recorded). A report folder is written whole or not at all.
 */
package nl.fieldlab.sandbox.report;
