package nl.fieldlab.sandbox.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import nl.fieldlab.sandbox.TestRuns;
import nl.fieldlab.sandbox.scenario.Scenario;
import nl.fieldlab.sandbox.simulation.Metrics;

/** The report shows subsidised hires split into deadweight, displacement and net new jobs, per variant and exemption. */
class DisplacementReportTest {

    static Report report;

    @BeforeAll
    static void run() {
        Scenario coop = TestRuns.scenario("scenarios/social-cooperative-kennemerland.yaml");
        // the table of the seed's subsidy variants (its cooperative-employer variants are P5's, tested elsewhere)
        report = TestRuns.report(TestRuns.run(coop.with(coop.seed(), 2, coop.behaviour(), coop.variants().stream()
                .filter(v -> List.of("baseline", "E4").contains(v.name())).toList()), 2));
    }

    @Test
    void theTableSplitsTheSubsidisedHiresOfEveryVariantAndOfTheExemptionThatPaysEmployers() {
        Report.Section s = report.displacementSection();
        assertNotNull(s);
        assertEquals(List.of("per replication (share of the subsidised hires)", "baseline", "E4"), s.columns());
        List<String> labels = s.rows().stream().map(r -> r.get(0)).toList();
        assertTrue(labels.contains("subsidised hires"), labels.toString());
        assertTrue(labels.contains("E4's payments: subsidised hires"), labels.toString());
        assertTrue(labels.contains("trial placements in place of a paid hire"),
                labels.toString());
        List<String> e4Row = s.rows().get(labels.indexOf("E4's payments: subsidised hires"));
        assertEquals("n/a (not in this variant)", e4Row.get(1));
        // the four parts add up to the subsidised hires in the metrics the table reads
        for (String v : List.of("baseline", "E4")) {
            double all = report.comparison().metrics().get(Metrics.SUBSIDISED_HIRES).get(v).mean();
            double parts = 0;
            for (String split : Metrics.SUBSIDISED_SPLITS) {
                parts += report.comparison().metrics().get(Metrics.SUBSIDISED_HIRES + split).get(v).mean();
            }
            assertEquals(all, parts, 1e-9);
            assertTrue(all > 0, v + " makes subsidised hires");
        }
    }

    @Test
    void markdownHtmlAndJsonCarryTheTable() {
        String title = "Subsidised hires: deadweight, displacement and net new jobs";
        assertTrue(ReportWriter.markdown(report).contains(title));
        assertTrue(new HtmlReport().render(report, HtmlReportTest.manifest(report, "2026-12-07T00:00:00Z")).contains(title));
        String json = ReportWriter.json(report);
        var root = Json.MAPPER.readTree(json).get("subsidisedHires");
        assertTrue(root.get("baseline").has(Metrics.SUBSIDISED_HIRES + ".deadweight"), root.toString());
        assertTrue(root.get("E4").has(Metrics.SUBSIDISED_HIRES + ".E4.netNewJobs"), root.toString());
        assertTrue(root.get("E4").has(Metrics.TRIALS_DISPLACING_HIRES), root.toString());
    }
}
