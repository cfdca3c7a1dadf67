package nl.fieldlab.sandbox.scenario;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonProperty;

import nl.fieldlab.sandbox.domain.FreeText;
import nl.fieldlab.sandbox.domain.Plausible;
import nl.fieldlab.sandbox.input.PlainText;
import nl.fieldlab.sandbox.input.Suggestions;
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
    public static final Set<String> MEASURES = Set.of("difference-pp", "relative", "share", "ratio");

    /**
     * One published effect.
     *
     * @param published the point estimate, or null when the source gives only a direction (a sign-only row)
     * @param band      {@code [low, high]}: where a simulated effect must fall
     * @param check     the experiment that simulates it, or null
     * @param knownFailing set when the simulation is known to fall outside the band: since when, why, and the issue
     *                  that is to fix it; the check then reports the row as a known failure instead of failing, and
     *                  fails when the row passes (so that the record is removed)
     */
    public record Row(@JsonProperty(required = true) String id,
            @JsonProperty(required = true) @FreeText String instrument,
            @JsonProperty(required = true) @FreeText String mechanism,
            @JsonProperty(required = true) @FreeText String population,
            @JsonProperty(required = true) String country,
            @Plausible(min = 1, max = 600, unit = "months", source = "fifty years: longer than any follow-up")
            @JsonProperty(value = "horizon-months", required = true) Integer horizonMonths,
            @JsonProperty(required = true) @FreeText String outcome, @JsonProperty(required = true) String measure,
            Double published, @JsonProperty(required = true) List<Double> band,
            @JsonProperty(value = "band-reason", required = true) @FreeText String bandReason,
            @JsonProperty(required = true) @FreeText String source, @JsonProperty(required = true) @FreeText String table,
            Boolean unverified, Check check,
            @JsonProperty("known-failing") KnownFailing knownFailing) {

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
     * value (a share). {@code against} names another scenario whose baseline is the reference instead of this
     * scenario's (a contrast of settings a variant cannot change, such as the market's tightness): run with the same
     * seed and replications, replication i against replication i. {@code none} says why a row is not simulated.
     */
    public record Check(String scenario, String variant, String metric, String per, String against,
            @FreeText String none) {
    }

    /**
     * A row whose simulation is known to fall outside its band, recorded so that the check stays useful: it is
     * reported as KNOWN FAIL with the reason, and the record must go once the row passes.
     *
     * @param since  the day the failure was recorded, yyyy-mm-dd
     * @param reason why the simulation falls outside the band (the mechanism that is missing or wrong)
     * @param issue  the issue that is to fix it
     */
    public record KnownFailing(@JsonProperty(required = true) String since,
            @JsonProperty(required = true) @FreeText String reason, @JsonProperty(required = true) Integer issue) {
    }

    /** What {@code per} may say: a count of workers, of a group, of those coached, or of an exemption's participants. */
    static final java.util.regex.Pattern PER = java.util.regex.Pattern.compile(
            "workers|coached|group:[^\\s]+|participants:[A-Z][A-Z0-9-]*");
    /** Where an experiment lies: a scenario file under the folder of the table, named relative to it. */
    static final java.util.regex.Pattern SCENARIO = java.util.regex.Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9_./-]*\\.yaml");

    /** Reads and checks the table; every problem names the file, line and field. */
    public static EvidenceTable load(Path file) {
        YamlFile yaml = YamlFile.open(file);
        EvidenceTable t = yaml.read(EvidenceTable.class);
        for (int i = 0; i < t.rows().size(); i++) {
            Row r = t.rows().get(i);
            String at = "rows[" + i + "]";
            yaml.check(MEASURES.contains(r.measure()), at + ".measure", "expected one of "
                    + String.join(", ", new java.util.TreeSet<>(MEASURES)) + ", got " + PlainText.quote(r.measure())
                    + Suggestions.didYouMean(r.measure(), MEASURES));
            if (yaml.check(r.band().size() == 2, at + ".band", "expected [low, high]")) {
                yaml.check(r.low() <= r.high(), at + ".band", "low is above high");
                yaml.check(r.published() == null || (r.published() >= r.low() && r.published() <= r.high()),
                        at + ".published", "the published figure lies outside its own band");
            }
            if (r.knownFailing() != null) {
                KnownFailing k = r.knownFailing();
                yaml.check(k.since().matches("\\d{4}-\\d{2}-\\d{2}"), at + ".known-failing.since",
                        "expected the day the failure was recorded, yyyy-mm-dd, got " + PlainText.quote(k.since()));
                yaml.check(!k.reason().isBlank(), at + ".known-failing.reason", "expected why the row fails");
                yaml.check(k.issue() > 0, at + ".known-failing.issue", "expected the number of the issue that is to"
                        + " fix it, got " + k.issue());
                yaml.check(r.check() == null || r.check().none() == null, at + ".known-failing",
                        "a row that is not simulated cannot fail: remove known-failing or give it an experiment");
            }
            if (r.check() == null) {
                yaml.problem(at, "expected check: the experiment that simulates it, or check: {none: why}");
                continue;
            }
            Check c = r.check();
            boolean simulated = c.none() == null;
            yaml.check(simulated == (c.scenario() != null && c.variant() != null && c.metric() != null),
                    at + ".check", "give scenario, variant and metric, or none: why the model cannot simulate it");
            if (c.scenario() != null) {
                yaml.check(SCENARIO.matcher(c.scenario()).matches() && !c.scenario().contains(".."),
                        at + ".check.scenario", "expected a scenario file under " + file.toAbsolutePath().getParent()
                                .getFileName() + "/, named relative to it, e.g. evidence/wage-subsidy.yaml");
            }
            if (c.against() != null) {
                yaml.check(SCENARIO.matcher(c.against()).matches() && !c.against().contains(".."),
                        at + ".check.against", "expected a scenario file under " + file.toAbsolutePath().getParent()
                                .getFileName() + "/, named relative to it, e.g. evidence/market-slack.yaml");
                yaml.check(!Set.of("share", "ratio").contains(r.measure()), at + ".check.against",
                        "a share or a ratio is the variant's own value: there is nothing to compare with another"
                                + " scenario's baseline");
            }
            if (c.per() != null && !c.per().isBlank()) {
                yaml.check(PER.matcher(c.per()).matches(), at + ".check.per", "expected workers, coached,"
                        + " group:<GROUP> or participants:<EXEMPTION>, got " + PlainText.quote(c.per()));
            }
        }
        yaml.done();
        return t;
    }
}
