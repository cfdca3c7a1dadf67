package nl.fieldlab.sandbox.input;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;

/** Months written as {@code YYYY-MM} in input files. */
public final class Months {

    private Months() {
    }

    /**
     * The month {@code value} names, or null when it is absent (null) or not a month; the latter is noted as a
     * problem of {@code yaml} at {@code field}.
     */
    public static YearMonth parse(YamlFile yaml, String field, String value) {
        if (value == null) {
            return null;
        }
        try {
            YearMonth m = YearMonth.parse(value.strip());
            if (m.getYear() < 1900 || m.getYear() > 2200) {
                yaml.problem(field, "expected a month from 1900-01 to 2200-12, got '" + value + "'");
                return null;
            }
            return m;
        } catch (DateTimeParseException e) {
            yaml.problem(field, "expected a month as YYYY-MM, got '" + value + "'");
            return null;
        }
    }
}
