package nl.fieldlab.sandbox.scenario;

import com.fasterxml.jackson.annotation.JsonCreator;

/** Whole numbers drawn uniformly from {@code min} to {@code max} inclusive; written as {@code 30} or {@code {min: 25, max: 60}}. */
public record Range(Integer min, Integer max) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Range of(int value) {
        return new Range(value, value);
    }

    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    public Range(@com.fasterxml.jackson.annotation.JsonProperty("min") Integer min,
            @com.fasterxml.jackson.annotation.JsonProperty("max") Integer max) {
        this.min = min;
        this.max = max;
    }

    public int width() {
        return max - min + 1;
    }

    @Override
    public String toString() {
        return min.equals(max) ? String.valueOf(min) : min + "-" + max;
    }
}
