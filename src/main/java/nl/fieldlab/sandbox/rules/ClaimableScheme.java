package nl.fieldlab.sandbox.rules;

import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

import nl.fieldlab.sandbox.domain.Actor;
import nl.fieldlab.sandbox.input.YamlFile;

/**
 * A scheme an employer or worker must claim to receive (claimable-schemes.yaml): the take-up mechanism lets it pay
 * only when claimed. Its awareness and steps are behaviour values ({@code takeup.<id>.awareness}, {@code .steps}).
 *
 * @param id       the scheme's id, also the middle of its behaviour values
 * @param title    the scheme in words
 * @param claimant who claims it: the employer or the worker
 * @param rules    the rule ids whose payment lines the claim carries
 */
public record ClaimableScheme(String id, String title, Actor claimant, List<String> rules) {

    private static final String FILE = "claimable-schemes.yaml";
    private static final SortedMap<String, ClaimableScheme> ALL = load();

    public ClaimableScheme {
        rules = List.copyOf(rules);
    }

    /** The declared schemes, by id. */
    public static SortedMap<String, ClaimableScheme> all() {
        return ALL;
    }

    private static SortedMap<String, ClaimableScheme> load() {
        SortedMap<String, ClaimableScheme> out = new TreeMap<>();
        YamlFile.resourceTable(ClaimableScheme.class, FILE).forEach((id, v) -> {
            // a shipped resource, not user input: a mistake in it is a bug, caught by ClaimableSchemeTest
            Actor claimant = Actor.valueOf(String.valueOf(v.get("claimant")));
            List<String> rules = v.get("rules") instanceof List<?> l ? l.stream().map(String::valueOf).toList()
                    : List.of();
            out.put(id, new ClaimableScheme(id, String.valueOf(v.get("title")), claimant, rules));
        });
        return Collections.unmodifiableSortedMap(out);
    }
}
