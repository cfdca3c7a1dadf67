package nl.fieldlab.sandbox.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import nl.fieldlab.sandbox.domain.CoursePayer;
import nl.fieldlab.sandbox.domain.Education;
import nl.fieldlab.sandbox.domain.Household;
import nl.fieldlab.sandbox.domain.QuestionType;
import nl.fieldlab.sandbox.domain.Status;
import nl.fieldlab.sandbox.domain.WorkerFacts;
import nl.fieldlab.sandbox.rules.RuleLibrary;

/**
 * The rules' wage-tax formula (taxes-and-premiums.drl) gives what the Belastingdienst's white monthly tables give:
 * for each row, the wage tax and national insurance without the loonheffingskorting and with it (general and labour
 * tax credit), below the state pension age, to the cent.
 *
 * <p>The rows are asked as a bijstand client's part-time earnings, the one question whose wage tax the rules compute
 * on any monthly amount, and read from the net earnings it leaves: without the loonheffingskorting
 * ({@code bijstand.side-job.payroll-tax-credit} 0) and with it (1). {@link #ROWS} is a sample of the 2024-2026 tables chosen at every bend of the formula (the first taxed
 * row, the ends of the labour-credit segments, the general credit's phase-out start, the bracket ends, the labour
 * credit's zero point, the last row), as transcribed (source S155 in the parameter file). Run with
 * {@code -Dwage-tax.tables=DIR} to check every row of DIR's {@code witte-maandtabel-YYYY-transcription.csv} files too.
 */
class WageTaxTableTest {

    /** Year, monthly table wage, tax without the loonheffingskorting and with it. */
    static final double[][] ROWS = {
        {2024, 4.50, 1.58, 0.00}, {2024, 454.50, 168.00, 0.00}, {2024, 954.00, 352.67, 0.00},
        {2024, 958.50, 354.33, 0.00}, {2024, 1080.00, 399.25, 0.00},
        {2024, 1084.50, 400.92, 0.08}, {2024, 2065.50, 763.58, 54.42},
        {2024, 2070.00, 765.25, 55.25}, {2024, 2254.50, 833.42, 131.08},
        {2024, 3172.50, 1172.83, 508.75}, {2024, 3177.00, 1174.42, 510.50},
        {2024, 3325.50, 1229.33, 571.58}, {2024, 3330.00, 1231.00, 573.50},
        {2024, 5211.00, 1926.42, 1516.00}, {2024, 6291.00, 2325.67, 2057.25},
        {2024, 6295.50, 2327.58, 2059.58}, {2024, 10408.50, 4363.58, 4363.33},
        {2024, 10413.00, 4365.75, 4365.75}, {2024, 10417.50, 4368.00, 4368.00},
        {2025, 4.50, 1.58, 0.00}, {2025, 454.50, 162.75, 0.00}, {2025, 918.00, 328.75, 0.00},
        {2025, 922.50, 330.42, 0.42}, {2025, 1012.50, 362.67, 25.42},
        {2025, 1017.00, 364.25, 26.00}, {2025, 2187.00, 783.33, 93.75},
        {2025, 2191.50, 784.92, 94.17}, {2025, 2254.50, 807.50, 115.33},
        {2025, 2367.00, 847.83, 153.17}, {2025, 2371.50, 849.42, 154.92},
        {2025, 3199.50, 1146.00, 485.17}, {2025, 3204.00, 1147.58, 487.00},
        {2025, 3586.50, 1290.92, 645.92}, {2025, 3591.00, 1292.67, 648.00},
        {2025, 5391.00, 1967.25, 1553.83}, {2025, 6399.00, 2345.08, 2061.08},
        {2025, 6403.50, 2347.00, 2063.58}, {2025, 10755.00, 4501.00, 4500.83},
        {2025, 10759.50, 4503.25, 4503.25}, {2025, 10777.50, 4512.08, 4512.08},
        {2026, 4.50, 1.58, 0.00}, {2026, 454.50, 162.42, 0.00}, {2026, 945.00, 337.83, 0.00},
        {2026, 949.50, 339.42, 0.75}, {2026, 994.50, 355.50, 13.08},
        {2026, 999.00, 357.08, 13.83}, {2026, 2151.00, 768.92, 68.50},
        {2026, 2155.50, 770.58, 69.25}, {2026, 2254.50, 805.92, 102.67},
        {2026, 2475.00, 884.75, 177.17}, {2026, 2479.50, 886.42, 178.83},
        {2026, 3240.00, 1158.25, 484.50}, {2026, 3244.50, 1159.92, 486.33},
        {2026, 3798.00, 1367.75, 718.83}, {2026, 3802.50, 1369.50, 721.00},
        {2026, 5548.50, 2025.25, 1602.17}, {2026, 6534.00, 2395.42, 2099.58},
        {2026, 6538.50, 2397.42, 2101.92}, {2026, 11074.50, 4642.75, 4642.58},
        {2026, 11079.00, 4645.00, 4645.00}, {2026, 11092.50, 4651.67, 4651.67},
    };

    static final String CREDIT = "bijstand.side-job.payroll-tax-credit";

    @Test
    void theFormulaGivesTheMonthlyTablesToTheCent() throws IOException {
        List<double[]> rows = new ArrayList<>(List.of(ROWS));
        String dir = System.getProperty("wage-tax.tables");
        if (dir != null) {
            for (int year = 2024; year <= 2026; year++) {
                rows.addAll(transcribed(Path.of(dir, "witte-maandtabel-" + year + "-transcription.csv"), year));
            }
        }
        RuleCaseRunner runner = new RuleCaseRunner(RuleLibrary.load(RuleCasesTest.RULES));
        List<RuleCase> cases = new ArrayList<>();
        for (double[] row : rows) {
            cases.add(row(row, 0, row[2]));
            cases.add(row(row, 1, row[3]));
        }
        List<String> wrong = new ArrayList<>();
        for (RuleCaseRunner.Result r : runner.run(cases)) {
            if (!r.passed()) {
                wrong.add(r.rule().name() + ": " + (r.error() != null ? r.error() : r.failures().get(0).actual()));
            }
        }
        assertEquals(List.of(), wrong.subList(0, Math.min(20, wrong.size())), wrong.size() + " of " + cases.size()
                + " table values differ");
    }

    /** Near miss: a table value two cents off fails, so the check above can fail. */
    @Test
    void aTableValueTwoCentsOffFails() {
        RuleCaseRunner runner = new RuleCaseRunner(RuleLibrary.load(RuleCasesTest.RULES));
        double[] row = ROWS[ROWS.length - 12]; // 2026, 2,475.00: 884.75 without, 177.17 with the credits
        assertTrue(runner.run(row(row, 1, row[3])).passed());
        assertFalse(runner.run(row(row, 1, row[3] + 0.02)).passed(), "a check that cannot fail proves nothing");
    }

    /** A bijstand client's part-time earnings of the row's wage, in March of the row's year. */
    private static RuleCase row(double[] row, int credit, double expectedTax) {
        int year = (int) row[0];
        WorkerFacts worker = new WorkerFacts(40, Status.BIJSTAND, Household.SINGLE, Education.MBO2, "retail", "NHN", 100,
                0, 10, 9, 0, 0, 12, true, false, false, "NONE", false, row[1], 1,
                CoursePayer.DEFAULT);
        // the withholding, read from the net earnings the rules set (the earnings less the tax withheld): the WAGE_TAX
        // total also holds the labour credit the annual assessment returns later (LABOUR-CREDIT-ON-SIDE-JOB)
        RuleCase.Expectation expect = new RuleCase.Expectation(null, null, 1, Map.of(), Map.of(), Map.of(),
                Map.of("earnings.net", row[1] - expectedTax), List.of(), List.of(), List.of(), List.of(), 0.001);
        return new RuleCase("witte maandtabel " + year, 0, year + " table wage " + row[1] + (credit > 0
                ? " with" : " without") + " the loonheffingskorting", YearMonth.of(year, 3), List.of(),
                Map.of(CREDIT, (double) credit), QuestionType.BENEFIT, year, worker, null, null, false, false, 100, 0,
                expect);
    }

    /** The rows of a transcribed table: its income column and the two tax columns below the state pension age. */
    private static List<double[]> transcribed(Path file, int year) throws IOException {
        List<String> lines = Files.readAllLines(file);
        List<String> head = List.of(lines.get(0).split(","));
        int income = head.indexOf("income");
        int without = head.indexOf("youngerWithoutPayrollTaxCredit");
        int with = head.indexOf("youngerWithPayrollTaxCredit");
        List<double[]> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            rows.add(new double[] {year, Double.parseDouble(f[income]), Double.parseDouble(f[without]),
                Double.parseDouble(f[with])});
        }
        return rows;
    }
}
