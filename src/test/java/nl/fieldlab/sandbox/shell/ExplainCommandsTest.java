package nl.fieldlab.sandbox.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.shell.core.command.CommandParser;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.core.command.completion.CompletionContext;
import org.springframework.shell.core.command.completion.CompletionProposal;
import org.springframework.shell.core.command.completion.CompletionProvider;

import nl.fieldlab.sandbox.app.ExitCodes;

/** explain, explain --diff and friction as batch mode runs them. */
class ExplainCommandsTest extends ShellTestSupport {

    @Autowired
    @Qualifier("workerIds")
    CompletionProvider workerIds;

    @TempDir
    Path tmp;



    static void under140(String text) {
        for (String line : text.split("\n")) {
            assertTrue(line.length() <= 140, "line too long (" + line.length() + "): " + line);
        }
    }

    @Test
    void explainTracesAWorkerMonthByMonth() {
        ok("scenario load scenarios/smoke.yaml");
        String out = ok("explain 0").output();
        assertTrue(out.startsWith("Worker 0 (ww) in 'smoke', baseline, replication 0"), out);
        assertTrue(out.contains("2026-01 (month 0)"), out);
        assertTrue(out.contains("* WW granted"), out);
        assertTrue(out.contains("source: Werkloosheidswet"), out);
        assertTrue(out.contains("parameters: "), out);
        assertTrue(out.contains("UWV -> WORKER"), out);
        assertTrue(out.contains("Totals for this worker, per payer"), out);
        under140(out);
    }

    @Test
    void explainPrintsEachSourceARuleCitesAsTitleIssuerAndIdentifier() {
        ok("scenario load scenarios/smoke.yaml");
        java.util.Map<String, String> titles = SourcesCommandsTest.titles();
        java.util.Set<String> checked = new java.util.TreeSet<>();
        for (int w = 0; w < 100 && checked.size() < 3; w += 7) {
            String out = ok("explain " + w).output();
            for (String line : out.split("\n")) {
                if (!line.strip().startsWith("source: ")) {
                    continue;
                }
                for (String id : SourcesCommandsTest.ids(line)) {
                    String full = titles.get(id);
                    assertTrue(full != null, id + " is not in rules/sources.yaml");
                    String title = full.substring(0, Math.min(30, full.length()));
                    assertTrue(out.contains(id + ": " + title), "explain " + w + " resolves " + id + " ('" + title
                            + "') under '" + line.strip() + "':\n" + out);
                    checked.add(id);
                }
            }
            under140(out);
        }
        assertTrue(checked.size() >= 3, "the smoke scenario's workers meet rules that cite source ids: " + checked);
    }

    @Test
    void explainDiffSaysWhereTheVariantPartsWaysOrThatItDoesNot() {
        ok("scenario load scenarios/smoke.yaml");
        String out = ok("explain 0 --diff E2").output();
        assertTrue(out.contains("baseline against E2"), out);
        assertTrue(out.contains("part ways in") || out.contains("No difference"), out);
        assertTrue(out.contains("What followed"), out);
        under140(out);
        // a worker whose trial placement E2 lengthens (found by the Explainer test's search: the first such worker)
        boolean sawExemption = false;
        for (int w = 0; w < 60 && !sawExemption; w++) {
            String d = ok("explain " + w + " --diff E2").output();
            if (d.contains("exemption E2 changed the rules' answer")) {
                sawExemption = true;
                assertTrue(d.contains("The exemption clause that changed it"), d);
                assertTrue(d.contains("E2-TRIAL-DURATION"), d);
                assertTrue(d.contains("E2 suspends TRIAL-UWV-DURATION"), d);
                under140(d);
            }
        }
        assertTrue(sawExemption, "some WW worker's trial changes under E2");
    }

    @Test
    void frictionAfterARun() {
        ok("scenario load scenarios/smoke.yaml");
        ok("run scenarios/smoke.yaml --out " + tmp.resolve("smoke"));
        String out = ok("friction").output();
        assertTrue(out.startsWith("Friction in variant baseline of the last run of 'smoke'"), out);
        assertTrue(out.contains("Legal sources") || out.contains("No rule blocked"), out);
        under140(out);
        CommandLine.Outcome e = run("friction --variant E9");
        assertEquals(ExitCodes.BAD_INPUT, e.exitCode());
        assertTrue(e.error().startsWith("unknown variant 'E9'"), e.error());
    }

    @Test
    void errorsAreOneLine() {
        ok("scenario load scenarios/smoke.yaml");
        CommandLine.Outcome range = run("explain 100");
        assertEquals(ExitCodes.BAD_INPUT, range.exitCode());
        assertEquals("no worker 100 in scenario smoke (workers are 0 to 99, in the order of the scenario's groups)",
                range.error());
        CommandLine.Outcome variant = run("explain 0 --variant nope");
        assertEquals(ExitCodes.BAD_INPUT, variant.exitCode());
        assertTrue(variant.error().startsWith("unknown variant 'nope'"), variant.error());
        assertFalse(variant.error().contains("\n"));
        CommandLine.Outcome word = run("explain abc");
        assertEquals("worker: expected a whole number, got 'abc'", word.error());
        assertEquals(ExitCodes.BAD_INPUT, run("explain").exitCode());
        assertEquals(ExitCodes.BAD_INPUT, run("explain 0 --replication 7").exitCode());
    }

    @Test
    void completionOffersTheFirstWorkerOfEachGroupAndVariantNames() {
        ok("scenario load scenarios/smoke.yaml");
        var explain = registry.getCommandByName("explain");
        List<CompletionProposal> ids = workerIds.apply(new CompletionContext(List.of("explain", ""), 1, 0, explain,
                null));
        assertEquals(List.of("0", "60"), ids.stream().map(CompletionProposal::value).toList());
        assertTrue(ids.get(0).description().startsWith("ww: ids 0-59"), ids.get(0).description());
        assertTrue(ids.get(1).description().startsWith("bijstand"), ids.get(1).description());
        // after the worker id, no more ids
        assertTrue(workerIds.apply(new CompletionContext(List.of("explain", "0", ""), 2, 0, explain, null)).isEmpty());
        var diff = explain.getOptions().stream().filter(o -> o.longName().equals("diff")).findFirst().orElseThrow();
        List<String> variants = workerIds.apply(new CompletionContext(List.of("explain", "0", "--diff", "E"), 3, 1,
                explain, diff)).stream().map(CompletionProposal::value).toList();
        assertTrue(variants.contains("E2"), variants.toString());
        assertFalse(variants.contains("baseline"), variants.toString());
    }
}
