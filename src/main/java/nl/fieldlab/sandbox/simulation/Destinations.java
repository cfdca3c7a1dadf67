package nl.fieldlab.sandbox.simulation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import nl.fieldlab.sandbox.scenario.EmployerGroup;

/**
 * Where a job is, in four dimensions: its employer group, its field, technical or not, and its wage band (hourly wage
 * over the minimum wage for the worker's age). The categories follow from the scenario alone, so every variant and
 * replication reports the same keys: the first {@link #MAX_NAMED} employer groups and fields by name, the rest as
 * {@code other}. Report categories, not law: the band edges are here, not in the rules' parameters.
 */
final class Destinations {

    /** Employer groups and fields named one by one; the rest are {@code other}. */
    static final int MAX_NAMED = 8;
    static final String OTHER = "other";

    /**
     * Wage-band edges as multiples of the minimum wage for the worker's age (WML, parameters wml.hourly.*, S63): below
     * it only under wage dispensation, learning scales or E5; 1.25 is the edge of the former low-income benefit's band
     * of 100-125 % of the minimum wage (Wet tegemoetkomingen loondomein; the article was not re-read, unverified; the
     * benefit ended in 2025, only its band is used); 1.5 and 2.0 are design choices.
     */
    static final double[] WAGE_EDGES = {1.0, 1.25, 1.5, 2.0};
    static final List<String> BANDS = List.of("belowMin", "min-125", "125-150", "150-200", "200plus");

    /** The four dimensions, in the order of {@link #categories}. */
    static final int EMPLOYER = 0;
    static final int FIELD = 1;
    static final int TECHNICAL = 2;
    static final int WAGE = 3;

    private final List<String> keys;
    private final int[] employerIndex;
    private final int[] fieldIndex;
    private final int technicalIndex;
    private final int bandIndex;

    private Destinations(List<String> keys, int[] employerIndex, int[] fieldIndex, int technicalIndex, int bandIndex) {
        this.keys = List.copyOf(keys);
        this.employerIndex = employerIndex;
        this.fieldIndex = fieldIndex;
        this.technicalIndex = technicalIndex;
        this.bandIndex = bandIndex;
    }

    /** The layout of a scenario's employer groups, in file order. */
    static Destinations of(List<EmployerGroup> employers) {
        List<String> keys = new ArrayList<>();
        int[] employerIndex = new int[employers.size()];
        boolean otherEmployer = employers.size() > MAX_NAMED;
        for (int g = 0; g < employers.size(); g++) {
            if (g < MAX_NAMED) {
                employerIndex[g] = keys.size();
                keys.add("employer." + employers.get(g).group());
            }
        }
        if (otherEmployer) {
            for (int g = MAX_NAMED; g < employers.size(); g++) {
                employerIndex[g] = keys.size();
            }
            keys.add("employer." + OTHER);
        }
        // fields in the order of their first mention among the employer groups
        Map<String, Integer> fields = new LinkedHashMap<>();
        employers.forEach(e -> fields.putIfAbsent(e.field(), fields.size()));
        int[] fieldIndex = new int[employers.size()];
        int firstField = keys.size();
        fields.keySet().stream().limit(MAX_NAMED).forEach(f -> keys.add("field." + f));
        if (fields.size() > MAX_NAMED) {
            keys.add("field." + OTHER);
        }
        for (int g = 0; g < employers.size(); g++) {
            fieldIndex[g] = firstField + Math.min(fields.get(employers.get(g).field()), MAX_NAMED);
        }
        int technicalIndex = keys.size();
        keys.add("technical");
        keys.add("nonTechnical");
        int bandIndex = keys.size();
        BANDS.forEach(b -> keys.add("wage." + b));
        return new Destinations(keys, employerIndex, fieldIndex, technicalIndex, bandIndex);
    }

    /** The category keys, such as {@code employer.installation}, {@code field.electrical}, {@code wage.min-125}. */
    List<String> keys() {
        return keys;
    }

    /** The index of each dimension's category (into {@link #keys}) of a job at an employer of {@code group}. */
    int[] categories(int group, boolean technical, double wageRatio) {
        return new int[] {employerIndex[group], fieldIndex[group], technicalIndex + (technical ? 0 : 1),
                bandIndex + bandIndex(wageRatio)};
    }

    /** The wage band of an hourly wage {@code r} times the minimum wage for the worker's age. */
    static String band(double r) {
        return BANDS.get(bandIndex(r));
    }

    private static int bandIndex(double r) {
        int i = 0;
        while (i < WAGE_EDGES.length && r >= WAGE_EDGES[i]) {
            i++;
        }
        return i;
    }
}
