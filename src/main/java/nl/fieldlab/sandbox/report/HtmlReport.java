package nl.fieldlab.sandbox.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;

import com.samskivert.mustache.Escapers;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;

import nl.fieldlab.sandbox.rules.Variant;
import nl.fieldlab.sandbox.simulation.Metrics;
import nl.fieldlab.sandbox.stats.Summary;

/**
 * {@code report.html}: the report as one self-contained page (inline CSS, inline SVG charts, no network), rendered
 * from {@code report.html.mustache}. Java builds the view model and the charts; the template holds the page. Apart
 * from the provenance footer (which shows the manifest, creation time included) the page is a pure function of the
 * report, so identical runs give identical pages.
 */
@Component
public class HtmlReport implements ReportWriter.ReportFormat {

    public static final String FILE_NAME = "report.html";
    static final String TEMPLATE = "report.html.mustache";
    /** Blocking rules listed per variant. */
    static final int TOP_BLOCKING = 10;

    private static final Template PAGE = compile();

    // ------------------------------------------------------------------ view model

    /** The page's content; every field is read by the template. */
    public record Page(String title, ScenarioView scenario, List<VariantView> variants, List<Figure> headlineCharts,
            Table headlineTable, boolean hasDifferences, List<Figure> differenceCharts, Table differenceTable,
            Figure placements, Figure ledger, Table ledgerTable, Figure retraining, Table retrainingTable,
            List<Table> groupTables, String smallGroups, List<SectionView> leadSections, List<SectionView> sections,
            List<BlockingView> blocking,
            List<Definition> definitions, Footer footer, int chartsExpected) {
    }

    /** A {@link Report.Section}: paragraphs, an optional chart and a table of text. */
    public record SectionView(String id, String title, List<String> paragraphs, Figure figure, List<String> columns,
            List<TextRow> rows) {

        static SectionView of(Report.Section x, Figure figure) {
            return new SectionView(x.id(), x.title(), x.paragraphs(), figure, x.columns(),
                    x.rows().stream().map(TextRow::new).toList());
        }
    }

    public record TextRow(List<String> cells) {
    }

    public record ScenarioView(String id, String description, String file, String region, String start, String end,
            int months, long seed, int replications, String workers, String population) {
    }

    public record VariantView(String name, String label, String colour, boolean baseline) {
    }

    /** A chart with its heading and a one-line caption; {@code svg} is markup from {@link SvgCharts}. */
    public record Figure(String id, String heading, String caption, String svg) {
    }

    public record Table(String caption, List<String> columns, List<Row> rows) {
    }

    public record Row(String name, List<Cell> cells) {
    }

    /**
     * A table cell: the mean (a difference signed, and starred when the headline family calls it) over its 95 % CI.
     *
     * @param mean   the mean as text, or {@code n/a}
     * @param ci     {@code [low, high]}, or empty when there is no interval
     * @param marked whether it is a headline difference called after the correction
     */
    public record Cell(String mean, String ci, boolean marked) {

        static Cell of(Summary s, boolean difference, boolean called) {
            if (s == null || s.n() == 0) {
                return new Cell("n/a", "", false);
            }
            boolean marked = difference && called;
            String mean = (difference && s.mean() > 0 ? "+" : "") + ReportWriter.fmt(s.mean()) + (marked ? " *" : "");
            String ci = s.n() >= 2 ? "[" + ReportWriter.fmt(s.ciLow()) + ", " + ReportWriter.fmt(s.ciHigh()) + "]" : "";
            return new Cell(mean, ci, marked);
        }
    }

    public record BlockingView(String variant, String colour, List<BlockingRow> rules) {
    }

    public record BlockingRow(String rule, String blocked, String source, String exemption) {
    }

    public record Definition(String metric, String description) {
    }

    public record Footer(String tool, String version, String java, String createdAt, String scenarioFile,
            String scenarioSha256, String rulesSha256, String parametersSha256, long seed, int replications,
            int threads, String command) {
    }

    // ------------------------------------------------------------------ rendering

    @Override
    public String fileName() {
        return FILE_NAME;
    }

    @Override
    public String render(Report report, Manifest manifest) {
        // no control character leaves this writer, whatever a value or chart above held
        return Printable.text(PAGE.execute(page(report, manifest)));
    }

    private static Template compile() {
        try (InputStream in = HtmlReport.class.getResourceAsStream(TEMPLATE)) {
            if (in == null) {
                throw new IllegalStateException("template " + TEMPLATE + " missing from the classpath");
            }
            try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                // every {{value}} from the report is HTML-escaped after its control characters are made visible
                Mustache.Escaper escaper = text -> Escapers.HTML.escape(Printable.text(text));
                return Mustache.compiler().withEscaper(escaper).withLoader(HtmlReport::partial).compile(r);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read template " + TEMPLATE, e);
        }
    }

    /** A partial template ({@code {{> section}}} reads {@code section.html.mustache}). */
    private static Reader partial(String name) {
        InputStream in = HtmlReport.class.getResourceAsStream(name + ".html.mustache");
        if (in == null) {
            throw new IllegalStateException("template " + name + ".html.mustache missing from the classpath");
        }
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }

    /** The view model of a report; public so that tests can inspect what the page shows. */
    public static Page page(Report r, Manifest manifest) {
        var s = r.result().scenario();
        List<String> variants = r.variants();
        Map<String, Integer> series = new LinkedHashMap<>();
        for (int i = 0; i < variants.size(); i++) {
            series.put(variants.get(i), i);
        }
        int[] charts = {0};

        ScenarioView scenario = new ScenarioView(s.id(), s.description(), s.file(), s.region(), s.start().toString(),
                s.end().toString(), s.months(), s.seed(), s.replications(),
                String.format(Locale.ROOT, "%,d", s.workerCount()),
                s.population().name().toLowerCase(Locale.ROOT).replace('_', ' '));
        List<VariantView> variantViews = variants.stream().map(v -> new VariantView(v, r.variantLabel(v),
                SvgCharts.colour(series.get(v)), v.equals(Variant.BASELINE))).toList();

        List<String> headline = r.headline();
        List<Figure> headlineCharts = new ArrayList<>();
        List<Figure> differenceCharts = new ArrayList<>();
        boolean hasDifferences = !r.nonBaselineVariants().isEmpty() && !r.comparison().differences().isEmpty();
        for (String metric : headline) {
            Map<String, Summary> byVariant = r.comparison().metrics().get(metric);
            List<SvgCharts.Estimate> rows = variants.stream()
                    .map(v -> estimate(v, series.get(v), byVariant.get(v))).toList();
            headlineCharts.add(new Figure("mean-" + metric, metric, Metrics.DESCRIPTIONS.get(metric),
                    SvgCharts.means(metric + ": mean per variant with 95 % confidence interval", rows)));
            charts[0]++;
            if (hasDifferences) {
                List<SvgCharts.Estimate> diffs = r.nonBaselineVariants().stream()
                        .map(v -> estimate(v, series.get(v), r.comparison().differences().get(v).get(metric),
                                r.verdicts().called(v, metric)))
                        .toList();
                differenceCharts.add(new Figure("diff-" + metric, metric, Metrics.DESCRIPTIONS.get(metric),
                        SvgCharts.differences(metric + ": difference to the baseline with 95 % confidence interval",
                                diffs)));
                charts[0]++;
            }
        }

        Figure placements = null;
        if (!r.result().placementsByMonth().isEmpty()) {
            List<SvgCharts.Series> lines = new ArrayList<>();
            r.cumulativePlacements().forEach((v, cum) -> lines.add(new SvgCharts.Series(v, series.get(v), cum)));
            placements = new Figure("placements-by-month", "Cumulative placements by month",
                    "Mean cumulative placements at the end of each month, from " + s.start() + ".",
                    SvgCharts.monthly("Cumulative placements by month per variant", "cumulative placements (mean)",
                            s.start(), lines));
            charts[0]++;
        }

        List<SectionView> leadSections = new ArrayList<>();
        for (Report.Section x : r.leadSections()) {
            Figure figure = null;
            if (x.id().equals("public-cost-over-time")) {
                List<SvgCharts.Series> lines = new ArrayList<>();
                r.costEffectiveness().forEach(c -> lines.add(new SvgCharts.Series(c.variant(), series.get(c.variant()),
                        c.cumulative())));
                figure = new Figure("public-cost-by-month", "Cumulative extra net public cost by month",
                        "Each variant's cumulative net public cost minus the baseline's, euro, from " + s.start()
                                + " (mean over replications; below 0: the variant has cost less so far).",
                        SvgCharts.monthly("Cumulative extra net public cost against the baseline, by month",
                                "euro (mean)", s.start(), lines));
                charts[0]++;
            }
            leadSections.add(SectionView.of(x, figure));
        }

        List<String> ledgerMetrics = nonZero(r, r.metricsWithPrefix(Metrics.NET_PREFIX));
        Figure ledger = null;
        if (!ledgerMetrics.isEmpty()) {
            ledger = new Figure("ledger", "Net position per actor",
                    "Euro received minus euro paid, per actor and variant (bars: mean; whiskers: 95 % CI).",
                    SvgCharts.groupedBars("Cost ledger: net position per actor per variant, in euro",
                            groups(r, ledgerMetrics, Metrics.NET_PREFIX, series)));
            charts[0]++;
        }
        List<String> retrainingMetrics = nonZero(r, r.metricsWithPrefix(Metrics.RETRAINING_PREFIX));
        Figure retraining = null;
        if (!retrainingMetrics.isEmpty()) {
            retraining = new Figure("retraining", "Retraining cost by payer",
                    "Course fees paid plus grants given minus grants received, in euro (mean, 95 % CI).",
                    SvgCharts.groupedBars("Retraining cost by payer per variant, in euro",
                            groups(r, retrainingMetrics, Metrics.RETRAINING_PREFIX, series)));
            charts[0]++;
        }

        List<BlockingView> blocking = new ArrayList<>();
        for (String v : variants) {
            List<BlockingRow> rules = r.topBlocking(v, TOP_BLOCKING).stream()
                    .map(b -> new BlockingRow(b.rule(), ReportWriter.fmt(b.blocked().mean()), b.sourceText(),
                            b.exemption()))
                    .toList();
            blocking.add(new BlockingView(v, SvgCharts.colour(series.get(v)), rules));
        }

        List<Definition> definitions = new ArrayList<>();
        Metrics.DESCRIPTIONS.forEach((k, d) -> definitions.add(new Definition(k, d)));
        definitions.add(new Definition("net.<ACTOR>", "money the actor received minus money it paid, in euro"));
        definitions.add(new Definition("retrainingCost.<ACTOR>",
                "course fees and grants the actor paid minus grants it received, in euro"));
        definitions.add(new Definition("group.<GROUP>.placementRate",
                "placement rate within a worker group of the scenario"));
        definitions.add(new Definition("blocked.<RULE>", "proposed actions that rule blocked"));

        return new Page("Fieldlab Sandbox report: " + s.id(), scenario, variantViews, headlineCharts,
                table(r, null, headline, false, ""), hasDifferences, differenceCharts,
                hasDifferences ? table(r, null, headline, true, "") : null, placements, ledger,
                ledgerMetrics.isEmpty() ? null : table(r, null, ledgerMetrics, false, Metrics.NET_PREFIX), retraining,
                retrainingMetrics.isEmpty() ? null
                        : table(r, null, retrainingMetrics, false, Metrics.RETRAINING_PREFIX),
                groupTables(r), r.smallGroupsText(), leadSections, r.sections().stream().map(x -> SectionView.of(x, null)).toList(),
                blocking, definitions,
                footer(manifest), charts[0]);
    }

    private static SvgCharts.Estimate estimate(String label, int series, Summary s) {
        return estimate(label, series, s, false);
    }

    /** A chart's estimate; {@code called}: a headline difference the corrected verdicts call (a filled marker). */
    private static SvgCharts.Estimate estimate(String label, int series, Summary s, boolean called) {
        if (s == null || s.n() == 0) {
            return new SvgCharts.Estimate(label, series, Double.NaN, Double.NaN, Double.NaN, false);
        }
        return new SvgCharts.Estimate(label, series, s.mean(), s.ciLow(), s.ciHigh(), called);
    }

    /** Metrics that are not 0 for every variant (actors that take no part are left out). */
    private static List<String> nonZero(Report r, List<String> metrics) {
        return metrics.stream().filter(m -> r.comparison().metrics().get(m).values().stream()
                .anyMatch(x -> x.mean() != 0 && !Double.isNaN(x.mean()))).toList();
    }

    private static List<SvgCharts.Group> groups(Report r, List<String> metrics, String prefix,
            Map<String, Integer> series) {
        List<SvgCharts.Group> out = new ArrayList<>();
        for (String m : metrics) {
            Map<String, Summary> byVariant = r.comparison().metrics().get(m);
            out.add(new SvgCharts.Group(m.substring(prefix.length()), r.variants().stream()
                    .map(v -> estimate(v, series.get(v), byVariant.get(v))).toList()));
        }
        return out;
    }

    /** Means per variant ({@code differences}: paired differences per non-baseline variant), one row per metric. */
    private static Table table(Report r, String caption, List<String> metrics, boolean differences, String prefix) {
        List<String> cols = differences ? r.nonBaselineVariants() : r.variants();
        List<Row> rows = new ArrayList<>();
        for (String m : metrics) {
            List<Cell> cells = new ArrayList<>();
            for (String v : cols) {
                Summary s = differences ? r.comparison().differences().get(v).get(m)
                        : r.comparison().metrics().get(m).get(v);
                cells.add(Cell.of(s, differences, differences && r.verdicts().called(v, m)));
            }
            rows.add(new Row(m.substring(prefix.length()), cells));
        }
        return new Table(caption, cols, rows);
    }

    /**
     * One table per kind of group metric ({@code group.<GROUP>.<metric>}): a row per group, the mean per variant and
     * each other variant's difference to the baseline.
     */
    private static List<Table> groupTables(Report r) {
        Map<String, Map<String, String>> byKind = new LinkedHashMap<>();
        for (String m : r.groupMetrics()) {
            String rest = m.substring("group.".length());
            int dot = rest.lastIndexOf('.');
            String group = dot < 0 ? rest : rest.substring(0, dot);
            String kind = dot < 0 ? "value" : rest.substring(dot + 1);
            byKind.computeIfAbsent(kind, k -> new LinkedHashMap<>()).put(group, m);
        }
        List<Table> out = new ArrayList<>();
        byKind.forEach((kind, groups) -> {
            List<String> cols = new ArrayList<>(r.variants());
            r.nonBaselineVariants().forEach(v -> cols.add(v + " \u2212 baseline"));
            List<Row> rows = new ArrayList<>();
            groups.forEach((group, metric) -> {
                List<Cell> cells = new ArrayList<>();
                for (String v : r.variants()) {
                    cells.add(Cell.of(r.comparison().metrics().get(metric).get(v), false, false));
                }
                for (String v : r.nonBaselineVariants()) {
                    Map<String, Summary> d = r.comparison().differences().get(v);
                    Summary s = d == null ? null : d.get(metric);
                    cells.add(Cell.of(s, true, false));
                }
                rows.add(new Row(group, cells));
            });
            out.add(new Table(kind, cols, rows));
        });
        return out;
    }

    private static Footer footer(Manifest m) {
        if (m == null) {
            return null;
        }
        return new Footer(m.tool(), m.version(), m.java(), m.createdAt(), m.scenarioFile(), m.scenarioSha256(),
                m.rulesSha256(), m.parametersSha256(), m.seed(), m.replications(), m.threads(), m.command());
    }
}
