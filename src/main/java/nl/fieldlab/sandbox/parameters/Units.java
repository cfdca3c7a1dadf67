package nl.fieldlab.sandbox.parameters;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The range a parameter's values may take, from its unit: a share lies from 0 to 1, a switch is 0 or 1, a number of
 * months cannot be negative. A parameter file may declare its own {@code min} and {@code max} instead (and must, for
 * a unit not listed here), so that a value of -6 or 1e9, in the file, in an exemption or in a scenario's override,
 * is refused at load with the range it missed.
 *
 * <p>Amounts are held to ten times what any Dutch labour-market figure reaches per period (the public-sector pay
 * norm, WNT 2025, is 233,000 euro a year): wide enough for every real value, narrow enough to catch a slip of the
 * decimal point by a factor of a thousand.
 */
public final class Units {

    /** A unit's range and why. */
    public record Range(double min, double max, boolean whole, String why) {

        /** Whether {@code value} lies in the range (and is whole where it must be). */
        public boolean admits(double value) {
            return value >= min && value <= max && (!whole || value == Math.rint(value));
        }
    }

    private static final Map<String, Range> BY_UNIT = byUnit();

    private Units() {
    }

    private static Map<String, Range> byUnit() {
        Map<String, Range> m = new LinkedHashMap<>();
        for (String share : new String[] {"share", "share of gross wage", "share per year", "share/year"}) {
            m.put(share, new Range(0, 1, false, "a share"));
        }
        m.put("0/1", new Range(0, 1, true, "a switch: 0 or 1"));
        m.put("flag", new Range(0, 1, true, "a switch: 0 or 1"));
        m.put("percent", new Range(0, 100, false, "a percentage"));
        m.put("factor", new Range(0, 100, false, "a multiple"));
        m.put("EUR", new Range(0, 1e9, false, "an amount: the largest public contracts are of this order"));
        m.put("EUR/hour", new Range(0, 1_000, false, "ten times the public-sector pay norm an hour"));
        m.put("EUR/day", new Range(0, 10_000, false, "ten times the public-sector pay norm a day"));
        m.put("EUR/month", new Range(0, 200_000, false, "ten times the public-sector pay norm a month"));
        m.put("EUR/year", new Range(0, 2_500_000, false, "ten times the public-sector pay norm (WNT 2025)"));
        m.put("months", new Range(0, 9_999, false, "9999 months stands for 'as long as the job lasts'"));
        m.put("months/year", new Range(0, 12, false, "a year has 12 months"));
        m.put("weeks", new Range(0, 520, false, "ten years"));
        m.put("weeks/month", new Range(0, 5, false, "a month has at most 5 weeks"));
        m.put("days/month", new Range(0, 31, false, "a month has at most 31 days"));
        m.put("hours/week", new Range(0, 168, false, "a week has 168 hours"));
        m.put("hours/month", new Range(0, 744, false, "a month has at most 744 hours"));
        m.put("hours/year", new Range(0, 8_784, false, "a year has at most 8,784 hours"));
        m.put("activities/4 weeks", new Range(0, 28, false, "one a day"));
        m.put("years", new Range(0, 120, false, "a human life"));
        m.put("year", new Range(1900, 2200, true, "a calendar year the tool simulates"));
        m.put("employees", new Range(0, 1_000_000, false, "the largest Dutch employers have about 100,000"));
        m.put("participants", new Range(0, 10_000_000, false, "more than a scenario can hold"));
        return Collections.unmodifiableMap(m);
    }

    /** The range of a unit (as written in a parameter file, surrounding spaces aside), or null when it has none. */
    public static Range of(String unit) {
        return unit == null ? null : BY_UNIT.get(unit.strip());
    }

    /** The units with a range, in the order listed. */
    public static Map<String, Range> all() {
        return BY_UNIT;
    }
}
