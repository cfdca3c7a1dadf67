package nl.fieldlab.sandbox.scenario;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonProperty;

import nl.fieldlab.sandbox.input.YamlFile;

/**
 * Published effects of labour-market instruments ({@code scenarios/evidence.yaml}), each with the band a simulated
 * effect must fall in and, where the model has the instrument, the experiment that simulates it: a scenario file, the
 * variant with the instrument, the metric and what to divide its difference by.
 *
 * @param rows the published effects
 */
public record EvidenceTable(@JsonProperty(required = true) List<Row> rows) {

    /** The kinds of published effect. */
    public static final Set<String> MEASURES = Set.of("difference-pp", "relative", "share");

    /**
     * One published effect.
     *
     * @param published the point estimate, or null when the source gives only a direction (a sign-only row)
     * @param band      {@code [low, high]}: where a simulated effect must fall
     * @param check     the experiment that simulates it, or null
     */
    public record Row(@JsonProperty(required = true) String id, @JsonProperty(required = true) String instrument,
            @JsonProperty(required = true) String mechanism, @JsonProperty(required = true) String population,
            @JsonProperty(required = true) String country,
            @JsonProperty(value = "horizon-months", required = true) Integer horizonMonths,
            @JsonProperty(required = true) String outcome, @JsonProperty(required = true) String measure,
            Double published, @JsonProperty(required = true) List<Double> band,
            @JsonProperty(value = "band-reason", required = true) String bandReason,
            @JsonProperty(required = true) String source, @JsonProperty(required = true) String table,
            Boolean unverified, Check check) {

        public double low() {
            return band.get(0);
        }

        public double high() {
            return band.get(1);
        }
    }

    /**
     * How a row is simulated: {@code scenario} (under scenarios/) is run, and {@code metric} of {@code variant} is
     * compared with the baseline's: a difference divided by {@code per} ({@code participants:<EXEMPTION>},
     * {@code coached}, {@code workers}, {@code group:<GROUP>}, or nothing), a relative change, or the variant's own
     * value (a share). {@code none} says why a row is not simulated.
     */
    public record Check(String scenario, String variant, String metric, String per, String none) {
    }

    /** Reads and checks the table; every problem names the file, line and field. */
    public static EvidenceTable load(Path file) {
        YamlFile yaml = YamlFile.open(file);
        EvidenceTable t = yaml.read(EvidenceTable.class);
        for (int i = 0; i < t.rows().size(); i++) {
            Row r = t.rows().get(i);
            String at = "rows[" + i + "]";
            yaml.check(MEASURES.contains(r.measure()), at + ".measure", "expected one of " + MEASURES);
            if (yaml.check(r.band().size() == 2, at + ".band", "expected [low, high]")) {
                yaml.check(r.low() <= r.high(), at + ".band", "low is above high");
                yaml.check(r.published() == null || (r.published() >= r.low() && r.published() <= r.high()),
                        at + ".published", "the published figure lies outside its own band");
            }
            if (r.check() == null) {
                yaml.problem(at, "expected check: the experiment that simulates it, or check: {none: why}");
                continue;
            }
            Check c = r.check();
            boolean simulated = c.none() == null;
            yaml.check(simulated == (c.scenario() != null && c.variant() != null && c.metric() != null),
                    at + ".check", "give scenario, variant and metric, or none: why the model cannot simulate it");
        }
        yaml.done();
        return t;
    }
}
