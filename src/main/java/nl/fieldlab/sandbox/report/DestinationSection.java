package nl.fieldlab.sandbox.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import nl.fieldlab.sandbox.rules.Variant;
import nl.fieldlab.sandbox.simulation.Metrics;
import nl.fieldlab.sandbox.stats.Comparison;
import nl.fieldlab.sandbox.stats.Summary;

/**
 * Where people landed: placements and years in work by employer group, field, technical or not, and wage band, and
 * the wage gained against the benefit left, for every variant with its paired difference to the baseline. The same
 * two tables serve report.md, report.html and {@code compare --destinations}; summary.csv and report.json carry the
 * {@code dest.*} metrics as every other. Exploratory: outside the headline family, never marked.
 */
public final class DestinationSection {

    static final String ID = "destinations";
    static final String INCOME_ID = "destination-income";

    private static final String PLACEMENTS = ".placements";
    private static final String WORK_YEARS = ".workYears";
    private static final Map<String, String> INCOME = incomeRows();

    private DestinationSection() {
    }

    private static Map<String, String> incomeRows() {
        Map<String, String> rows = new java.util.LinkedHashMap<>();
        rows.put(Metrics.DEST_INCOME_WAGE, "gross wage, first month in the job (EUR a month)");
        rows.put(Metrics.DEST_INCOME_BENEFIT_LEFT, "benefit left, net, its last month (EUR a month)");
        rows.put(Metrics.DEST_INCOME_NET_IN_WORK, "net in work, first month (EUR a month)");
        rows.put(Metrics.DEST_INCOME_GAIN, "gain: net in work less benefit left (EUR a month)");
        rows.put(Metrics.DEST_INCOME_NO_GAIN_SHARE, "share of placements with no gain");
        return rows;
    }

    /** The two sections, or none when the run has no destination metrics (totals of an older layout). */
    public static List<Report.Section> of(Comparison c) {
        if (!c.metrics().containsKey(Metrics.DEST_INCOME_GAIN)) {
            return List.of();
        }
        return List.of(places(c), income(c));
    }

    /** The columns: what, then the baseline's mean, then each variant's mean and difference to the baseline. */
    private static List<String> columns(Comparison c, String... first) {
        List<String> out = new ArrayList<>(List.of(first));
        out.add(Variant.BASELINE);
        for (String v : c.variants()) {
            if (!v.equals(Variant.BASELINE)) {
                out.add(v);
                out.add(v + " - baseline [95 % CI]");
            }
        }
        return out;
    }

    private static List<String> values(Comparison c, String metric) {
        List<String> out = new ArrayList<>();
        Map<String, Summary> means = c.metrics().get(metric);
        out.add(mean(means.get(Variant.BASELINE)));
        for (String v : c.variants()) {
            if (!v.equals(Variant.BASELINE)) {
                out.add(mean(means.get(v)));
                out.add(ReportWriter.cell(c.differences().get(v).get(metric), true));
            }
        }
        return out;
    }

    private static String mean(Summary s) {
        return s == null || s.n() == 0 || Double.isNaN(s.mean()) ? "n/a" : ReportWriter.fmt(s.mean());
    }

    private static Report.Section places(Comparison c) {
        List<List<String>> rows = new ArrayList<>();
        int hidden = 0;
        for (String metric : c.metrics().keySet()) {
            if (!metric.startsWith(Metrics.DEST_PREFIX) || !metric.endsWith(PLACEMENTS)) {
                continue;
            }
            String category = metric.substring(Metrics.DEST_PREFIX.length(), metric.length() - PLACEMENTS.length());
            String years = Metrics.DEST_PREFIX + category + WORK_YEARS;
            if (allZero(c, metric) && allZero(c, years)) {
                hidden++;
                continue;
            }
            for (String[] m : new String[][] {{metric, "placements"}, {years, "years in work"}}) {
                List<String> row = new ArrayList<>(List.of(label(category), m[1]));
                row.addAll(values(c, m[0]));
                rows.add(row);
            }
        }
        return new Report.Section(ID, "Where people landed (exploratory)", List.of("First placements of former job "
                + "seekers (by their first job) and their years in work (by the job they held in each month), by "
                + "the job's employer group, field, whether it is technical, and its wage band: the hourly wage over "
                + "the minimum wage for the worker's age (below it, 100-125 %, 125-150 %, 150-200 %, 200 % and more; "
                + "the 125 % edge is the former low-income benefit's band, LIV, unverified; 150 % and 200 % are "
                + "design choices). Each dimension adds up to the placements and the years in work. The first 8 "
                + "employer groups and fields are named, the rest are 'other'. Exploratory: no difference here is "
                + "called." + (hidden == 0 ? "" : " Categories nobody landed in under any variant are left out ("
                        + hidden + "; summary.csv lists them with 0).")),
                columns(c, "destination", "measure"), rows);
    }

    private static Report.Section income(Comparison c) {
        List<List<String>> rows = new ArrayList<>();
        INCOME.forEach((metric, label) -> {
            if (c.metrics().containsKey(metric)) {
                List<String> row = new ArrayList<>(List.of(label));
                row.addAll(values(c, metric));
                rows.add(row);
            }
        });
        return new Report.Section(INCOME_ID, "The wage gained against the benefit left (exploratory)", List.of(
                "Per first placement of a former job seeker: the gross wage of the first month in the job, the net "
                        + "benefit (WW, bijstand) in its last month before it, the net money in work (wage and any "
                        + "payment to the worker the job brings, less wage tax), and the gain, net against net because "
                        + "the bijstand norm is net. Not counted: earnings of a side job before the placement, the "
                        + "holiday allowance's timing, income-dependent allowances (toeslagen) and the labour "
                        + "credit's year-end settlement. A placement from no benefit left 0."),
                columns(c, "per placement"), rows);
    }

    private static boolean allZero(Comparison c, String metric) {
        Map<String, Summary> means = c.metrics().get(metric);
        return means == null || means.values().stream().allMatch(s -> s == null || s.mean() == 0);
    }

    /** "employer: installation", "wage: 100-125 % of the minimum". */
    static String label(String category) {
        if (category.equals("technical")) {
            return "technical job";
        }
        if (category.equals("nonTechnical")) {
            return "non-technical job";
        }
        int dot = category.indexOf('.');
        String dimension = category.substring(0, dot);
        String name = category.substring(dot + 1);
        if (dimension.equals("wage")) {
            name = switch (name) {
                case "belowMin" -> "below the minimum wage";
                case "min-125" -> "100-125 % of the minimum";
                case "125-150" -> "125-150 % of the minimum";
                case "150-200" -> "150-200 % of the minimum";
                case "200plus" -> "200 % of the minimum or more";
                default -> name;
            };
        }
        return dimension + ": " + name;
    }
}
