package nl.fieldlab.sandbox.input;

import java.util.Locale;

/**
 * What may appear in the names and texts of an input file, and how a value is quoted back in a message.
 *
 * <p>Names and texts end up in terminals, Markdown, HTML and CSV. A control character there is never meant: an
 * escape sequence ({@code ESC [ 31 m}) recolours or rewrites the terminal that shows a report, a carriage return or
 * a bidirectional override hides text from the reader. YAML lets a double-quoted value spell any of them
 * ({@code "\e[31m"}), so they are refused after parsing: in a name anywhere, in free text (a description, a source)
 * all but the line break and the tab.
 *
 * <p>A message quotes at most one value, the offending one, cut to {@value #QUOTED} characters with anything not
 * printable written as {@code \}{@code uXXXX}: enough to find it, never a file's content.
 */
public final class PlainText {

    /** Longest part of a value a message quotes. */
    public static final int QUOTED = 40;

    private PlainText() {
    }

    /**
     * What is wrong with the characters of {@code text}, or null when nothing is.
     *
     * @param freeText whether the text may span lines (a description); a name may not
     */
    public static String problem(String text, boolean freeText) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (freeText && (c == '\n' || c == '\t')) {
                continue;
            }
            if (refused(c)) {
                return String.format(Locale.ROOT, "%s %s at character %d; %s", kind(c), code(c), i + 1,
                        freeText ? "texts are plain text (line breaks and tabs are allowed)"
                                : "names are plain text on one line");
            }
        }
        return null;
    }

    /** Whether a character is a control or a bidirectional formatting character. */
    static boolean refused(char c) {
        return Character.getType(c) == Character.CONTROL // C0, DEL and C1, among them ESC, CR, LF, TAB
                || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069') // embeddings, isolates
                || c == '\u200E' || c == '\u200F' || c == '\u061C' // direction marks
                || c == '\u2028' || c == '\u2029'; // line and paragraph separators
    }

    private static String kind(char c) {
        return c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029' ? "line break"
                : c == '\t' ? "tab" : c == '\u001B' ? "escape character (terminal control)"
                : Character.getType(c) == Character.CONTROL ? "control character" : "text-direction character";
    }

    private static String code(char c) {
        return String.format(Locale.ROOT, "U+%04X", (int) c);
    }

    /** A token for a message, unquoted: at most 100 characters (a message never repeats more of a file). */
    public static String cut(String value) {
        return value.length() <= 100 ? value : value.substring(0, Character.isHighSurrogate(value.charAt(99)) ? 99
                : 100) + "...";
    }

    /** {@code 'value'} for a message: at most {@value #QUOTED} characters, anything unprintable escaped. */
    public static String quote(String value) {
        StringBuilder sb = new StringBuilder("'");
        int n = Math.min(value.length(), QUOTED);
        if (n < value.length() && Character.isHighSurrogate(value.charAt(n - 1))) {
            n--; // keep a character whole
        }
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (refused(c) || Character.isSurrogate(c) && !validPair(value, i)) {
                sb.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
            } else {
                sb.append(c);
            }
        }
        if (value.length() > QUOTED) {
            sb.append("...");
        }
        return sb.append('\'').toString();
    }

    private static boolean validPair(String s, int i) {
        char c = s.charAt(i);
        return Character.isHighSurrogate(c) ? i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))
                : i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }
}
