package nl.fieldlab.sandbox.scenario;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import nl.fieldlab.sandbox.domain.Status;
import nl.fieldlab.sandbox.input.YamlFile;

/**
 * Behaviour assumptions by name: the documented defaults (calibrated from the domain brief) with a scenario's
 * overrides on top. Unknown names are errors.
 */
public final class Behaviour {

    /**
     * A default value, the note that says where it comes from, the limits a scenario may set, the mechanism it
     * sizes, and exactly one of: its uncertainty {@code range} (a robustness run draws it there), what it is
     * {@code calibrated} to (not drawn alone), or why it is {@code fixed}; the others are null.
     *
     * @param source the value's own citation ({@code source:}), or null where the note carries it
     */
    public record Default(double value, String note, double min, double max, String mechanism,
            UncertainRange range, String calibrated, String fixed, String source) {

        /** A value with a note and limits only (tests and planted data): fixed, as nothing says how uncertain it is. */
        public Default(double value, String note, double min, double max, String mechanism) {
            this(value, note, min, max, mechanism, null, null, "no declaration", null);
        }

        /** Whether a robustness run draws the value by default. */
        public boolean ranged() {
            return range != null;
        }

        /** Whether the range is that of a probability. */
        public boolean probability() {
            return min == 0 && max == 1;
        }
    }

    /**
     * A behavioural mechanism: the decision it changes, what it does in one sentence, its source, and the
     * behaviour values that size it.
     */
    /**
     * A behavioural mechanism of mechanisms.yaml.
     *
     * @param parameters      the behaviour values that size it
     * @param rulesParameters the rules' parameters that size it instead (the state pension age for retirement)
     */
    /**
     * @param scenarioFields the scenario fields that size it, for a mechanism whose values are the scenario's own
     *                       (inflow: a group's inflowPerMonth), as {@code workers[].inflowPerMonth}
     */
    public record Mechanism(String id, String decision, String says, String source, List<String> parameters,
            List<String> rulesParameters, List<String> scenarioFields) {
    }

    private static final SortedMap<String, Default> DEFAULTS = loadDefaults();

    /**
     * Names a value once had that now are two, with what to set instead: a scenario that set the old name is refused
     * rather than silently read as one of the new ones, which would change what it meant.
     */
    private static final Map<String, String> SPLIT = Map.of("search.in-course-factor",
            "'search.in-course-factor' is now two values: search.in-course-factor.exempt (a course month without a "
                    + "search duty: exempt, or none) and search.in-course-factor.duty-kept (a course month while the "
                    + "search duty holds); set both to the old value to keep its meaning (one multiplier for every "
                    + "course)");
    private static final SortedMap<String, Mechanism> MECHANISMS = loadMechanisms();

    private final Map<String, Double> values;
    private final Map<String, Double> overrides;

    private Behaviour(Map<String, Double> values, Map<String, Double> overrides) {
        this.values = values;
        this.overrides = overrides;
    }

    public static Behaviour defaults() {
        return with(Map.of());
    }

    /** Defaults with {@code overrides} applied; callers validate the names first with {@link #isKnown}. */
    public static Behaviour with(Map<String, Double> overrides) {
        Map<String, Double> values = new LinkedHashMap<>();
        DEFAULTS.forEach((k, d) -> values.put(k, d.value()));
        values.putAll(overrides);
        return new Behaviour(Collections.unmodifiableMap(values),
                Collections.unmodifiableSortedMap(new TreeMap<>(overrides)));
    }

    /** For a name that was split into others, what to set instead; null for any other name. */
    public static String splitName(String key) {
        return SPLIT.get(key);
    }

    public static boolean isKnown(String key) {
        return DEFAULTS.containsKey(key);
    }

    /**
     * What is wrong with setting {@code key} to {@code value}, in words, or null when nothing is: an unknown name,
     * a value that is not finite, or one outside the value's range (a probability lies from 0 to 1).
     */
    public static String problem(String key, double value) {
        Default d = DEFAULTS.get(key);
        String split = SPLIT.get(key);
        if (d == null && split != null) {
            return split;
        }
        if (d == null) {
            return "unknown behaviour value '" + key + "'"
                    + nl.fieldlab.sandbox.input.Suggestions.didYouMean(key, DEFAULTS.keySet())
                    + " (see README.md, Behaviour, for the names)";
        }
        if (!Double.isFinite(value)) {
            return "expected a finite number";
        }
        if (value < d.min() || value > d.max()) {
            return (d.probability() ? "a probability lies from 0 to 1" : "expected a value from " + num(d.min())
                    + " to " + num(d.max())) + ", got " + num(value);
        }
        return null;
    }

    private static String num(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    public static SortedMap<String, Default> documented() {
        return DEFAULTS;
    }

    /** The mechanisms, by id, each with the behaviour values that size it. */
    public static SortedMap<String, Mechanism> mechanisms() {
        return MECHANISMS;
    }

    /** A mechanism by id; fails for an id the mechanisms file does not have (a bug, not bad input). */
    public static Mechanism mechanism(String id) {
        Mechanism m = MECHANISMS.get(id);
        if (m == null) {
            throw new IllegalStateException("no mechanism '" + id + "' in mechanisms.yaml");
        }
        return m;
    }

    public double get(String key) {
        Double v = values.get(key);
        if (v == null) {
            throw new IllegalArgumentException("unknown behaviour value '" + key + "'");
        }
        return v;
    }

    /** A per-status value, such as {@code search.contact.WW}. */
    public double get(String prefix, Status status) {
        return get(prefix + "." + status.name());
    }

    public Map<String, Double> values() {
        return values;
    }

    /** The values a scenario (or a what-if) changed. */
    public Map<String, Double> overrides() {
        return overrides;
    }

    /** The files the behaviour values and mechanisms are read from, by name, as built into the tool. */
    public static final List<String> BUILT_IN_FILES = List.of("behaviour-defaults.yaml", "mechanisms.yaml");

    /**
     * The text of a built-in file of {@link #BUILT_IN_FILES}: what their {@code source:} fields cite is read from it
     * (the register of sources counts those citations as uses).
     */
    public static String builtInText(String name) {
        if (!BUILT_IN_FILES.contains(name)) {
            throw new IllegalArgumentException("not a built-in behaviour file: " + name);
        }
        return YamlFile.resourceText(Behaviour.class, name);
    }

    private static SortedMap<String, Mechanism> loadMechanisms() {
        Map<String, Map<String, Object>> raw = YamlFile.resourceTable(Behaviour.class, "mechanisms.yaml");
        SortedMap<String, Mechanism> out = new TreeMap<>();
        raw.forEach((id, v) -> {
            List<String> params = DEFAULTS.entrySet().stream().filter(e -> id.equals(e.getValue().mechanism()))
                    .map(Map.Entry::getKey).toList();
            List<String> fromRules = v.get("rulesParameters") instanceof List<?> l
                    ? l.stream().map(String::valueOf).toList() : List.of();
            List<String> fromScenario = v.get("scenarioFields") instanceof List<?> l
                    ? l.stream().map(String::valueOf).toList() : List.of();
            out.put(id, new Mechanism(id, String.valueOf(v.get("decision")), String.valueOf(v.get("says")),
                    String.valueOf(v.get("source")), params, fromRules, fromScenario));
        });
        return Collections.unmodifiableSortedMap(out);
    }

    private static double number(Object o, double otherwise) {
        return o instanceof Number n ? n.doubleValue() : otherwise;
    }

    private static SortedMap<String, Default> loadDefaults() {
        return Collections.unmodifiableSortedMap(defaultsOf(
                YamlFile.resourceTable(Behaviour.class, "behaviour-defaults.yaml")));
    }

    /**
     * The defaults of a behaviour-defaults table. Fails with an IllegalStateException, naming the value, when an
     * entry declares none or more than one of range, calibrated and fixed, or a range that is unusable (outside the
     * limits, not containing the value, without a source): that is a bug in the built-in data, not bad input.
     */
    static SortedMap<String, Default> defaultsOf(Map<String, Map<String, Object>> raw) {
        SortedMap<String, Default> out = new TreeMap<>();
        raw.forEach((k, v) -> {
            double value = ((Number) v.get("value")).doubleValue();
            double min = number(v.get("min"), 0);
            double max = number(v.get("max"), 1);
            long declared = java.util.stream.Stream.of("range", "calibrated", "fixed").filter(v::containsKey).count();
            if (declared != 1) {
                throw new IllegalStateException("behaviour-defaults.yaml: " + k + ": expected exactly one of range, "
                        + "calibrated or fixed, got " + declared);
            }
            UncertainRange range = null;
            if (v.get("range") instanceof Map<?, ?> r) {
                try {
                    range = UncertainRange.of(r);
                } catch (UncertainRange.Invalid e) {
                    throw new IllegalStateException("behaviour-defaults.yaml: " + k + ".range" + e.problem().field()
                            + ": " + e.problem().message(), e);
                }
                UncertainRange.Problem p = range.problem(value, min, max);
                if (p != null) {
                    throw new IllegalStateException("behaviour-defaults.yaml: " + k + ".range" + p.field() + ": "
                            + p.message());
                }
            } else if (v.containsKey("range")) {
                throw new IllegalStateException("behaviour-defaults.yaml: " + k + ".range: expected {low, high, "
                        + "scale, basis, source}");
            }
            String calibrated = text(v, "calibrated", k);
            String fixed = text(v, "fixed", k);
            out.put(k, new Default(value, String.valueOf(v.get("note")), min, max, String.valueOf(v.get("mechanism")),
                    range, calibrated, fixed, v.get("source") == null ? null : String.valueOf(v.get("source"))));
        });
        return out;
    }

    private static String text(Map<String, Object> entry, String field, String key) {
        if (!entry.containsKey(field)) {
            return null;
        }
        Object t = entry.get(field);
        if (t == null || String.valueOf(t).isBlank()) {
            throw new IllegalStateException("behaviour-defaults.yaml: " + key + "." + field + ": expected the reason");
        }
        return String.valueOf(t);
    }
}
