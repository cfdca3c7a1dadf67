package nl.fieldlab.sandbox.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.fieldlab.sandbox.TestRuns;
import nl.fieldlab.sandbox.scenario.Scenario;
import nl.fieldlab.sandbox.scenario.ScenarioLoader;
import nl.fieldlab.sandbox.simulation.Metrics;
import nl.fieldlab.sandbox.stats.Correction;
import nl.fieldlab.sandbox.stats.FamilyVerdicts;
import nl.fieldlab.sandbox.stats.HeadlineFamily;
import nl.fieldlab.sandbox.stats.SeedAgreement;
import nl.fieldlab.sandbox.stats.Summary;
import nl.fieldlab.sandbox.stats.Verdicts;

/**
 * "Why a variant does worse" rests on the headline family's calls alone: without a call there is no section, however
 * the uncorrected intervals fall, and with one it lists every channel in a fixed order rather than those whose own
 * interval excludes 0.
 */
class WhyWorseVerdictsTest {

    @TempDir
    Path tmp;

    /** smoke with employers offering trials readily: E2 loses years in work (see ExplainerTest). */
    private Report smokeTrials() throws IOException {
        Path file = tmp.resolve("smoke-trials.yaml");
        Files.writeString(file, Files.readString(Path.of("scenarios/smoke.yaml"))
                .replace("\nvariants:", "\nbehaviour:\n  hire.trial-offer-rate: 0.5\nvariants:"));
        Scenario s = ScenarioLoader.load(file);
        s = s.with(s.seed(), HeadlineFamily.MIN_REPLICATIONS, s.behaviour(), s.variants());
        return TestRuns.report(TestRuns.run(s, 2));
    }

    @Test
    void noCallNoSectionHoweverTheUncorrectedIntervalsFall() throws IOException {
        Report called = smokeTrials();
        Summary months = called.comparison().differences().get("E2").get(Metrics.MONTHS_IN_WORK);
        assertTrue(months.excludesZero() && months.mean() < 0, "the uncorrected interval says fewer years: " + months);
        // a seed check whose second run saw every difference the other way: nothing is agreed, nothing is called
        Map<String, Map<String, Summary>> flipped = new LinkedHashMap<>();
        called.comparison().differences().forEach((v, byMetric) -> {
            Map<String, Summary> row = new LinkedHashMap<>();
            byMetric.forEach((m, d) -> row.put(m, new Summary(-d.mean(), d.sd(), d.se(), -d.ciHigh(), -d.ciLow(),
                    d.n())));
            flipped.put(v, row);
        });
        FamilyVerdicts first = called.verdicts().family();
        Verdicts none = new Verdicts(first, new SeedAgreement(List.of(7L, 8L),
                List.of(first, FamilyVerdicts.of(flipped, Correction.HOLM))));
        Report r = new Report(called.result(), called.comparison(), called.rules(), called.exemptionTitles(),
                Map.of(), Map.of(), Map.of(), List.of(), Map.of(), null, null, null, none);
        assertFalse(r.verdicts().called("E2", Metrics.MONTHS_IN_WORK));
        assertTrue(r.leadSections().stream().noneMatch(x -> x.id().equals("why-worse")),
                "no family call, no 'does worse'");
    }

    @Test
    void aCalledLossListsEveryChannelInAFixedOrder() throws IOException {
        Report r = smokeTrials();
        assertTrue(r.verdicts().called("E2", Metrics.MONTHS_IN_WORK), r.verdicts().why("E2", Metrics.MONTHS_IN_WORK));
        Report.Section why = r.leadSections().stream().filter(x -> x.id().equals("why-worse")).findFirst()
                .orElseThrow();
        List<String> channels = why.rows().stream().filter(row -> row.get(0).equals("E2")).map(row -> row.get(3))
                .toList();
        assertEquals(WhyWorse.CHANNELS.stream().map(WhyWorse.Channel::label).toList(), channels);
        String text = String.join("\n", why.paragraphs());
        assertFalse(text.contains("The effect runs through"), text);
        assertTrue(text.contains("Of the months in work (exploratory;"), text);
        assertFalse(why.rows().stream().anyMatch(row -> row.get(4).endsWith(" *")), "channels are not marked");
    }
}
