/**
 * The use cases the shell and batch mode offer (load a scenario, reload rules, run, compare, write reports), and
 * the session state they share: the last good rule library, the compiled rule bases, the loaded scenario, what-if
 * overrides and the last result.
 */
package nl.fieldlab.sandbox.app;
