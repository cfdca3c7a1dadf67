package nl.fieldlab.sandbox.scenario;

import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

import nl.fieldlab.sandbox.domain.FreeText;
import nl.fieldlab.sandbox.domain.Plausible;
import nl.fieldlab.sandbox.input.YamlFile;

/**
 * Observed figures a baseline should reproduce, each with the simulated measure it is compared with and a band.
 *
 * @param band    allowed absolute gap (e.g. 0.03 = 3 percentage points)
 * @param targets the figures
 */
public record CalibrationTargets(@JsonProperty(required = true) Double band,
        @JsonProperty(required = true) List<Target> targets) {

    /** One observed figure. */
    public record Target(@JsonProperty(required = true) String measure,
            @Plausible(min = 0, max = 1, unit = "(a share of recipients)", source = "the calibration measures are "
                    + "shares of recipients leaving a benefit or finding work") @JsonProperty(required = true) Double value,
            @JsonProperty(required = true) String label, @JsonProperty(required = true) @FreeText String source) {
    }

    public static CalibrationTargets load(Path file) {
        YamlFile yaml = YamlFile.open(file);
        CalibrationTargets t = yaml.read(CalibrationTargets.class);
        yaml.check(t.band() > 0 && t.band() < 1, "band", "expected a band between 0 and 1");
        yaml.check(!t.targets().isEmpty(), "targets", "expected at least one target");
        yaml.done();
        return t;
    }
}
