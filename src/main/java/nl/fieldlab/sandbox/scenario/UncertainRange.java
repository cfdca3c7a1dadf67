package nl.fieldlab.sandbox.scenario;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * How uncertain a behaviour value is: the range a robustness run draws it from, on which scale, on what basis and
 * from which source. Not the limits a scenario may set ({@link Behaviour.Default#min()}/{@code max()}): a range lies
 * within those and contains the value in use.
 *
 * @param low    the lowest value drawn
 * @param high   the highest value drawn
 * @param scale  how a uniform draw maps onto the range
 * @param basis  where the ends come from
 * @param source the citation or reasoning behind the ends
 */
public record UncertainRange(double low, double high, Scale scale, Basis basis, String source) {

    /** How a draw in (0, 1) maps onto the range: evenly, or evenly in the logarithm (for factors and rates). */
    public enum Scale {
        LINEAR("linear"), LOG("log");

        private final String word;

        Scale(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }
    }

    /** Where a range's ends come from; {@link #ASSUMED} is printed as "assumed range" wherever a range is shown. */
    public enum Basis {
        /** the source gives the range */
        STATED("stated"),
        /** the evidence gives the sign: from the neutral value to twice the default's distance from it */
        SIGN_FROM_EVIDENCE("sign-from-evidence"),
        /** the ends are sourced values of similar schemes or populations */
        REFERENCE_CLASS("reference-class"),
        /** no source gives one: half to double the default on a log scale, clipped to the value's limits */
        ASSUMED("assumed");

        private final String word;

        Basis(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }

        /** How a report names the basis: an assumed range says so plainly. */
        public String shown() {
            return this == ASSUMED ? "assumed range" : word;
        }
    }

    /** What is wrong with a declared range: the field below the range's own name ("" for the range) and why. */
    public record Problem(String field, String message) {
    }

    /** The value at {@code u} in [0, 1]: linear {@code low + u (high - low)}, log {@code low (high/low)^u}. */
    public double at(double u) {
        return scale == Scale.LOG ? low * Math.pow(high / low, u) : low + u * (high - low);
    }

    /** The range as text, as {@code 0.0017-0.01 (log)}. */
    public String span() {
        return num(low) + "-" + num(high) + (scale == Scale.LOG ? " (log)" : "");
    }

    /**
     * A range from its YAML map ({@code low}, {@code high}, {@code scale} (default linear), {@code basis},
     * {@code source}); fails with the first problem found, as a {@link Problem}, through {@link Invalid}.
     */
    public static UncertainRange of(Map<?, ?> raw) {
        for (Object key : raw.keySet()) {
            if (!java.util.List.of("low", "high", "scale", "basis", "source").contains(String.valueOf(key))) {
                throw new Invalid(new Problem("." + key, "unknown field (expected low, high, scale, basis, source)"));
            }
        }
        double low = number(raw, "low");
        double high = number(raw, "high");
        Object scaleWord = raw.get("scale");
        Scale scale = scaleWord == null ? Scale.LINEAR : Arrays.stream(Scale.values())
                .filter(s -> s.word.equals(String.valueOf(scaleWord))).findFirst()
                .orElseThrow(() -> new Invalid(new Problem(".scale", "expected linear or log, got '" + scaleWord
                        + "'")));
        Object basisWord = raw.get("basis");
        if (basisWord == null) {
            throw new Invalid(new Problem(".basis", "expected basis: stated, sign-from-evidence, reference-class or "
                    + "assumed"));
        }
        Basis basis = Arrays.stream(Basis.values()).filter(b -> b.word.equals(String.valueOf(basisWord)))
                .findFirst().orElseThrow(() -> new Invalid(new Problem(".basis", "expected stated, "
                        + "sign-from-evidence, reference-class or assumed, got '" + basisWord + "'")));
        Object source = raw.get("source");
        if (source == null || String.valueOf(source).isBlank()) {
            throw new Invalid(new Problem("", "expected source: where the range comes from"));
        }
        return new UncertainRange(low, high, scale, basis, String.valueOf(source).strip());
    }

    private static double number(Map<?, ?> raw, String field) {
        Object v = raw.get(field);
        if (!(v instanceof Number n) || !Double.isFinite(n.doubleValue())) {
            throw new Invalid(new Problem("." + field, "expected a number, got " + (v == null ? "nothing" : "'" + v
                    + "'")));
        }
        return n.doubleValue();
    }

    /**
     * The first problem of this range for a value that is {@code value} in use and may lie from {@code min} to
     * {@code max}, or null: the ends in order, within the limits, above 0 on a log scale, and containing the value.
     */
    public Problem problem(double value, double min, double max) {
        if (!(low < high)) {
            return new Problem("", "expected low below high, got " + num(low) + " and " + num(high));
        }
        boolean probability = min == 0 && max == 1;
        if (low < min) {
            return new Problem(".low", "expected at least " + num(min) + (probability ? " (a probability)" : "")
                    + ", got " + num(low));
        }
        if (high > max) {
            return new Problem(".high", "expected at most " + num(max) + (probability ? " (a probability)" : "")
                    + ", got " + num(high));
        }
        if (scale == Scale.LOG && low <= 0) {
            return new Problem(".low", "a log scale needs low above 0, got " + num(low));
        }
        if (value < low || value > high) {
            return new Problem("", "the value in use, " + num(value) + ", lies outside " + num(low) + "-" + num(high)
                    + ": a range must contain it");
        }
        return null;
    }

    static String num(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.valueOf((long) v);
        }
        return new java.math.BigDecimal(String.format(Locale.ROOT, "%.6g", v)).stripTrailingZeros().toPlainString();
    }

    /** A declared range that cannot be used, with its {@link Problem}. */
    public static final class Invalid extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Problem problem;

        public Invalid(Problem problem) {
            super(problem.field() + ": " + problem.message());
            this.problem = problem;
        }

        public Problem problem() {
            return problem;
        }
    }
}
