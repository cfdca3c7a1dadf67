package nl.fieldlab.sandbox.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import nl.fieldlab.sandbox.scenario.Scenario;
import nl.fieldlab.sandbox.stats.FamilyVerdicts;
import nl.fieldlab.sandbox.stats.HeadlineFamily;
import nl.fieldlab.sandbox.stats.Summary;
import nl.fieldlab.sandbox.stats.Verdicts;

/**
 * The report's first lead section, "Headline verdicts": which differences make the headline family, how their tests
 * are corrected, on how many replications, populations and seeds the verdicts rest, and each verdict with its p.
 */
final class FamilySection {

    private FamilySection() {
    }

    /**
     * Whether variant {@code v} ran a work-to-work route (support P2): it started secondments or courses on the
     * transition budget. Workers at risk also move on their own in every variant, so workToWork alone does not say.
     */
    private static boolean workToWorkRoute(Report r, String v) {
        for (String m : List.of(nl.fieldlab.sandbox.simulation.Metrics.SECONDMENTS,
                nl.fieldlab.sandbox.simulation.Metrics.W2W_COURSE_STARTS)) {
            var s = r.comparison().metrics().getOrDefault(m, java.util.Map.of()).get(v);
            if (s != null && s.mean() > 0) {
                return true;
            }
        }
        return false;
    }

    static Report.Section of(Report r) {
        Verdicts verdicts = r.verdicts();
        FamilyVerdicts family = verdicts.family();
        Scenario s = r.result().scenario();
        List<String> variants = r.nonBaselineVariants();
        List<String> labels = HeadlineFamily.MEMBERS.stream().map(HeadlineFamily.Member::label).toList();
        List<String> paragraphs = new ArrayList<>();
        int tested = variants.size() - family.untested().size();
        paragraphs.add(words(HeadlineFamily.MEMBERS.size()) + " differences per variant make the headline family: "
                + String.join(", ", labels.subList(0, labels.size() - 1)) + " and " + labels.get(labels.size() - 1)
                + ". Their " + family.size() + " tests (" + tested + " variant" + (tested == 1 ? "" : "s") + " x "
                + HeadlineFamily.MEMBERS.size() + ") are corrected together by " + family.correction().label() + " ("
                + family.correction().controls() + " " + percent(HeadlineFamily.ALPHA) + "): * marks a difference "
                + "that holds after it. Every other figure in this report is exploratory: its 95 % interval is not "
                + "corrected, and no difference there is a finding. A difference that is not called is not shown to "
                + "be absent: the replications could not tell it from noise."
                + (family.correction() == nl.fieldlab.sandbox.stats.Correction.BENJAMINI_HOCHBERG
                        ? " The Benjamini-Hochberg method holds for independent or positively dependent tests; net "
                                + "public cost and its present value are nearly the same test."
                        : ""));
        StringBuilder run = new StringBuilder();
        if (verdicts.enoughReplications()) {
            run.append(family.replications()).append(" replications (at least ").append(HeadlineFamily.MIN_REPLICATIONS)
                    .append(" are needed for a verdict)");
        } else {
            run.append(verdicts.tooFewText()).append(": no difference is called");
        }
        run.append("; ").append(s.population() == Scenario.PopulationMode.FIXED
                ? "population fixed: the intervals and verdicts hold for one drawn population, not for who is in it"
                : "population drawn again in each replication, shared by the variants").append(". ");
        if (verdicts.seeds() == null) {
            run.append("Seed check: none (one run, seed ").append(s.seed()).append("); 'run --seeds 2' or the "
                    + "scenario's verdicts.seeds repeats the run with independent seeds.");
        } else {
            run.append("Seed check: ").append(verdicts.seedRuns()).append(" runs with independent seeds (")
                    .append(String.join(", ", verdicts.seeds().seeds().stream().map(String::valueOf).toList()))
                    .append("); a difference is called only where every run calls it, in the same direction.");
        }
        paragraphs.add(run.toString());
        for (String v : family.untested()) {
            paragraphs.add(v + " is not tested: its headline differences are exactly 0 in every replication (it ran "
                    + "the baseline's paths: its exemptions reached nobody or changed no answer), so it is no "
                    + "hypothesis and does not count among the tests.");
        }
        for (String v : r.comparison().differences().keySet()) {
            var moved = r.comparison().differences().get(v).get(nl.fieldlab.sandbox.simulation.Metrics.WORK_TO_WORK);
            if (moved != null && workToWorkRoute(r, v)) {
                paragraphs.add(v + " moves workers at risk into a job before they become unemployed (workToWork "
                        + CostEffectiveness.signed(moved) + " against the baseline). Placements, work-years and "
                        + "employed at the horizon count former job seekers only, and such a worker never becomes "
                        + "one: for " + v + " these three fall partly by construction (the movers drop out, a "
                        + "comparison of groups the variant itself changed), and partly because movers take vacancies "
                        + "job seekers would have filled. Read its verdicts on them with that in mind, and its effect "
                        + "on the people at risk from atRisk.monthsOutOfWork and workToWork (exploratory); a "
                        + "work-years measure over the whole population is not built yet.");
            }
        }
        paragraphs.add("\"Smallest it could call\" is the difference this run could call at all: the first step of "
                + "the correction tests the smallest p at " + percent(HeadlineFamily.ALPHA) + " / " + family.size()
                + ", so a difference needs |mean| above t(1 - " + percent(HeadlineFamily.ALPHA) + " / (2 x "
                + family.size() + ")) x its standard error. Where the simulated difference is smaller, more "
                + "replications ('plan-replications --family') or fewer variants would be needed to call it.");
        List<String> columns = new ArrayList<>(List.of("variant", "metric", "difference [95 % CI]", "p",
                "adjusted p", "smallest it could call"));
        if (verdicts.seeds() != null) {
            verdicts.seeds().seeds().forEach(seed -> columns.add("seed " + seed));
        }
        columns.add("verdict");
        List<List<String>> rows = new ArrayList<>();
        for (String v : variants) {
            for (HeadlineFamily.Member m : HeadlineFamily.MEMBERS) {
                FamilyVerdicts.Cell cell = family.cell(v, m.metric());
                if (cell == null) {
                    continue;
                }
                List<String> row = new ArrayList<>(List.of(v, m.label(),
                        ReportWriter.cell(scaled(cell.diff(), m.scale()), verdicts.mark(v, m.metric())),
                        Verdicts.p(cell.test().p()), Verdicts.p(cell.pAdjusted()),
                        smallestCallable(cell.diff(), family.size(), m.scale())));
                if (verdicts.seeds() != null) {
                    for (FamilyVerdicts runOf : verdicts.seeds().runs()) {
                        row.add(word(runOf.call(v, m.metric())));
                    }
                }
                String verdict = verdicts.verdict(v, m.metric());
                row.add(verdicts.called(v, m.metric()) ? verdict + " *" : verdict);
                rows.add(row);
            }
        }
        return new Report.Section("headline-verdicts", "Headline verdicts", paragraphs, columns, rows);
    }

    /**
     * The smallest |difference| the correction's first step could call with this standard error: t at 1 - alpha /
     * (2m) with n - 1 degrees of freedom, times the standard error (in the member's unit); "n/a" below 2 replications.
     */
    static String smallestCallable(nl.fieldlab.sandbox.stats.Summary d, int m, double scale) {
        if (d.n() < 2 || m < 1 || Double.isNaN(d.se())) {
            return "n/a";
        }
        double t = new org.apache.commons.math3.distribution.TDistribution(null, d.n() - 1)
                .inverseCumulativeProbability(1 - HeadlineFamily.ALPHA / (2.0 * m));
        return ReportWriter.fmt(t * d.se() * scale);
    }

    private static String word(FamilyVerdicts.Call call) {
        return switch (call) {
            case CALLED_UP -> "higher";
            case CALLED_DOWN -> "lower";
            case NOT_CALLED -> "n.s.";
            case TOO_FEW_REPLICATIONS -> "too few";
            case NOT_TESTED -> "not tested";
        };
    }

    /** A difference in the unit of the family's label (months in work shown as work-years). */
    static Summary scaled(Summary d, double scale) {
        return scale == 1 ? d
                : new Summary(d.mean() * scale, d.sd() * scale, d.se() * scale, d.ciLow() * scale, d.ciHigh() * scale,
                        d.n());
    }

    private static String percent(double x) {
        return String.format(Locale.ROOT, "%.0f %%", 100 * x);
    }

    private static String words(int n) {
        String[] w = {"No", "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine"};
        return n < w.length ? w[n] : Integer.toString(n);
    }
}
