package nl.fieldlab.sandbox.scenario;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import nl.fieldlab.sandbox.domain.FreeText;

/**
 * An evaluator's assertion about a run, checked after it.
 *
 * <ul>
 *   <li>{@code {variant: E2, metric: placements, raises: true}}: the 95 % CI of the difference to the baseline lies above 0;</li>
 *   <li>{@code {variant: E2, metric: placements, lowers: true}}: it lies below 0;</li>
 *   <li>{@code {variant: E1, metric: publicCostPerPlacement, below: 60000}}: the variant's mean is below a value;</li>
 *   <li>{@code {variant: E1, metric: placementRate, above: 0.3}}: the variant's mean is above a value.</li>
 * </ul>
 */
public record ExpectationSpec(
        @JsonPropertyDescription("the variant checked") @JsonProperty(required = true) String variant,
        @JsonPropertyDescription("a metric name (compare --metric lists them)") @JsonProperty(required = true) String metric,
        @JsonPropertyDescription("the 95 % CI of the difference to the baseline lies above 0") Boolean raises,
        @JsonPropertyDescription("the 95 % CI of the difference to the baseline lies below 0") Boolean lowers,
        @JsonPropertyDescription("the variant's mean is below this value") Double below,
        @JsonPropertyDescription("the variant's mean is above this value") Double above,
        @JsonPropertyDescription("why the evaluator expects it, quoted in the report") @FreeText String note) {
}
