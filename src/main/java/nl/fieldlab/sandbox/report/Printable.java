package nl.fieldlab.sandbox.report;

/**
 * Text from a scenario, a rules folder or a manifest made safe to show. A name can hold anything its file holds; a
 * control character in it must not reach a terminal, a Markdown table or a page as itself, because an ANSI escape
 * sequence (ESC, or the C1 control CSI) recolours, hides or rewrites what a reader sees, a carriage return or
 * backspace overwrites it, and a bidirectional override reorders it. Every writer (Markdown, HTML, CSV, the
 * terminal) passes such text through here, so a report renders safely whatever produced it.
 *
 * <p>A C0 control and DEL become their visible Unicode control picture ({@code ESC} shows as {@code ␛}), a C1
 * control or a bidirectional embedding, override or isolate becomes {@code �}: the reader sees that something odd
 * was there. Ordinary text is returned unchanged (the same object), so normal reports stay byte for byte the same.
 */
public final class Printable {

    private Printable() {
    }

    /** Text that may span lines (a paragraph, a CSV field): line feeds and tabs stay, other controls are shown. */
    public static String text(String s) {
        return neutralise(s, "\n\t");
    }

    /** Text on one line (a table cell, a name): line breaks and tabs become spaces, other controls are shown. */
    public static String line(String s) {
        if (s == null) {
            return null;
        }
        String flat = s.indexOf('\n') < 0 && s.indexOf('\r') < 0 && s.indexOf('\t') < 0 ? s
                : s.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ').replace('\t', ' ');
        return neutralise(flat, "");
    }

    /**
     * Output for a terminal: line feeds, tabs and the carriage return the progress bar redraws itself with stay;
     * every other control (ESC first of all) is shown.
     */
    public static String terminal(String s) {
        return neutralise(s, "\n\t\r");
    }

    /** Whether {@code c} would be changed by every one of the functions above. */
    static boolean unsafe(char c) {
        return c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f) || bidiControl(c);
    }

    private static String neutralise(String s, String kept) {
        if (s == null) {
            return null;
        }
        int i = 0;
        while (i < s.length() && (!unsafe(s.charAt(i)) || kept.indexOf(s.charAt(i)) >= 0)) {
            i++;
        }
        if (i == s.length()) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length() + 8).append(s, 0, i);
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            b.append(unsafe(c) && kept.indexOf(c) < 0 ? shown(c) : c);
        }
        return b.toString();
    }

    /** The visible stand-in for a control character. */
    private static char shown(char c) {
        if (c < 0x20) {
            return (char) (0x2400 + c); // SYMBOL FOR NULL ... SYMBOL FOR UNIT SEPARATOR
        }
        return c == 0x7f ? '\u2421' : '\uFFFD';
    }

    /** Embeddings, overrides and isolates: they reorder the text around them ("Trojan Source", CVE-2021-42574). */
    private static boolean bidiControl(char c) {
        return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
    }
}
