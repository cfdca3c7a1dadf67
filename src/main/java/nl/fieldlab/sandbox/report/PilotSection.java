package nl.fieldlab.sandbox.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import nl.fieldlab.sandbox.evaluation.AtCap;
import nl.fieldlab.sandbox.evaluation.Design;
import nl.fieldlab.sandbox.evaluation.DesignCatalogue;
import nl.fieldlab.sandbox.evaluation.Outcome;
import nl.fieldlab.sandbox.rules.Exemption;
import nl.fieldlab.sandbox.rules.ExemptionScope;
import nl.fieldlab.sandbox.simulation.Metrics;
import nl.fieldlab.sandbox.stats.Comparison;
import nl.fieldlab.sandbox.stats.HeadlineFamily;
import nl.fieldlab.sandbox.stats.Summary;

/**
 * "Can a pilot show it?": for each exemption of the run and each assignment design that fits it, the simulated
 * intention-to-treat effect on the primary outcome some months after intake, the minimum detectable effect of a
 * pilot held to the exemption's cap, the power against the simulated effect and the sample needed. Analytic, from
 * the run's {@code pilot.*} metrics: no extra simulation ({@code plan-pilot} runs the pilot in the simulator).
 */
final class PilotSection {

    static final String UNDETECTABLE = "the cap makes the exemption's own expected effect undetectable";
    static final String UNDETECTABLE_ANYWAY = "the exemption's own expected effect is undetectable even with every "
            + "eligible person in the pilot (its cap does not bind: the eligible population is the limit)";

    private PilotSection() {
    }

    /** The section, or null when the run has no exemption or no design catalogue. */
    static Report.Section of(Comparison comparison, Map<String, Exemption> exemptions, Map<String, String> variantOf,
            DesignCatalogue catalogue, nl.fieldlab.sandbox.scenario.Scenario scenario) {
        if (catalogue == null || variantOf.isEmpty()) {
            return null;
        }
        DesignCatalogue.Parameters par = catalogue.parameters();
        Outcome primary = Outcome.named(par.primaryOutcome());
        List<List<String>> rows = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        List<String> notFitting = new ArrayList<>();
        variantOf.forEach((exId, v) -> {
            Exemption ex = Report.exemptionIn(exemptions, v, exId);
            String p = Metrics.PILOT_PREFIX + exId + ".";
            Summary eligible = summary(comparison, p + "eligible", v);
            if (ex == null || eligible == null) {
                return;
            }
            double cap = capInParticipants(ex.scope(), comparison, exId, v);
            double participants = mean(comparison, Metrics.REACH_PREFIX + exId + ".participants", v);
            double refused = mean(comparison, Metrics.REACH_PREFIX + exId + ".refused", v);
            int employers = scenario.employers().stream().filter(g -> ex.scope().regions().isEmpty()
                    || ex.scope().regions().contains(g.region() == null ? scenario.region() : g.region()))
                    .mapToInt(g -> g.count()).sum();
            List<String> out = new ArrayList<>();
            for (Design d : Design.values()) {
                DesignCatalogue.Fit fit = catalogue.fit(d, ex);
                if (!fit.fits()) {
                    out.add(d.name() + ": " + fit.reason());
                    continue;
                }
                List<String> beyond = new ArrayList<>();
                for (int month : par.months()) {
                    String metric = p + primary.key() + ".m" + month;
                    double control = mean(comparison, metric, nl.fieldlab.sandbox.rules.Variant.BASELINE);
                    Summary itt = comparison.differences().getOrDefault(v, Map.of()).get(metric);
                    AtCap arms = AtCap.of(eligible.mean(), mean(comparison, p + "observed.m" + month, v), participants,
                            cap);
                    if (Double.isNaN(control)) {
                        beyond.add(String.valueOf(month));
                        continue;
                    }
                    double mde = switch (d) {
                        case LOTTERY -> arms.lotteryMde(control, par.alpha(), par.power());
                        case EMPLOYER -> arms.employerMde(control, employers, par.icc().get("employer").value(),
                                par.alpha(), par.power());
                        case DID -> arms.didMde(control, par.icc().get("region-period").value(), par.alpha(),
                                par.power());
                        case STEPPED_WEDGE, RD_AGE -> Double.NaN;
                    };
                    double needed = AtCap.needed(itt, control, par.alpha(), par.power());
                    String neededText = neededText(itt, needed);
                    rows.add(List.of(exId, catalogue.designs().get(d).name(), lawful(fit), String.valueOf(month),
                            pct(control), ReportWriter.cell(pp(itt), true), pp(mde), d == Design.LOTTERY
                                    ? neededText
                                    : "", d == Design.LOTTERY && itt != null ? pct(arms.lotteryPower(itt.mean(), control,
                                            par.alpha())) : ""));
                    if (d == Design.LOTTERY && month == par.primaryMonth()) {
                        warnings.addAll(warnings(exId, capWords(ex.scope(), cap), arms, control, itt, par.alpha(),
                                par.power(), refused, primary.key() + " " + month + " months after intake"));
                    }
                }
                if (!beyond.isEmpty()) {
                    rows.add(List.of(exId, catalogue.designs().get(d).name(), lawful(fit), String.join(", ", beyond),
                            "beyond the horizon", "", "", "", ""));
                }
            }
            if (!out.isEmpty()) {
                notFitting.add(exId + ": " + String.join("; ", out) + ".");
            }
        });
        if (rows.isEmpty()) {
            return null;
        }
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add(String.format(Locale.ROOT, "Could the fieldlab's own pilot of each exemption, held to its cap, "
                + "show the effect the simulation finds? Primary outcome: %s %d months after intake (the share %s), "
                + "alpha %s, power %s. Eligible: people whose facts at entry fall in the exemption's scope. The "
                + "simulated effect is the rollout's intention-to-treat effect on the eligible (the variant against "
                + "the baseline, same people). The MDE is that of a pilot at the exemption's cap: a lottery offers "
                + "as many as its participants can fill the cap, the rest are controls. Effects in percentage "
                + "points.", primary.key(), par.primaryMonth(), primary.words(), par.alpha(), par.power()));
        paragraphs.addAll(warnings);
        paragraphs.addAll(notFitting.stream().map(s -> "Designs that do not fit " + s).toList());
        paragraphs.add("Lawfulness per legal route comes from rules/evaluation/designs.yaml; judgements marked "
                + "(unverified) have not been checked by a lawyer; difference in differences and a discontinuity at an "
                + "age limit withhold the exemption from no one in its scope, so they need no legal judgement. The "
                + "intra-cluster correlations are placeholders "
                + "(unverified). Randomisation by employer and difference in differences are analytic only, with "
                + "people spread evenly over the employers and comparison regions as large as the treated one. "
                + "plan-pilot runs the pilot inside the simulator for empirical power and bias.");
        return new Report.Section("pilot", "Can a pilot show it? The fieldlab's own evaluation", paragraphs,
                List.of("exemption", "design", "lawful", "months after intake", "control", "simulated effect (pp) [95% CI]",
                        "MDE at the cap (pp)", "n per arm needed", "power at the cap"), rows);
    }

    /**
     * The warnings on an exemption's primary outcome: the cap makes its effect undetectable (the simulated effect
     * is smaller than a lottery at the cap can detect), the effect is not significant in the simulation itself,
     * and the cap turned people away in the rollout (its effect is diluted).
     */
    static List<String> warnings(String ex, String capWords, AtCap arms, double control, Summary itt, double alpha,
            double power, double refused, String outcome) {
        List<String> out = new ArrayList<>();
        if (itt == null || itt.n() == 0) {
            return out;
        }
        double mde = arms.lotteryMde(control, alpha, power);
        if (Math.abs(itt.mean()) < mde) {
            // the cap limits a pilot only when it leaves fewer to offer than half the eligible
            boolean capBinds = arms.treated() < arms.control() * (1 - 1e-9);
            out.add(String.format(Locale.ROOT, "%s: %s. %s a lottery can detect %s pp on %s; the simulated "
                    + "effect is %s pp, so a pilot of this size has about %s power.", ex,
                    capBinds ? UNDETECTABLE : UNDETECTABLE_ANYWAY, capBinds ? "At " + capWords
                            : "With the " + ReportWriter.fmt(arms.treated() + arms.control()) + " eligible observed, "
                                    + "half offered,",
                    pp(mde), outcome, ReportWriter.fmt(100 * itt.mean()),
                    pct(arms.lotteryPower(itt.mean(), control, alpha))));
        }
        if (itt.n() >= 2 && !itt.excludesZero()) {
            out.add(ex + ": the simulated effect is not significant in the simulation itself.");
        }
        if (refused > 0) {
            out.add(ex + ": the cap bound in the rollout (" + ReportWriter.fmt(refused) + " turned away a "
                    + "replication): the intention-to-treat effect is diluted.");
        }
        return out;
    }

    /**
     * The sample a lottery needs for the simulated effect, in words: not stated below the replications a verdict
     * needs (an interval from two replications can be a single point, and a sample size for it would be read as a
     * finding), "no effect to detect" when the effect's interval holds zero.
     */
    static String neededText(Summary itt, double needed) {
        if (itt == null || itt.n() < HeadlineFamily.MIN_REPLICATIONS) {
            return "not stated below " + HeadlineFamily.MIN_REPLICATIONS + " replications";
        }
        return Double.isNaN(needed) ? "no effect to detect" : ReportWriter.fmt(needed);
    }

    /**
     * The cap in participants: a participants cap as declared; a budget over what the rollout paid per
     * participant; a staff share as the rollout's participants (approximate: the share limits places at one
     * time); 0 for no cap.
     */
    static double capInParticipants(ExemptionScope s, Comparison c, String ex, String variant) {
        if (s.participants() > 0) {
            return s.participants();
        }
        double participants = mean(c, Metrics.REACH_PREFIX + ex + ".participants", variant);
        if (s.budget() > 0) {
            double paid = mean(c, Metrics.REACH_PREFIX + ex + ".paid", variant);
            return paid > 0 && participants > 0 ? s.budget() / (paid / participants) : 0;
        }
        return s.staffShare() > 0 ? participants : 0;
    }

    private static String capWords(ExemptionScope s, double cap) {
        if (s.participants() > 0) {
            return "its cap of " + ReportWriter.fmt(s.participants()) + " participants";
        }
        if (s.budget() > 0) {
            return "its budget of EUR " + ReportWriter.fmt(s.budget()) + " (about " + ReportWriter.fmt(cap)
                    + " participants at the rollout's cost each)";
        }
        if (s.staffShare() > 0) {
            return "its staff share (about " + ReportWriter.fmt(cap) + " participants)";
        }
        return "no cap (equal arms of all eligible)";
    }

    private static String lawful(DesignCatalogue.Fit f) {
        return f.status().words() + (f.unverified() ? " (unverified)" : "");
    }

    private static Summary summary(Comparison c, String metric, String variant) {
        return c.metrics().getOrDefault(metric, Map.of()).get(variant);
    }

    private static double mean(Comparison c, String metric, String variant) {
        Summary s = summary(c, metric, variant);
        return s == null ? Double.NaN : s.mean();
    }

    private static Summary pp(Summary s) {
        return s == null ? null : new Summary(100 * s.mean(), 100 * s.sd(), 100 * s.se(), 100 * s.ciLow(),
                100 * s.ciHigh(), s.n());
    }

    private static String pp(double share) {
        return Double.isNaN(share) ? "n/a" : ReportWriter.fmt(100 * share);
    }

    private static String pct(double share) {
        return Double.isNaN(share) ? "n/a" : ReportWriter.fmt(100 * share) + " %";
    }
}
