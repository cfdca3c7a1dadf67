/**
 * The Spring Shell front end: thin commands that call the workbench and return text, the same commands run
 * non-interactively from the command line with exit codes, and the plumbing (prompt, errors, option checking).
 */
package nl.fieldlab.sandbox.shell;
