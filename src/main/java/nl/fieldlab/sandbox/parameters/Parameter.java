package nl.fieldlab.sandbox.parameters;

import java.time.YearMonth;
import java.util.List;

/**
 * A named number the rules use, with its dated values in ascending order.
 *
 * @param key         dotted name, e.g. {@code wml.hourly.adult}
 * @param description what the number is
 * @param unit        unit, e.g. {@code EUR/hour}, {@code share}, {@code months}
 * @param reference   the legal text it comes from (law, article, regulation)
 * @param values      dated values, ascending by {@code from}
 * @param file        the file it was read from
 * @param line        the line of its key in that file
 * @param municipal   whether it is a municipality's own policy choice (set by ordinance or policy rule): its file
 *                    value is the default where a scenario's {@code municipality.policy} does not set it
 * @param range       the values it may take: declared in its file ({@code min}, {@code max}) or its unit's
 *                    ({@link Units}); every value, override and sweep point is held to it
 */
public record Parameter(String key, String description, String unit, String reference, List<DatedValue> values,
        String file, int line, boolean municipal, Units.Range range) {

    /** Any finite number: for a parameter whose unit has no range and declares none (tests, older files). */
    public static final Units.Range ANY = new Units.Range(-Double.MAX_VALUE, Double.MAX_VALUE, false,
            "no range declared");

    public Parameter {
        values = List.copyOf(values);
        range = range == null ? ANY : range;
    }

    public Parameter(String key, String description, String unit, String reference, List<DatedValue> values,
            String file, int line, boolean municipal) {
        this(key, description, unit, reference, values, file, line, municipal, Units.of(unit));
    }

    public Parameter(String key, String description, String unit, String reference, List<DatedValue> values,
            String file, int line) {
        this(key, description, unit, reference, values, file, line, false);
    }

    /** The value in force in {@code month}, or null when the parameter has no value yet. */
    public DatedValue at(YearMonth month) {
        DatedValue found = null;
        for (DatedValue v : values) {
            if (v.from().isAfter(month)) {
                break;
            }
            found = v;
        }
        return found;
    }

    /** What is wrong with {@code value} as a value of this parameter, or null when it may take it. */
    public String problem(double value) {
        return problem(value, range, unit);
    }

    /** What is wrong with {@code value} in {@code range} (of a parameter in {@code unit}), or null. */
    public static String problem(double value, Units.Range range, String unit) {
        if (!Double.isFinite(value)) {
            return "expected a finite number";
        }
        if (range.admits(value)) {
            return null;
        }
        String words = range.whole() && range.min() == 0 && range.max() == 1 ? "expected 0 or 1"
                : "expected " + (range.whole() ? "a whole number from " : "") + num(range.min()) + " to "
                        + num(range.max());
        String nearest = value < range.min() ? "at least " + num(range.min())
                : value > range.max() ? "at most " + num(range.max()) : "a whole number";
        return words + " (" + (unit == null || unit.isBlank() ? "" : "unit " + unit.strip() + "; ") + range.why()
                + "), got " + num(value) + " (" + nearest + ")";
    }

    static String num(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.format(java.util.Locale.ROOT, "%,d", (long) v);
        }
        return String.valueOf(v);
    }
}
