package nl.fieldlab.sandbox.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import nl.fieldlab.sandbox.TestRuns;
import nl.fieldlab.sandbox.scenario.Scenario;
import nl.fieldlab.sandbox.simulation.Metrics;
import nl.fieldlab.sandbox.stats.HeadlineFamily;
import nl.fieldlab.sandbox.stats.Summary;

/**
 * A report marks only the headline family's corrected calls: a difference elsewhere whose interval excludes 0 carries
 * no star in report.md, report.html, summary.csv or report.json, and the report opens with the headline verdicts.
 */
class ReportVerdictsTest {

    private static Report report;

    private static synchronized Report smokeAtTen() {
        if (report == null) {
            Scenario s = TestRuns.scenario("scenarios/smoke.yaml");
            s = s.with(s.seed(), HeadlineFamily.MIN_REPLICATIONS, s.behaviour(), s.variants());
            report = TestRuns.report(TestRuns.run(s, 2));
        }
        return report;
    }

    @Test
    void anExploratoryDifferenceThatExcludesZeroCarriesNoStar() {
        Report r = smokeAtTen();
        String md = ReportWriter.markdown(r);
        String table = md.substring(md.indexOf("## Difference to the baseline"));
        table = table.substring(0, table.indexOf("\n## ", 5));
        List<String> exploratory = new ArrayList<>();
        for (String v : r.nonBaselineVariants()) {
            for (String m : r.headline()) {
                Summary d = r.comparison().differences().get(v).get(m);
                if (!HeadlineFamily.contains(m) && d.excludesZero()) {
                    exploratory.add(m);
                }
            }
        }
        assertFalse(exploratory.isEmpty(), "the smoke run has exploratory differences that exclude 0");
        for (String line : table.split("\n")) {
            String metric = line.startsWith("| `") ? line.substring(3, line.indexOf('`', 3)) : "";
            if (exploratory.contains(metric)) {
                assertFalse(line.contains(" *"), line);
            }
        }
        assertTrue(table.startsWith("## Difference to the baseline (exploratory apart from the headline family)"));
    }

    @Test
    void theReportOpensWithTheHeadlineVerdictsAndMarksExactlyTheCalledFamilyCells() {
        Report r = smokeAtTen();
        String md = ReportWriter.markdown(r);
        assertTrue(md.indexOf("## Headline verdicts") < md.indexOf("## Cost-effectiveness")
                || !md.contains("## Cost-effectiveness"), "the family section leads");
        int variants = r.nonBaselineVariants().size();
        assertTrue(md.contains("Their " + r.verdicts().family().size() + " tests"), md);
        assertTrue(md.contains("Holm's method (family-wise error 5 %)"));
        assertTrue(md.contains("10 replications (at least 10 are needed for a verdict)"));
        assertTrue(md.contains("Seed check: none (one run, seed 7)"));
        assertEquals(6 * (variants - r.verdicts().family().untested().size()), r.verdicts().family().size());
        String html = new HtmlReport().render(r, HtmlReportTest.manifest(r, HtmlReportTest.CREATED_AT));
        for (String v : r.nonBaselineVariants()) {
            for (HeadlineFamily.Member m : HeadlineFamily.MEMBERS) {
                Summary d = r.comparison().differences().get(v).get(m.metric());
                String cell = ReportWriter.cell(d, true);
                boolean called = r.verdicts().called(v, m.metric());
                assertEquals(called, md.contains("| " + cell + " *"), v + " " + m.metric());
            }
        }
        assertTrue(html.contains("Headline verdicts"));
        assertTrue(ReportWriter.csv(r).lines().findFirst().orElseThrow()
                .endsWith("diff_excludes_zero,family,p,p_adjusted,called"));
        var json = Json.MAPPER.readTree(ReportWriter.json(r));
        assertEquals("placements", json.get("verdicts").get("family").get(0).asString());
        assertEquals("HOLM", json.get("verdicts").get("correction").asString());
        String v = r.nonBaselineVariants().get(0);
        assertEquals(r.verdicts().called(v, "placements"),
                json.get("differences").get(v).get("placements").get("called").asBoolean());
        assertTrue(json.get("differences").get(v).get("placements").has("pAdjusted"));
        assertFalse(json.get("differences").get(v).get(Metrics.PLACEMENT_RATE) != null
                && json.get("differences").get(v).get(Metrics.PLACEMENT_RATE).has("p"), "no p outside the family");
    }
}
