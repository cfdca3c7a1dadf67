/**
 * The month-by-month simulation: a synthetic population meets vacancies; the engine proposes actions (hire, trial
 * placement, course); the rules decide whether each is allowed and what it pays or costs to whom; behaviour
 * decides what happens next. Replications run in parallel with random streams derived from the scenario seed and
 * the replication number, shared by all variants (common random numbers).
 */
package nl.fieldlab.sandbox.simulation;
