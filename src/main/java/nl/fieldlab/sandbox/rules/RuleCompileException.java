package nl.fieldlab.sandbox.rules;

import java.util.List;

/** Rule files that do not compile or do not fit together. Each problem names a file and line. */
public class RuleCompileException extends RuntimeException {

    private final List<String> problems;

    public RuleCompileException(List<String> problems) {
        super(problems.size() == 1 ? problems.get(0)
                : problems.get(0) + " (and " + (problems.size() - 1) + " more problem"
                        + (problems.size() == 2 ? "" : "s") + ")");
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
