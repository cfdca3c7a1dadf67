package nl.fieldlab.sandbox.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import nl.fieldlab.sandbox.simulation.Metrics;
import nl.fieldlab.sandbox.stats.FamilyVerdicts;
import nl.fieldlab.sandbox.stats.HeadlineFamily;
import nl.fieldlab.sandbox.stats.Summary;
import nl.fieldlab.sandbox.stats.Verdicts;

/**
 * Renders a report folder: report.json, summary.csv, report.md, further formats (HTML), a copy of the scenario
 * file and the manifest. {@link ReportFolder} writes it whole or not at all, and only where that is safe.
 */
public final class ReportWriter {

    public static final String REPORT_JSON = "report.json";
    public static final String REPORT_MD = "report.md";
    public static final String SUMMARY_CSV = "summary.csv";
    public static final String MANIFEST_JSON = "manifest.json";

    private final List<ReportFormat> extraFormats;

    /** A further rendering of a report (such as HTML) written into the same folder. */
    public interface ReportFormat {
        String fileName();

        String render(Report report, Manifest manifest);
    }

    public ReportWriter(List<ReportFormat> extraFormats) {
        this.extraFormats = List.copyOf(extraFormats);
    }

    /** The copy of the scenario file kept with the report, so that verify can rerun it from anywhere. */
    public static final String SCENARIO_COPY = "scenario.yaml";

    /**
     * Writes the report folder {@code dir} whole, replacing an earlier report there; refuses a folder that is not a
     * report folder (see {@link ReportFolder}).
     */
    public void write(Report report, Manifest manifest, Path dir) {
        try (ReportFolder.Claim claim = ReportFolder.claim(dir)) {
            write(report, manifest, claim);
        }
    }

    /** Writes the report into a folder claimed before the run. */
    public void write(Report report, Manifest manifest, ReportFolder.Claim claim) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put(REPORT_JSON, json(report));
        files.put(SUMMARY_CSV, csv(report));
        files.put(REPORT_MD, markdown(report));
        for (ReportFormat f : extraFormats) {
            files.put(f.fileName(), f.render(report, manifest));
        }
        String scenarioText = report.result().scenario().text();
        if (scenarioText != null) {
            files.put(SCENARIO_COPY, scenarioText);
        }
        claim.write(files, hashes -> manifestJson(manifest.withFiles(hashes)));
    }

    /** Writes a folder of text files and its manifest whole (analyses, benchmark); see {@link ReportFolder}. */
    public static void writeFolder(Path dir, Map<String, String> files, Manifest manifest) {
        ReportFolder.write(dir, files, hashes -> manifestJson(manifest.withFiles(hashes)));
    }

    static String manifestJson(Manifest manifest) {
        return Json.MAPPER.writeValueAsString(manifest) + "\n";
    }

    // ------------------------------------------------------------------ report.json

    /** The machine-readable report; byte-identical for the same scenario, seed and rules. */
    public static String json(Report r) {
        Map<String, Object> root = new LinkedHashMap<>();
        var s = r.result().scenario();
        root.put("scenario", s.id());
        root.put("description", s.description());
        root.put("start", s.start().toString());
        root.put("months", s.months());
        root.put("seed", s.seed());
        root.put("replications", s.replications());
        root.put("workers", s.workerCount());
        root.put("population", s.population().name());
        root.put("variants", r.variants());
        Map<String, Object> variantDefs = new LinkedHashMap<>();
        for (var v : s.variants()) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("exemptions", v.exemptions());
            d.put("parameters", v.parameters());
            if (!v.supports().isEmpty()) {
                d.put("supports", v.supports());
            }
            variantDefs.put(v.name(), d);
        }
        root.put("variantDefinitions", variantDefs);
        Map<String, Object> metrics = new LinkedHashMap<>();
        r.comparison().metrics().forEach((metric, byVariant) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            byVariant.forEach((v, sum) -> m.put(v, summary(sum, false)));
            metrics.put(metric, m);
        });
        root.put("metrics", metrics);
        Map<String, Object> diffs = new LinkedHashMap<>();
        r.comparison().differences().forEach((v, byMetric) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            byMetric.forEach((metric, sum) -> {
                Map<String, Object> d = summary(sum, true);
                FamilyVerdicts.Cell cell = r.verdicts().family().cell(v, metric);
                if (cell != null) {
                    d.put("p", Json.number(cell.test().p()));
                    d.put("pAdjusted", Json.number(cell.pAdjusted()));
                    d.put("called", r.verdicts().called(v, metric));
                    d.put("verdict", r.verdicts().verdict(v, metric));
                }
                m.put(metric, d);
            });
            diffs.put(v, m);
        });
        root.put("differences", diffs);
        Map<String, Object> cumulative = new LinkedHashMap<>();
        r.cumulativePlacements().forEach((v, series) -> cumulative.put(v, numbers(series)));
        root.put("cumulativePlacementsByMonth", cumulative);
        Map<String, Object> employed = new LinkedHashMap<>();
        r.result().employedByMonth().forEach((v, series) -> employed.put(v, numbers(series)));
        root.put("employedByMonth", employed);
        Map<String, Object> blocking = new LinkedHashMap<>();
        for (String v : r.variants()) {
            List<Object> rows = new ArrayList<>();
            for (Report.Blocking b : r.topBlocking(v, 10)) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("rule", b.rule());
                row.put("blocked", summary(b.blocked(), false));
                row.put("source", b.source());
                row.put("sources", b.resolved());
                rows.add(row);
            }
            blocking.put(v, rows);
        }
        root.put("topBlockingRules", blocking);
        root.put("discountRate", Json.number(r.result().discountRate()));
        Map<String, Object> ce = new LinkedHashMap<>();
        for (CostEffectiveness c : r.costEffectiveness()) {
            Map<String, Object> m = new LinkedHashMap<>();
            Map<String, Object> headline = ratio(c.costPerExtraWorkYear());
            headline.put("bounded", c.costPerExtraWorkYear().defined());
            headline.put("quadrant", c.quadrant().json());
            m.put("costPerExtraWorkYear", headline);
            m.put("extraWorkYearsAfterHorizon", summary(c.yearsAfterHorizon(), true));
            m.put("extraNetPublicCostAfterHorizon", summary(c.costAfterHorizon(), true));
            m.put("extraPlacements", summary(c.placements(), true));
            m.put("extraYearsInWork", summary(c.yearsInWork(), true));
            m.put("extraEmployedAtHorizon", summary(c.employedAtHorizon(), true));
            m.put("extraPublicSpending", summary(c.spending(), true));
            m.put("extraBenefitPayments", summary(c.benefits(), true));
            m.put("extraPublicReceipts", summary(c.receipts(), true));
            m.put("fiscalReturn", summary(c.fiscalReturn(), true));
            m.put("extraNetPublicCost", summary(c.netPublicCost(), true));
            m.put("extraNetPublicCostPresentValue", summary(c.presentValue(), true));
            m.put("extraSocialCost", summary(c.socialCost(), true));
            m.put("extraAllPartiesCost", summary(c.allPartiesCost(), true));
            m.put("extraNetPublicCostPerExtraPlacement", ratio(c.perPlacement()));
            m.put("extraNetPublicCostPerExtraYearInWork", ratio(c.perYearInWork()));
            m.put("extraSocialCostPerExtraPlacement", ratio(c.socialPerPlacement()));
            m.put("extraSocialCostPerExtraYearInWork", ratio(c.socialPerYearInWork()));
            if (c.outcomePrice() != null) {
                OutcomePrice o = c.outcomePrice();
                Map<String, Object> op = new LinkedHashMap<>();
                op.put("contractPricePerUnit", Json.number(o.contractPrice()));
                op.put("outcomeUnits", summary(o.units(), false));
                op.put("investorOutlay", summary(o.outlay(), false));
                op.put("outcomePayments", summary(o.received(), false));
                op.put("repayingPricePerUnit", ratio(o.repayingPrice()));
                op.put("extraNetPublicCostAtRepayingPrice", summary(o.netPublicCost(), true));
                op.put("investorsNetAtRepayingPrice", summary(o.investorsRepaid(), false));
                op.put("investorsNetAtContractPrice", summary(o.investorsAtContract(), false));
                op.put("investorsRepaidAtContractPrice", !o.investorsNotRepaid());
                op.put("fundBudget", Double.isNaN(o.budget()) ? null : Json.number(o.budget()));
                op.put("outlayExceedsFundBudget", o.outlayExceedsBudget());
                OutcomePrice.Cohort k = o.cohort();
                op.put("coached", summary(k.coached(), false));
                op.put("successes", summary(k.successes(), false));
                op.put("successRate", ratio(k.successRate()));
                op.put("meanPredictedChanceOfSuccesses", ratio(k.meanPredictedChance()));
                op.put("unitsPerParticipant", ratio(k.unitsPerParticipant()));
                op.put("unitsPerParticipantPriced", Json.number(k.unitsPriced()));
                op.put("unitsPerParticipantRepayingAtContractPrice", Json.number(k.unitsRepaying()));
                op.put("pricing", o.pricing().json());
                m.put("outcomePrice", op);
            }
            Map<String, Object> dead = new LinkedHashMap<>();
            c.deadweight().forEach((k, d) -> dead.put(k, summary(d, false)));
            m.put("deadweight", dead);
            Map<String, Object> actors = new LinkedHashMap<>();
            c.byActor().forEach((a, d) -> actors.put(a.name(), summary(d, true)));
            m.put("extraNetPositionByActor", actors);
            m.put("employerNetResultPerHire", summary(c.employerPerHire(), false));
            m.put("cumulativeExtraNetPublicCostByMonth", numbers(c.cumulative()));
            Integer breakEven = !c.everCostsMore() ? Integer.valueOf(0)
                    : c.breakEvenMonth() < 0 ? null : Integer.valueOf(c.breakEvenMonth() + 1);
            m.put("breakEvenMonth", breakEven);
            m.put("reading", c.reading(s.start(), null));
            ce.put(c.variant(), m);
        }
        root.put("costEffectiveness", ce);
        // subsidised hires by what they displaced (mechanism vacancies), per variant; the same figures are under metrics
        Map<String, Object> displacement = new LinkedHashMap<>();
        for (String v : r.variants()) {
            Map<String, Object> d = new LinkedHashMap<>();
            r.comparison().metrics().forEach((metric, byVariant) -> {
                if ((metric.startsWith(Metrics.SUBSIDISED_HIRES) || metric.startsWith(Metrics.TRIALS_DISPLACING_HIRES))
                        && byVariant.containsKey(v)) {
                    d.put(metric, summary(byVariant.get(v), false));
                }
            });
            if (!d.isEmpty()) {
                displacement.put(v, d);
            }
        }
        root.put("subsidisedHires", displacement);
        Map<String, Object> takeUp = new LinkedHashMap<>();
        for (Report.TakeUpRow t : r.takeUpPerScheme()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("casesGranted", Json.number(t.granted()));
            row.put("claimed", Json.number(t.claimed()));
            row.put("unaware", Json.number(t.unaware()));
            row.put("notWorthIt", Json.number(t.notWorthIt()));
            row.put("euroClaimed", Json.number(t.paid()));
            row.put("euroUnclaimed", Json.number(t.unclaimed()));
            row.put("takeUpShare", Json.number(t.share()));
            @SuppressWarnings("unchecked")
            Map<String, Object> schemes = (Map<String, Object>) takeUp.computeIfAbsent(t.variant(),
                    k -> new LinkedHashMap<String, Object>());
            schemes.put(t.scheme(), row);
        }
        root.put("takeUpPerScheme", takeUp);
        if (r.robustness() != null) {
            root.put("robustness", r.robustness().json());
        }
        root.put("verdicts", verdicts(r.verdicts(), s));
        return Json.MAPPER.writeValueAsString(root) + "\n";
    }

    /** How the headline family's verdicts were reached; the calls themselves are under differences. */
    private static Map<String, Object> verdicts(Verdicts v, nl.fieldlab.sandbox.scenario.Scenario s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("family", HeadlineFamily.MEMBERS.stream().map(HeadlineFamily.Member::metric).toList());
        m.put("correction", v.family().correction().name());
        m.put("alpha", Json.number(HeadlineFamily.ALPHA));
        m.put("size", v.family().size());
        m.put("minReplications", HeadlineFamily.MIN_REPLICATIONS);
        m.put("replications", v.family().replications());
        m.put("enoughReplications", v.enoughReplications());
        m.put("notTested", v.family().untested());
        m.put("seeds", v.seeds() == null ? List.of(s.seed()) : v.seeds().seeds());
        m.put("population", s.population().name());
        return m;
    }

    private static Map<String, Object> summary(Summary s, boolean difference) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mean", Json.number(s.mean()));
        m.put("ciLow", Json.number(s.ciLow()));
        m.put("ciHigh", Json.number(s.ciHigh()));
        m.put("se", Json.number(s.se()));
        m.put("n", s.n());
        if (difference) {
            m.put("excludesZero", s.excludesZero());
        }
        return m;
    }

    private static Map<String, Object> ratio(nl.fieldlab.sandbox.stats.Ratio x) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("estimate", Json.number(x.estimate()));
        m.put("ciLow", Json.number(x.ciLow()));
        m.put("ciHigh", Json.number(x.ciHigh()));
        m.put("se", Json.number(x.se()));
        m.put("n", x.n());
        m.put("undefined", x.undefined());
        return m;
    }

    private static List<Object> numbers(double[] series) {
        List<Object> out = new ArrayList<>(series.length);
        for (double d : series) {
            out.add(Json.number(d));
        }
        return out;
    }

    // ------------------------------------------------------------------ summary.csv

    public static String csv(Report r) {
        // family, p, p_adjusted, called: only the headline family's differences are tested (corrected together);
        // diff_excludes_zero stays for every difference, and is no finding outside the family
        Csv csv = new Csv("variant", "metric", "mean", "sd", "se", "ci_low", "ci_high", "n", "diff_mean", "diff_se",
                "diff_ci_low", "diff_ci_high", "diff_excludes_zero", "family", "p", "p_adjusted", "called");
        for (String v : r.variants()) {
            for (var e : r.comparison().metrics().entrySet()) {
                Summary s = e.getValue().get(v);
                Map<String, Summary> d = r.comparison().differences().get(v);
                Summary x = d == null ? null : d.get(e.getKey());
                FamilyVerdicts.Cell cell = x == null ? null : r.verdicts().family().cell(v, e.getKey());
                csv.row(v, e.getKey(), c(s.mean()), c(s.sd()), c(s.se()), c(s.ciLow()), c(s.ciHigh()), s.n(),
                        x == null ? "" : c(x.mean()), x == null ? "" : c(x.se()), x == null ? "" : c(x.ciLow()),
                        x == null ? "" : c(x.ciHigh()), x == null ? "" : x.excludesZero(),
                        x == null ? "" : cell != null, cell == null ? "" : c(cell.test().p()),
                        cell == null ? "" : c(cell.pAdjusted()), cell == null ? "" : r.verdicts().called(v, e.getKey()));
            }
        }
        // the headline cost figures: extra net public and social cost per extra placement (and per extra year in
        // work), and an outcome-financed project's repaying price, in the mean and interval columns; empty when not
        // defined
        for (CostEffectiveness ce : r.costEffectiveness()) {
            ratioRow(csv, ce.variant(), "costPerExtraWorkYear", ce.costPerExtraWorkYear());
            // the quadrant is a word, in the mean column: dominant, trade-off, dominated or unclear
            csv.row(ce.variant(), "costPerExtraWorkYear.quadrant", ce.quadrant().json(), "", "", "", "",
                    ce.costPerExtraWorkYear().n(), "", "", "", "", "", "", "", "", "");
            for (var after : List.of(Map.entry("extraWorkYearsAfterHorizon", ce.yearsAfterHorizon()),
                    Map.entry("extraNetPublicCostAfterHorizon", ce.costAfterHorizon()))) {
                Summary x = after.getValue();
                csv.row(ce.variant(), after.getKey(), "", "", "", "", "", x.n(), c(x.mean()), c(x.se()), c(x.ciLow()),
                        c(x.ciHigh()), x.excludesZero(), false, "", "", "");
            }
            ratioRow(csv, ce.variant(), "extraNetPublicCostPerExtraPlacement", ce.perPlacement());
            ratioRow(csv, ce.variant(), "extraNetPublicCostPerExtraYearInWork", ce.perYearInWork());
            ratioRow(csv, ce.variant(), "extraSocialCostPerExtraPlacement", ce.socialPerPlacement());
            ratioRow(csv, ce.variant(), "extraSocialCostPerExtraYearInWork", ce.socialPerYearInWork());
            if (ce.outcomePrice() != null) {
                ratioRow(csv, ce.variant(), "outcomePriceRepayingInvestors", ce.outcomePrice().repayingPrice());
                Summary x = ce.outcomePrice().netPublicCost();
                csv.row(ce.variant(), "extraNetPublicCostAtRepayingOutcomePrice", c(x.mean()), c(x.sd()), c(x.se()),
                        c(x.ciLow()), c(x.ciHigh()), x.n(), "", "", "", "", "", "", "", "", "");
            }
        }
        return csv.toString();
    }

    private static void ratioRow(Csv csv, String variant, String metric, nl.fieldlab.sandbox.stats.Ratio x) {
        csv.row(variant, metric, c(x.estimate()), "", c(x.se()), c(x.ciLow()), c(x.ciHigh()), x.n(), "", "", "", "",
                "", "", "", "", "");
    }

    private static String c(double v) {
        var n = Json.number(v);
        return n == null ? "" : n.toPlainString();
    }

    // ------------------------------------------------------------------ report.md

    public static String markdown(Report r) {
        var s = r.result().scenario();
        StringBuilder md = new StringBuilder();
        md.append("# Fieldlab Sandbox report: ").append(Printable.line(s.id())).append("\n\n");
        md.append(s.description()).append("\n\n");
        md.append(String.format(Locale.ROOT, "Scenario `%s`: %d months from %s, %,d workers, seed %d, %d replications"
                + " (population %s).%n%n", Printable.line(s.file()), s.months(), s.start(), s.workerCount(), s.seed(),
                s.replications(), s.population().name().toLowerCase(Locale.ROOT).replace('_', ' ')));
        md.append("Variants:\n\n");
        for (String v : r.variants()) {
            md.append("- ").append(Printable.line(r.variantLabel(v))).append('\n');
        }
        md.append("\nEach figure is the mean over replications with its 95 % confidence interval (t distribution). "
                + "Differences are paired with the baseline replication by replication (common random numbers); "
                + "`*` marks a difference of the headline family that holds after the correction for multiple tests "
                + "(see Headline verdicts). Every other difference is exploratory: its interval is not corrected, "
                + "and it carries no mark.\n\n");

        r.leadSections().forEach(section -> section(md, section));
        md.append("\n## Results per variant\n\n");
        table(md, r, r.headline(), false);
        md.append("\n## Difference to the baseline (exploratory apart from the headline family)\n\n");
        table(md, r, r.headline(), true);

        md.append("\n## Cost ledger: net position per actor (euro, received minus paid)\n\n");
        List<String> ledger = r.metricsWithPrefix(Metrics.NET_PREFIX).stream()
                .filter(k -> r.comparison().metrics().get(k).values().stream().anyMatch(x -> x.mean() != 0)).toList();
        table(md, r, ledger, false);
        md.append("\n## Retraining cost by payer (euro, fees paid plus grants given minus grants received)\n\n");
        table(md, r, r.metricsWithPrefix(Metrics.RETRAINING_PREFIX), false);
        md.append("\n## Who benefits: placement rate by worker group\n\n");
        table(md, r, r.groupMetrics(), false);
        if (r.smallGroupsText() != null) {
            md.append('\n').append(r.smallGroupsText()).append('\n');
        }

        r.sections().forEach(section -> section(md, section));

        md.append("\n## Top blocking rules\n\n");
        md.append("| variant | rule | blocked actions per run | legal source |\n|---|---|---:|---|\n");
        for (String v : r.variants()) {
            List<Report.Blocking> top = r.topBlocking(v, 5);
            if (top.isEmpty()) {
                md.append("| ").append(cellText(v)).append(" | (none) | 0 | |\n");
            }
            for (Report.Blocking b : top) {
                md.append("| ").append(cellText(v)).append(" | `").append(cellText(b.rule())).append("` | ")
                        .append(fmt(b.blocked().mean())).append(" | ")
                        .append(Printable.line(b.sourceText()).replace("|", "/")).append(" |\n");
            }
        }
        md.append("\n## Metric definitions\n\n");
        Metrics.DESCRIPTIONS.forEach((k, d) -> md.append("- `").append(k).append("`: ").append(d).append('\n'));
        md.append("- `net.<ACTOR>`: money the actor received minus money it paid, in euro\n");
        md.append("- `retrainingCost.<ACTOR>`: course fees and grants the actor paid minus grants it received\n");
        md.append("- `group.<GROUP>.placementRate`: placement rate within a worker group of the scenario\n");
        md.append("- `blocked.<RULE>`: proposed actions that rule blocked\n");
        // the last line of defence: whatever text above came from a scenario or the rules, no control character
        // (an ANSI escape sequence) leaves this writer
        return Printable.text(md.toString());
    }

    private static void section(StringBuilder md, Report.Section section) {
        md.append("\n## ").append(Printable.line(section.title())).append("\n\n");
        section.paragraphs().forEach(p -> md.append(p).append("\n\n"));
        md.append('|');
        section.columns().forEach(c -> md.append(' ').append(Printable.line(c).replace("|", "/")).append(" |"));
        md.append("\n|");
        section.columns().forEach(c -> md.append("---|"));
        md.append('\n');
        for (List<String> row : section.rows()) {
            md.append('|');
            row.forEach(c -> md.append(' ').append(Printable.line(c).replace("|", "/")).append(" |"));
            md.append('\n');
        }
    }

    private static void table(StringBuilder md, Report r, List<String> metrics, boolean differences) {
        List<String> cols = differences ? r.nonBaselineVariants() : r.variants();
        md.append("| metric |");
        cols.forEach(v -> md.append(' ').append(cellText(v)).append(" |"));
        md.append("\n|---|");
        cols.forEach(v -> md.append("---:|"));
        md.append('\n');
        for (String m : metrics) {
            md.append("| `").append(cellText(m)).append("` |");
            for (String v : cols) {
                Summary s = differences ? r.comparison().differences().get(v).get(m)
                        : r.comparison().metrics().get(m).get(v);
                md.append(' ').append(differences ? cell(s, r.verdicts().mark(v, m)) : cell(s, false)).append(" |");
            }
            md.append('\n');
        }
    }

    /**
     * A name (a variant, a worker group in a metric's name, a rule id) as the text of a Markdown table cell: on one
     * line, with its pipes escaped, so that it stays in its cell.
     */
    public static String cellText(String s) {
        return Printable.line(s).replace("|", "\\|");
    }

    /**
     * {@code mean [low, high]}, a difference signed. Unmarked: whether a difference is called is for the headline
     * family's corrected verdicts alone ({@link #cell(Summary, String)}); an interval that excludes 0 is no finding.
     */
    public static String cell(Summary s, boolean difference) {
        if (s == null || s.n() == 0) {
            return "n/a";
        }
        String text = (difference && s.mean() > 0 ? "+" : "") + fmt(s.mean());
        if (s.n() >= 2) {
            text += " [" + fmt(s.ciLow()) + ", " + fmt(s.ciHigh()) + "]";
        }
        return text;
    }

    /** A difference with its mark from the verdicts ({@code " *"} where the headline family calls it, else ""). */
    public static String cell(Summary s, String mark) {
        return s == null || s.n() == 0 ? "n/a" : cell(s, true) + mark;
    }

    /** {@code estimate [low, high]} of a ratio, or why it is not defined. */
    public static String cell(nl.fieldlab.sandbox.stats.Ratio r) {
        return r.defined() ? fmt(r.estimate()) + " [" + fmt(r.ciLow()) + ", " + fmt(r.ciHigh()) + "]" : r.undefined();
    }

    /**
     * Readable numbers: whole numbers with thousands separators from 1,000, three significant digits below (so a
     * small difference and its interval stay visible: {@code 0.000213}, not {@code 0.000}).
     */
    public static String fmt(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        double a = Math.abs(v);
        if (a >= 999.5) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        if (a == 0) {
            return "0";
        }
        int decimals = Math.min(12, Math.max(0, 2 - (int) Math.floor(Math.log10(a))));
        String text = String.format(Locale.ROOT, "%." + decimals + "f", v);
        // rounding up to the next power of ten (9.996 -> 10.00) keeps one digit too many
        if (decimals > 0 && Math.abs(Double.parseDouble(text)) >= Math.pow(10, 3 - decimals)) {
            text = String.format(Locale.ROOT, "%." + (decimals - 1) + "f", v);
        }
        return text.matches("-0\\.?0*") ? text.substring(1) : text;
    }
}
