package nl.fieldlab.sandbox.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import nl.fieldlab.sandbox.rules.Variant;
import nl.fieldlab.sandbox.simulation.Metrics;
import tools.jackson.databind.JsonNode;

/** The report's table "Take-up per scheme", in report.md, report.html and report.json, from a real smoke run. */
class TakeUpTableTest {

    @Test
    void everyFormatShowsEachGrantedSchemesTakeUpPerVariant() throws Exception {
        Report r = HtmlReportTest.smokeReport();
        List<Report.TakeUpRow> rows = r.takeUpPerScheme();
        Report.TakeUpRow lkv = rows.stream().filter(t -> t.variant().equals(Variant.BASELINE)
                && t.scheme().equals("lkv")).findFirst().orElseThrow(() -> new AssertionError(rows.toString()));
        assertTrue(lkv.granted() > 0);
        assertEquals(lkv.granted(), lkv.claimed() + lkv.unaware() + lkv.notWorthIt(), 1e-9, "every case has a reason");
        assertEquals(r.comparison().metrics().get(Metrics.TAKE_UP_PREFIX + "lkv.claimed").get(Variant.BASELINE)
                .mean(), lkv.claimed(), 1e-9);
        // a scheme no case was granted in is left out (the smoke population has no STAP course)
        assertTrue(rows.stream().allMatch(t -> t.granted() > 0), rows.toString());

        String md = ReportWriter.markdown(r);
        assertTrue(md.contains("\n## Take-up per scheme\n"), "report.md has the table");
        assertTrue(md.contains("| baseline | lkv | " + ReportWriter.fmt(lkv.granted()) + " | "
                + ReportWriter.fmt(lkv.claimed()) + " |"), md);

        String html = new HtmlReport().render(r, null);
        assertTrue(html.contains("Take-up per scheme"), "report.html has the table");

        JsonNode json = tools.jackson.databind.json.JsonMapper.builder().build().readTree(ReportWriter.json(r));
        JsonNode row = json.get("takeUpPerScheme").get(Variant.BASELINE).get("lkv");
        assertEquals(lkv.claimed(), row.get("claimed").asDouble(), 1e-6);
        assertEquals(lkv.share(), row.get("takeUpShare").asDouble(), 1e-6);
        assertTrue(row.has("euroUnclaimed") && row.has("notWorthIt") && row.has("unaware"), row.toString());
    }
}
