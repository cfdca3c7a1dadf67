package nl.fieldlab.sandbox.report;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import nl.fieldlab.sandbox.rules.Exemption;
import nl.fieldlab.sandbox.rules.RuleBase;
import nl.fieldlab.sandbox.rules.RuleInfo;
import nl.fieldlab.sandbox.rules.RuleLibrary;
import nl.fieldlab.sandbox.rules.Variant;
import nl.fieldlab.sandbox.scenario.Scenario;
import nl.fieldlab.sandbox.scenario.ScenarioLoader;
import nl.fieldlab.sandbox.simulation.Metrics;
import nl.fieldlab.sandbox.simulation.SimulationResult;
import nl.fieldlab.sandbox.simulation.Simulator;
import nl.fieldlab.sandbox.stats.Comparison;
import nl.fieldlab.sandbox.stats.Summary;

/** The HTML report of a real smoke run: its charts, its determinism, its escaping and its independence of the network. */
class HtmlReportTest {

    static final Path RULES = Path.of("rules");
    static final Path SMOKE = Path.of("scenarios/smoke.yaml");
    static final String CREATED_AT = "2026-01-01T00:00:00Z";
    static final String HOSTILE = "<script>alert('x')</script> & \"quoted\"";

    private static Report smoke;

    /** A real run of the smoke scenario through the engine (no Spring), computed once per test JVM. */
    static synchronized Report smokeReport() {
        if (smoke == null) {
            smoke = run(ScenarioLoader.load(SMOKE));
        }
        return smoke;
    }

    static Report run(Scenario scenario) {
        RuleLibrary library = RuleLibrary.load(RULES);
        Map<String, RuleBase> bases = new LinkedHashMap<>();
        for (Variant v : scenario.variants()) {
            bases.put(v.name(), RuleBase.compile(library, v));
        }
        SimulationResult result = new Simulator(2, null, null).run(scenario, bases);
        Map<String, RuleInfo> rules = new TreeMap<>();
        bases.values().forEach(b -> rules.putAll(b.rules()));
        Map<String, String> titles = new LinkedHashMap<>();
        for (Exemption e : library.exemptions()) {
            titles.put(e.id(), e.title());
        }
        return new Report(result, Comparison.of(result), rules, titles);
    }

    static Manifest manifest(Report r, String createdAt) {
        Scenario s = r.result().scenario();
        RuleLibrary library = RuleLibrary.load(RULES);
        List<Manifest.VariantEntry> variants = s.variants().stream()
                .map(v -> new Manifest.VariantEntry(v.name(), v.exemptions(), v.parameters())).toList();
        return new Manifest("fieldlab-sandbox", "test", "17", createdAt, 0.5, 2, s.file(), s.sha256(), s.id(),
                s.seed(), s.replications(), "rules", library.hash(), library.parameterHash(), library.fileHashes(),
                Manifest.Overrides.none(), variants, "run " + SMOKE, new java.util.TreeMap<>(), 1);
    }

    static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length())) {
            n++;
        }
        return n;
    }

    /** The page without its provenance footer, the one part allowed to differ between identical runs. */
    static String withoutFooter(String html) {
        int start = html.indexOf("<footer class=\"page\">");
        int end = html.indexOf("</footer>", start);
        assertTrue(start > 0 && end > start, "page has a provenance footer");
        return html.substring(0, start) + html.substring(end);
    }

    // ------------------------------------------------------------------ charts

    @Test
    void drawsOneChartPerHeadlineMetricAndDifferencePlusMonthlyAndLedgerCharts() {
        Report r = smokeReport();
        String html = new HtmlReport().render(r, manifest(r, CREATED_AT));
        int headline = r.headline().size();
        boolean ledger = nonZero(r, Metrics.NET_PREFIX);
        boolean retraining = nonZero(r, Metrics.RETRAINING_PREFIX);
        // the cumulative extra net public cost by month, drawn when a variant is compared with the baseline
        boolean overTime = r.leadSections().stream().anyMatch(x -> x.id().equals("public-cost-over-time"));
        int expected = headline * 2 + 1 + (ledger ? 1 : 0) + (retraining ? 1 : 0) + (overTime ? 1 : 0);

        assertTrue(headline > 10, "the smoke run reports the headline metrics");
        assertTrue(ledger, "the smoke run has money flows");
        assertEquals(expected, count(html, "<svg class=\"chart\""));
        assertEquals(expected, count(html, "role=\"img\" aria-label=\""));
        assertTrue(html.contains("data-charts-expected=\"" + expected + "\""), "server-side chart count on <body>");
        Matcher svg = Pattern.compile("<svg class=\"chart\"[^>]*>(.{0,7})").matcher(html);
        while (svg.find()) {
            assertEquals("<title>", svg.group(1), "every chart opens with a <title>");
        }
    }

    @Test
    void forestPlotsHaveAZeroLineAndStarIntervalsThatExcludeZero() {
        String svg = SvgCharts.differences("d", List.of(
                new SvgCharts.Estimate("A", 1, 5, 2, 8, true),
                new SvgCharts.Estimate("B", 2, 1, -1, 3, false)));
        assertEquals(1, count(svg, "class=\"zero\""));
        assertTrue(svg.contains(">+5.00 *</text>"), svg);
        assertTrue(svg.contains(">+1.00</text>"), svg);
    }

    @Test
    void ledgerLeavesOutActorsWithoutMoneyInAnyVariant() {
        Report r = smokeReport();
        HtmlReport.Page page = HtmlReport.page(r, null);
        for (String m : r.metricsWithPrefix(Metrics.NET_PREFIX)) {
            String actor = m.substring(Metrics.NET_PREFIX.length());
            boolean zero = r.comparison().metrics().get(m).values().stream().allMatch(s -> s.mean() == 0);
            boolean shown = page.ledgerTable().rows().stream().anyMatch(row -> row.name().equals(actor));
            assertEquals(!zero, shown, actor);
            assertEquals(!zero, page.ledger().svg().contains(">" + actor + "</text>"), actor);
        }
    }

    // ------------------------------------------------------------------ content

    @Test
    void showsScenarioVariantsSectionsAndProvenance() {
        Report r = smokeReport();
        String html = new HtmlReport().render(r, manifest(r, CREATED_AT));
        Scenario s = r.result().scenario();
        assertAll(
                () -> assertTrue(html.contains("<title>Fieldlab Sandbox report: smoke</title>")),
                () -> assertTrue(html.contains(s.start().toString())),
                () -> assertTrue(html.contains(">" + s.seed() + "<")),
                () -> assertTrue(html.contains("E2: Longer trial placement (proefplaatsing)")),
                () -> assertTrue(html.contains("How to read")),
                () -> assertTrue(html.contains("id=\"differences\"")),
                () -> assertTrue(html.contains("id=\"groups\"")),
                () -> assertTrue(html.contains("ww</th>"), "a row per worker group"),
                () -> assertTrue(html.contains("id=\"blocking\"")),
                () -> assertTrue(html.contains(Metrics.DESCRIPTIONS.get(Metrics.RETENTION_6M))),
                () -> assertTrue(html.contains(s.sha256())),
                () -> assertEquals(1, count(html, CREATED_AT), "creation time once, in the footer"),
                () -> assertTrue(html.indexOf(CREATED_AT) > html.indexOf("<footer class=\"page\">")));
    }

    @Test
    void rendersWithoutARunRecord() {
        String html = new HtmlReport().render(smokeReport(), null);
        assertTrue(html.contains("No run record was given"));
        assertFalse(html.contains(CREATED_AT));
    }

    // ------------------------------------------------------------------ determinism

    @Test
    void identicalRunsGiveIdenticalPagesApartFromTheFooter() {
        Report a = smokeReport();
        Report b = run(ScenarioLoader.load(SMOKE));
        HtmlReport html = new HtmlReport();
        Manifest m = manifest(a, CREATED_AT);
        assertEquals(html.render(a, m), html.render(a, m), "same report, same manifest: same bytes");
        String first = html.render(a, m);
        String second = html.render(b, manifest(b, "2026-06-30T12:34:56Z"));
        assertFalse(first.equals(second), "the footer shows each run's own creation time");
        assertEquals(withoutFooter(first), withoutFooter(second));
    }

    @Test
    void numbersDoNotDependOnTheDefaultLocale() {
        Report r = smokeReport();
        Manifest m = manifest(r, CREATED_AT);
        String root = new HtmlReport().render(r, m);
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            assertEquals(root, new HtmlReport().render(r, m));
        } finally {
            Locale.setDefault(before);
        }
    }

    // ------------------------------------------------------------------ safety

    @Test
    void escapesTextFromScenarioRulesAndExemptions() {
        Report r = smokeReport();
        Scenario s = r.result().scenario();
        Scenario hostile = new Scenario(s.id(), HOSTILE, s.region(), s.municipality(), s.start(), s.months(), s.seed(),
                s.replications(), s.population(), s.workers(), s.employers(), s.courses(), s.behaviour(),
                s.variants(), s.expectations(), "<b>file</b>.yaml", s.sha256(), s.text());
        SimulationResult result = r.result();
        SimulationResult renamed = new SimulationResult(hostile, result.variants(), result.metrics(),
                result.placementsByMonth(), result.employedByMonth(), result.publicCostByMonth(), result.discountRate(),
                result.deciderStats(), result.workerMonths(), result.changedAnswers());
        Map<String, String> titles = new LinkedHashMap<>();
        r.exemptionTitles().keySet().forEach(id -> titles.put(id, "<img src=x onerror=alert(1)>"));
        Map<String, RuleInfo> rules = new TreeMap<>();
        r.rules().forEach((id, info) -> rules.put(id, new RuleInfo(id, info.file(), info.line(),
                "</td><script>bad()</script>", info.layer(), info.exemption())));
        Report report = new Report(renamed, r.comparison(), rules, titles);

        String html = new HtmlReport().render(report, manifest(report, CREATED_AT));
        assertAll(
                () -> assertFalse(html.contains("<script>alert"), "description is escaped"),
                () -> assertTrue(html.contains("&lt;script&gt;alert")),
                () -> assertFalse(html.contains("<img"), "exemption titles are escaped"),
                () -> assertFalse(html.contains("<script>bad"), "legal sources are escaped"),
                () -> assertFalse(html.contains("<b>file</b>"), "file names are escaped"),
                () -> assertTrue(SvgCharts.means("<t>", List.of(new SvgCharts.Estimate("a<b", 0, 1, 0, 2, false)))
                        .contains("a&lt;b")),
                () -> assertEquals(2, count(html, "<script>"), "only the page's own two scripts"));
    }

    @Test
    void loadsNothingFromTheNetwork() {
        Report r = smokeReport();
        String html = new HtmlReport().render(r, manifest(r, CREATED_AT));
        assertFalse(html.contains("http://"), "no http:// reference");
        assertFalse(html.contains("https://"), "no https:// reference");
        assertFalse(Pattern.compile("<(link|img|iframe|object|embed)\\b|\\bsrc=|@import|url\\(").matcher(html).find(),
                "no external resources");
    }

    private static boolean nonZero(Report r, String prefix) {
        return r.metricsWithPrefix(prefix).stream().anyMatch(m -> r.comparison().metrics().get(m).values().stream()
                .map(Summary::mean).anyMatch(x -> x != 0 && !Double.isNaN(x)));
    }
}
