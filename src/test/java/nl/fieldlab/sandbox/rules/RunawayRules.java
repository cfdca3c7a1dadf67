package nl.fieldlab.sandbox.rules;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import nl.fieldlab.sandbox.TestRuns;

/** Rules that run away, each added to a copy of the shipped rules folder as baseline/decisions/runaway.drl. */
public final class RunawayRules {

    public static final String FILE = "baseline/decisions/runaway.drl";

    private static final String HEAD = """
            package fieldlab.baseline.decisions;
            import nl.fieldlab.sandbox.domain.*;
            """;

    /** A consequence that never returns (line 3: the rule). */
    public static final String LOOP = HEAD + """
            rule "RUNAWAY-LOOP"
                @source("test: a loop that never ends")
            when
                $q : Question()
            then
                while ($q != null) { }
            end
            """;

    /** A consequence that returns once a system property is set (to see the watchdog without Thread.stop). */
    public static final String LOOP_UNTIL_RELEASED = HEAD + """
            rule "RUNAWAY-LOOP"
                @source("test: a loop that ends when released")
            when
                $q : Question()
            then
                while (System.getProperty("fieldlab.test.release") == null) { }
            end
            """;

    private static final String SEED = """
            rule "RUNAWAY-SEED"
                @source("test: one fact per question")
            when
                $q : Question()
            then
                insert(new Amount($q, "runaway", 0));
            end
            """;

    /** A rule that makes a new fact each time it fires, which makes it fire again (line 10: the rule). */
    public static final String FACTS = HEAD + SEED + """
            rule "RUNAWAY-FACTS"
                @source("test: a new fact for every firing")
            when
                $q : Question()
                $a : Amount( question == $q, key == "runaway" )
            then
                insert(new Amount($q, "runaway", $a.value() + 1));
            end
            """;

    /** The same without naming the question: only the batch's budget sees it. */
    public static final String FACTS_WITHOUT_QUESTION = HEAD + SEED + """
            rule "RUNAWAY-FACTS-ANY"
                @source("test: a new fact for every firing, matching no question")
            when
                $a : Amount( key == "runaway" )
            then
                insert(new Amount($a.question(), "runaway", $a.value() + 1));
            end
            """;

    /** Endless recursion in a function the rule calls. */
    public static final String RECURSION = HEAD + """
            function int deeper(int n) { return deeper(n + 1) + 1; }
            rule "RUNAWAY-RECURSION"
                @source("test: endless recursion")
            when
                $q : Question()
            then
                deeper(0);
            end
            """;

    /** One allocation larger than any heap: an OutOfMemoryError at once, in a rule. */
    public static final String HUGE_ARRAY = HEAD + """
            rule "RUNAWAY-ALLOCATION"
                @source("test: more memory than there is")
            when
                $q : Question()
            then
                long[] all = new long[Integer.MAX_VALUE - 8];
            end
            """;

    /** Allocation without end: the heap fills up. */
    public static final String ALLOCATION = HEAD + """
            rule "RUNAWAY-ALLOCATION"
                @source("test: keeps all it makes")
            when
                $q : Question()
            then
                java.util.List kept = new java.util.ArrayList();
                while (kept != null) { kept.add(new long[1 << 18]); }
            end
            """;

    /** An exit written out (line 9: the call). */
    public static final String EXIT = HEAD + """
            rule "RUNAWAY-EXIT"
                @source("test: ends the program")
            when
                $q : Question()
            then
                // System.exit in a comment is not a call
                String said = "System.exit(0) in a string is not one either";
                System.exit(0);
            end
            """;

    /** An exit by reflection, which no reading of the text sees (the shutdown hook is the backstop). */
    public static final String EXIT_BY_REFLECTION = HEAD + """
            rule "RUNAWAY-EXIT"
                @source("test: ends the program by reflection")
            when
                $q : Question()
            then
                Class.forName("java.lang.Sys" + "tem").getMethod("ex" + "it", int.class).invoke(null, 0);
            end
            """;

    private RunawayRules() {
    }

    /** A copy of rules/ under {@code dir} with {@code drl} as {@link #FILE}. */
    public static Path copyWith(Path dir, String drl) throws IOException {
        Path rules = TestRuns.copyTree(Path.of("rules"), dir);
        Files.writeString(rules.resolve(FILE), drl);
        return rules;
    }
}
