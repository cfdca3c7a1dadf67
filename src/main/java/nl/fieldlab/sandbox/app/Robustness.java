package nl.fieldlab.sandbox.app;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import nl.fieldlab.sandbox.report.Csv;
import nl.fieldlab.sandbox.report.Json;
import nl.fieldlab.sandbox.report.Report;
import nl.fieldlab.sandbox.report.ReportWriter;
import nl.fieldlab.sandbox.rules.Variant;
import nl.fieldlab.sandbox.scenario.RobustnessSpec;
import nl.fieldlab.sandbox.scenario.Scenario;
import nl.fieldlab.sandbox.simulation.SimulationResult;
import nl.fieldlab.sandbox.stats.Comparison;
import nl.fieldlab.sandbox.stats.HeadlineFamily;
import nl.fieldlab.sandbox.stats.LatinHypercube;
import nl.fieldlab.sandbox.stats.MovedMostBy;
import nl.fieldlab.sandbox.stats.SignShare;
import nl.fieldlab.sandbox.stats.Summary;

/**
 * Runs a scenario's draws across the behaviour ranges and reduces them: for each variant and headline-family member,
 * in how many draws the main run's sign held (with a Wilson interval), which drawn value moved the difference most
 * (Spearman, Holm) and how much of the spread across draws is replication noise. The runner is injected: the
 * simulation in use, a planted function in tests.
 */
public final class Robustness {

    /** Runs one draw's scenario (every variant, its replications). */
    @FunctionalInterface
    public interface DrawRunner {
        SimulationResult run(Scenario draw, int k);
    }

    /** One draw: its index, master seed and drawn values. */
    public record Draw(int k, long seed, Map<String, Double> values) {
    }

    /**
     * One variant and family member across the draws.
     *
     * @param main   the main run's paired difference (in the member's unit)
     * @param share  draws whose mean difference has the main run's sign; null when the main run's is 0
     * @param moved  which drawn value moved the difference most
     * @param noise  the share of the spread across draws that is replication noise, capped at 1 (NaN when the
     *               draws do not differ)
     * @param y      the mean difference of each draw
     * @param s2     the variance of the differences within each draw
     */
    public record Row(String variant, HeadlineFamily.Member member, Summary main, boolean called, SignShare share,
            MovedMostBy moved, double noise, double[] y, double[] s2) {

        /** Above 0, below 0, or 0: the main run's sign in words. */
        String side() {
            return main.mean() > 0 ? "above 0" : "below 0";
        }
    }

    /**
     * How firmly a significant verdict survives the behaviour ranges, by the share of draws in which its sign held:
     * at least 0.9 it holds (a reader may rely on it whatever the assumptions within their ranges), from 0.5 it
     * depends on them, below 0.5 it reverses in most draws. The thresholds are a reading aid, not a test: the share
     * is conservative, pulled toward 0.5 by replication noise.
     */
    public enum VerdictStrength {
        HOLDS, DEPENDS, REVERSES;

        public static VerdictStrength of(double share) {
            return share >= 0.9 ? HOLDS : share >= 0.5 ? DEPENDS : REVERSES;
        }
    }

    /** Noise above this share of the spread makes the section ask for more replications per draw. */
    public static final double NOISY = 0.5;

    /** What a robustness run found. */
    /**
     * @param calibration the baseline's calibration measures (calibration.*) in each draw, the mean over its
     *                    replications, and in the main run last: how far the draws stray from the calibration
     */
    public record Result(Scenario scenario, RobustnessSpec spec, ParameterSpace space, LatinHypercube design,
            List<Draw> draws, List<Row> rows, Map<String, double[]> calibration) {

        public int drawCount() {
            return draws.size();
        }

        public int replications() {
            return spec.replicationsPerDraw();
        }

        /** The row of a variant and family metric, or null. */
        public Row row(String variant, String metric) {
            return rows.stream().filter(r -> r.variant().equals(variant) && r.member().metric().equals(metric))
                    .findFirst().orElse(null);
        }

        /**
         * One line for a reading: "holds in 30 of 32 draws of the behaviour ranges (94 % [80 %, 98 %])", or, where the
         * main run's difference is 0, that there is no sign to hold; null for a variant or metric not drawn.
         */
        public String holdsText(String variant, String metric) {
            Row r = row(variant, metric);
            if (r == null) {
                return null;
            }
            if (r.share() == null) {
                return "no difference in the main run, so no sign to hold across the behaviour ranges";
            }
            SignShare s = r.share();
            return "holds in " + s.held() + " of " + s.draws() + " draws of the behaviour ranges ("
                    + s.text().substring(s.text().indexOf('(') + 1);
        }

        /**
         * The share graded for a cost-effectiveness reading (design note 24, 2.6): for a main-run difference that is
         * significant, "holds in 30 of 32 draws of the behaviour ranges (94 % [80 %, 98 %])" ({@link
         * VerdictStrength#HOLDS}), "depends on the assumptions: it holds in 20 of 32 draws (63 % [45 %, 77 %]); X
         * moves it most (rho = -0.71)" or "reverses in most draws of the behaviour ranges (14 of 32 hold, 44 % [28 %,
         * 61 %])"; for one that is not, the split, "above 0 in 12 of 32 draws of the behaviour ranges". Null for a
         * variant or metric not drawn.
         */
        public String verdictText(String variant, String metric) {
            Row r = row(variant, metric);
            if (r == null || r.share() == null) {
                return holdsText(variant, metric);
            }
            SignShare s = r.share();
            String figures = s.text().substring(s.text().indexOf('(') + 1, s.text().length() - 1);
            if (!r.called()) {
                return r.side() + " in " + s.held() + " of " + s.draws() + " draws of the behaviour ranges";
            }
            return switch (VerdictStrength.of(s.share())) {
                case HOLDS -> holdsText(variant, metric);
                case DEPENDS -> "depends on the assumptions: it holds in " + s.held() + " of " + s.draws()
                        + " draws (" + figures + ")" + (r.moved().named() == null ? ""
                                : "; " + r.moved().named() + " moves it most (rho = "
                                        + String.format(Locale.ROOT, "%+.2f", r.moved().each().get(r.moved().named())
                                                .rho()) + ")");
                case REVERSES -> "reverses in most draws of the behaviour ranges (" + s.held() + " of " + s.draws()
                        + " hold, " + figures + ")";
            };
        }

        /** The report section "Robustness to the behaviour assumptions". */
        public Report.Section section() {
            List<String> paragraphs = new ArrayList<>();
            paragraphs.add(String.format(Locale.ROOT, "%d draws of %d behaviour values across their declared ranges "
                    + "(Latin hypercube, design seed %d, largest rank correlation between two drawn values %.2f), "
                    + "each draw with its own seed and population and %d replications; all variants of a draw share "
                    + "its random numbers. \"Sign held\" is the share of draws whose mean difference has the sign of "
                    + "the main run's (95 %% Wilson interval). Replication noise pulls it toward 50 %%, so it "
                    + "understates how robust a result is when the noise share is high. \"Moved most by\" is the "
                    + "drawn value with the largest rank correlation with the difference, named only when it is "
                    + "significant after Holm's correction over the %d values. * marks a main-run difference the "
                    + "headline verdicts call; only those get a share as a verdict, the others read \"no verdict\". "
                    + "The shares describe; they are not tests.", drawCount(), space.drawn().size(), LatinHypercube.DESIGN_SEED,
                    design.largestCorrelation(), replications(), space.drawn().size()));
            if (!space.held().isEmpty()) {
                paragraphs.add("Held at the scenario's value: " + String.join(", ", space.held()) + ".");
            }
            if (rows.stream().anyMatch(r -> r.noise() > NOISY)) {
                paragraphs.add("Where the noise share is above " + (int) (NOISY * 100) + " %, noise is more than half "
                        + "of the spread across draws: raise the replications per draw.");
            }
            String band = calibrationText();
            if (!band.isEmpty()) {
                paragraphs.add("Drawing values one at a time moves the baseline away from its calibration. The "
                        + "baseline's calibration measures across the draws (10th to 90th percentile of the draws' "
                        + "means; the main run's in brackets): " + band + ".");
            }
            paragraphs.add("The next section lists the values drawn, with their ranges and sources.");
            List<List<String>> table = new ArrayList<>();
            for (Row r : rows) {
                table.add(List.of(r.variant(), "extra " + r.member().label(), ReportWriter.cell(r.main(), r.called() ? " *" : ""),
                        heldText(r), r.moved().text(), noiseText(r.noise())));
            }
            return new Report.Section("robustness", "Robustness to the behaviour assumptions", paragraphs,
                    List.of("variant", "difference", "main run (" + scenario.replications() + " repl.)",
                            "sign held in", "moved most by (Spearman rho)", "noise share"), table);
        }

        private String calibrationText() {
            List<String> parts = new ArrayList<>();
            calibration.forEach((measure, values) -> {
                double[] draws = java.util.Arrays.copyOf(values, values.length - 1);
                if (java.util.Arrays.stream(draws).anyMatch(Double::isNaN)) {
                    return;
                }
                org.apache.commons.math3.stat.descriptive.rank.Percentile p =
                        new org.apache.commons.math3.stat.descriptive.rank.Percentile();
                parts.add(measure.substring(nl.fieldlab.sandbox.simulation.Metrics.CALIBRATION_PREFIX.length()) + " "
                        + ReportWriter.fmt(p.evaluate(draws, 10)) + " to " + ReportWriter.fmt(p.evaluate(draws, 90))
                        + " (" + ReportWriter.fmt(values[values.length - 1]) + ")");
            });
            return String.join("; ", parts);
        }

        private String heldText(Row r) {
            if (r.share() == null) {
                return "no difference in the main run";
            }
            String text = r.share().text();
            return r.called() ? text : "no verdict: " + r.side() + " in " + r.share().held() + " of "
                    + r.share().draws();
        }

        private static String noiseText(double noise) {
            return Double.isNaN(noise) ? "n/a" : String.format(Locale.ROOT, "%.2f", noise)
                    + (noise > NOISY ? ": raise the replications per draw" : "");
        }

        /** The section listing the drawn values: value in use, range, scale, basis ("assumed range") and source. */
        public Report.Section valuesSection() {
            List<List<String>> table = new ArrayList<>();
            for (ParameterSpace.Drawn d : space.drawn()) {
                table.add(List.of(d.name(), ReportWriter.fmt(d.inUse()), ReportWriter.fmt(d.range().low()) + " to "
                        + ReportWriter.fmt(d.range().high()), d.range().scale().word(), d.range().basis().shown()
                        + (d.scenarioRange() ? " (the scenario's)" : ""), d.range().source()));
            }
            return new Report.Section("robustness-values", "The behaviour values drawn", List.of("Each value drawn in "
                    + "the robustness section, its value in this run, the range it was drawn from and why. An "
                    + "\"assumed range\" has no source: half to double the default on a log scale, clipped to the "
                    + "value's limits, unless its source says otherwise."), List.of("value", "in this run", "range",
                            "scale", "basis", "source"), table);
        }

        /** The two sections as markdown (robustness.md of the command). */
        public String markdown() {
            StringBuilder md = new StringBuilder();
            Report.Section s = section();
            md.append("# ").append(s.title()).append(": `").append(scenario.id()).append("`\n\n");
            s.paragraphs().forEach(p -> md.append(p).append("\n\n"));
            md.append('|');
            s.columns().forEach(c -> md.append(' ').append(ReportWriter.cellText(c)).append(" |"));
            md.append("\n|").append("---|".repeat(s.columns().size())).append('\n');
            for (List<String> row : s.rows()) {
                md.append('|');
                row.forEach(c -> md.append(' ').append(ReportWriter.cellText(c)).append(" |"));
                md.append('\n');
            }
            Report.Section v = valuesSection();
            md.append("\n## ").append(v.title()).append("\n\n");
            v.paragraphs().forEach(p -> md.append(p).append("\n\n"));
            md.append('|');
            v.columns().forEach(c -> md.append(' ').append(ReportWriter.cellText(c)).append(" |"));
            md.append("\n|").append("---|".repeat(v.columns().size())).append('\n');
            for (List<String> row : v.rows()) {
                md.append('|');
                row.forEach(c -> md.append(' ').append(ReportWriter.cellText(c)).append(" |"));
                md.append('\n');
            }
            return md.toString();
        }

        /** Long form: draw, seed, each drawn value, variant, metric, mean difference and variance within the draw. */
        public Csv csv() {
            List<String> header = new ArrayList<>(List.of("draw", "seed"));
            space.drawn().forEach(d -> header.add(d.name()));
            header.addAll(List.of("variant", "metric", "mean_difference", "variance_within_draw"));
            Csv csv = new Csv(header.toArray(String[]::new));
            for (Row r : rows) {
                for (int k = 0; k < draws.size(); k++) {
                    List<Object> cells = new ArrayList<>(List.of(draws.get(k).k(), Long.toString(draws.get(k).seed())));
                    draws.get(k).values().values().forEach(v -> cells.add(c(v)));
                    cells.addAll(List.of(r.variant(), r.member().metric(), c(r.y()[k]), c(r.s2()[k])));
                    csv.row(cells.toArray());
                }
            }
            return csv;
        }

        /** The section and its figures, for the run's report. */
        public Report.Robustness forReport() {
            return new Report.Robustness(section(), valuesSection(), json(), this::verdictText);
        }

        /** For report.json: the design, the drawn values and each row's figures. */
        public Map<String, Object> json() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("draws", drawCount());
            m.put("replicationsPerDraw", replications());
            m.put("designSeed", LatinHypercube.DESIGN_SEED);
            Map<String, Object> drawn = new LinkedHashMap<>();
            for (ParameterSpace.Drawn d : space.drawn()) {
                Map<String, Object> x = new LinkedHashMap<>();
                x.put("inUse", Json.number(d.inUse()));
                x.put("low", Json.number(d.range().low()));
                x.put("high", Json.number(d.range().high()));
                x.put("scale", d.range().scale().word());
                x.put("basis", d.range().basis().word());
                x.put("source", d.range().source());
                drawn.put(d.name(), x);
            }
            m.put("drawn", drawn);
            m.put("held", space.held());
            Map<String, Object> cal = new LinkedHashMap<>();
            calibration.forEach((measure, values) -> {
                double[] draws = java.util.Arrays.copyOf(values, values.length - 1);
                if (java.util.Arrays.stream(draws).anyMatch(Double::isNaN)) {
                    return;
                }
                var p = new org.apache.commons.math3.stat.descriptive.rank.Percentile();
                Map<String, Object> x = new LinkedHashMap<>();
                x.put("p10", Json.number(p.evaluate(draws, 10)));
                x.put("p90", Json.number(p.evaluate(draws, 90)));
                x.put("mainRun", Json.number(values[values.length - 1]));
                cal.put(measure, x);
            });
            m.put("baselineCalibration", cal);
            List<Object> out = new ArrayList<>();
            for (Row r : rows) {
                Map<String, Object> x = new LinkedHashMap<>();
                x.put("variant", r.variant());
                x.put("metric", r.member().metric());
                x.put("mainDifference", Json.number(r.main().mean()));
                x.put("signHeld", r.share() == null ? null : r.share().held());
                x.put("signHeldLow", r.share() == null ? null : Json.number(r.share().low()));
                x.put("signHeldHigh", r.share() == null ? null : Json.number(r.share().high()));
                x.put("movedMostBy", r.moved().named());
                x.put("largestRho", r.moved().largest() == null ? null
                        : Json.number(r.moved().each().get(r.moved().largest()).rho()));
                x.put("noiseShare", Json.number(r.noise()));
                out.add(x);
            }
            m.put("rows", out);
            return m;
        }
    }

    private final DrawRunner runner;

    public Robustness(DrawRunner runner) {
        this.runner = runner;
    }

    /** As {@link #run(Scenario, RobustnessSpec, Comparison, Calls)} with the main run's own corrected verdicts. */
    public Result run(Scenario s, RobustnessSpec spec, Comparison main) {
        return run(s, spec, main, nl.fieldlab.sandbox.stats.Verdicts.of(main));
    }

    /**
     * Runs {@code spec}'s draws of {@code s} and compares each with {@code main}, the main run of {@code s}; a
     * verdict is graded only where {@code calls} (the report's headline verdicts) calls the main run's difference.
     */
    public Result run(Scenario s, RobustnessSpec spec, Comparison main, nl.fieldlab.sandbox.stats.Calls calls) {
        ParameterSpace space = ParameterSpace.of(s, spec);
        int n = spec.draws();
        int r = spec.replicationsPerDraw();
        LatinHypercube design = LatinHypercube.of(n, space.drawn().size(), LatinHypercube.DESIGN_SEED);
        List<Draw> draws = new ArrayList<>();
        // per draw: variant -> metric -> mean difference, variance within the draw
        List<Map<String, Map<String, double[]>>> perDraw = new ArrayList<>();
        Map<String, double[]> calibration = new java.util.TreeMap<>();
        Map<String, Summary> mainBaseline = new LinkedHashMap<>();
        main.metrics().forEach((metric, byVariant) -> {
            if (metric.startsWith(nl.fieldlab.sandbox.simulation.Metrics.CALIBRATION_PREFIX)
                    && byVariant.containsKey(Variant.BASELINE)) {
                mainBaseline.put(metric, byVariant.get(Variant.BASELINE));
                calibration.put(metric, new double[n + 1]);
            }
        });
        for (int k = 0; k < n; k++) {
            Map<String, Double> values = space.values(design.points()[k]);
            Scenario d = ParameterSpace.drawScenario(s, k, r, values);
            draws.add(new Draw(k, d.seed(), values));
            SimulationResult result = runner.run(d, k);
            perDraw.add(differences(result));
            Map<String, double[]> base = result.metrics().get(Variant.BASELINE);
            for (Map.Entry<String, double[]> c : calibration.entrySet()) {
                double[] x = base.get(c.getKey());
                c.getValue()[k] = x == null ? Double.NaN : Summary.of(x).mean();
            }
        }
        calibration.forEach((metric, values) -> values[n] = mainBaseline.get(metric).mean());
        Map<String, double[]> drawnColumns = new LinkedHashMap<>();
        for (int j = 0; j < space.drawn().size(); j++) {
            double[] col = new double[n];
            for (int k = 0; k < n; k++) {
                col[k] = draws.get(k).values().get(space.drawn().get(j).name());
            }
            drawnColumns.put(space.drawn().get(j).name(), col);
        }
        List<Row> rows = new ArrayList<>();
        for (Variant v : s.variants()) {
            if (v.name().equals(Variant.BASELINE)) {
                continue;
            }
            for (HeadlineFamily.Member m : HeadlineFamily.MEMBERS) {
                Summary mainDiff = main.differences().get(v.name()).get(m.metric());
                if (mainDiff == null) {
                    continue;
                }
                Summary scaled = scale(mainDiff, m.scale());
                double[] y = new double[n];
                double[] s2 = new double[n];
                for (int k = 0; k < n; k++) {
                    double[] pair = perDraw.get(k).get(v.name()).get(m.metric());
                    y[k] = pair[0] * m.scale();
                    s2[k] = pair[1] * m.scale() * m.scale();
                }
                rows.add(new Row(v.name(), m, scaled, calls.called(v.name(), m.metric()), share(scaled.mean(), y),
                        MovedMostBy.of(drawnColumns, y),
                        noise(y, s2, r), y, s2));
            }
        }
        return new Result(s, spec, space, design, List.copyOf(draws), List.copyOf(rows), calibration);
    }

    /** Variant -> metric -> {mean, variance} of the paired differences to the baseline within one draw. */
    private static Map<String, Map<String, double[]>> differences(SimulationResult result) {
        Map<String, double[]> base = result.metrics().get(Variant.BASELINE);
        Map<String, Map<String, double[]>> out = new LinkedHashMap<>();
        result.metrics().forEach((variant, byMetric) -> {
            Map<String, double[]> m = new LinkedHashMap<>();
            for (HeadlineFamily.Member member : HeadlineFamily.MEMBERS) {
                double[] v = byMetric.get(member.metric());
                double[] b = base.get(member.metric());
                if (v == null || b == null) {
                    continue;
                }
                Summary d = Summary.paired(v, b);
                m.put(member.metric(), new double[] {d.mean(), d.sd() * d.sd()});
            }
            out.put(variant, m);
        });
        return out;
    }

    private static Summary scale(Summary s, double f) {
        return new Summary(s.mean() * f, s.sd() * Math.abs(f), s.se() * Math.abs(f), Math.min(s.ciLow() * f,
                s.ciHigh() * f), Math.max(s.ciLow() * f, s.ciHigh() * f), s.n());
    }

    /** The draws whose mean difference has the main run's sign; null when the main run's difference is 0. */
    static SignShare share(double main, double[] y) {
        if (main == 0 || Double.isNaN(main)) {
            return null;
        }
        int held = 0;
        for (double v : y) {
            if (Math.signum(v) == Math.signum(main)) {
                held++;
            }
        }
        return SignShare.of(held, y.length);
    }

    /** (mean within-draw variance / r) / variance of the draw means, capped at 1; NaN when the draws do not differ. */
    static double noise(double[] y, double[] s2, int r) {
        double spread = Summary.of(y).sd();
        spread *= spread;
        if (!(spread > 0)) {
            return Double.NaN;
        }
        double within = 0;
        for (double v : s2) {
            within += v;
        }
        within /= s2.length;
        return Math.min(1, within / r / spread);
    }

    private static String c(double v) {
        var n = Json.number(v);
        return n == null ? "" : n.toPlainString();
    }
}
