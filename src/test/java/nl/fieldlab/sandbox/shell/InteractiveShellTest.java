package nl.fieldlab.sandbox.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.terminal.Terminal;
import org.junit.jupiter.api.Test;

import nl.fieldlab.sandbox.app.ExitCodes;

/** The interactive prompt runs lines as batch mode does and says what an outcome means in words. */
class InteractiveShellTest extends ShellTestSupport {

    private String session(String typed, int whatIfs) throws IOException {
        return session(typed, whatIfs, 0);
    }

    private String session(String typed, int whatIfs, int columns) throws IOException {
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        try (Terminal terminal = new org.jline.terminal.impl.DumbTerminal("test", "dumb",
                new ByteArrayInputStream(typed.getBytes(StandardCharsets.UTF_8)), screen, StandardCharsets.UTF_8)) {
            if (columns > 0) {
                terminal.setSize(new org.jline.terminal.Size(columns, 30));
            }
            LineReader reader = LineReaderBuilder.builder().terminal(terminal).build();
            new InteractiveShell(reader, () -> "fieldlab> ", new CommandLine(parser, registry), () -> whatIfs).run();
        }
        return screen.toString(StandardCharsets.UTF_8);
    }

    @Test
    void errorsSayErrorAndTheShellGoesOn() throws IOException {
        String screen = session("comprae\ncompare --foo\nversion\nexit\n", 0);
        assertTrue(screen.contains("error: unknown command 'comprae' (did you mean 'compare'?)"), screen);
        assertTrue(screen.contains("error: unknown option --foo for 'compare'"), screen);
        assertTrue(screen.contains("Fieldlab Sandbox"), "the line after the errors still ran:\n" + screen);
        assertFalse(screen.contains("Error while"), screen);
    }

    @Test
    void atEightyColumnsNoLineIsLeftForTheTerminalToBreakMidWord() throws IOException {
        // the terminal broke 'rules list --exemption E3' and the rules check warnings mid-word ('candi|date')
        String typed = "rules list --exemption E3\nrules check\nexit\n";
        String wide = session(typed, 0);
        assertTrue(wide.lines().anyMatch(l -> l.length() > 80), "the output is wider than 80 unfitted:\n" + wide);
        String fitted = session(typed, 0, 80);
        assertTrue(fitted.lines().allMatch(l -> l.length() <= 80 || !l.strip().contains(" ")),
                "every line with a space to break at fits 80 columns:\n" + fitted);
        assertTrue(words(wide).equals(words(fitted)), "fitting moves line breaks, never words");
    }

    /** The words of the commands' output (prompts and echoed commands left out: the terminal echoes its own way). */
    private static java.util.List<String> words(String screen) {
        return screen.lines().map(l -> l.replaceFirst("^fieldlab> ?(rules list --exemption E3|rules check|exit)?", ""))
                .flatMap(l -> java.util.Arrays.stream(
                l.split("\\s+"))).filter(w -> !w.isEmpty()).toList();
    }

    @Test
    void aFittedLineKeepsItsIndentAndACarriageReturnPassesAsDrawn() throws IOException {
        String item = "  - E3: the learning account pays a course up to its balance, for workers in its scope only";
        String fitted = FittedLines.fit(item, 40);
        assertTrue(fitted.lines().allMatch(l -> l.length() <= 40), fitted);
        assertTrue(fitted.lines().skip(1).allMatch(l -> l.startsWith("    ") && !l.startsWith("     ")), fitted);
        java.io.StringWriter out = new java.io.StringWriter();
        try (FittedLines w = new FittedLines(out, 40)) {
            w.write("[#####     ] 50 % of the months of every replication and variant\r");
            w.write("done\n");
        }
        assertEquals("[#####     ] 50 % of the months of every replication and variant\rdone\n", out.toString());
    }

    @Test
    void leavingWithWhatIfsSetAsksFirst() throws IOException {
        String stays = session("exit\nn\nversion\nexit\ny\n", 2);
        assertTrue(stays.contains("2 what-ifs are set and will be lost"), stays);
        assertTrue(stays.contains("Fieldlab Sandbox"), "answering n keeps the session:\n" + stays);
        String leaves = session("exit\n", 0);
        assertFalse(leaves.contains("will be lost"), "nothing to lose, nothing to ask:\n" + leaves);
    }

    @Test
    void failedChecksAndCancellingAreOutcomesNotErrors() {
        assertEquals("2 of 4 expectations failed (report written to reports/x)", InteractiveShell.outcome(
                new CommandLine.Outcome(ExitCodes.CHECKS_FAILED, "", "2 of 4 expectations failed (report written to"
                        + " reports/x)")));
        assertEquals("Cancelled; nothing was written.", InteractiveShell.outcome(
                new CommandLine.Outcome(ExitCodes.CANCELLED, "", "cancelled; nothing was written")));
        assertEquals("error: no such file", InteractiveShell.outcome(
                new CommandLine.Outcome(ExitCodes.BAD_INPUT, "", "no such file")));
        assertEquals("", InteractiveShell.outcome(new CommandLine.Outcome(ExitCodes.OK, "done", "")));
    }

    @Test
    void tablesFitAnEightyColumnTerminalByWrappingCells() {
        TextTable t = new TextTable("metric", "baseline", "E1", "E2", "E1+E2");
        t.row("extra net public cost per extra placement", "+1,848,870 [1,395,683, 2,302,056] *",
                "+638,588 [330,176, 947,000] *", "+2,773,333 [2,299,483, 3,247,182] *", "none: placements fell");
        String wide = t.render(0);
        String fitted = t.render(80);
        assertTrue(wide.lines().anyMatch(l -> l.length() > 80), "the table is wider than 80 unfitted:\n" + wide);
        assertTrue(fitted.lines().allMatch(l -> l.length() <= 80), "fitted to 80 columns:\n" + fitted);
        assertTrue(fitted.contains("[1,395,683,") && fitted.contains("placements fell"),
                "wrapping loses nothing:\n" + fitted);
    }

    @Test
    void helpTextFitsAnEightyColumnTerminal() {
        String text = "explain WORKER [--variant V]\n  Simulates one replication of a variant of the loaded scenario (the"
                + " default scenario when none is loaded) and prints the worker's path month by month.\nExamples:\n"
                + "  explain 0";
        String fitted = HelpCommands.fit(text, 80);
        assertTrue(fitted.lines().allMatch(l -> l.length() <= 80), fitted);
        assertTrue(fitted.lines().skip(1).limit(2).allMatch(l -> l.startsWith("  ")), "continuations keep the indent:\n"
                + fitted);
        assertEquals(text, HelpCommands.fit(text, 0), "batch mode prints it as written");
    }

    @Test
    void theOverviewKeepsEveryCommandNameAtTheStartOfALineAtEightyColumns() {
        // the shell's help joined every group into one paragraph: names landed inside the previous description
        String a = HelpCommands.entry("bench", "Measure speed against the targets: interactive, province, threads,"
                + " memory, batch commands", 80);
        String b = HelpCommands.entry("calibrate", "Run the baseline and compare its exit rates with the observed"
                + " figures", 80);
        String text = "Analysis\n" + a + b;
        assertTrue(text.lines().allMatch(l -> l.length() <= 80), text);
        assertTrue(a.startsWith("  bench              Measure speed") && b.startsWith("  calibrate          Run"),
                text);
        assertTrue(a.lines().skip(1).allMatch(l -> l.startsWith(" ".repeat(21)) && !l.isBlank()),
                "the description wraps under itself:\n" + a);
        assertEquals("  bench              Measure speed\n", HelpCommands.entry("bench", "Measure speed", 0),
                "batch mode: one line");
    }

    @Test
    void anOptionOrANewSentenceInHelpStartsItsOwnLine() {
        String text = "run [FILE]\n  Simulates every variant month by month in every replication, compares them"
                + " and writes.\n  --seeds K (1 to 5; default the scenario's verdicts.seeds, else 1): runs the"
                + " scenario K times\n  with independent seeds.";
        String fitted = HelpCommands.fit(text, 80);
        assertTrue(fitted.lines().anyMatch(l -> l.startsWith("  --seeds K")), fitted);
        assertTrue(fitted.lines().noneMatch(l -> l.contains("writes. --seeds")), fitted);
    }

    @Test
    void examplesStayOneCommandALine() {
        String text = "run [FILE]\nExamples:\n  run scenarios/smoke.yaml --replications 5 --out reports/smoke-try\n"
                + "  run scenarios/default.yaml --cluster";
        assertEquals(text, HelpCommands.fit(text, 80));
    }
}
