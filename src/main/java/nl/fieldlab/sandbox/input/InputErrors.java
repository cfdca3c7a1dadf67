package nl.fieldlab.sandbox.input;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Several problems in one input file, found in one pass, in line order. It is an {@link InputError} whose own
 * file, line and field are those of the first problem, so callers that handle one error handle this too.
 */
public final class InputErrors extends InputError {

    /** At most this many problems are listed; the rest are counted. */
    public static final int MAX_SHOWN = 30;

    private final List<InputError> problems;

    private InputErrors(List<InputError> problems) {
        super(problems.get(0).file(), problems.get(0).line(), problems.get(0).field(), problems.get(0).problem());
        this.problems = List.copyOf(problems);
    }

    /** One error for the list: itself when there is one problem, else all of them in line order. */
    public static InputError of(List<InputError> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("no problems");
        }
        List<InputError> sorted = new ArrayList<>(problems);
        sorted.sort(Comparator.comparing((InputError e) -> e.file() == null ? "" : e.file())
                .thenComparingInt(InputError::line));
        return sorted.size() == 1 ? sorted.get(0) : new InputErrors(sorted);
    }

    public List<InputError> problems() {
        return problems;
    }

    @Override
    public String getMessage() {
        StringBuilder sb = new StringBuilder();
        String file = problems.get(0).file();
        boolean oneFile = file != null && problems.stream().allMatch(p -> file.equals(p.file()));
        sb.append(oneFile ? file + ": " : "").append(problems.size()).append(" problems");
        for (int i = 0; i < Math.min(MAX_SHOWN, problems.size()); i++) {
            sb.append("\n  ").append(problems.get(i).getMessage());
        }
        if (problems.size() > MAX_SHOWN) {
            sb.append("\n  ... and ").append(problems.size() - MAX_SHOWN).append(" more");
        }
        return sb.toString();
    }
}
