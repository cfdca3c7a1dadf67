/**
 * Scenario files ({@code scenarios/*.yaml}): the worker and employer populations, courses, behaviour assumptions,
 * the variants to compare and optional expectations. Unknown keys, wrong types and impossible values are errors
 * that name the file, line and field.
 */
package nl.fieldlab.sandbox.scenario;
