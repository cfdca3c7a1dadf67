package nl.fieldlab.sandbox.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

import nl.fieldlab.sandbox.input.InputError;
import nl.fieldlab.sandbox.report.ReportWriter;
import nl.fieldlab.sandbox.scenario.Behaviour;
import nl.fieldlab.sandbox.scenario.ScenarioLoader;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a report's manifest.json for {@code verify} as data from someone else: every field verify uses is checked
 * for its type and range (a seed is a whole number, an override a finite number of a known name, a hash 64 hex
 * digits, a file of the report a plain name), with {@code manifest.json:LINE: field: problem} when it is not. A key
 * given twice is an error (the second could hide an edit). What the fields say is checked against the report's
 * files and the rerun elsewhere ({@link Verifier}).
 */
final class ManifestReader {

    /** manifest.json is read up to this size: the shipped rules' manifests are about 10 kB. */
    static final long MAX_BYTES = 4L * 1024 * 1024;
    private static final int MAX_TEXT = 4096;
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final JsonMapper STRICT = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private final String shown;
    private final Map<String, Integer> lines;

    private ManifestReader(String shown, Map<String, Integer> lines) {
        this.shown = shown;
        this.lines = lines;
    }

    /**
     * Reads the settings from DIR/manifest.json.
     *
     * @throws InputError when the folder or its manifest cannot be read, or a field is not what this tool writes
     */
    static Verifier.Settings read(Path reportDir) {
        Path file = reportDir.resolve(ReportWriter.MANIFEST_JSON);
        String shown = InputError.display(file);
        if (!Files.isDirectory(reportDir)) {
            throw new InputError(InputError.display(reportDir) + ": report folder not found");
        }
        byte[] bytes;
        try {
            bytes = PlainFiles.read(file, MAX_BYTES);
        } catch (PlainFiles.NotRead e) {
            throw new InputError(shown + ": " + (e.getMessage().equals("missing") ? "not found (is "
                    + InputError.display(reportDir) + " a report folder written by run?)" : e.getMessage()));
        }
        JsonNode root;
        Map<String, Integer> lines = new HashMap<>();
        try {
            root = STRICT.readTree(bytes);
            lines(bytes, lines);
        } catch (JacksonException e) {
            throw new InputError(shown + ": cannot read: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new InputError(shown + ": cannot read: expected a JSON object");
        }
        return new ManifestReader(shown, lines).settings(root);
    }

    private Verifier.Settings settings(JsonNode root) {
        for (String required : List.of("scenarioFile", "seed", "replications", "ruleFiles")) {
            JsonNode n = root.get(required);
            if (n == null || n.isNull()) {
                throw new InputError(shown + ": " + required + ": missing; cannot rerun this report");
            }
        }
        String scenarioFile = text(root, "scenarioFile");
        long seed = whole(root.get("seed"), "seed", Long.MIN_VALUE, Long.MAX_VALUE);
        int replications = (int) whole(root.get("replications"), "replications", 2, ScenarioLoader.MAX_REPLICATIONS);
        SortedMap<String, String> ruleFiles = hashes(root.get("ruleFiles"), "ruleFiles", false);
        SortedMap<String, String> files = root.get("files") == null || root.get("files").isNull() ? new TreeMap<>()
                : hashes(root.get("files"), "files", true);
        Map<String, Double> behaviour = new TreeMap<>();
        Map<String, Map<String, Double>> parameters = new TreeMap<>();
        JsonNode overrides = root.get("overrides");
        if (overrides != null && !overrides.isNull()) {
            object(overrides, "overrides");
            JsonNode b = overrides.get("behaviour");
            if (b != null && !b.isNull()) {
                object(b, "overrides.behaviour");
                for (Map.Entry<String, JsonNode> e : b.properties()) {
                    String field = "overrides.behaviour." + e.getKey();
                    double v = number(e.getValue(), field);
                    String problem = Behaviour.problem(e.getKey(), v);
                    if (problem != null) {
                        throw error(field, problem);
                    }
                    behaviour.put(e.getKey(), v);
                }
            }
            JsonNode p = overrides.get("parameters");
            if (p != null && !p.isNull()) {
                object(p, "overrides.parameters");
                for (Map.Entry<String, JsonNode> variant : p.properties()) {
                    String field = "overrides.parameters." + variant.getKey();
                    printable(variant.getKey(), field);
                    object(variant.getValue(), field);
                    Map<String, Double> values = new TreeMap<>();
                    for (Map.Entry<String, JsonNode> e : variant.getValue().properties()) {
                        printable(e.getKey(), field + "." + e.getKey());
                        values.put(e.getKey(), number(e.getValue(), field + "." + e.getKey()));
                    }
                    parameters.put(variant.getKey(), values);
                }
            }
        }
        // a manifest from before the seed check has no seeds: it ran one
        int seeds = root.get("seeds") == null || root.get("seeds").isNull() ? 1
                : (int) whole(root.get("seeds"), "seeds", 1, nl.fieldlab.sandbox.scenario.VerdictsSpec.MAX_SEEDS);
        return new Verifier.Settings(scenarioFile, hash(root, "scenarioSha256"), seed, replications,
                text(root, "rulesFolder"), ruleFiles, behaviour, parameters, text(root, "version"),
                text(root, "java"), files, hash(root, "rulesSha256"), hash(root, "parametersSha256"),
                seeds, robustnessDraws(root));
    }

    /** The draws the run made across the behaviour ranges (0: its scenario's block was off); null when none. */
    private Integer robustnessDraws(JsonNode root) {
        JsonNode r = root.get("robustness");
        if (r == null || r.isNull()) {
            return null;
        }
        object(r, "robustness");
        int draws = (int) whole(r.get("draws"), "robustness.draws", 0,
                nl.fieldlab.sandbox.scenario.RobustnessSpec.MAX_DRAWS);
        if (draws > 0 && draws < nl.fieldlab.sandbox.scenario.RobustnessSpec.MIN_DRAWS) {
            throw error("robustness.draws", "expected 0 (off) or 4 to 256, got " + draws);
        }
        return draws;
    }

    // ------------------------------------------------------------------ field types

    /** A text field, or null when absent. */
    private String text(JsonNode root, String field) {
        JsonNode n = root.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isString()) {
            throw error(field, "expected text, got " + shownValue(n));
        }
        printable(n.stringValue(), field);
        return n.stringValue();
    }

    /** A SHA-256 field (64 hex digits), or null when absent. */
    private String hash(JsonNode root, String field) {
        String h = text(root, field);
        if (h != null && !SHA256.matcher(h).matches()) {
            throw error(field, "expected a SHA-256 hash (64 hex digits), got " + shownValue(root.get(field)));
        }
        return h;
    }

    /** File name -> SHA-256; {@code plain}: names of files inside the report folder itself. */
    private SortedMap<String, String> hashes(JsonNode node, String field, boolean plain) {
        object(node, field);
        SortedMap<String, String> out = new TreeMap<>();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            String name = e.getKey();
            String at = field + "." + name;
            printable(name, at);
            if (name.isEmpty() || name.startsWith("/") || name.contains("\\") || name.equals("..")
                    || name.startsWith("../") || name.contains("/../") || name.endsWith("/..")
                    || plain && (name.contains("/") || name.equals("."))) {
                throw error(at, "expected " + (plain ? "the name of a file in the report folder"
                        : "a path inside the rules folder") + ", got '" + name + "'");
            }
            JsonNode v = e.getValue();
            if (!v.isString() || !SHA256.matcher(v.stringValue()).matches()) {
                throw error(at, "expected a SHA-256 hash (64 hex digits), got " + shownValue(v));
            }
            out.put(name, v.stringValue());
        }
        return out;
    }

    private long whole(JsonNode n, String field, long min, long max) {
        if (!n.isIntegralNumber() || !n.canConvertToLong()) {
            throw error(field, "expected a whole number, got " + shownValue(n));
        }
        long v = n.longValue();
        if (v < min || v > max) {
            throw error(field, "expected " + min + " to " + max + ", got " + v);
        }
        return v;
    }

    private double number(JsonNode n, String field) {
        if (!n.isNumber()) {
            throw error(field, "expected a finite number, got " + shownValue(n));
        }
        if (!Double.isFinite(n.doubleValue())) {
            throw error(field, "expected a finite number, got one beyond what a number can hold");
        }
        return n.doubleValue();
    }

    private void object(JsonNode n, String field) {
        if (!n.isObject()) {
            throw error(field, "expected an object ({...}), got " + shownValue(n));
        }
    }

    /** Text verify may print: no control characters (an escape sequence could rewrite the terminal), not too long. */
    private void printable(String s, String field) {
        if (s.length() > MAX_TEXT) {
            throw error(field, "expected at most " + MAX_TEXT + " characters, got " + s.length());
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                throw error(field, "contains a control character (U+" + String.format("%04X", (int) c) + ")");
            }
        }
    }

    /** A value as it appears in the file, shortened and without control characters. */
    private static String shownValue(JsonNode n) {
        String s = n.toString();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length() && out.length() < 60; i++) {
            char c = s.charAt(i);
            out.append(Character.isISOControl(c) ? '?' : c);
        }
        return out.length() < s.length() ? out + "..." : out.toString();
    }

    private InputError error(String field, String problem) {
        int dot = field.indexOf('.');
        Integer line = lines.get(field);
        if (line == null && dot > 0) {
            line = lines.get(field.substring(0, dot));
        }
        return new InputError(shown, line == null ? 0 : line, printableField(field), problem);
    }

    private static String printableField(String field) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < field.length() && i < 200; i++) {
            char c = field.charAt(i);
            out.append(Character.isISOControl(c) ? '?' : c);
        }
        return out.toString();
    }

    /** The line of every field, by its dotted path (for messages; a JSON tree keeps no lines). */
    private static void lines(byte[] bytes, Map<String, Integer> out) {
        try (JsonParser p = STRICT.createParser(bytes)) {
            List<String> path = new ArrayList<>();
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                switch (t) {
                    case PROPERTY_NAME -> {
                        path.add(p.currentName());
                        out.putIfAbsent(String.join(".", path), p.currentTokenLocation().getLineNr());
                    }
                    case START_ARRAY -> {
                        p.skipChildren();
                        pop(path);
                    }
                    case START_OBJECT -> {
                        // its fields follow
                    }
                    case END_OBJECT -> pop(path);
                    default -> pop(path); // a scalar value ends its field
                }
            }
        }
    }

    private static void pop(List<String> path) {
        if (!path.isEmpty()) {
            path.remove(path.size() - 1);
        }
    }
}
