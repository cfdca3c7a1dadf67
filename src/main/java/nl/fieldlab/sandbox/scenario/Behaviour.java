package nl.fieldlab.sandbox.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
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

    /** A default value and the note that says where it comes from. */
    public record Default(double value, String note) {
    }

    private static final SortedMap<String, Default> DEFAULTS = loadDefaults();

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

    public static boolean isKnown(String key) {
        return DEFAULTS.containsKey(key);
    }

    public static SortedMap<String, Default> documented() {
        return DEFAULTS;
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

    private static SortedMap<String, Default> loadDefaults() {
        String name = "behaviour-defaults.yaml";
        try (InputStream in = Behaviour.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the build");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Map<String, Map<String, Object>> raw = YamlFile.mapper().readValue(text,
                    YamlFile.mapper().getTypeFactory().constructMapType(LinkedHashMap.class,
                            YamlFile.mapper().getTypeFactory().constructType(String.class),
                            YamlFile.mapper().getTypeFactory().constructMapType(LinkedHashMap.class, String.class,
                                    Object.class)));
            SortedMap<String, Default> out = new TreeMap<>();
            raw.forEach((k, v) -> out.put(k, new Default(((Number) v.get("value")).doubleValue(),
                    String.valueOf(v.get("note")))));
            return Collections.unmodifiableSortedMap(out);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + name, e);
        }
    }
}
