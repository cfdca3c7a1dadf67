package nl.fieldlab.sandbox.report;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import nl.fieldlab.sandbox.domain.Actor;
import nl.fieldlab.sandbox.domain.QuestionType;
import nl.fieldlab.sandbox.rules.RuleInfo;
import nl.fieldlab.sandbox.rules.Variant;
import nl.fieldlab.sandbox.scenario.Behaviour;
import nl.fieldlab.sandbox.simulation.ChangedAnswer;
import nl.fieldlab.sandbox.simulation.Metrics;
import nl.fieldlab.sandbox.stats.Summary;
import nl.fieldlab.sandbox.stats.Verdicts;

/**
 * Why a variant does worse than the baseline, in words: what got worse (the headline family's calls only), the
 * decisions each behaviour mechanism of mechanisms.yaml tracks (all of them, with the values that size them), where
 * the money went, and one worker whose answer an exemption changed, as {@code explain WORKER --diff VARIANT} shows it
 * in full. Every if and every which here comes from a family call; the rest is quoted as exploratory, never chosen
 * for its own significance. Nothing here is asserted that the run did not measure.
 */
public final class WhyWorse {

    /**
     * A channel: a metric whose difference to the baseline says that a decision changed, the mechanism that
     * decision belongs to, and the behaviour values worth naming beside it (empty for all of the mechanism's).
     */
    record Channel(String metric, String label, String mechanism, List<String> values) {
    }

    static final List<Channel> CHANNELS = List.of(
            new Channel(Metrics.COURSES_STARTED, "courses started", "course-uptake", List.of("course.uptake")),
            new Channel(Metrics.MONTHS_IN_COURSE, "months out of work spent in a course, looking for work less "
                    + "meanwhile (lock-in)", "job-search", List.of("search.in-course-factor.exempt",
                            "search.in-course-factor.duty-kept")),
            new Channel(Metrics.COURSES_COMPLETED, "courses completed", "course-completion",
                    List.of("course.completion", "course.completion-with-search-duty")),
            new Channel(Metrics.APPRENTICESHIPS, "paid BBL apprenticeships", "apprenticeship", List.of()),
            new Channel(Metrics.TRIALS_STARTED, "trial placements started", "trial-screening",
                    List.of("hire.trial-offer-rate")),
            new Channel(Metrics.MONTHS_ON_TRIAL, "months on a trial placement (unpaid, on a benefit, not counted "
                    + "as in work)", "trial-screening", List.of("trial.months-to-learn", "trial.months-to-bridge-gap")),
            new Channel(Metrics.TRIALS_CONVERTED, "trial placements that became a job", "trial-screening",
                    List.of("trial.months-to-learn", "trial.months-to-bridge-gap")),
            new Channel(Metrics.HIRES, "jobs started at the simulated employers", "hiring",
                    List.of("hire.base", "hire.cost-elasticity")),
            new Channel(Metrics.COACHED, "workers coached", "coaching", List.of()),
            new Channel(Metrics.SIDE_JOB_MONTHS, "months of part-time work on a benefit", "side-jobs",
                    List.of("sidejob.start-rate.WW", "sidejob.stop-rate")));

    private final Report report;

    private WhyWorse(Report report) {
        this.report = report;
    }

    /** The section, or null when no variant does worse than the baseline. */
    static Report.Section of(Report report) {
        return new WhyWorse(report).section();
    }

    private static final String INTRO = "Where the headline verdicts call fewer placements, fewer years in work or "
            + "fewer employed at the horizon, or a higher net public cost without more placements, this says what the "
            + "run measured beside it: the answers the variant's exemptions changed, the decisions each behaviour "
            + "mechanism tracks (all of them, in a fixed order, with the values that size them), where the money "
            + "went, and one worker whose answer an exemption changed. Apart from the verdicts, every figure here is "
            + "exploratory: a paired difference with its 95 % interval, not corrected for multiple tests, and none "
            + "of them was chosen for its significance.";
    private static final List<String> HEADER = List.of("variant", "decision", "mechanism", "what changed",
            "difference [95 % CI] (exploratory, uncorrected)", "sized by (the run's values, the same in every "
            + "variant)");

    private Report.Section section() {
        List<String> paragraphs = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        for (String v : report.result().variants()) {
            if (!v.equals(Variant.BASELINE) && report.comparison().differences().containsKey(v)
                    && !worse(report.verdicts(), v, report.comparison().differences().get(v)).isEmpty()) {
                explain(v, paragraphs, rows);
            }
        }
        if (paragraphs.isEmpty()) {
            return null;
        }
        paragraphs.add(0, INTRO);
        return new Report.Section("why-worse", "Why a variant does worse", paragraphs, HEADER, rows);
    }

    /**
     * What the shell's {@code why VARIANT} shows: the section for that one variant, also when it does not do worse
     * (then it says so first, and the channels and the example worker follow all the same).
     *
     * @throws IllegalArgumentException when the run has no such variant other than the baseline
     */
    public static Report.Section forVariant(Report report, String v) {
        if (v.equals(Variant.BASELINE) || !report.comparison().differences().containsKey(v)) {
            throw new IllegalArgumentException("no variant '" + v + "' to set against the baseline in this run "
                    + "(variants: " + String.join(", ", report.comparison().differences().keySet()) + ")");
        }
        List<String> paragraphs = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        WhyWorse why = new WhyWorse(report);
        if (worse(report.verdicts(), v, report.comparison().differences().get(v)).isEmpty()) {
            paragraphs.add(v + " does not do worse than the baseline on the headline verdicts (fewer placements, "
                    + "fewer years in work, fewer in work at the horizon, or a higher net public cost without more "
                    + "placements): none of them is called. What changed beside it, all exploratory:");
        }
        why.explain(v, paragraphs, rows);
        return new Report.Section("why-" + v, "Why " + v + " does what it does", paragraphs, HEADER, rows);
    }

    /** The paragraphs and channel rows of one variant. */
    private void explain(String v, List<String> paragraphs, List<List<String>> rows) {
        Map<String, Summary> d = report.comparison().differences().get(v);
        Verdicts verdicts = report.verdicts();
        List<String> worse = worse(verdicts, v, d);
        // every channel, in a fixed order: choosing the ones whose own interval excludes 0 would select among
        // ten uncorrected tests, and the sentence built on that choice would be a finding nobody tested
        for (Channel c : CHANNELS) {
            Summary s = d.get(c.metric());
            if (s == null) {
                continue;
            }
            Behaviour.Mechanism m = Behaviour.mechanisms().get(c.mechanism());
            rows.add(List.of(v, m.decision(), c.mechanism(), c.label(), ReportWriter.cell(s, true),
                    values(m, c.values())));
        }
        StringBuilder p = new StringBuilder();
        if (!worse.isEmpty()) {
            p.append(v).append(" does worse than the baseline (headline verdicts): ").append(String.join("; ", worse))
                    .append('.');
        }
        String reached = reached(v);
        if (!reached.isEmpty()) {
            p.append(p.isEmpty() ? "" : " ").append(reached);
        }
        boolean fewerYears = verdicts.direction(v, Metrics.MONTHS_IN_WORK) < 0;
        if (fewerYears) {
            p.append(' ').append(monthsInWork(d));
        }
        if (fewerYears || verdicts.direction(v, Metrics.EMPLOYED_AT_HORIZON) < 0) {
            String turn = turn(d);
            if (!turn.isEmpty()) {
                p.append(' ').append(turn);
            }
        }
        if (verdicts.direction(v, Metrics.PUBLIC_COST) > 0) {
            p.append(' ').append(money(d));
        }
        if (!p.isEmpty()) {
            paragraphs.add(p.toString());
        }
        String example = example(v);
        if (!example.isEmpty()) {
            paragraphs.add(example);
        }
    }

    /** What got worse, from the headline family's calls alone; empty when nothing did. */
    private static List<String> worse(Verdicts verdicts, String v, Map<String, Summary> d) {
        List<String> out = new ArrayList<>();
        if (verdicts.direction(v, Metrics.PLACEMENTS) < 0) {
            out.add("fewer placements (" + CostEffectiveness.signed(d.get(Metrics.PLACEMENTS)) + ")");
        }
        if (verdicts.direction(v, Metrics.MONTHS_IN_WORK) < 0) {
            Summary months = d.get(Metrics.MONTHS_IN_WORK);
            out.add("fewer years in work (" + ReportWriter.fmt(months.mean() / 12) + " [" + ReportWriter.fmt(
                    months.ciLow() / 12) + ", " + ReportWriter.fmt(months.ciHigh() / 12) + "])");
        }
        if (verdicts.direction(v, Metrics.EMPLOYED_AT_HORIZON) < 0) {
            out.add("fewer in work at the horizon (" + CostEffectiveness.signed(d.get(Metrics.EMPLOYED_AT_HORIZON))
                    + ")");
        }
        if (verdicts.direction(v, Metrics.PUBLIC_COST) > 0 && verdicts.direction(v, Metrics.PLACEMENTS) <= 0) {
            out.add("a higher net public cost (" + CostEffectiveness.euro(d.get(Metrics.PUBLIC_COST))
                    + ") without more placements");
        }
        return out;
    }

    /** The answers the variant's exemptions changed, by decision. */
    private String reached(String v) {
        Variant variant = report.result().scenario().variant(v);
        if (variant == null) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        for (String ex : variant.exemptions()) {
            List<String> changed = new ArrayList<>();
            for (QuestionType t : QuestionType.values()) {
                Summary c = report.comparison().metrics()
                        .getOrDefault(Metrics.REACH_PREFIX + ex + ".changed." + t.name(), Map.of()).get(v);
                if (c != null && c.mean() > 0) {
                    changed.add(ReportWriter.fmt(c.mean()) + " " + Report.decision(t));
                }
            }
            parts.add(ex + "'s rules changed " + (changed.isEmpty() ? "no answer" : "the answer for "
                    + String.join(", ", changed)) + " per replication");
        }
        return parts.isEmpty() ? "" : String.join("; ", parts) + ".";
    }

    /**
     * What the months in work are made of, where the run measured it, quoted whatever their own intervals say:
     * months on a trial placement (not work by definition) and paid apprenticeships (work by definition).
     */
    private static String monthsInWork(Map<String, Summary> d) {
        List<String> parts = new ArrayList<>();
        Summary trial = d.get(Metrics.MONTHS_ON_TRIAL);
        if (trial != null) {
            parts.add("months on a trial placement, which do not count as work, " + CostEffectiveness.signed(trial));
        }
        Summary apprentices = d.get(Metrics.APPRENTICESHIPS);
        if (apprentices != null) {
            parts.add("paid BBL apprenticeships, which count as work, " + CostEffectiveness.signed(apprentices));
        }
        return "Of the months in work (exploratory; months in work " + CostEffectiveness.signed(
                d.get(Metrics.MONTHS_IN_WORK)) + "): " + String.join("; ", parts) + ".";
    }

    /** The in-work difference at each year end, all years quoted; empty without yearly figures. */
    private static String turn(Map<String, Summary> d) {
        List<String> years = new ArrayList<>();
        for (int y = 1; d.containsKey(Metrics.EMPLOYED_YEAR_PREFIX + y); y++) {
            years.add("year " + y + " " + CostEffectiveness.signed(d.get(Metrics.EMPLOYED_YEAR_PREFIX + y)));
        }
        return years.isEmpty() ? "" : "In work at each year end (exploratory): " + String.join(", ", years) + ".";
    }

    /** Where the extra money went: spending, benefits, receipts and each public body, all quoted (exploratory). */
    private static String money(Map<String, Summary> d) {
        List<String> parts = new ArrayList<>();
        Summary spending = d.get(Metrics.PUBLIC_SPENDING);
        Summary benefits = d.get(Metrics.BENEFIT_PAYMENTS);
        Summary receipts = d.get(Metrics.PUBLIC_RECEIPTS);
        if (spending != null) {
            String s = "public spending other than benefits " + CostEffectiveness.signed(spending);
            List<String> retraining = publicBodies(d, Metrics.RETRAINING_PREFIX);
            if (!retraining.isEmpty()) {
                s += "; of it, retraining in euro (fees paid plus grants given): " + String.join(", ", retraining)
                        + ", where the state's grant is its per-student funding of MBO schools, booked per extra "
                        + "enrolment although the national budget follows enrolment only with a lag (an upper bound "
                        + "on what an extra enrolment costs; unverified)";
            }
            parts.add(s);
        }
        if (benefits != null) {
            parts.add("benefits paid " + CostEffectiveness.signed(benefits));
        }
        if (receipts != null) {
            parts.add("taxes and premiums received " + CostEffectiveness.signed(receipts));
        }
        List<String> payers = publicBodies(d, Metrics.NET_PREFIX);
        if (!payers.isEmpty()) {
            parts.add("net position of each public body, in euro (received minus paid; the ledger has every actor): "
                    + String.join(", ", payers));
        }
        return parts.isEmpty() ? "" : "The money (exploratory): " + String.join("; ", parts) + ".";
    }

    /** {@code ACTOR difference [CI]} for each public body whose per-actor metric under {@code prefix} moved at all. */
    private static List<String> publicBodies(Map<String, Summary> d, String prefix) {
        List<String> out = new ArrayList<>();
        for (Actor a : Actor.values()) {
            Summary s = d.get(prefix + a.name());
            if (a.isPublic() && s != null && s.n() > 0 && !(s.mean() == 0 && (s.n() < 2 || s.sd() == 0))) {
                out.add(a + " " + CostEffectiveness.signed(s));
            }
        }
        return out;
    }

    /**
     * One worker whose answer an exemption changed in the first replication: of those the change set back (placed
     * later or not at all), the one set back least (the most direct case; larger set-backs mix in what followed),
     * else the first.
     */
    private String example(String v) {
        List<ChangedAnswer> changed = report.result().changedAnswers() == null ? List.of()
                : report.result().changedAnswers().getOrDefault(v, List.of());
        if (changed.isEmpty()) {
            return "";
        }
        ChangedAnswer c = changed.stream().filter(ChangedAnswer::setBack)
                .min(Comparator.comparingInt(ChangedAnswer::delay)).orElse(changed.get(0));
        YearMonth start = report.result().scenario().start();
        var groups = report.result().scenario().workers();
        String group = c.group() < groups.size() ? groups.get(c.group()).group() : "?";
        StringBuilder s = new StringBuilder("An example (replication 0): worker ").append(c.worker())
                .append(" (group ").append(group).append(") is asked about ").append(question(c.type()))
                .append(" in ").append(c.month()).append(". ");
        if (c.baseBlockedBy() != null && c.blockedBy() == null) {
            s.append("The baseline's rules refuse it (").append(rule(c.baseBlockedBy())).append("); ")
                    .append(v).append("'s rules allow it").append(rules(exemptionRules(c.onlyHere(), true)));
            List<String> follow = exemptionRules(c.onlyHere(), false);
            if (!follow.isEmpty()) {
                s.append(", and with it the baseline's ").append(String.join(", ", follow)).append(" apply");
            }
            s.append('.');
        } else if (c.baseBlockedBy() == null && c.blockedBy() != null) {
            s.append("The baseline's rules allow it; ").append(v).append("'s rules refuse it (")
                    .append(rule(c.blockedBy())).append(").");
        } else {
            s.append("Both allow it, but ").append(v).append("'s rules change its terms")
                    .append(c.terms().isEmpty() ? "" : " (" + String.join("; ", c.terms()) + ")").append(c.onlyHere().isEmpty() ? "" : ", by " + ruleList(c.onlyHere()))
                    .append(c.onlyInBase().isEmpty() ? ""
                            : "; in the baseline " + String.join(", ", c.onlyInBase()) + " applied instead")
                    .append('.');
        }
        s.append(" The worker's first job: ").append(when(c.basePlaced(), start)).append(" in the baseline, ")
                .append(when(c.placed(), start)).append(" under ").append(v).append('.');
        if (c.setBack()) {
            s.append(" The change set this worker back.");
        }
        s.append(" In the shell, with this scenario run, `explain ").append(c.worker()).append(" --diff ").append(v)
                .append("` shows the whole path month by month, with every rule and payment.");
        return s.toString();
    }

    private String rule(String id) {
        RuleInfo info = report.rules().get(id);
        return info == null || info.source() == null ? id : id + ": " + info.source();
    }

    /** The rules of {@code ids} that belong to an exemption ({@code true}) or to the baseline. */
    private List<String> exemptionRules(List<String> ids, boolean ofAnExemption) {
        return ids.stream().filter(id -> {
            RuleInfo info = report.rules().get(id);
            return (info != null && info.exemption() != null) == ofAnExemption;
        }).toList();
    }

    private String rules(List<String> ids) {
        return ids.isEmpty() ? "" : " (" + ruleList(ids) + ")";
    }

    private String ruleList(List<String> ids) {
        return String.join("; ", ids.stream().sorted(Comparator.naturalOrder()).map(this::rule).toList());
    }

    private static String when(int month, YearMonth start) {
        return month < 0 ? "none within the horizon" : start.plusMonths(month).toString();
    }

    private static String question(QuestionType t) {
        return switch (t) {
            case HIRE -> "a hire";
            case TRIAL_PLACEMENT -> "a trial placement";
            case COURSE -> "a course";
            case BENEFIT -> "their benefit";
            case DISMISSAL -> "their dismissal";
        };
    }

    private String values(Behaviour.Mechanism m, List<String> keys) {
        List<String> out = new ArrayList<>();
        Behaviour b = report.result().scenario().behaviour();
        for (String k : keys.isEmpty() ? m.parameters() : keys) {
            out.add(k + " = " + ReportWriter.fmt(b.get(k)));
        }
        return String.join("; ", out);
    }
}
