package nl.fieldlab.sandbox.simulation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import nl.fieldlab.sandbox.scenario.CourseSpec;
import nl.fieldlab.sandbox.scenario.EmployerGroup;
import nl.fieldlab.sandbox.scenario.Scenario;
import nl.fieldlab.sandbox.scenario.WorkerGroup;

/** Occupation fields of a scenario as small integers, in order of first mention. */
public final class Fields {

    private final List<String> names = new ArrayList<>();
    private final Map<String, Integer> index = new HashMap<>();

    public static Fields of(Scenario s) {
        Fields f = new Fields();
        for (WorkerGroup g : s.workers()) {
            f.add(g.field());
        }
        for (EmployerGroup g : s.employers()) {
            f.add(g.field());
        }
        for (CourseSpec c : s.courses()) {
            f.add(c.field());
        }
        return f;
    }

    private void add(String name) {
        if (!index.containsKey(name)) {
            index.put(name, names.size());
            names.add(name);
        }
    }

    public int index(String name) {
        Integer i = index.get(name);
        if (i == null) {
            throw new IllegalArgumentException("unknown field " + name);
        }
        return i;
    }

    public String name(int i) {
        return names.get(i);
    }

    public int size() {
        return names.size();
    }
}
