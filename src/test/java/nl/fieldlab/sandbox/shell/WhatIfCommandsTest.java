package nl.fieldlab.sandbox.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
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
import nl.fieldlab.sandbox.app.WhatIf;
import nl.fieldlab.sandbox.app.Workbench;
import nl.fieldlab.sandbox.rules.RuleLibrary;
import nl.fieldlab.sandbox.scenario.Behaviour;

/** set, unset and changes in a session; run records the overrides; verify reruns them. */
class WhatIfCommandsTest extends ShellTestSupport {

    @Autowired
    Workbench workbench;
    @Autowired
    CompletionProvider whatIfNames;

    @TempDir
    Path tmp;



    void fails(String line, String message) {
        CommandLine.Outcome o = run(line);
        assertEquals(ExitCodes.BAD_INPUT, o.exitCode(), line + ": " + o.output());
        assertFalse(o.error().contains("\n"), "one line: " + o.error());
        assertFalse(o.error().contains("Exception"), o.error());
        assertTrue(o.error().contains(message), line + " -> " + o.error());
    }

    @BeforeEach
    void load() {
        ok("scenario load scenarios/smoke.yaml");
        workbench.whatIf(WhatIf.none());
    }

    @AfterEach
    void clear() {
        workbench.whatIf(WhatIf.none());
    }

    private static final Pattern DECIDED = Pattern.compile("The rules decided ([\\d,]+) of the ([\\d,]+) questions asked");

    private static long[] decided(CommandLine.Outcome o) {
        java.util.regex.Matcher m = DECIDED.matcher(o.output());
        assertTrue(m.find(), o.output());
        return new long[] {Long.parseLong(m.group(1).replace(",", "")), Long.parseLong(m.group(2).replace(",", ""))};
    }

    @Test
    void aRerunDecidesOnlyWhatASetChanged() throws IOException {
        nl.fieldlab.sandbox.simulation.Simulator.forgetAnswers(); // an earlier test may have run the same scenario
        long[] first = decided(ok("run --out " + tmp.resolve("first")));
        assertTrue(first[0] > 0, "the first run decides");
        long[] again = decided(ok("run --out " + tmp.resolve("again")));
        assertEquals(0, again[0], "nothing changed, so nothing is decided again");
        assertEquals(first[1], again[1]);
        assertEquals(Files.readString(tmp.resolve("first/report.json")),
                Files.readString(tmp.resolve("again/report.json")));

        ok("set e2.trial.max-months 4 --variant E2");
        long[] changed = decided(ok("run --out " + tmp.resolve("changed")));
        assertTrue(changed[0] > 0 && changed[0] < first[0], "E2 decides afresh, the baseline reuses its answers: "
                + changed[0] + " of " + first[0]);
    }

    @Test
    void setChangesAndUnset() {
        assertTrue(ok("changes").output().contains("No what-if overrides"));
        // the values in the files, as the rules and defaults say today
        String contact = WhatIfCommands.format(Behaviour.documented().get("search.contact.WW").value());
        RuleLibrary library = workbench.rules().library();
        String trial = WhatIfCommands.format(library.parameters().get("trial.uwv.max-months")
                .at(YearMonth.of(2026, 1)).value());
        String e2 = WhatIfCommands.format(library.exemption("E2").parameters().get("e2.trial.max-months")
                .values().get(0).value());

        CommandLine.Outcome set = ok("set search.contact.WW 0.5");
        assertTrue(set.output().contains("search.contact.WW = 0.5 for every variant"), set.output());
        assertTrue(set.output().contains(contact + " (default)"), set.output());
        ok("set trial.uwv.max-months 4");
        ok("set e2.trial.max-months 9 --variant E2");
        assertEquals(0.5, workbench.whatIf().behaviour().get("search.contact.WW"));
        assertEquals(4.0, workbench.whatIf().parameters().get("*").get("trial.uwv.max-months"));
        assertEquals(9.0, workbench.whatIf().parameters().get("E2").get("e2.trial.max-months"));

        String changes = ok("changes").output();
        assertTrue(changes.matches("(?s).*search\\.contact\\.WW\\s+all\\s+" + Pattern.quote(contact)
                + " \\(default\\)\\s+0\\.5\\n.*"), changes);
        assertTrue(changes.matches("(?s).*trial\\.uwv\\.max-months\\s+all: baseline\\s+" + Pattern.quote(trial)
                + " \\(.*trial-placement\\.yaml, 2026-01\\)\\s+4\\n.*"), changes);
        assertTrue(changes.matches("(?s).*e2\\.trial\\.max-months\\s+E2\\s+" + Pattern.quote(e2)
                + " \\(exemption E2\\)\\s+9\\n.*"), changes);
        assertTrue(changes.contains("3 overrides"), changes);

        ok("unset search.contact.WW");
        assertTrue(workbench.whatIf().behaviour().isEmpty());
        ok("unset e2.trial.max-months --variant E2");
        assertFalse(workbench.whatIf().parameters().containsKey("E2"));
        CommandLine.Outcome all = ok("unset --all");
        assertTrue(all.output().contains("Removed 1 what-if override"), all.output());
        assertTrue(workbench.whatIf().isEmpty());

        // a negative value goes after --, as the help says; it reaches the parameter's range, which refuses it
        fails("set -- trial.uwv.max-months -1", "trial.uwv.max-months: expected 0 to 9,999 (unit months; 9999 months "
                + "stands for 'as long as the job lasts'), got -1 (at least 0)");
        assertTrue(workbench.whatIf().isEmpty());
    }

    @Test
    void anExemptionsOwnParameterWithoutVariantGoesToEveryVariantWithThatExemption() {
        // refused before: "a parameter of exemption E2 only; give --variant", though only E2 variants read it
        CommandLine.Outcome o = ok("set e2.trial.max-months 9");
        assertTrue(o.output().contains("for variant E2, the ones with E2"), o.output());
        assertEquals(Map.of("E2", Map.of("e2.trial.max-months", 9.0)), workbench.whatIf().parameters());
        ok("unset e2.trial.max-months");
        assertTrue(workbench.whatIf().isEmpty(), "unset without --variant removes it from every variant");
        // the near miss: a key no variant of the loaded scenario can read is still refused
        fails("set e3.account 4000", "no variant here has it");
    }

    @Test
    void badInputIsOneClearLine() {
        fails("set search.contact.XX 0.5", "unknown name 'search.contact.XX'");
        fails("set search.contact.XX 0.5", "did you mean search.contact.");
        fails("set frobnicate 1", "not a behaviour value nor a rule parameter");
        fails("set search.contact.WW abc", "expected a number, got 'abc'");
        fails("set search.contact.WW 1d", "expected a number, got '1d'");
        fails("set search.contact.WW", "give a value for search.contact.WW");
        fails("set", "give a name and a value");
        fails("set search.contact.WW 0.5 --variant E2", "is a behaviour value");
        fails("set trial.uwv.max-months 4 --variant E9", "no variant 'E9' in scenario smoke (variants: baseline, E2)");
        fails("set e2.trial.max-months 9 --variant baseline", "which variant 'baseline' does not have");
        fails("unset search.contact.WW", "search.contact.WW has no what-if value");
        fails("unset", "give a name to unset, or --all");
        fails("set search.contact.WW 0.5 --varient E2", "unknown option --varient");
        assertTrue(workbench.whatIf().isEmpty(), "nothing was set by the failures");
    }

    @Test
    void runRecordsTheOverridesAndVerifyReproducesThem() throws IOException {
        Path plain = tmp.resolve("plain");
        ok("run --out " + plain);
        ok("set search.contact.WW 0.6");
        ok("set trial.uwv.max-months 3 --variant E2");
        Path out = tmp.resolve("what-if");
        ok("run --out " + out);
        String manifest = Files.readString(out.resolve("manifest.json"));
        assertTrue(manifest.matches("(?s).*\"behaviour\" : \\{\\s*\"search\\.contact\\.WW\" : 0\\.6\\s*}.*"), manifest);
        assertTrue(manifest.matches("(?s).*\"E2\" : \\{\\s*\"trial\\.uwv\\.max-months\" : 3\\.0\\s*}.*"), manifest);
        assertFalse(Files.readString(plain.resolve("report.json")).equals(Files.readString(out.resolve("report.json"))));

        ok("unset --all");
        CommandLine.Outcome v = ok("verify " + out);
        assertTrue(v.output().contains("identical: report.json, summary.csv and report.md match byte for byte"),
                v.output());
        assertTrue(v.output().contains("what-if search.contact.WW=0.6, trial.uwv.max-months=3 (E2)"), v.output());
        assertTrue(workbench.whatIf().isEmpty(), "verify leaves the session's what-if as it was");
        assertTrue(ok("verify " + plain).output().contains("identical"));
    }

    @Test
    void verifyReportsADifferenceWithExitTwo() throws IOException {
        Path out = tmp.resolve("edited");
        ok("run --out " + out);
        // a report whose stored summary was tampered with says so: its manifest recorded what was written
        Files.writeString(out.resolve("summary.csv"), Files.readString(out.resolve("summary.csv")) + "x\n");
        CommandLine.Outcome o = run("verify " + out);
        assertEquals(ExitCodes.CHECKS_FAILED, o.exitCode(), o.output());
        assertTrue(o.error().contains("was changed after it was written (summary.csv)"), o.error());
        assertTrue(o.output().contains("Not rerun: the hashes already show"), o.output());
        assertFalse(o.output().contains("reproducibility problem"), o.output());
    }

    @Test
    void verifyWithoutManifestIsExitOne() {
        fails("verify " + tmp, "manifest.json: not found");
        fails("verify", "give a report folder");
    }

    @Test
    void completionOffersNamesAndVariants() {
        assertTrue(values(List.of("set", "search.contact."), 1, null).contains("search.contact.WW"));
        assertTrue(values(List.of("set", "trial.uwv"), 1, null).contains("trial.uwv.max-months"));
        assertTrue(values(List.of("set", "e2."), 1, null).contains("e2.trial.max-months"));
        assertTrue(values(List.of("set", "search.contact.WW", ""), 2, null).isEmpty(), "no names for the value");
        var variant = registry.getCommandByName("set").getOptions().stream()
                .filter(o -> "variant".equals(o.longName())).findFirst().orElseThrow();
        assertEquals(List.of("baseline", "E2"), values(List.of("set", "x", "1", "--variant", ""), 4, variant));
    }

    List<String> values(List<String> words, int index, org.springframework.shell.core.command.CommandOption option) {
        String current = words.get(index);
        CompletionContext ctx = new CompletionContext(words, index, current.length(), registry.getCommandByName("set"),
                option);
        return whatIfNames.apply(ctx).stream().map(CompletionProposal::value).toList();
    }
}
