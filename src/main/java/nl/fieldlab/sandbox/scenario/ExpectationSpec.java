package nl.fieldlab.sandbox.scenario;

import com.fasterxml.jackson.annotation.JsonProperty;

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
public record ExpectationSpec(@JsonProperty(required = true) String variant,
        @JsonProperty(required = true) String metric, Boolean raises, Boolean lowers, Double below, Double above,
        String note) {
}
