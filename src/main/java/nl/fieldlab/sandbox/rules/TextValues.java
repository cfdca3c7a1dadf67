package nl.fieldlab.sandbox.rules;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.fieldlab.sandbox.input.PlainText;
import nl.fieldlab.sandbox.input.Suggestions;

/**
 * The words the rules compare a text fact with: a worker's {@code background} ({@code worker.background in ("VSO",
 * "PRO", ...)}), an employer's {@code trainingFund} ({@code employer.trainingFund == "OTIB"}). A scenario or rule case
 * that gives such a fact a word no rule compares it with matches nothing, silently: {@code OTBI} for {@code OTIB}
 * pays no grant and says nothing. So the words the rules use, and {@code NONE}, are the known set, read from the
 * rule files themselves (a new fund in a rule is known at once), and any other word is refused with the nearest.
 */
public final class TextValues {

    /** The text facts with a known set, as rules name them, with the word for "none of them". */
    public static final Map<String, String> FACTS = Map.of("worker.background", "NONE",
            "employer.trainingFund", "NONE");

    private static final Pattern COMMENTS = Pattern.compile("(?s)/\\*.*?\\*/|//[^\\n]*");
    private static final Pattern QUOTED = Pattern.compile("\"([^\"\\\\]*)\"");

    private TextValues() {
    }

    /** The words the rule files compare {@code fact} with ({@code ==}, {@code !=}, {@code in (...)}), and NONE. */
    static SortedSet<String> of(Collection<SourceFile> files, String fact) {
        String name = Pattern.quote(fact);
        Pattern compared = Pattern.compile("\\b" + name + "\\s*(?:==|!=)\\s*(\"[^\"]*\")"
                + "|\\b" + name + "\\s+(?:not\\s+)?in\\s*\\(([^)]*)\\)");
        SortedSet<String> out = new TreeSet<>();
        out.add(FACTS.getOrDefault(fact, "NONE"));
        for (SourceFile f : files) {
            Matcher m = compared.matcher(COMMENTS.matcher(f.text()).replaceAll(" "));
            while (m.find()) {
                Matcher q = QUOTED.matcher(m.group(1) != null ? m.group(1) : m.group(2));
                while (q.find()) {
                    out.add(q.group(1));
                }
            }
        }
        return Collections.unmodifiableSortedSet(out);
    }

    /** What is wrong with {@code value} for {@code fact} given the {@code known} words, or null when it is one. */
    static String problem(String fact, String value, SortedSet<String> known) {
        if (value == null || known.contains(value)) {
            return null;
        }
        String field = fact.substring(fact.indexOf('.') + 1);
        return "no rule knows " + field + " " + PlainText.quote(value) + Suggestions.didYouMean(value, known)
                + " (the rules compare it with: " + String.join(", ", known) + "; write "
                + FACTS.getOrDefault(fact, "NONE") + " for one they do not name)";
    }

    static List<String> facts() {
        return List.copyOf(new TreeSet<>(FACTS.keySet()));
    }
}
