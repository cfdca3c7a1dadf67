package nl.fieldlab.sandbox.shell;

import java.util.ArrayList;
import java.util.List;

import nl.fieldlab.sandbox.report.Printable;

/** A plain-text table with aligned columns: the first column left-aligned, the others right-aligned. */
public final class TextTable {

    private final List<String[]> rows = new ArrayList<>();
    private final boolean[] leftAligned;

    public TextTable(String... header) {
        rows.add(java.util.Arrays.stream(header).map(Printable::line).toArray(String[]::new));
        leftAligned = new boolean[header.length];
        leftAligned[0] = true;
    }

    /** Left-aligns column {@code i} (text columns). */
    public TextTable left(int... columns) {
        for (int c : columns) {
            leftAligned[c] = true;
        }
        return this;
    }

    public TextTable row(Object... cells) {
        String[] r = new String[rows.get(0).length];
        for (int i = 0; i < r.length; i++) {
            // one line per cell, no control characters: a name from a scenario cannot break the table's rows or
            // reach the terminal as an escape sequence
            r[i] = i < cells.length && cells[i] != null ? Printable.line(cells[i].toString()) : "";
        }
        rows.add(r);
        return this;
    }

    public int size() {
        return rows.size() - 1;
    }

    /**
     * The width tables fit into: the interactive terminal's width (set before each command), 0 for no limit (batch
     * mode, whose output goes to files and pipes).
     */
    private static volatile int width;

    /** Fit tables into {@code columns} characters from now on (0: no limit). */
    public static void fitTo(int columns) {
        width = Math.max(0, columns);
    }

    /** The width tables fit into (0: no limit). */
    public static int width() {
        return width;
    }

    @Override
    public String toString() {
        return render(width);
    }

    /**
     * The table within {@code maxWidth} characters (0: no limit): where it is wider, the columns with the most room
     * wrap their cells at spaces (an interval drops to a second line, a long name to several), never below their
     * longest word.
     */
    public String render(int maxWidth) {
        int n = rows.get(0).length;
        int[] w = new int[n];
        int[] least = new int[n];
        for (String[] r : rows) {
            for (int i = 0; i < n; i++) {
                w[i] = Math.max(w[i], r[i].length());
                for (String word : r[i].split(" ")) {
                    least[i] = Math.max(least[i], word.length());
                }
            }
        }
        if (maxWidth > 0) {
            int total = java.util.Arrays.stream(w).sum() + 2 * (n - 1);
            while (total > maxWidth) {
                int best = -1;
                for (int i = 0; i < n; i++) {
                    if (w[i] > least[i] && (best < 0 || w[i] - least[i] > w[best] - least[best])) {
                        best = i;
                    }
                }
                if (best < 0) {
                    break; // every column at its longest word: the table stays wider than the terminal
                }
                w[best]--;
                total--;
            }
        }
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < rows.size(); k++) {
            String[] r = rows.get(k);
            List<List<String>> cells = new ArrayList<>();
            int lines = 1;
            for (int i = 0; i < n; i++) {
                List<String> wrapped = wrap(r[i], w[i]);
                cells.add(wrapped);
                lines = Math.max(lines, wrapped.size());
            }
            for (int l = 0; l < lines; l++) {
                StringBuilder line = new StringBuilder();
                for (int i = 0; i < n; i++) {
                    if (i > 0) {
                        line.append("  ");
                    }
                    String cell = l < cells.get(i).size() ? cells.get(i).get(l) : "";
                    String pad = " ".repeat(Math.max(0, w[i] - cell.length()));
                    line.append(leftAligned[i] ? cell + pad : pad + cell);
                }
                sb.append(line.toString().stripTrailing()).append('\n');
            }
            if (k == 0) {
                int total = 0;
                for (int x : w) {
                    total += x;
                }
                sb.append("-".repeat(total + 2 * (n - 1))).append('\n');
            }
        }
        return sb.toString();
    }

    /** A cell's text in lines of at most {@code width}, broken at spaces (a longer word keeps its own line). */
    static List<String> wrap(String text, int width) {
        List<String> out = new ArrayList<>();
        if (text.length() <= width) {
            out.add(text);
            return out;
        }
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                out.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        out.add(line.toString());
        return out;
    }
}
