package nl.fieldlab.sandbox.shell;

import java.util.ArrayList;
import java.util.List;

/** A plain-text table with aligned columns: the first column left-aligned, the others right-aligned. */
public final class TextTable {

    private final List<String[]> rows = new ArrayList<>();
    private final boolean[] leftAligned;

    public TextTable(String... header) {
        rows.add(header);
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
            r[i] = i < cells.length && cells[i] != null ? cells[i].toString() : "";
        }
        rows.add(r);
        return this;
    }

    public int size() {
        return rows.size() - 1;
    }

    @Override
    public String toString() {
        int n = rows.get(0).length;
        int[] w = new int[n];
        for (String[] r : rows) {
            for (int i = 0; i < n; i++) {
                w[i] = Math.max(w[i], r[i].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < rows.size(); k++) {
            String[] r = rows.get(k);
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < n; i++) {
                if (i > 0) {
                    line.append("  ");
                }
                String cell = r[i];
                String pad = " ".repeat(w[i] - cell.length());
                line.append(leftAligned[i] ? cell + pad : pad + cell);
            }
            sb.append(line.toString().stripTrailing()).append('\n');
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
}
