package nl.fieldlab.sandbox.rules;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import tools.jackson.databind.node.ObjectNode;

import nl.fieldlab.sandbox.domain.FreeText;
import nl.fieldlab.sandbox.input.InputError;
import nl.fieldlab.sandbox.input.JsonSchema;
import nl.fieldlab.sandbox.input.PlainText;
import nl.fieldlab.sandbox.input.YamlFile;

/**
 * The register of the sources a rules folder cites, read from {@code rules/sources.yaml}: every id a rule's
 * {@code @source}, a parameter's reference or value source, an exemption or a region names ({@code (S16)}) resolves
 * here to a title, an issuer, a date and an identifier a reader can follow (a wetten.overheid.nl BWB id with the
 * article, a Staatscourant or Staatsblad number, a Kamerstuk, a URL), marked official, secondary or design. A
 * citation that names an id is only as good as what the reader finds behind it; {@code rules check} fails on an id
 * the register lacks and on an entry nobody cites.
 *
 * @param entries id -> source, in the file's order
 * @param file    the file they were read from (display form), or empty when the folder has none
 */
public record Sources(Map<String, Source> entries, String file) {

    /** A folder without {@code sources.yaml}: nothing resolves. */
    public static final Sources NONE = new Sources(Map.of(), "");

    /**
     * A source id as written in a citation: S, a number and an optional letter ({@code S12b}), not part of a longer
     * word or a path ({@code BWBS1}, {@code /S3/}).
     */
    public static final Pattern ID = Pattern.compile("(?<![A-Za-z0-9_/-])S[0-9]{1,3}[a-z]?(?![A-Za-z0-9])");

    /**
     * How far a source can be trusted: {@code official} is issued by the body that sets or carries out the rule
     * (a ministry, UWV, SVB, DUO, CPB, the Staatscourant or Staatsblad, parliament, a municipality for its own
     * policy); {@code secondary} is anyone else's account of it; {@code design} is the fieldlab's own proposal (an
     * exemption's design choice), which is a choice to vary, not a finding.
     */
    public enum Kind {
        official, secondary, design
    }

    /**
     * Whether a reader can follow the identifier: {@code resolved} (yes), {@code partial} (issuer and date known,
     * the page or number missing) or {@code unresolved} (no identifier found).
     */
    public enum Status {
        resolved, partial, unresolved
    }

    /**
     * One source.
     *
     * @param id          its id, e.g. {@code S16}
     * @param line        the line of its id in the register
     */
    public record Source(String id, String title, String issuer, String date, String identifier, Kind kind,
            Status status, String supports, String note, String officialReplacement, int line) {

        /** "S16: Loonkostenvoordelen (LKV); Ferm Werk; https://... (secondary)": what a reader looks up. */
        public String describe() {
            return id + ": " + title + "; " + issuer + "; " + identifier + " (" + kind + ")";
        }
    }

    record SourceSpec(
            @JsonPropertyDescription("the document's title, as published") @JsonProperty(required = true)
            @FreeText String title,
            @JsonPropertyDescription("who published it (a ministry, UWV, a municipality, a firm)")
            @JsonProperty(required = true) @FreeText String issuer,
            @JsonPropertyDescription("publication date, or the date it was read; 'not given' when neither is known")
            @JsonProperty(required = true) @FreeText String date,
            @JsonPropertyDescription("what a reader can follow: BWB id and article, Stcrt/Stb number, Kamerstuk, URL")
            @JsonProperty(required = true) @FreeText String identifier,
            @JsonPropertyDescription("official (the body that sets or carries out the rule), secondary (anyone "
                    + "else) or design (the fieldlab's own proposal)") @JsonProperty(required = true) Kind kind,
            @JsonPropertyDescription("resolved (the identifier can be followed), partial or unresolved")
            @JsonProperty(required = true) Status status,
            @JsonPropertyDescription("what the rules take from it") @FreeText String supports,
            @JsonPropertyDescription("caveats, including errors found in the source") @FreeText String note,
            @JsonPropertyDescription("for a secondary or unresolved source: the official text of the same fact, "
                    + "with what of it was read") @FreeText String officialReplacement) {
    }

    record FileSpec(@JsonPropertyDescription("source id (S16, S12b) -> the source")
            @JsonProperty(required = true) Map<String, SourceSpec> sources) {
    }

    public Sources {
        entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    /** The JSON Schema of {@code rules/sources.yaml}. */
    public static ObjectNode schema() {
        return JsonSchema.of(FileSpec.class, "Fieldlab Sandbox source register",
                "Every source id the rules cite, resolved to title, issuer, date and an identifier a reader can "
                        + "follow (rules/sources.yaml; see rules/README.md)", Set.of());
    }

    /** Reads {@code file}; a missing file gives {@link #NONE}. */
    public static Sources load(Path file) {
        if (!Files.isRegularFile(file)) {
            return NONE;
        }
        YamlFile yaml = YamlFile.open(file);
        FileSpec spec = yaml.read(FileSpec.class);
        Map<String, Source> out = new LinkedHashMap<>();
        spec.sources().forEach((id, s) -> {
            String at = "sources." + id;
            boolean ok = yaml.check(id.matches("S[0-9]{1,3}[a-z]?"), at, "expected a source id such as S16 or S12b"
                    + " (S, a number, and a letter for a part), got " + PlainText.quote(id));
            if (!yaml.check(s != null, at, "expected {title, issuer, date, identifier, kind, status}") || !ok) {
                return;
            }
            yaml.check(!s.title().isBlank(), at + ".title", "name the document");
            yaml.check(!s.issuer().isBlank(), at + ".issuer", "name who published it");
            yaml.check(!s.date().isBlank(), at + ".date", "give the date, or 'not given'");
            yaml.check(!s.identifier().isBlank(), at + ".identifier", "give what a reader can follow: a BWB id and"
                    + " article, a Staatscourant or Staatsblad number, a Kamerstuk or a URL");
            out.put(id, new Source(id, s.title().strip(), s.issuer().strip(), s.date().strip(),
                    s.identifier().strip(), s.kind(), s.status(), strip(s.supports()), strip(s.note()),
                    strip(s.officialReplacement()), yaml.line(at)));
        });
        yaml.done();
        return new Sources(out, InputError.display(file));
    }

    private static String strip(String s) {
        return s == null ? "" : s.strip();
    }

    /** Whether the folder has a register at all. */
    public boolean declared() {
        return !file.isEmpty();
    }

    public Source get(String id) {
        return entries.get(id);
    }

    /** The source ids a text names, in the order of their first mention. */
    public static List<String> ids(String text) {
        Set<String> out = new LinkedHashSet<>();
        if (text != null) {
            Matcher m = ID.matcher(text);
            while (m.find()) {
                out.add(m.group());
            }
        }
        return List.copyOf(out);
    }

    /** The sources a text names that the register holds, in the order of their first mention. */
    public List<Source> resolve(String text) {
        List<Source> out = new ArrayList<>();
        for (String id : ids(text)) {
            Source s = entries.get(id);
            if (s != null) {
                out.add(s);
            }
        }
        return out;
    }

    /** Each source a text names, described for a reader ({@link Source#describe()}). */
    public List<String> describe(String text) {
        return resolve(text).stream().map(Source::describe).toList();
    }
}
