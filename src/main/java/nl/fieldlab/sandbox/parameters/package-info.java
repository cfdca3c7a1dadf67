/**
 * Dated parameters: every number the rules use, with its unit, legal reference and source, read from
 * {@code rules/parameters/} and resolved for a simulated month (values change on 1 January and 1 July).
 */
package nl.fieldlab.sandbox.parameters;
