package nl.fieldlab.sandbox.scenario;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import nl.fieldlab.sandbox.domain.FreeText;
import nl.fieldlab.sandbox.domain.Plausible;

/**
 * A scenario's {@code robustness:} block: every run of the scenario also runs {@code draws} draws of the behaviour
 * values across their declared ranges, each with {@code replications} replications, and the report gets the section
 * "Robustness to the behaviour assumptions".
 *
 * @param draws        draws of the behaviour values (a Latin hypercube over the drawn values)
 * @param replications replications per draw (the noise within a draw needs 2)
 * @param values       the behaviour values to draw; absent: every ranged value the scenario does not set
 * @param ranges       the scenario's own ranges, each with a source; a value set under behaviour: is drawn only
 *                     when it has one here
 */
public record RobustnessSpec(
        @JsonPropertyDescription("draws of the behaviour values across their ranges, 4 to 256")
        @Plausible(min = MIN_DRAWS, max = MAX_DRAWS, message = "expected 4 to 256, got {value} (a share needs at "
                + "least 4 draws; 32 give it to about +/-15 points)", source = "a share needs 4 draws; 256 is "
                + "8 times the 32 the design note budgets")
        @JsonProperty(required = true) Integer draws,
        @JsonPropertyDescription("replications per draw, 2 to 50")
        @Plausible(min = MIN_REPLICATIONS, max = MAX_REPLICATIONS, message = "expected 2 to 50 per draw, got {value} "
                + "(the noise within a draw is measured from 2 or more)", source = "the noise within a draw needs "
                + "2; beyond 50 more draws serve better")
        Integer replications,
        @JsonPropertyDescription("the behaviour values to draw (default: every value with a range)")
        List<String> values,
        @JsonPropertyDescription("the scenario's own ranges by behaviour value, each with a source")
        Map<String, RangeSpec> ranges) {

    public static final int MIN_DRAWS = 4;
    public static final int MAX_DRAWS = 256;
    public static final int MIN_REPLICATIONS = 2;
    public static final int MAX_REPLICATIONS = 50;
    /** Replications per draw when the block does not say. */
    public static final int DEFAULT_REPLICATIONS = 2;

    public RobustnessSpec {
        values = values == null ? null : List.copyOf(values);
        ranges = ranges == null ? Map.of() : Map.copyOf(new java.util.TreeMap<>(ranges));
    }

    /** Replications per draw, the default where the block does not say. */
    public int replicationsPerDraw() {
        return replications == null ? DEFAULT_REPLICATIONS : replications;
    }

    /** The same block with other draws and replications (run --robustness N, the robustness command's options). */
    public RobustnessSpec with(int newDraws, int newReplications) {
        return new RobustnessSpec(newDraws, newReplications, values, ranges);
    }

    /**
     * What is wrong with drawing behaviour value {@code name}, or null: an unknown name, or one with no range of its
     * own (calibrated or fixed) that {@code ranges} does not give one.
     */
    public static String valueProblem(String name, Map<String, ?> ranges) {
        Behaviour.Default d = Behaviour.documented().get(name);
        if (d == null) {
            return Behaviour.problem(name, 0);
        }
        if (d.ranged() || ranges.containsKey(name)) {
            return null;
        }
        String anyway = "; give it a range under robustness.ranges, with a source, to draw it anyway";
        if (d.calibrated() != null) {
            return name + " is calibrated (" + d.calibrated() + "), not drawn: drawing it alone would undo the "
                    + "calibration" + anyway;
        }
        return name + " is fixed (" + d.fixed() + "), not drawn" + anyway;
    }

    /**
     * The scenario's range for {@code name}, checked against the value in use ({@code inUse}) and the value's
     * limits; fails with {@link UncertainRange.Invalid} naming the field below {@code robustness.ranges.NAME}.
     */
    public UncertainRange range(String name, double inUse) {
        UncertainRange r = UncertainRange.of(ranges.get(name).asMap());
        Behaviour.Default d = Behaviour.documented().get(name);
        UncertainRange.Problem p = r.problem(inUse, d.min(), d.max());
        if (p != null) {
            throw new UncertainRange.Invalid(p);
        }
        return r;
    }

    /** One range of a scenario's {@code robustness.ranges}. */
    public record RangeSpec(
            @JsonPropertyDescription("the lowest value drawn") @JsonProperty(required = true) Double low,
            @JsonPropertyDescription("the highest value drawn") @JsonProperty(required = true) Double high,
            @JsonPropertyDescription("linear (default) or log") String scale,
            @JsonPropertyDescription("stated, sign-from-evidence, reference-class or assumed")
            @JsonProperty(required = true) String basis,
            @JsonPropertyDescription("where the range comes from") @FreeText String source) {

        /** As the map a built-in declaration is read from, so that both are read and checked alike. */
        public Map<String, Object> asMap() {
            Map<String, Object> m = new java.util.LinkedHashMap<>();
            m.put("low", low);
            m.put("high", high);
            if (scale != null) {
                m.put("scale", scale);
            }
            m.put("basis", basis);
            if (source != null) {
                m.put("source", source);
            }
            return m;
        }
    }
}
