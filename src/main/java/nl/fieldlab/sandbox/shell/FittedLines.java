package nl.fieldlab.sandbox.shell;

import java.io.IOException;
import java.io.Writer;

/**
 * The shell's output within the terminal's width: a longer line breaks at spaces, its continuation indented like it
 * (two more after a list mark), so the terminal never breaks a word ({@code replicat|ions}). Tables are already
 * fitted ({@link TextTable#fitTo}) and pass unchanged; so do a word longer than the width (a path), a line drawn
 * over itself with a carriage return (the progress bar), and whatever is flushed before its line ends (a prompt).
 */
final class FittedLines extends Writer {
    private final Writer out;
    private final int width;
    private final StringBuilder line = new StringBuilder();

    /** {@code width} 0 or less: no limit. */
    FittedLines(Writer out, int width) {
        this.out = out;
        this.width = width;
    }

    @Override
    public void write(char[] chars, int off, int len) throws IOException {
        for (int i = off; i < off + len; i++) {
            char c = chars[i];
            if (c == '\n') {
                out.write(fit(line.toString(), width));
                out.write('\n');
                line.setLength(0);
            } else if (c == '\r') {
                out.write(line.toString());
                out.write('\r');
                line.setLength(0);
            } else {
                line.append(c);
            }
        }
    }

    @Override
    public void flush() throws IOException {
        out.write(line.toString());
        line.setLength(0);
        out.flush();
    }

    @Override
    public void close() throws IOException {
        flush();
    }

    /** One line within {@code width} columns, broken at spaces (0: as it is). */
    static String fit(String text, int width) {
        if (width <= 20 || text.length() <= width) {
            return text;
        }
        String stripped = text.stripLeading();
        int lead = text.length() - stripped.length();
        String indent = " ".repeat(lead + (stripped.startsWith("- ") || stripped.startsWith("* ") ? 2 : 0));
        if (indent.length() > width / 2) {
            indent = "";
        }
        StringBuilder sb = new StringBuilder();
        String first = text.substring(0, lead);
        java.util.List<String> parts = TextTable.wrap(stripped, width - lead);
        sb.append(first).append(parts.get(0));
        String rest = String.join(" ", parts.subList(1, parts.size()));
        for (String part : rest.isEmpty() ? java.util.List.<String>of() : TextTable.wrap(rest, width
                - indent.length())) {
            sb.append('\n').append(indent).append(part);
        }
        return sb.toString();
    }
}
