package nl.fieldlab.sandbox.parameters;

import java.time.YearMonth;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** All parameters of a rule base, by key. Immutable. */
public final class ParameterTable {

    private final SortedMap<String, Parameter> byKey;

    public ParameterTable(Map<String, Parameter> byKey) {
        this.byKey = Collections.unmodifiableSortedMap(new TreeMap<>(byKey));
    }

    public Parameter get(String key) {
        return byKey.get(key);
    }

    public boolean contains(String key) {
        return byKey.containsKey(key);
    }

    public Collection<Parameter> all() {
        return byKey.values();
    }

    /** Every parameter that has a value in {@code month}, with that value. */
    public Map<String, Double> resolve(YearMonth month) {
        Map<String, Double> values = new HashMap<>(byKey.size() * 2);
        for (Parameter p : byKey.values()) {
            DatedValue v = p.at(month);
            if (v != null) {
                values.put(p.key(), v.value());
            }
        }
        return values;
    }
}
