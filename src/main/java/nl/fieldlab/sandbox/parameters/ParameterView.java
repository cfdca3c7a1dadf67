package nl.fieldlab.sandbox.parameters;

import java.time.YearMonth;
import java.util.Map;

import nl.fieldlab.sandbox.domain.Question;

/**
 * Parameter values in force for one question: the table resolved for a month, with a variant's and the in-scope
 * exemptions' overrides applied.
 */
public final class ParameterView implements Question.Parameters {

    private final YearMonth month;
    private final Map<String, Double> values;

    public ParameterView(YearMonth month, Map<String, Double> values) {
        this.month = month;
        this.values = Map.copyOf(values);
    }

    @Override
    public double value(String key) {
        Double v = values.get(key);
        if (v == null) {
            throw new MissingParameterException(key, month);
        }
        return v;
    }

    @Override
    public boolean has(String key) {
        return values.containsKey(key);
    }

    public YearMonth month() {
        return month;
    }

    public Map<String, Double> values() {
        return values;
    }

    /** A rule asked for a parameter that has no value in the month simulated. */
    public static final class MissingParameterException extends RuntimeException {
        public MissingParameterException(String key, YearMonth month) {
            super("parameter '" + key + "' has no value for " + month
                    + " (add it, or a dated value, under rules/parameters/)");
        }
    }
}
