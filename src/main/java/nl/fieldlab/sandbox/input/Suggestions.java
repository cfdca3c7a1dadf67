package nl.fieldlab.sandbox.input;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.apache.commons.text.similarity.LevenshteinDistance;

/** "Did you mean": the known names nearest to a misspelled one, by edit distance. */
public final class Suggestions {

    private static final LevenshteinDistance DISTANCE = LevenshteinDistance.getDefaultInstance();

    private Suggestions() {
    }

    /**
     * The known names within a small edit distance of {@code given} (about a third of its length, at least 2),
     * nearest first, at most {@code limit}; names that start with what was typed come after them.
     */
    public static List<String> nearest(String given, Collection<String> known, int limit) {
        String g = given.toLowerCase(Locale.ROOT);
        int allowed = Math.max(2, g.length() / 3);
        record Scored(String name, int distance) {
        }
        List<Scored> close = new ArrayList<>();
        for (String k : known) {
            int d = DISTANCE.apply(g, k.toLowerCase(Locale.ROOT));
            if (d <= allowed) {
                close.add(new Scored(k, d));
            } else if (g.length() >= 3 && k.toLowerCase(Locale.ROOT).startsWith(g)) {
                close.add(new Scored(k, allowed + 1));
            }
        }
        close.sort(Comparator.comparingInt(Scored::distance).thenComparing(Scored::name));
        return close.stream().limit(limit).map(Scored::name).toList();
    }

    /** {@code " (did you mean 'status'?)"}, or nothing when no known name is close. */
    public static String didYouMean(String given, Collection<String> known) {
        List<String> near = nearest(given, known, 3);
        if (near.isEmpty() || near.get(0).equals(given)) {
            return "";
        }
        return " (did you mean " + String.join(" or ", near.stream().map(n -> "'" + n + "'").toList()) + "?)";
    }
}
