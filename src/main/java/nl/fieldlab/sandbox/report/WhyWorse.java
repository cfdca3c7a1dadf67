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

/**
 * Why a variant does worse than the baseline, in words: what got worse, the decisions through which the effect runs
 * (each a behaviour mechanism of mechanisms.yaml, with the values that size it, and only where the paired
 * difference is significant), where the money went, and one worker whose answer an exemption changed, as
 * {@code explain WORKER --diff VARIANT} shows it in full. Nothing here is asserted that the run did not measure.
 */
final class WhyWorse {

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

    private Report.Section section() {
        Map<String, Map<String, Summary>> diffs = report.comparison().differences();
        List<String> paragraphs = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        for (String v : report.result().variants()) {
            if (v.equals(Variant.BASELINE) || !diffs.containsKey(v)) {
                continue;
            }
            Map<String, Summary> d = diffs.get(v);
            List<String> worse = worse(d);
            if (worse.isEmpty()) {
                continue;
            }
            List<String> through = new ArrayList<>();
            for (Channel c : CHANNELS) {
                Summary s = d.get(c.metric());
                if (s == null || !s.excludesZero()) {
                    continue;
                }
                Behaviour.Mechanism m = Behaviour.mechanisms().get(c.mechanism());
                rows.add(List.of(v, m.decision(), c.mechanism(), c.label(), ReportWriter.cell(s, true),
                        values(m, c.values())));
                through.add(m.decision());
            }
            StringBuilder p = new StringBuilder(v).append(" does worse than the baseline: ")
                    .append(String.join("; ", worse)).append('.');
            String reached = reached(v);
            if (!reached.isEmpty()) {
                p.append(' ').append(reached);
            }
            p.append(through.isEmpty()
                    ? " No decision the mechanisms track changed significantly: the difference is the sum of small"
                            + " changes (the reach and the effects by year say where)."
                    : " The effect runs through " + String.join(", ", through.stream().distinct().toList())
                            + " (the table below: the decision, its mechanism, the paired difference and the values"
                            + " that size it).");
            String months = monthsInWork(d);
            if (!months.isEmpty()) {
                p.append(' ').append(months);
            }
            String turn = turn(d);
            if (!turn.isEmpty()) {
                p.append(' ').append(turn);
            }
            String money = money(d);
            if (!money.isEmpty()) {
                p.append(' ').append(money);
            }
            paragraphs.add(p.toString());
            String example = example(v);
            if (!example.isEmpty()) {
                paragraphs.add(example);
            }
        }
        if (paragraphs.isEmpty()) {
            return null;
        }
        paragraphs.add(0, "Where a variant places fewer people, gives fewer years in work, or costs the public purse "
                + "more without placing more, this says why, from what the run measured: the decisions that changed "
                + "(paired with the baseline, only differences whose 95 % interval excludes 0), the behaviour "
                + "mechanism each belongs to with the values that size it, where the money went, and one worker "
                + "whose answer an exemption changed.");
        return new Report.Section("why-worse", "Why a variant does worse", paragraphs,
                List.of("variant", "decision", "mechanism", "what changed", "difference [95 % CI]",
                        "sized by (the run's values, the same in every variant)"), rows);
    }

    /** What got worse, in words; empty when nothing did. */
    private static List<String> worse(Map<String, Summary> d) {
        List<String> out = new ArrayList<>();
        Summary placements = d.get(Metrics.PLACEMENTS);
        Summary months = d.get(Metrics.MONTHS_IN_WORK);
        Summary cost = d.get(Metrics.PUBLIC_COST);
        if (placements != null && placements.excludesZero() && placements.mean() < 0) {
            out.add("fewer placements (" + CostEffectiveness.signed(placements) + ")");
        }
        if (months != null && months.excludesZero() && months.mean() < 0) {
            out.add("fewer years in work (" + ReportWriter.fmt(months.mean() / 12) + " [" + ReportWriter.fmt(
                    months.ciLow() / 12) + ", " + ReportWriter.fmt(months.ciHigh() / 12) + "])");
        }
        boolean morePlacements = placements != null && placements.excludesZero() && placements.mean() > 0;
        if (cost != null && cost.excludesZero() && cost.mean() > 0 && !morePlacements) {
            out.add("a higher net public cost (" + CostEffectiveness.euro(cost) + ") without more placements");
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
     * What the months lost in work are made of, where the run measured it: months on a trial placement (not work
     * by definition) and paid apprenticeships replaced (work by definition).
     */
    private static String monthsInWork(Map<String, Summary> d) {
        Summary work = d.get(Metrics.MONTHS_IN_WORK);
        if (work == null || !work.excludesZero() || work.mean() >= 0) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        Summary trial = d.get(Metrics.MONTHS_ON_TRIAL);
        Summary placements = d.get(Metrics.PLACEMENTS);
        if (trial != null && trial.excludesZero() && trial.mean() > 0) {
            boolean fewer = placements != null && placements.excludesZero() && placements.mean() < 0;
            parts.add("the extra months on a trial placement (" + CostEffectiveness.signed(trial) + "), which do not count as work, "
                    + (trial.mean() >= 0.8 * -work.mean() ? "are about as many as" : "are part of")
                    + " the months in work lost (" + CostEffectiveness.signed(work) + ")" + (fewer ? "" : ": hires come later, not fewer"));
        }
        Summary apprentices = d.get(Metrics.APPRENTICESHIPS);
        if (apprentices != null && apprentices.excludesZero() && apprentices.mean() < 0) {
            parts.add(ReportWriter.fmt(-apprentices.mean()) + " fewer paid BBL apprenticeships (an apprentice has a "
                    + "job with a course and counts as in work; a worker retraining on a benefit does not), so part of "
                    + "the months lost in work are apprenticeships replaced by courses on a benefit");
        }
        return parts.isEmpty() ? "" : "Of the months in work: " + String.join("; ", parts) + ".";
    }

    /** When the in-work difference turns, from the effects by year; empty when it does not. */
    private static String turn(Map<String, Summary> d) {
        List<Summary> years = new ArrayList<>();
        for (int y = 1; d.containsKey(Metrics.EMPLOYED_YEAR_PREFIX + y); y++) {
            years.add(d.get(Metrics.EMPLOYED_YEAR_PREFIX + y));
        }
        int firstDown = -1;
        int laterUp = -1;
        int fades = -1;
        for (int y = 0; y < years.size(); y++) {
            Summary s = years.get(y);
            if (firstDown < 0) {
                if (s.excludesZero() && s.mean() < 0) {
                    firstDown = y;
                }
            } else if (s.excludesZero() && s.mean() > 0) {
                laterUp = y;
                break;
            } else if (!s.excludesZero() && fades < 0) {
                fades = y;
            }
        }
        if (firstDown < 0) {
            return "";
        }
        String down = "In work at year end it is lower first (year " + (firstDown + 1) + ": "
                + CostEffectiveness.signed(years.get(firstDown)) + ")";
        if (laterUp >= 0) {
            return down + " and higher from year " + (laterUp + 1) + " (" + CostEffectiveness.signed(years.get(laterUp)) + "), so within the horizon the early loss outweighs the later gain; a longer "
                    + "horizon (the scenario's months) could change the verdict.";
        }
        if (fades >= 0) {
            return down + "; from year " + (fades + 1) + " the difference is no longer significant: the loss is not"
                    + " made up later.";
        }
        return down + " and stays lower to the horizon.";
    }

    /** Where the extra money went: spending, of which course fees, benefits and receipts, where significant. */
    private static String money(Map<String, Summary> d) {
        List<String> parts = new ArrayList<>();
        Summary spending = d.get(Metrics.PUBLIC_SPENDING);
        Summary benefits = d.get(Metrics.BENEFIT_PAYMENTS);
        Summary receipts = d.get(Metrics.PUBLIC_RECEIPTS);
        if (spending != null && spending.excludesZero()) {
            String s = "public spending other than benefits " + (spending.mean() > 0 ? "rises" : "falls") + " by "
                    + CostEffectiveness.euro(CostEffectiveness.abs(spending));
            List<String> retraining = publicBodies(d, Metrics.RETRAINING_PREFIX);
            if (!retraining.isEmpty()) {
                s += "; of it, retraining in euro (fees paid plus grants given): " + String.join(", ", retraining)
                        + ", where the state's grant is its per-student funding of MBO schools, booked per extra "
                        + "enrolment although the national budget follows enrolment only with a lag (an upper bound "
                        + "on what an extra enrolment costs; unverified)";
            }
            parts.add(s);
        }
        if (benefits != null && benefits.excludesZero()) {
            parts.add("benefits paid " + (benefits.mean() > 0 ? "rise by " : "fall by ")
                    + CostEffectiveness.euro(CostEffectiveness.abs(benefits)) + (benefits.mean() > 0
                            ? " (people stay on a benefit while in a course or on a trial, or find work later)" : ""));
        }
        if (receipts != null && receipts.excludesZero()) {
            parts.add("taxes and premiums received " + (receipts.mean() > 0 ? "rise by " : "fall by ")
                    + CostEffectiveness.euro(CostEffectiveness.abs(receipts)));
        }
        List<String> payers = publicBodies(d, Metrics.NET_PREFIX);
        if (!payers.isEmpty()) {
            parts.add("net position of each public body, in euro (received minus paid; the ledger has every actor): "
                    + String.join(", ", payers));
        }
        return parts.isEmpty() ? "" : "The money: " + String.join("; ", parts) + ".";
    }

    /** {@code ACTOR difference [CI]} for each public body whose per-actor metric under {@code prefix} moved. */
    private static List<String> publicBodies(Map<String, Summary> d, String prefix) {
        List<String> out = new ArrayList<>();
        for (Actor a : Actor.values()) {
            Summary s = d.get(prefix + a.name());
            if (a.isPublic() && s != null && s.excludesZero()) {
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
