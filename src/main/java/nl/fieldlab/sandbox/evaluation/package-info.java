/**
 * The fieldlab's own evaluation: can a pilot of an exemption, held to the exemption's cap, show its effect? This
 * package owns the analytic power calculations ({@link nl.fieldlab.sandbox.evaluation.PowerCalc}), the estimators
 * a pilot would use ({@link nl.fieldlab.sandbox.evaluation.Estimators}) and the catalogue of assignment designs
 * that are lawful under an exemption's legal route. Pure functions and data: no simulation and no I/O beyond
 * reading the designs file.
 */
package nl.fieldlab.sandbox.evaluation;
