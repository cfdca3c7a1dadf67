package nl.fieldlab.sandbox.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import nl.fieldlab.sandbox.rules.Variant;
import nl.fieldlab.sandbox.scenario.Scenario;
import nl.fieldlab.sandbox.scenario.ScenarioLoader;
import nl.fieldlab.sandbox.scenario.WorkerGroup;

/**
 * A report renders safely whatever its names hold. The scenario is built in code, not read from a file, because
 * the loader may refuse such names: the writers must not depend on it (a report can come from any source). A
 * worker group and a variant named with a comma, a double quote, a line break and ANSI escape sequences: every
 * CSV row keeps its columns and the names come back whole, and no control character reaches report.md or
 * report.html.
 */
public class HostileNamesTest {

    public static final char ESC = '\u001b';
    /** A group name that is a CSV field separator, a quote, a line break and a colour change. */
    public static final String GROUP = "ww, \"metal\"\nline two " + ESC + "[31mred" + ESC + "[0m | piped";
    /** A variant name that would clear the screen of whoever prints it. */
    static final String VARIANT = "E2, \"trial\"\r\n" + ESC + "[2J" + ESC + "[H";
    /** A description that would retitle a terminal window (OSC 0) and ring its bell. */
    static final String DESCRIPTION = "A smoke run" + ESC + "]0;pwned\u0007 with a C1 CSI \u009b31m and a "
            + "right-to-left override \u202e.";

    private static Report report;

    /** A real run of the smoke scenario with hostile names, computed once per test JVM. */
    public static synchronized Report hostileReport() {
        if (report == null) {
            report = HtmlReportTest.run(hostile());
        }
        return report;
    }

    /** The smoke scenario with its first worker group, its exemption variant and its description renamed. */
    static Scenario hostile() {
        Scenario s = ScenarioLoader.load(Path.of("scenarios/smoke.yaml"));
        WorkerGroup g = s.workers().get(0);
        List<WorkerGroup> workers = new ArrayList<>(s.workers());
        workers.set(0, new WorkerGroup(GROUP, g.count(), g.status(), g.region(), g.age(), g.education(), g.field(),
                g.household(), g.wageValue(), g.dailyWage(), g.workHistoryYears(), g.monthsUnemployed(),
                g.meansTestShare(), g.disabledShare(), g.background(), g.layoffRate(), g.youngChildShare(),
                g.illnessBenefitBeforeShare(), g.childUnder12Share(), g.coursePayer(), g.inflowPerMonth(),
                g.occupation()));
        List<Variant> variants = s.variants().stream().map(v -> v.name().equals("E2")
                ? new Variant(VARIANT, v.exemptions(), v.parameters(), v.local()) : v).toList();
        return new Scenario(s.id(), DESCRIPTION, s.region(), s.municipality(), s.start(), s.months(), s.seed(),
                s.replications(), s.population(), workers, s.employers(), s.courses(), s.behaviour(), variants,
                s.expectations(), s.file(), s.sha256(), s.text());
    }

    /** What a reader sees of a name: its control characters as visible stand-ins. */
    static String shown(String name) {
        return Printable.text(name);
    }

    @Test
    void summaryCsvKeepsItsColumnsAndTheNamesWhole() {
        Report r = hostileReport();
        List<List<String>> rows = CsvTest.parse(ReportWriter.csv(r));
        List<String> header = rows.get(0);
        assertEquals(17, header.size()); // 13, then family, p, p_adjusted, called (issue 24)
        for (List<String> row : rows) {
            assertEquals(header.size(), row.size(), () -> "a row with another number of columns: " + row);
        }
        assertTrue(rows.stream().anyMatch(row -> row.get(0).equals(shown(VARIANT))),
                "the variant's rows carry its name, line break included, quoted");
        String groupMetric = "group.scenario." + GROUP + ".placementRate";
        assertTrue(r.comparison().metrics().containsKey(groupMetric), "the run has the group's metric");
        assertTrue(rows.stream().anyMatch(row -> row.get(1).equals(shown(groupMetric))),
                "the group's metric keeps its name");
        assertEquals(-1, ReportWriter.csv(r).indexOf(ESC), "no escape character in summary.csv");
    }

    @Test
    void reportMdHoldsNoControlCharacterAndNamesStayInTheirCells() {
        String md = ReportWriter.markdown(hostileReport());
        assertNoControls(md, "report.md");
        String groupLine = md.lines().filter(l -> l.contains("group.scenario.ww")).findFirst().orElseThrow();
        assertTrue(groupLine.contains("line two"), "the group's name stays on its table row: " + groupLine);
        assertTrue(groupLine.contains("\\| piped"), "a pipe in a name is escaped, not a new cell: " + groupLine);
        String header = md.lines().filter(l -> l.startsWith("| metric |")).findFirst().orElseThrow();
        assertEquals(4, header.chars().filter(c -> c == '|').count() - count(header, "\\|"),
                "the header row has its three columns: " + header);
        assertTrue(md.contains("\u241b[31mred"), "the escape shows as a visible symbol");
    }

    @Test
    void reportHtmlHoldsNoControlCharacter() {
        Report r = hostileReport();
        String html = new HtmlReport().render(r, HtmlReportTest.manifest(r, HtmlReportTest.CREATED_AT));
        assertNoControls(html, "report.html");
        assertTrue(html.contains("\u241b[31mred"), "the escape shows as a visible symbol");
    }

    /** No C0 control but line feed and tab, no DEL, no C1 control, no bidirectional override. */
    public static void assertNoControls(String text, String what) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = (c < 0x20 && c != '\n' && c != '\t') || (c >= 0x7f && c <= 0x9f)
                    || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069');
            int at = i;
            assertFalse(control, () -> what + " holds U+" + String.format("%04X", (int) c) + " at " + at + ": ..."
                    + text.substring(Math.max(0, at - 40), Math.min(text.length(), at + 20)));
        }
    }

    static int count(String text, String needle) {
        return HtmlReportTest.count(text, needle);
    }
}
