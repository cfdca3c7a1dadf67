/**
 * Statistics over replications: means with 95 % confidence intervals from the t distribution, and paired
 * differences between a variant and the baseline (common random numbers make the pairs informative).
 */
package nl.fieldlab.sandbox.stats;
