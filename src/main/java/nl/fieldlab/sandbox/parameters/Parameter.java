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
 */
public record Parameter(String key, String description, String unit, String reference, List<DatedValue> values,
        String file, int line, boolean municipal) {

    public Parameter {
        values = List.copyOf(values);
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
}
