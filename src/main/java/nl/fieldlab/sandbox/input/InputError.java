package nl.fieldlab.sandbox.input;

import java.nio.file.Path;

/**
 * Bad user input: a file that cannot be read, parsed or validated. The message is one line, meant for the user:
 * {@code file:line: field: what is wrong}.
 */
public class InputError extends RuntimeException {

    private final String file;
    private final int line;
    private final String field;
    private final String problem;

    public InputError(String file, int line, String field, String problem) {
        super(format(visible(file, false), line, visible(field, false), visible(problem, true)));
        this.file = visible(file, false);
        this.line = line;
        this.field = visible(field, false);
        this.problem = visible(problem, true);
    }

    public InputError(Path file, int line, String field, String problem) {
        this(display(file), line, field, problem);
    }

    /** An error about a whole file or about input that is not in a file. */
    public InputError(String message) {
        super(visible(message, true));
        this.file = null;
        this.line = 0;
        this.field = null;
        this.problem = visible(message, true);
    }

    /**
     * {@code text} with every control and text-direction character written as a backslash, u and four hex digits (line breaks kept
     * where {@code lines}): a message may quote a name from a file, and a terminal must show it, not obey it.
     */
    static String visible(String text, boolean lines) {
        if (text == null) {
            return null;
        }
        StringBuilder sb = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean escape = PlainText.refused(c) && !(lines && c == '\n');
            if (escape && sb == null) {
                sb = new StringBuilder(text.substring(0, i));
            }
            if (escape) {
                sb.append(String.format(java.util.Locale.ROOT, "\\u%04X", (int) c));
            } else if (sb != null) {
                sb.append(c);
            }
        }
        return sb == null ? text : sb.toString();
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    public String field() {
        return field;
    }

    public String problem() {
        return problem;
    }

    /** A path as users typed it: relative to the working directory when inside it. */
    public static String display(Path file) {
        Path cwd = Path.of("").toAbsolutePath();
        Path abs = file.toAbsolutePath().normalize();
        if (!abs.startsWith(cwd)) {
            return abs.toString();
        }
        String rel = cwd.relativize(abs).toString();
        return rel.isEmpty() ? "." : rel;
    }

    private static String format(String file, int line, String field, String problem) {
        StringBuilder sb = new StringBuilder();
        if (file != null) {
            sb.append(file);
            if (line > 0) {
                sb.append(':').append(line);
            }
            sb.append(": ");
        }
        if (field != null && !field.isEmpty()) {
            sb.append(field).append(": ");
        }
        return sb.append(problem).toString();
    }
}
