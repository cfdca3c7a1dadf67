package nl.fieldlab.sandbox.report;

import java.util.List;

/**
 * The one CSV writer: every CSV file the tool writes (summary.csv, sweep.csv, ranking.csv, evidence.csv,
 * benchmark.csv, the benchmark history) is built here. Fields are quoted as RFC 4180 says: a field that holds a
 * comma, a double quote or a line break is enclosed in double quotes, with each double quote in it doubled; any
 * other field is written as it is, so files of ordinary names read as before. Text passes through
 * {@link Printable#text} first (line breaks stay, quoted; escape sequences do not). Rows end with a line feed, as
 * the tool's CSV files always have (RFC 4180 parsers accept it).
 */
public final class Csv {

    private final StringBuilder out = new StringBuilder();

    /** A table that starts with its header row; with no names, rows only (lines to append to a file). */
    public Csv(String... header) {
        if (header.length > 0) {
            row((Object[]) header);
        }
    }

    /** Appends one row; {@code null} is an empty field, anything else its {@code toString()}. */
    public Csv row(Object... fields) {
        out.append(line(java.util.Arrays.stream(fields).map(f -> f == null ? "" : f.toString()).toList()))
                .append('\n');
        return this;
    }

    /** One row as text, without its line end. */
    public static String line(List<String> fields) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append(field(fields.get(i)));
        }
        return b.toString();
    }

    /** One field, quoted when it must be. */
    public static String field(String value) {
        if (value == null) {
            return "";
        }
        String v = Printable.text(value);
        boolean quote = false;
        for (int i = 0; i < v.length() && !quote; i++) {
            char c = v.charAt(i);
            quote = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        return quote ? '"' + v.replace("\"", "\"\"") + '"' : v;
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
