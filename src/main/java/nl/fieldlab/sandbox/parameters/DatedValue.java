package nl.fieldlab.sandbox.parameters;

import java.time.YearMonth;

/**
 * One value of a parameter, in force from {@code from} until the next value.
 *
 * @param source     where the figure comes from; says "unverified" when the figure is not yet confirmed
 * @param unverified the figure is not confirmed in a source
 */
public record DatedValue(YearMonth from, double value, String source, boolean unverified) {
}
