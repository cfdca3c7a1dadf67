/**
 * Reading user-edited files (scenarios, parameters, exemption declarations, rule cases) with errors that name the
 * file, the line and the field, and say what was expected.
 */
package nl.fieldlab.sandbox.input;
