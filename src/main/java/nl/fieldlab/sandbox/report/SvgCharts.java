package nl.fieldlab.sandbox.report;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Small inline SVG charts drawn from numbers, for the HTML report. No dependencies and no randomness: the same input
 * gives the same bytes (numbers are written with {@link Locale#ROOT}, text is escaped). Every chart is an
 * {@code <svg class="chart" role="img">} with an {@code aria-label} and a {@code <title>}, scales to its container
 * through its {@code viewBox}, and gives each series (a variant) one colour and one marker shape throughout.
 */
public final class SvgCharts {

    /** Okabe-Ito colours, distinguishable with the common colour-vision deficiencies; yellow last (low contrast). */
    public static final List<String> PALETTE = List.of("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00",
            "#56B4E9", "#000000", "#F0E442");

    private static final String[] SHAPES = {"circle", "square", "diamond", "triangle", "triangle-down"};
    private static final String FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";
    private static final double WIDTH = 560;
    private static final double CHAR = 7.0;
    private static final double SMALL_CHAR = 6.2;
    private static final String AXIS = "#444444";
    private static final String GRID = "#e3e3e3";
    private static final String MINUS = "\u2212";

    private SvgCharts() {
    }

    /**
     * One estimate: a mean with its confidence interval (NaN when unknown) in the colour of its series.
     *
     * @param label  row label (a variant name)
     * @param series series index: picks colour and marker
     * @param mean   the estimate
     * @param low    lower end of the 95 % interval, or NaN
     * @param high   upper end of the 95 % interval, or NaN
     * @param marked whether to mark the estimate (a headline difference the corrected verdicts call)
     */
    public record Estimate(String label, int series, double mean, double low, double high, boolean marked) {
    }

    /** A line: one value per month. */
    public record Series(String label, int series, double[] values) {
    }

    /** A category of a grouped bar chart (an actor) with one bar per series. */
    public record Group(String label, List<Estimate> bars) {
    }

    public static String colour(int series) {
        return PALETTE.get(Math.floorMod(series, PALETTE.size()));
    }

    // ------------------------------------------------------------------ (a) means with CIs

    /** Dot-and-whisker chart: each series' mean with its 95 % CI on a shared horizontal axis (not from zero). */
    public static String means(String title, List<Estimate> rows) {
        return intervals(title, rows, false);
    }

    // ------------------------------------------------------------------ (b) differences

    /** Forest plot of differences to the baseline, with a zero line; marked estimates are filled and starred. */
    public static String differences(String title, List<Estimate> rows) {
        return intervals(title, rows, true);
    }

    private static String intervals(String title, List<Estimate> rows, boolean forest) {
        double left = 12 + Math.max(40, maxLen(rows.stream().map(Estimate::label).toList()) * CHAR);
        double right = 12 + Math.max(48, rows.stream().mapToInt(e -> valueText(e, forest).length()).max().orElse(4)
                * SMALL_CHAR);
        double rowH = 26;
        double top = 10;
        double plotH = rows.size() * rowH;
        double height = top + plotH + 36;
        double x0 = left;
        double x1 = WIDTH - right;

        List<Double> values = new ArrayList<>();
        for (Estimate e : rows) {
            values.add(e.mean());
            values.add(e.low());
            values.add(e.high());
        }
        if (forest) {
            values.add(0.0);
        }
        Scale s = Scale.of(values, x0, x1, 0.06, 0.06);

        Svg svg = new Svg(title, WIDTH, height);
        svg.xAxis(s, top, top + plotH, forest);
        for (int i = 0; i < rows.size(); i++) {
            Estimate e = rows.get(i);
            double y = top + rowH * i + rowH / 2;
            String c = colour(e.series());
            svg.text(x0 - 8, y + 4, "end", e.label(), "label");
            if (Double.isNaN(e.mean())) {
                svg.text(x0 + 4, y + 4, "start", "n/a", "muted");
                continue;
            }
            if (!Double.isNaN(e.low()) && !Double.isNaN(e.high())) {
                double a = s.x(e.low());
                double b = s.x(e.high());
                svg.line(a, y, b, y, c, 2);
                svg.line(a, y - 6, a, y + 6, c, 2);
                svg.line(b, y - 6, b, y + 6, c, 2);
            }
            boolean hollow = forest && !e.marked();
            svg.marker(e.series(), s.x(e.mean()), y, 5.5, hollow);
            svg.text(WIDTH - 4, y + 4, "end", valueText(e, forest), forest && e.marked() ? "value strong" : "value");
        }
        return svg.close();
    }

    private static String valueText(Estimate e, boolean forest) {
        if (Double.isNaN(e.mean())) {
            return "n/a";
        }
        String t = (forest && e.mean() > 0 ? "+" : "") + ReportWriter.fmt(e.mean());
        return forest && e.marked() ? t + " *" : t;
    }

    // ------------------------------------------------------------------ (c) lines by month

    /** Line chart of monthly values per series, months counted from {@code start}; the y axis starts at 0. */
    public static String monthly(String title, String yLabel, YearMonth start, List<Series> series) {
        int months = series.stream().mapToInt(x -> x.values().length).max().orElse(0);
        List<Double> values = new ArrayList<>(List.of(0.0));
        for (Series x : series) {
            for (double v : x.values()) {
                values.add(v);
            }
        }
        double width = 640;
        double legendH = 24;
        double top = 12 + legendH;
        double plotH = 220;
        double height = top + plotH + 48;
        double x0 = 64;
        double x1 = width - 24;
        Scale y = Scale.of(values, top + plotH, top, 0, 0.05);

        Svg svg = new Svg(title, width, height);
        svg.legend(x0, 16, series.stream().map(x -> Map.entry(x.label(), x.series())).toList(), true);
        for (double t : y.ticks) {
            double py = y.x(t);
            svg.line(x0, py, x1, py, t == 0 ? AXIS : GRID, 1);
            svg.text(x0 - 6, py + 4, "end", y.label(t), "tick");
        }
        double step = months > 1 ? (x1 - x0) / (months - 1) : 0;
        double first = months > 1 ? x0 : (x0 + x1) / 2;
        int every = labelEvery(months, (x1 - x0) / 58);
        for (int m = 0; m < months; m++) {
            double px = first + step * m;
            boolean labelled = m % every == 0;
            svg.line(px, top + plotH, px, top + plotH + (labelled ? 5 : 3), AXIS, 1);
            if (labelled) {
                svg.text(px, top + plotH + 18, "middle", start.plusMonths(m).toString(), "tick");
            }
        }
        svg.line(x0, top, x0, top + plotH, AXIS, 1);
        svg.text((x0 + x1) / 2, height - 6, "middle", "month (end of)", "axis-label");
        svg.rotatedText(14, top + plotH / 2, yLabel, "axis-label");
        for (Series x : series) {
            StringBuilder pts = new StringBuilder();
            for (int m = 0; m < x.values().length; m++) {
                if (!Double.isNaN(x.values()[m])) {
                    double px = first + step * m;
                    pts.append(pts.isEmpty() ? "" : " ").append(n(px)).append(',').append(n(y.x(x.values()[m])));
                }
            }
            svg.raw("<polyline points=\"" + pts + "\" fill=\"none\" stroke=\"" + colour(x.series())
                    + "\" stroke-width=\"2\" stroke-linejoin=\"round\"/>");
            if (months <= 36) {
                for (int m = 0; m < x.values().length; m++) {
                    if (!Double.isNaN(x.values()[m])) {
                        svg.marker(x.series(), first + step * m, y.x(x.values()[m]), 3.5, false);
                    }
                }
            }
        }
        return svg.close();
    }

    private static int labelEvery(int months, double maxLabels) {
        for (int every : new int[] {1, 2, 3, 4, 6, 12, 24, 60, 120}) {
            if (Math.ceil(months / (double) every) <= Math.max(1, maxLabels)) {
                return every;
            }
        }
        return Math.max(1, months);
    }

    // ------------------------------------------------------------------ (d) grouped bars

    /** Horizontal bars per group (an actor), one per series, around a zero line, with CI whiskers and values. */
    public static String groupedBars(String title, List<Group> groups) {
        Map<String, Integer> legend = new LinkedHashMap<>();
        List<Double> values = new ArrayList<>(List.of(0.0));
        int bars = 0;
        for (Group g : groups) {
            for (Estimate e : g.bars()) {
                legend.putIfAbsent(e.label(), e.series());
                values.add(e.mean());
                values.add(e.low());
                values.add(e.high());
                bars++;
            }
        }
        double barH = 13;
        double gap = 14;
        double legendH = 24;
        double top = 12 + legendH;
        double plotH = bars * barH + groups.size() * gap;
        double height = top + plotH + 36;
        double left = 16 + Math.max(40, maxLen(groups.stream().map(Group::label).toList()) * CHAR);
        double x0 = left;
        double x1 = WIDTH - 16;
        // Room for the value labels outside the bar ends, on each side that has bars.
        boolean below = values.stream().anyMatch(v -> v < 0);
        boolean above = values.stream().anyMatch(v -> v > 0);
        Scale s = Scale.of(values, x0, x1, below ? 0.18 : 0.02, above ? 0.18 : 0.02);

        Svg svg = new Svg(title, WIDTH, height);
        svg.legend(x0, 16, legend.entrySet().stream().map(e -> Map.entry(e.getKey(), e.getValue())).toList(), false);
        svg.xAxis(s, top, top + plotH, true);
        double y = top + gap / 2;
        for (Group g : groups) {
            double gh = g.bars().size() * barH;
            svg.text(x0 - 8, y + gh / 2 + 4, "end", g.label(), "label");
            for (Estimate e : g.bars()) {
                if (!Double.isNaN(e.mean())) {
                    double a = s.x(Math.min(0, e.mean()));
                    double b = s.x(Math.max(0, e.mean()));
                    svg.raw("<rect x=\"" + n(a) + "\" y=\"" + n(y + 1) + "\" width=\"" + n(Math.max(b - a, 0.5))
                            + "\" height=\"" + n(barH - 2) + "\" fill=\"" + colour(e.series()) + "\"><title>"
                            + esc(g.label() + ", " + e.label() + ": " + ReportWriter.fmt(e.mean())) + "</title></rect>");
                    double end = s.x(e.mean());
                    if (!Double.isNaN(e.low()) && !Double.isNaN(e.high())) {
                        svg.line(s.x(e.low()), y + barH / 2, s.x(e.high()), y + barH / 2, "#222222", 1);
                        end = e.mean() < 0 ? Math.min(end, s.x(e.low())) : Math.max(end, s.x(e.high()));
                    }
                    boolean negative = e.mean() < 0;
                    svg.text(end + (negative ? -4 : 4), y + barH - 3, negative ? "end" : "start",
                            compact(e.mean()), "value small");
                }
                y += barH;
            }
            y += gap;
        }
        return svg.close();
    }

    // ------------------------------------------------------------------ scale and formatting

    /**
     * A linear scale over the data range widened by {@code padLow}/{@code padHigh} (shares of the range), with
     * 4 to 8 ticks at round steps (1, 2 or 5 times a power of ten) inside it.
     */
    private static final class Scale {
        private static final double[] MANTISSAS = {10, 5, 2, 1};
        final double lo;
        final double hi;
        final double from;
        final double to;
        final List<Double> ticks = new ArrayList<>();
        final double unit;
        final String suffix;
        final int decimals;

        private Scale(double min, double max, double from, double to, double padLow, double padHigh) {
            if (!(max > min)) {
                double d = min == 0 ? 1 : Math.abs(min) * 0.1;
                min -= d;
                max += d;
            }
            double span = max - min;
            lo = min - span * padLow;
            hi = max + span * padHigh;
            this.from = from;
            this.to = to;
            double step = step(lo, hi);
            for (long i = (long) Math.ceil(lo / step - 1e-9); i * step <= hi + step * 1e-9; i++) {
                ticks.add(i == 0 ? 0.0 : i * step);
            }
            double big = Math.max(Math.abs(lo), Math.abs(hi));
            unit = big >= 1e6 ? 1e6 : big >= 1e4 ? 1e3 : 1;
            suffix = unit == 1e6 ? "M" : unit == 1e3 ? "k" : "";
            int d = 0;
            while (d < 6 && Math.abs(step / unit * Math.pow(10, d) - Math.rint(step / unit * Math.pow(10, d))) > 1e-6) {
                d++;
            }
            decimals = d;
        }

        /** The largest round step that puts at least 4 ticks in [lo, hi]. */
        private static double step(double lo, double hi) {
            double base = Math.pow(10, Math.floor(Math.log10(hi - lo)));
            for (double scale = base; scale > base * 1e-3; scale /= 10) {
                for (double m : MANTISSAS) {
                    double s = m * scale;
                    long count = (long) Math.floor(hi / s + 1e-9) - (long) Math.ceil(lo / s - 1e-9) + 1;
                    if (count >= 4) {
                        return s;
                    }
                }
            }
            return base / 1000;
        }

        static Scale of(List<Double> values, double from, double to, double padLow, double padHigh) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (double v : values) {
                if (!Double.isNaN(v) && !Double.isInfinite(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
            if (min > max) {
                min = 0;
                max = 1;
            }
            return new Scale(min, max, from, to, padLow, padHigh);
        }

        double x(double v) {
            return from + (v - lo) / (hi - lo) * (to - from);
        }

        String label(double v) {
            if (v == 0) {
                return "0";
            }
            String t = String.format(Locale.ROOT, "%,." + decimals + "f", Math.abs(v) / unit) + suffix;
            return v < 0 ? MINUS + t : t;
        }
    }

    /** Short value labels: 1.2M, 38k, 950, 0.27. */
    static String compact(double v) {
        double a = Math.abs(v);
        String t;
        if (a >= 1e6) {
            t = String.format(Locale.ROOT, "%,.1fM", a / 1e6);
        } else if (a >= 1e4) {
            t = String.format(Locale.ROOT, "%,.0fk", a / 1e3);
        } else if (a >= 1e3) {
            t = String.format(Locale.ROOT, "%,.1fk", a / 1e3);
        } else {
            t = ReportWriter.fmt(a);
        }
        return v < 0 ? MINUS + t : t;
    }

    /** A coordinate with at most 1 decimal, without trailing zeros. */
    static String n(double v) {
        String s = String.format(Locale.ROOT, "%.1f", v);
        if (s.endsWith(".0")) {
            s = s.substring(0, s.length() - 2);
        }
        return s.equals("-0") ? "0" : s;
    }

    /** Text and attribute escaping for SVG inside HTML. */
    public static String esc(String text) {
        if (text == null) {
            return "";
        }
        String s = Printable.line(text);
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    private static int maxLen(List<String> labels) {
        return labels.stream().mapToInt(l -> l == null ? 0 : l.length()).max().orElse(0);
    }

    // ------------------------------------------------------------------ SVG writer

    /** Accumulates the elements of one chart. */
    private static final class Svg {
        private final StringBuilder b = new StringBuilder();

        Svg(String title, double width, double height) {
            b.append("<svg class=\"chart\" role=\"img\" aria-label=\"")
                    .append(esc(title)).append("\" viewBox=\"0 0 ").append(n(width)).append(' ').append(n(height))
                    .append("\" width=\"").append(n(width)).append("\" height=\"").append(n(height))
                    .append("\" font-family=\"").append(esc(FONT)).append("\" font-size=\"12\">")
                    .append("<title>").append(esc(title)).append("</title>");
        }

        void raw(String s) {
            b.append(s);
        }

        void line(double xa, double ya, double xb, double yb, String stroke, double w) {
            b.append("<line x1=\"").append(n(xa)).append("\" y1=\"").append(n(ya)).append("\" x2=\"").append(n(xb))
                    .append("\" y2=\"").append(n(yb)).append("\" stroke=\"").append(stroke)
                    .append("\" stroke-width=\"").append(n(w)).append("\"/>");
        }

        void text(double x, double y, String anchor, String text, String cls) {
            b.append("<text x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" text-anchor=\"")
                    .append(anchor).append("\" class=\"").append(cls).append('"').append(style(cls)).append('>')
                    .append(esc(text)).append("</text>");
        }

        void rotatedText(double x, double y, String text, String cls) {
            b.append("<text x=\"").append(n(x)).append("\" y=\"").append(n(y))
                    .append("\" text-anchor=\"middle\" transform=\"rotate(-90 ").append(n(x)).append(' ').append(n(y))
                    .append(")\" class=\"").append(cls).append('"').append(style(cls)).append('>').append(esc(text))
                    .append("</text>");
        }

        /** Presentation attributes, so that a chart copied out of the page still looks right. */
        private static String style(String cls) {
            return switch (cls) {
                case "tick", "muted" -> " fill=\"#555555\" font-size=\"11\"";
                case "axis-label" -> " fill=\"#333333\" font-size=\"11\"";
                case "value", "value small" -> " fill=\"#222222\" font-size=\"11\"";
                case "value strong" -> " fill=\"#000000\" font-size=\"11\" font-weight=\"bold\"";
                default -> " fill=\"#111111\"";
            };
        }

        /** Vertical grid lines with tick labels below the plot; a darker line at zero when asked. */
        void xAxis(Scale s, double top, double bottom, boolean zeroLine) {
            for (double t : s.ticks) {
                double x = s.x(t);
                line(x, top, x, bottom, GRID, 1);
                line(x, bottom, x, bottom + 4, AXIS, 1);
                text(x, bottom + 17, "middle", s.label(t), "tick");
            }
            line(s.from, bottom, s.to, bottom, AXIS, 1);
            if (zeroLine && s.lo <= 0 && s.hi >= 0) {
                double x = s.x(0);
                b.append("<line class=\"zero\" x1=\"").append(n(x)).append("\" y1=\"").append(n(top - 4))
                        .append("\" x2=\"").append(n(x)).append("\" y2=\"").append(n(bottom))
                        .append("\" stroke=\"#222222\" stroke-width=\"1.5\"/>");
            }
        }

        /** A row of colour keys; with markers when the chart draws them. */
        void legend(double x, double y, List<Map.Entry<String, Integer>> keys, boolean markers) {
            double at = x;
            for (var k : keys) {
                if (markers) {
                    line(at, y - 4, at + 18, y - 4, colour(k.getValue()), 2);
                    marker(k.getValue(), at + 9, y - 4, 3.5, false);
                } else {
                    b.append("<rect x=\"").append(n(at)).append("\" y=\"").append(n(y - 10)).append("\" width=\"14\" ")
                            .append("height=\"11\" fill=\"").append(colour(k.getValue())).append("\"/>");
                }
                text(at + 22, y, "start", k.getKey(), "label");
                at += 22 + k.getKey().length() * CHAR + 18;
            }
        }

        /** The series' marker shape; hollow markers are white inside. */
        void marker(int series, double x, double y, double r, boolean hollow) {
            String c = colour(series);
            String paint = " fill=\"" + (hollow ? "#ffffff" : c) + "\" stroke=\"" + c + "\" stroke-width=\"1.5\"/>";
            switch (SHAPES[Math.floorMod(series, SHAPES.length)]) {
                case "square" -> b.append("<rect x=\"").append(n(x - r * 0.9)).append("\" y=\"").append(n(y - r * 0.9))
                        .append("\" width=\"").append(n(r * 1.8)).append("\" height=\"").append(n(r * 1.8)).append('"')
                        .append(paint);
                case "diamond" -> polygon(paint, x, y - r * 1.2, x + r * 1.2, y, x, y + r * 1.2, x - r * 1.2, y);
                case "triangle" -> polygon(paint, x, y - r * 1.2, x + r * 1.1, y + r * 0.8, x - r * 1.1, y + r * 0.8);
                case "triangle-down" -> polygon(paint, x, y + r * 1.2, x + r * 1.1, y - r * 0.8, x - r * 1.1,
                        y - r * 0.8);
                default -> b.append("<circle cx=\"").append(n(x)).append("\" cy=\"").append(n(y)).append("\" r=\"")
                        .append(n(r)).append('"').append(paint);
            }
        }

        private void polygon(String paint, double... xy) {
            b.append("<polygon points=\"");
            for (int i = 0; i < xy.length; i += 2) {
                b.append(i == 0 ? "" : " ").append(n(xy[i])).append(',').append(n(xy[i + 1]));
            }
            b.append('"').append(paint);
        }

        String close() {
            return b.append("</svg>").toString();
        }
    }
}
