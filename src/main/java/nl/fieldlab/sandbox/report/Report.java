package nl.fieldlab.sandbox.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import nl.fieldlab.sandbox.rules.LegalRoute;
import nl.fieldlab.sandbox.rules.RuleInfo;
import nl.fieldlab.sandbox.rules.Sources;
import nl.fieldlab.sandbox.rules.Variant;
import nl.fieldlab.sandbox.simulation.Metrics;
import nl.fieldlab.sandbox.simulation.SimulationResult;
import nl.fieldlab.sandbox.stats.Comparison;
import nl.fieldlab.sandbox.stats.HeadlineFamily;
import nl.fieldlab.sandbox.stats.Summary;
import nl.fieldlab.sandbox.stats.Verdicts;

/**
 * The content of a report, computed once from a run and rendered into every format. Everything here is a pure
 * function of the run, so two runs of the same inputs give the same report.
 *
 * @param result      the simulation result
 * @param comparison  means, CIs and paired differences
 * @param rules       every rule of every variant, by id (for legal sources)
 * @param exemptionTitles exemption id -> title
 * @param unreachable exemption id (or "VARIANT/ID" for one variant's scope) -> why its scope can reach nobody in
 *                    this scenario (from the scope and the
 *                    scenario alone); empty when every exemption can reach someone
 * @param legalRoutes exemption id -> who can grant it and how (from its declaration); empty when not known
 * @param municipalParameters the rule library's municipal policy parameters (choices a municipality makes by
 *                    ordinance or policy rule), by key; empty when not known
 * @param changes     what this run changed from the scenario file (what-ifs, a seed or replications given on the
 *                    command line), one sentence each; empty for a plain run of the file
 * @param exemptions  the declarations of the exemptions the variants use, by id (what each changes, its scope, caps
 *                    and mechanism); empty when not known
 * @param robustness  the section of draws across the behaviour ranges, or null when the run made none
 * @param sources     the rules folder's source register, which resolves the ids the rules cite
 *                    ({@link Sources#NONE} when not known)
 * @param designs     the pilot designs and their parameters (rules/evaluation), or null when not known: the
 *                    section "Can a pilot show it?" needs them
 * @param verdicts    the headline family's corrected calls (and the seed check's, when one ran): the only
 *                    differences a report marks or words as findings; Holm over this run alone when null
 */
public record Report(SimulationResult result, Comparison comparison, Map<String, RuleInfo> rules,
        Map<String, String> exemptionTitles, Map<String, String> unreachable, Map<String, LegalRoute> legalRoutes,
        Map<String, nl.fieldlab.sandbox.parameters.Parameter> municipalParameters, List<String> changes,
        Map<String, nl.fieldlab.sandbox.rules.Exemption> exemptions, Sources sources, Robustness robustness,
        nl.fieldlab.sandbox.evaluation.DesignCatalogue designs, Verdicts verdicts) {

    public Report {
        changes = List.copyOf(changes);
        sources = sources == null ? Sources.NONE : sources;
        verdicts = verdicts == null ? Verdicts.of(comparison) : verdicts;
    }

    /** A report without a robustness section or pilot designs. */
    public Report(SimulationResult result, Comparison comparison, Map<String, RuleInfo> rules,
            Map<String, String> exemptionTitles, Map<String, String> unreachable, Map<String, LegalRoute> legalRoutes,
            Map<String, nl.fieldlab.sandbox.parameters.Parameter> municipalParameters, List<String> changes,
            Map<String, nl.fieldlab.sandbox.rules.Exemption> exemptions, Sources sources) {
        this(result, comparison, rules, exemptionTitles, unreachable, legalRoutes, municipalParameters, changes,
                exemptions, sources, null, null, null);
    }

    /**
     * The robustness section of a run with draws across the behaviour ranges, rendered once (the section) for
     * md and html and once (the map) for report.json.
     */
    public record Robustness(Section section, Section values, Map<String, Object> json,
            java.util.function.BiFunction<String, String, String> verdicts) {

        /** One line for the console: how many draws, and where the section is. */
        public String summary() {
            return "Robustness: " + json.get("draws") + " draws x " + json.get("replicationsPerDraw")
                    + " replications across the behaviour ranges (report.md, \"" + section.title() + "\").";
        }
    }

    /** The same report with the section "Robustness to the behaviour assumptions". */
    public Report withRobustness(Robustness r) {
        return new Report(result, comparison, rules, exemptionTitles, unreachable, legalRoutes, municipalParameters,
                changes, exemptions, sources, r, designs, verdicts);
    }

    public Report(SimulationResult result, Comparison comparison, Map<String, RuleInfo> rules,
            Map<String, String> exemptionTitles) {
        this(result, comparison, rules, exemptionTitles, Map.of(), Map.of(), Map.of(), List.of(), Map.of(),
                Sources.NONE, null, null, null);
    }

    /** A section of plain paragraphs and one table of text, rendered the same way in every format. */
    public record Section(String id, String title, List<String> paragraphs, List<String> columns,
            List<List<String>> rows) {
    }

    /** Each variant's cost-effectiveness against the baseline (empty without a baseline or other variants). */
    public List<CostEffectiveness> costEffectiveness() {
        return CostEffectiveness.of(result, exemptions, calls());
    }

    /** Which differences the narratives may state: the headline family's corrected verdicts. */
    public nl.fieldlab.sandbox.stats.Calls calls() {
        return verdicts;
    }

    /**
     * The sections a budget holder reads first, before the headline tables: cost-effectiveness with a reading per
     * variant, who pays and who gains, and net public cost over time.
     */
    public List<Section> leadSections() {
        List<Section> out = new ArrayList<>();
        if (!changes.isEmpty()) {
            out.add(new Section("changes", "This run is not the scenario file as written", List.of(
                    "It was run with these changes (what-ifs from a shell session, or options of the run command); "
                            + "a rerun of the file alone gives other results. manifest.json records them, and "
                            + "'verify' applies them again."),
                    List.of("change"), changes.stream().map(List::of).toList()));
        }
        if (!nonBaselineVariants().isEmpty()) {
            out.add(FamilySection.of(this));
        }
        List<CostEffectiveness> ce = costEffectiveness();
        if (!ce.isEmpty()) {
            out.add(costEffectivenessSection(ce));
            Section why = WhyWorse.of(this);
            if (why != null) {
                out.add(why);
            }
            if (robustness != null) {
                out.add(robustness.section());
                out.add(robustness.values());
            }
            out.addAll(List.of(payersSection(ce), overTimeSection(ce)));
        }
        Section displacement = displacementSection();
        if (displacement != null) {
            out.add(displacement);
        }
        return out;
    }

    /** The metric rows of the displacement table, by row label (mean per replication, and share where one applies). */
    private static final List<String[]> DISPLACEMENT_ROWS = List.of(
            new String[] {"subsidised hires", ""},
            new String[] {"deadweight: would have been hired without the payments", ".deadweight"},
            new String[] {"tipped, displacing an applicant from outside the population", ".displacedOutsiders"},
            new String[] {"tipped, displacing another job seeker who applied the same month", ".displacedInsiders"},
            new String[] {"tipped, net new jobs (the vacancy would have lapsed or stayed open)", ".netNewJobs"});

    /**
     * Subsidised hires split into deadweight, displaced outsiders and insiders, and net new jobs, per variant and per
     * exemption whose payments reach hires; and trial placements that took the place of a paid hire. Null when the
     * run made no subsidised hire and no trial placement.
     */
    public Section displacementSection() {
        var metrics = comparison.metrics();
        if (!metrics.containsKey(Metrics.SUBSIDISED_HIRES)) {
            return null;
        }
        List<String> variants = variants();
        boolean any = variants.stream().anyMatch(v -> mean(Metrics.SUBSIDISED_HIRES, v) > 0
                || mean(Metrics.TRIALS_STARTED, v) > 0);
        if (!any) {
            return null;
        }
        List<String> columns = new ArrayList<>(List.of("per replication (share of the subsidised hires)"));
        columns.addAll(variants);
        List<List<String>> rows = new ArrayList<>();
        addDisplacementRows(rows, variants, Metrics.SUBSIDISED_HIRES, "", v -> true);
        for (String ex : exemptionsUsed()) {
            String prefix = Metrics.SUBSIDISED_HIRES + "." + ex;
            if (variants.stream().anyMatch(v -> mean(prefix, v) > 0)) {
                addDisplacementRows(rows, variants, prefix, ex + "'s payments: ", v -> inVariant(v, ex));
            }
        }
        List<String> trials = new ArrayList<>(List.of("trial placements started"));
        List<String> displacing = new ArrayList<>(List.of("trial placements in place of a paid hire"));
        for (String v : variants) {
            double started = mean(Metrics.TRIALS_STARTED, v);
            trials.add(ReportWriter.fmt(started));
            double d = mean(Metrics.TRIALS_DISPLACING_HIRES, v);
            displacing.add(ReportWriter.fmt(d) + " (" + (started > 0 ? CostEffectiveness.pct(d / started)
                    + " of trials; " : "") + "outsiders " + ReportWriter.fmt(mean(Metrics.TRIALS_DISPLACING_HIRES
                    + Metrics.OUTSIDERS, v)) + ", job seekers " + ReportWriter.fmt(mean(Metrics.TRIALS_DISPLACING_HIRES
                    + Metrics.INSIDERS, v)) + ")");
        }
        rows.add(trials);
        rows.add(displacing);
        return new Section("displacement", "Subsidised hires: deadweight, displacement and net new jobs", List.of(
                "A subsidised hire is one for which public bodies pay the employer: a wage-cost subsidy, a wage-cost "
                + "advantage, sickness benefit under the no-risk policy, a training grant, or an exemption's own "
                + "payments. Each is weighed with the run's own draws (mechanism vacancies): it is deadweight when "
                + "the employer's hire draw lies below its chance without the payments (it would have hired anyway, "
                + "the same month); otherwise the payments tipped it, and the vacancy's own draws say what it took: "
                + "a job another simulated job seeker who applied the same month would have won (displaced "
                + "insider), a job an applicant from outside the population would have filled that month or later "
                + "(displaced outsider), or a job that would have lapsed or stayed open to the end (a net new job). "
                + "The four add up to the subsidised hires. An exemption's rows weigh the hires its payments reach "
                + "against the chance without its payments only. Later applicants from the population are not "
                + "followed: the insider displacement counted here is the direct one; the rest shows in the "
                + "baseline's paired placements. A trial placement is unpaid work: one in a vacancy a paid hire "
                + "would otherwise have filled counts as displacing that hire (the risk of a longer trial, E2). "
                + "The deadweight share in the cost-effectiveness table is another measure: the share of the "
                + "money paid for workers the baseline also places."), columns, rows);
    }

    private void addDisplacementRows(List<List<String>> rows, List<String> variants, String prefix, String label,
            java.util.function.Predicate<String> applies) {
        for (String[] r : DISPLACEMENT_ROWS) {
            List<String> row = new ArrayList<>(List.of(label + r[0]));
            for (String v : variants) {
                if (!applies.test(v)) {
                    row.add("n/a (not in this variant)");
                    continue;
                }
                double n = mean(prefix + r[1], v);
                double all = mean(prefix, v);
                row.add(ReportWriter.fmt(n) + (r[1].isEmpty() || all <= 0 ? ""
                        : " (" + CostEffectiveness.pct(n / all) + ")"));
            }
            rows.add(row);
        }
    }

    /** The mean of a metric over a variant's replications (0 when the variant does not report it). */
    private double mean(String metric, String variant) {
        Summary s = comparison.metrics().getOrDefault(metric, Map.of()).get(variant);
        return s == null || s.n() == 0 ? 0 : s.mean();
    }

    private Section costEffectivenessSection(List<CostEffectiveness> ce) {
        List<String> columns = new ArrayList<>(List.of("against the baseline"));
        ce.forEach(c -> columns.add(c.variant()));
        List<List<String>> rows = new ArrayList<>();
        rows.add(row("extra net public cost per extra work-year, to the horizon and after it (euro; Fieller "
                + "interval)", ce, c -> ReportWriter.cell(c.costPerExtraWorkYear())));
        rows.add(row("quadrant: work-years against net public cost", ce, c -> c.quadrant().json()));
        rows.add(row("the same, to the horizon only (euro)", ce, c -> ReportWriter.cell(c.perYearInWork())));
        rows.add(row("extra social cost per extra work-year, to the horizon (euro)", ce,
                c -> ReportWriter.cell(c.socialPerYearInWork())));
        rows.add(row("extra placements", ce,
                c -> ReportWriter.cell(c.placements(), verdicts.mark(c.variant(), Metrics.PLACEMENTS))));
        rows.add(row("extra years in work (former job seekers)", ce, c -> ReportWriter.cell(c.yearsInWork(),
                verdicts.mark(c.variant(), Metrics.MONTHS_IN_WORK))));
        TerminalValue terminal = TerminalValue.of(result.scenario().behaviour());
        rows.add(row("extra work-years after the horizon (terminal value: " + terminal.describe() + ")", ce,
                c -> ReportWriter.cell(c.yearsAfterHorizon(), true)));
        rows.add(row("extra public spending, benefits aside (euro)", ce, c -> ReportWriter.cell(c.spending(), true)));
        rows.add(row("extra benefit payments (euro)", ce, c -> ReportWriter.cell(c.benefits(), true)));
        rows.add(row("extra taxes, premiums and levies received (euro)", ce,
                c -> ReportWriter.cell(c.receipts(), true)));
        rows.add(row("fiscal return: receipts gained + benefits saved (euro)", ce,
                c -> ReportWriter.cell(c.fiscalReturn(), true)));
        rows.add(row("extra net public cost (euro)", ce, c -> ReportWriter.cell(c.netPublicCost(),
                verdicts.mark(c.variant(), Metrics.PUBLIC_COST))));
        rows.add(row("extra net public cost after the horizon (terminal value, at the baseline's fiscal gain of a "
                + "work-month; euro)", ce, c -> ReportWriter.cell(c.costAfterHorizon(), true)));
        rows.add(row("extra social cost: public purse, investors and sector funds (euro)", ce,
                c -> ReportWriter.cell(c.socialCost(), verdicts.mark(c.variant(), Metrics.SOCIAL_COST))));
        rows.add(row("the net public cost, present value at the start, " + discountText() + " (euro)", ce,
                c -> ReportWriter.cell(c.presentValue(), verdicts.mark(c.variant(), Metrics.PUBLIC_COST_PV))));
        rows.add(row("extra cost to all parties, less the value of the work (euro)", ce,
                c -> ReportWriter.cell(c.allPartiesCost(), true)));
        rows.add(row("secondary: extra net public cost per extra placement (euro; first placements in a closed "
                + "population saturate)", ce, c -> ReportWriter.cell(c.perPlacement())));
        rows.add(row("secondary: extra social cost per extra placement (euro)", ce,
                c -> ReportWriter.cell(c.socialPerPlacement())));
        if (ce.stream().anyMatch(c -> c.outcomePrice() != null)) {
            rows.add(row("outcome price paid per outcome unit (euro)", ce, c -> c.outcomePrice() == null ? "n/a"
                    : ReportWriter.fmt(c.outcomePrice().contractPrice())));
            rows.add(row("participants coached; successes paid for (share)", ce, c -> c.outcomePrice() == null ? "n/a"
                    : ReportWriter.cell(c.outcomePrice().cohort().coached(), false) + "; "
                    + ReportWriter.cell(c.outcomePrice().cohort().successes(), false) + " ("
                    + ReportWriter.cell(c.outcomePrice().cohort().successRate()) + ")"));
            rows.add(row("mean predicted chance of the successes without the project", ce,
                    c -> c.outcomePrice() == null ? "n/a" : ReportWriter.cell(c.outcomePrice().cohort()
                            .meanPredictedChance())));
            rows.add(row("outcome units per participant: delivered (the contract's price assumed)", ce,
                    c -> c.outcomePrice() == null ? "n/a" : ReportWriter.cell(c.outcomePrice().cohort()
                            .unitsPerParticipant()) + " (" + ReportWriter.fmt(c.outcomePrice().cohort().unitsPriced())
                            + ")"));
            rows.add(row("outcome price that repays the investors (euro a unit)", ce, c -> c.outcomePrice() == null
                    ? "n/a" : c.outcomePrice().units().mean() <= 0 ? "none: no outcome was paid"
                    : ReportWriter.cell(c.outcomePrice().repayingPrice())));
            rows.add(row("extra net public cost at that price (euro)", ce, c -> c.outcomePrice() == null
                    || !c.outcomePrice().repayingPrice().defined() ? "n/a"
                    : ReportWriter.cell(c.outcomePrice().netPublicCost(), true) + budgetNote(c)));
        }
        rows.add(row("deadweight of all subsidies paid", ce, c -> share(c.deadweight().get("subsidies"))));
        java.util.TreeSet<String> exemptions = new java.util.TreeSet<>();
        ce.forEach(c -> c.deadweight().keySet().stream().filter(k -> !k.equals("subsidies")).forEach(exemptions::add));
        for (String ex : exemptions) {
            rows.add(row("deadweight of " + ex + "'s payments", ce, c -> inVariant(c.variant(), ex)
                    ? share(c.deadweight().get(ex)) : "n/a (not in this variant)"));
        }
        rows.add(row("change in employers' net result per hire (euro; exploratory)", ce,
                c -> ReportWriter.cell(c.employerPerHire(), true)));
        rows.add(row("break-even of the cumulative extra net public cost", ce,
                c -> c.breakEvenText(result.scenario().start())));
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add("What each variant buys and what it costs the public purse on balance, against the baseline "
                + "and paired replication by replication (mean [95 % CI]; * marks a headline difference called after the "
                + "correction (Headline verdicts); the other rows are exploratory). "
                + "Money is what changes hands: public spending other than benefits, benefits paid, and what the "
                + "treasury and UWV get back in wage tax, national insurance and employers' premiums; net public "
                + "cost is spending plus benefits minus receipts. Social cost adds to it what the private investors "
                + "of an outcome-financed project and the sector training funds pay on balance: money that finances "
                + "the programmes but is not public (a public saving bought with investors' money is no saving to "
                + "society). Employers and workers are left out of social cost, because their money is mostly "
                + "wages, taxes and benefits whose counterpart is not money (the work, a benefit's purpose); the "
                + "cost to all parties adds their money and takes off the value of the hired job seekers' work to "
                + "employers (mechanism hiring), which leaves what providers received for courses, coaching and "
                + "implementation less the value of the work: a partial measure, without the work of people hired "
                + "from outside the population or the value of time out of work. The headline, the extra net "
                + "public cost per extra work-year, divides the extra net public cost by the extra years former job "
                + "seekers spent in work, both to the horizon and after it, with Fieller's interval (asymmetric where the work-year difference is "
                + "small); its quadrant says whether a variant buys more work at a lower cost (dominant), at a price "
                + "(trade-off), loses work without saving (dominated) or changes work-years by no significant amount "
                + "(unclear). After the horizon is a terminal value, an assumption: the extra former job "
                + "seekers in work in the last month fade with a mean life of terminal.gap-persistence-months "
                + "(behaviour value) and each month in work saves the public purse what one saved in the baseline's "
                + "last year (metric fiscalGainPerWorkMonth); a subsidy that stops at the horizon leaves about no "
                + "gap, a training programme whose return comes 2-3 years after it (S54) keeps it. The headline is "
                + "defined only when the work-years to the horizon rose significantly. The cost per extra placement is secondary (first placements in a closed population "
                + "saturate) and uses the same interval. A ratio is not defined when its denominator's difference "
                + "is not significant, or negative. "
                + "The outcome price rows solve, for an outcome-financed project, the price per outcome unit (a "
                + "success counted by the part above its predicted chance) at which the investors get back what "
                + "they pre-financed: no decision depends on the price, so the outcomes stay the same and only the "
                + "money between funders and investors moves. The cohort rows set the outcome units each coached "
                + "participant delivered against those the contract's price assumed (expected success rate x (1 - "
                + "expected predicted chance)): fewer than the interval allows, and the contract is mispriced for "
                + "this cohort (the investors lose, or earn less than its return); more, and they are overpaid. "
                + "Deadweight is the share of all public "
                + "money paid (by subsidy rules, or by an exemption's own rules) that went to workers whom the "
                + "baseline replication also places, at most " + Metrics.DEADWEIGHT_WINDOW_MONTHS + " months later; "
                + "the money an exemption moves through existing schemes (course fees, benefits) shows in the lines "
                + "above, not in its deadweight. Present values discount each month's money at the cost-benefit "
                + "discount rate (parameter cba.discount-rate, Werkgroep discontovoet 2020). The intervals cover "
                + "simulation noise only (the replications' random draws), not the uncertainty of the behaviour "
                + "parameters or the unverified figures: a significant difference is one the model, as "
                + "parameterised, reliably produces. " + (robustness == null
                        ? "This run drew no behaviour values across their ranges (the scenario has no robustness "
                                + "block, or it was switched off), so no verdict here is tested against them."
                        : "The section 'Robustness to the behaviour assumptions' draws the behaviour values across "
                                + "their ranges; each reading below says how often its verdicts hold there."));
        for (CostEffectiveness c : ce) {
            paragraphs.add(c.reading(result.scenario().start(), unreachedText(c.variant()))
                    + robustnessOfVerdicts(c.variant()));
        }
        return new Section("cost-effectiveness", "Cost-effectiveness", paragraphs, columns, rows);
    }

    /**
     * " Across the behaviour ranges: work-years holds in 30 of 32 draws ...; ..." for each headline verdict the report
     * calls for {@code variant}, or "" when there is no robustness section or no verdict to test.
     */
    private String robustnessOfVerdicts(String variant) {
        if (robustness == null) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        for (nl.fieldlab.sandbox.stats.HeadlineFamily.Member m : nl.fieldlab.sandbox.stats.HeadlineFamily.MEMBERS) {
            String text = calls().called(variant, m.metric()) ? robustness.verdicts().apply(variant, m.metric()) : null;
            if (text != null) {
                parts.add(m.label() + ": " + text);
            }
        }
        return parts.isEmpty() ? "" : " Across the behaviour ranges, " + String.join("; ", parts) + ".";
    }

    /**
     * " (above the budget of EUR 1,500,000 a replication: its cap refuses what passes it)" when the funders would pay
     * more at the repaying price than the budget of the variant's outcome-financed exemption allows, else "".
     */
    private String budgetNote(CostEffectiveness c) {
        var v = result.scenario().variant(c.variant());
        if (v == null || c.outcomePrice() == null) {
            return "";
        }
        for (String ex : v.exemptions()) {
            var e = exemptionIn(exemptions, v.name(), ex);
            if (e != null && e.scope().cohort() && e.scope().budget() > 0
                    && c.outcomePrice().fundersPayAtRepayingPrice() > e.scope().budget()) {
                return " (the funders would pay EUR " + ReportWriter.fmt(c.outcomePrice().fundersPayAtRepayingPrice())
                        + " a replication, above " + ex + "'s budget of EUR " + ReportWriter.fmt(e.scope().budget())
                        + ": its cap would refuse the rest)";
            }
        }
        return "";
    }

    /** The discount rate in words: "2.25 % a year". */
    public String discountText() {
        double r = result.discountRate();
        return Double.isNaN(r) ? "no discount rate: the rules folder has no cba.discount-rate"
                : String.format(java.util.Locale.ROOT, "%.2f %% a year", 100 * r);
    }

    /**
     * Why an exemption reached nobody in a variant: the variant's own reason (its scenario scope, kept under
     * "VARIANT/ID"), else the exemption's, else that no question fell in its scope.
     */
    private String whyUnreached(String variant, String ex) {
        String own = unreachable.get(variant + "/" + ex);
        return own != null ? own : unreachable.getOrDefault(ex, "no question of this scenario fell in its scope");
    }

    /** "reaches nobody (why)" when every exemption of the variant reached no worker, else null. */
    private String unreachedText(String variant) {
        var v = result.scenario().variant(variant);
        if (v == null || v.exemptions().isEmpty()) {
            return null;
        }
        List<String> why = new ArrayList<>();
        for (String ex : v.exemptions()) {
            Summary workers = comparison.metrics().getOrDefault(Metrics.REACH_PREFIX + ex + ".workers", Map.of())
                    .get(variant);
            if (workers == null || workers.mean() > 0) {
                return null;
            }
            why.add(ex + ": " + whyUnreached(variant, ex));
        }
        return "reaches nobody (" + String.join("; ", why) + "), so every difference below is noise";
    }

    private Section payersSection(List<CostEffectiveness> ce) {
        List<String> columns = new ArrayList<>(List.of("actor"));
        ce.forEach(c -> columns.add(c.variant()));
        java.util.Set<nl.fieldlab.sandbox.domain.Actor> actors = new java.util.LinkedHashSet<>();
        for (var a : nl.fieldlab.sandbox.domain.Actor.values()) {
            if (ce.stream().anyMatch(c -> c.byActor().containsKey(a))) {
                actors.add(a);
            }
        }
        List<List<String>> rows = new ArrayList<>();
        for (var a : actors) {
            rows.add(row(a.name() + (a.isPublic() ? " (public)" : ""), ce,
                    c -> ReportWriter.cell(c.byActor().get(a), true)));
        }
        rows.add(row("EMPLOYER, with the value of the work (behaviour model)", ce,
                c -> ReportWriter.cell(c.employerResult(), true)));
        return new Section("payers", "Who pays and who gains", List.of("Each actor's extra net position against "
                + "the baseline, in euro (received minus paid; negative: the actor pays more). Every payment has a "
                + "payer and a payee, so the rows add up to zero: what one actor gains another pays. STATE is the "
                + "treasury (wage tax, national insurance, the health-care levy, wage-cost advantages); UWV receives "
                + "the employers' WW and WIA premiums and pays WW, Wajong and sickness benefit. PROVIDER's receipts pay for "
                + "the courses, the coaching and the implementation work (case management, wage-value assessments, "
                + "job coaches, fund and loan administration, coordination) it delivers, whether a contracted "
                + "provider or a body's own staff does it (turnover, not a gain). INVESTOR is the private capital "
                + "of an outcome-financed project: it pre-finances the provider's coaching and receives the outcome "
                + "payments (the province, the municipalities and UWV each pay their share), so its row is the "
                + "investors' result (negative: they lose money, and would not finance the project as set up). Not in the ledger: a worker's earnings from a small "
                + "job on a benefit (they pass through the benefit rules only) and the value of work done in a trial "
                + "placement. The last row adds to the "
                + "employers' money what the work of the hired job seekers was worth to them (mechanism hiring: "
                + "productivity times the job's normal labour cost): fewer hires save wages but lose that output."),
                columns, rows);
    }

    private Section overTimeSection(List<CostEffectiveness> ce) {
        List<String> columns = new ArrayList<>(List.of("end of month"));
        ce.forEach(c -> columns.add(c.variant()));
        int months = result.scenario().months();
        List<List<String>> rows = new ArrayList<>();
        for (int month : Metrics.cumulativeCostMonths(months)) {
            String metric = Metrics.PUBLIC_COST_TO_MONTH_PREFIX + month;
            rows.add(row(month + " (" + result.scenario().start().plusMonths(month - 1) + ")", ce, c -> {
                Map<String, Summary> d = comparison.differences().get(c.variant());
                Summary s = d == null ? null : d.get(metric);
                return s == null ? ReportWriter.fmt(c.cumulative()[month - 1]) : ReportWriter.cell(s, true);
            }));
        }
        rows.add(row("break-even", ce, c -> c.breakEvenText(result.scenario().start())));
        return new Section("public-cost-over-time", "Net public cost over time", List.of("The extra net public "
                + "cost each variant has run up since the start, against the baseline (mean [95 % CI] of the paired "
                + "differences, euro, undiscounted; metric netPublicCost.toMonthN). A training exemption costs first (course fees, people who search less while "
                + "they learn) and earns back later in taxes and benefits saved; break-even is the month from "
                + "which the cumulative extra cost stays at or below zero."), columns, rows);
    }

    private static List<String> row(String label, List<CostEffectiveness> ce,
            java.util.function.Function<CostEffectiveness, String> cell) {
        List<String> row = new ArrayList<>(List.of(label));
        ce.forEach(c -> row.add(cell.apply(c)));
        return row;
    }

    /** The exemptions the run's variants use, E2 before E10. */
    private java.util.SortedSet<String> exemptionsUsed() {
        java.util.TreeSet<String> used = new java.util.TreeSet<>(Comparator.comparingInt((String e) -> e.length())
                .thenComparing(Comparator.naturalOrder()));
        for (String v : nonBaselineVariants()) {
            var variant = result.scenario().variant(v);
            if (variant != null) {
                used.addAll(variant.exemptions());
            }
        }
        return used;
    }

    /** Who can grant each exemption of the run's variants, and roughly how long that takes. */
    private Section legalRoutesSection() {
        java.util.SortedSet<String> used = exemptionsUsed();
        if (used.isEmpty()) {
            return null;
        }
        List<List<String>> rows = new ArrayList<>();
        for (String ex : used) {
            LegalRoute r = legalRoutes.get(ex);
            if (r == null) {
                rows.add(List.of(ex, exemptionTitles.getOrDefault(ex, ""), "not declared", "", ""));
                continue;
            }
            rows.add(List.of(ex, exemptionTitles.getOrDefault(ex, ""), r.kind().words() + " (" + r.who() + ")",
                    r.leadTime(), r.source()));
            for (LegalRoute.Part p : r.parts()) {
                rows.add(List.of(ex + ", part", p.covers(), p.kind().words() + " (" + p.who() + ")",
                        p.leadTimeMonths() == p.leadTimeMax() ? p.leadTimeMonths() + " months"
                                : p.leadTimeMonths() + "-" + p.leadTimeMax() + " months", p.source()));
            }
        }
        return new Section("legal-routes", "Legal route of each exemption", List.of("Who can grant each exemption "
                + "as simulated, with the law and article, and a rough lead time from the decision to try it to the "
                + "first participant (from the exemption's declaration, legalRoute). Rows marked 'part' are parts of "
                + "an exemption, or alternatives to its route, that need another instrument. A route through national "
                + "law or an order in council needs The Hague; a provincial subsidy, a procurement condition or a "
                + "collective agreement needs no exemption from the government at all. What could not be verified "
                + "says so in its source; the source ids resolve in the table of sources at the end."),
                List.of("exemption", "title", "legal route (who decides)", "lead time", "source"), rows);
    }

    /** Can a pilot show it: per exemption, the first variant that uses it (see {@link PilotSection}). */
    private Section pilotSection() {
        Map<String, String> variantOf = new java.util.LinkedHashMap<>();
        for (String ex : exemptionsUsed()) {
            for (String v : nonBaselineVariants()) {
                var variant = result.scenario().variant(v);
                if (variant != null && variant.exemptions().contains(ex)) {
                    variantOf.put(ex, v);
                    break;
                }
            }
        }
        return PilotSection.of(comparison, exemptions, variantOf, designs, result.scenario());
    }

    /**
     * The sources the run's rules and the legal routes of its exemptions cite, each resolved in the rules folder's
     * register to title, issuer, date and an identifier a reader can follow.
     */
    private Section sourcesSection() {
        java.util.Set<String> ids = new java.util.LinkedHashSet<>();
        rules.values().forEach(r -> ids.addAll(Sources.ids(r.source())));
        for (String ex : exemptionsUsed()) {
            var e = exemptions.get(ex);
            if (e != null) {
                ids.addAll(Sources.ids(e.source()));
            }
            LegalRoute r = legalRoutes.get(ex);
            if (r != null) {
                ids.addAll(Sources.ids(r.source()));
                r.parts().forEach(p -> ids.addAll(Sources.ids(p.source())));
            }
        }
        if (ids.isEmpty()) {
            return null;
        }
        List<String> sorted = new ArrayList<>(ids);
        sorted.sort(Comparator.comparingInt((String id) -> Integer.parseInt(id.replaceAll("[^0-9]", "")))
                .thenComparing(Comparator.naturalOrder()));
        List<List<String>> rows = new ArrayList<>();
        for (String id : sorted) {
            Sources.Source src = sources.get(id);
            rows.add(src == null ? List.of(id, "not in the rules' sources.yaml", "", "", "", "")
                    : List.of(id, src.title(), src.issuer(), src.date(), src.identifier(), src.kind().name()));
        }
        return new Section("sources", "Sources the rules cite", List.of("Every source id the rules of this run "
                + "cite, and the legal routes of its exemptions, resolved in the rules folder's sources.yaml. "
                + "Official sources are issued by the body that sets or carries out the rule (ministry, UWV, "
                + "Staatscourant, Staatsblad, parliament, a municipality for its own policy); secondary sources are "
                + "anyone else's account of it; design marks the fieldlab's own proposal, a choice to vary rather "
                + "than a finding. Where no identifier a reader can follow was found, the identifier says so."),
                List.of("id", "title", "issuer", "date", "identifier", "kind"), rows);
    }

    /**
     * The declaration of exemption {@code id} as it applies in {@code variant}: with the scenario's scope of it when
     * the variant sets one (kept under "VARIANT/ID" beside the rule file's under "ID"), else the rule file's.
     */
    public static nl.fieldlab.sandbox.rules.Exemption exemptionIn(Map<String, nl.fieldlab.sandbox.rules.Exemption>
            exemptions, String variant, String id) {
        var scoped = exemptions.get(variant + "/" + id);
        return scoped != null ? scoped : exemptions.get(id);
    }

    /** One row per variant whose scenario sets its own scope of the exemption: the scope and caps it applies. */
    private List<List<String>> scenarioScopeRows(nl.fieldlab.sandbox.rules.Exemption file) {
        List<List<String>> rows = new ArrayList<>();
        for (var v : result.scenario().variants()) {
            var o = v.scopes().get(file.id());
            var scoped = exemptions.get(v.name() + "/" + file.id());
            if (o == null || scoped == null) {
                continue;
            }
            String what = "the scenario sets this scope for variant " + v.name() + " in place of the rule file's"
                    + (o.regions() != null && nl.fieldlab.sandbox.rules.RouteArea.national(file.legalRoute())
                            ? "; confined to " + String.join(", ", scoped.scope().regions()) + ": a regional pilot of "
                                    + "a national instrument (unverified)" : "")
                    + (o.basis() != null ? "; basis given by the scenario (not verified): " + o.basis() : "");
            String caps = scoped.scope().describeCaps().equals(file.scope().describeCaps())
                    ? scoped.scope().describeCaps()
                    : scoped.scope().describeCaps() + " (rule file: " + file.scope().describeCaps() + ")";
            rows.add(List.of(file.id() + " in variant " + v.name(), what, scoped.scope().describe(), caps,
                    "as above", "as above"));
        }
        return rows;
    }

    /** What each exemption the variants use changes, for whom, how far it may go, and why it should work. */
    private Section exemptionsSection() {
        java.util.SortedSet<String> used = exemptionsUsed();
        List<List<String>> rows = new ArrayList<>();
        for (String id : used) {
            var e = exemptions.get(id);
            if (e != null) {
                rows.add(List.of(id + " " + e.title(), e.description(), e.scope().describe(),
                        e.scope().describeCaps(), e.mechanism(), e.risk()));
                rows.addAll(scenarioScopeRows(e));
            }
        }
        if (rows.isEmpty()) {
            return null;
        }
        return new Section("exemptions", "The exemptions compared", List.of("What each exemption of the variants "
                + "changes against current regulation, whom it covers and how far it may go, from its declaration "
                + "(rules/exemptions/). Where part of it is already possible under current law, the description "
                + "says so: the difference the report shows is only what it adds."),
                List.of("exemption", "what it changes", "scope", "caps", "mechanism", "risk"), rows);
    }

    /** The choices the law leaves to the municipality, as this run made them: the scenario's or the default. */
    private Section municipalPolicySection() {
        if (municipalParameters.isEmpty()) {
            return null;
        }
        var m = result.scenario().municipality();
        java.time.YearMonth start = result.scenario().start();
        List<List<String>> rows = new ArrayList<>();
        for (var p : new java.util.TreeMap<>(municipalParameters).values()) {
            var chosen = m.policy().get(p.key());
            var dated = p.at(start);
            String value = chosen != null ? ReportWriter.fmt(chosen.value())
                    : dated == null ? "none" : ReportWriter.fmt(dated.value());
            String source = chosen != null ? m.name() + ": " + chosen.source()
                    : dated == null ? "" : "default (rules file): " + dated.source();
            rows.add(List.of(p.key(), p.description(), value + " " + p.unit(), source));
        }
        String who = m.name().isEmpty() ? "The scenario names no municipality, so every option is at its default"
                + " from the rules' parameter files." : "The scenario simulates the policy of " + m.name()
                + "; options it does not set are at their default.";
        return new Section("municipal-policy", "Municipal policy choices", List.of("Some rules leave a choice to "
                + "the municipality's own ordinance or policy rule. " + who + " Every variant runs under the same "
                + "choices unless an exemption changes them."),
                List.of("option", "what it is", "value in this run", "set by"), rows);
    }

    /**
     * In a scenario with a skills taxonomy: which taxonomy, from where, and what each variant's employers judge
     * candidates on; what the skills mechanisms leave out.
     */
    private Section skillsSection() {
        var skills = result.scenario().skills();
        if (!skills.active()) {
            return null;
        }
        var t = skills.taxonomy();
        List<List<String>> rows = new ArrayList<>();
        for (var v : result.scenario().variants()) {
            var h = skills.hiring(v.name());
            boolean onSkills = h.signal() == nl.fieldlab.sandbox.scenario.HiringSpec.Signal.SKILLS;
            rows.add(List.of(v.name(), onSkills ? "skills passport" : "diploma", !onSkills ? ""
                    : h.employers() == null ? "all" : String.join(", ", h.employers())));
        }
        return new Section("skills", "Skills: taxonomy and hiring signal", List.of(
                "Skills come from " + t.title() + " (" + t.id() + "): " + t.source() + " Licence: " + t.licence() + ".",
                "A worker's gap to a job is the share of the job's essential skills they lack; it sets what they produce "
                        + "in every variant, anchored at the calibrated small-gap productivity at the distance "
                        + "skills.small-gap-distance (an assumption): a skills scenario is not itself calibrated. "
                        + "Employers that hire on skills see the passport exactly (no assessment error or cost); an "
                        + "employer of an occupation the taxonomy marks as regulated keeps the diploma.",
                "Read the skills variants' verdicts with this in mind: the distance counts exact matches of ESCO's "
                        + "essential-skill labels, and different occupations share few of them (0.54 to 1.00 apart "
                        + "in the built-in subset; most career switches 0.87 to 1.00). Above the small-gap distance "
                        + "the passport shows nearly every switch as a large gap where the diploma saw a field change, "
                        + "so a fall in placements under skills hiring follows from how the distance is measured and "
                        + "from that threshold (an assumption), not from evidence about skills-based hiring.",
                "Not modelled: the regional skills agreements, the skills assessment itself, the House of Skills "
                        + "matching tool. No published effect size of skills-based hiring in the Netherlands was found."),
                List.of("variant", "employers judge on", "employer groups on skills"), rows);
    }

    private boolean inVariant(String variant, String exemption) {
        var v = result.scenario().variant(variant);
        return v != null && v.exemptions().contains(exemption);
    }

    private static String share(Summary s) {
        if (s == null || s.n() == 0) {
            return "none paid";
        }
        return CostEffectiveness.pct(s.mean()) + (s.n() >= 2
                ? " [" + CostEffectiveness.pct(s.ciLow()) + ", " + CostEffectiveness.pct(s.ciHigh()) + "]" : "");
    }

    /** The sections after the headline tables: effects by year, each exemption's reach, the mechanisms. */
    public List<Section> sections() {
        List<Section> out = new ArrayList<>();
        Section municipal = municipalPolicySection();
        if (municipal != null) {
            out.add(municipal);
        }
        Section skills = skillsSection();
        if (skills != null) {
            out.add(skills);
        }
        Section described = exemptionsSection();
        if (described != null) {
            out.add(described);
        }
        Section routes = legalRoutesSection();
        if (routes != null) {
            out.add(routes);
        }
        Section pilot = pilotSection();
        if (pilot != null) {
            out.add(pilot);
        }
        Section years = effectsByYear();
        if (years != null) {
            out.add(years);
        }
        Section reach = reach();
        if (reach != null) {
            out.add(reach);
        }
        out.addAll(DestinationSection.of(comparison));
        Section takeUp = takeUpSection();
        if (takeUp != null) {
            out.add(takeUp);
        }
        out.add(mechanisms());
        Section cited = sourcesSection();
        if (cited != null) {
            out.add(cited);
        }
        return out;
    }

    private Section effectsByYear() {
        List<String> variants = nonBaselineVariants();
        List<String> years = metricsWithPrefix(Metrics.EMPLOYED_YEAR_PREFIX);
        if (variants.isEmpty() || years.size() < 2) {
            return null;
        }
        List<String> columns = new ArrayList<>(List.of("year", "baseline: in work at year end"));
        for (String v : variants) {
            columns.add(v + ": in work at year end");
            columns.add(v + ": placements in the year");
        }
        List<List<String>> rows = new ArrayList<>();
        for (int y = 1; y <= years.size(); y++) {
            List<String> row = new ArrayList<>();
            row.add(String.valueOf(y));
            row.add(ReportWriter.cell(comparison.metrics().get(Metrics.EMPLOYED_YEAR_PREFIX + y).get(Variant.BASELINE),
                    false));
            for (String v : variants) {
                row.add(ReportWriter.cell(comparison.differences().get(v).get(Metrics.EMPLOYED_YEAR_PREFIX + y), true));
                row.add(ReportWriter.cell(comparison.differences().get(v).get(Metrics.PLACEMENTS_YEAR_PREFIX + y), true));
            }
            rows.add(row);
        }
        return new Section("years", "Effects by year (exploratory)", List.of(
                "Former job seekers in work at the end of each simulated year (the baseline's number, then each "
                        + "variant's paired difference to it) and the placements made in that year (difference). "
                        + "Retraining usually costs employment first (people in a course search less: lock-in) and "
                        + "pays off later; a year-by-year view shows when an effect turns."), columns, rows);
    }

    private Section reach() {
        List<List<String>> rows = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (String v : nonBaselineVariants()) {
            var variant = result.scenario().variant(v);
            if (variant == null) {
                continue;
            }
            for (String ex : variant.exemptions()) {
                String p = Metrics.REACH_PREFIX + ex + ".";
                Summary workers = comparison.metrics().getOrDefault(p + "workers", Map.of()).get(v);
                if (workers == null) {
                    continue;
                }
                List<String> changed = new ArrayList<>();
                for (var t : nl.fieldlab.sandbox.domain.QuestionType.values()) {
                    Summary c = comparison.metrics().get(p + "changed." + t.name()).get(v);
                    if (c != null && c.mean() > 0) {
                        changed.add(ReportWriter.fmt(c.mean()) + " " + decision(t));
                    }
                }
                rows.add(List.of(v, ex, ReportWriter.fmt(workers.mean()),
                        ReportWriter.fmt(comparison.metrics().get(p + "questions").get(v).mean()),
                        changed.isEmpty() ? "none" : String.join(", ", changed),
                        ReportWriter.fmt(comparison.metrics().get(p + "participants").get(v).mean()),
                        ReportWriter.fmt(comparison.metrics().get(p + "refused").get(v).mean()),
                        ReportWriter.fmt(comparison.metrics().get(p + "paid").get(v).mean())));
                if (workers.mean() == 0) {
                    notes.add(ex + " reached nobody in variant " + v + ": " + whyUnreached(v, ex)
                            + ". Its effect is zero for that reason.");
                } else if (changed.isEmpty()) {
                    notes.add(ex + " reached " + ReportWriter.fmt(workers.mean()) + " workers in variant " + v
                            + " but changed no answer of the rules: its clauses did not apply to them.");
                }
            }
        }
        if (rows.isEmpty()) {
            return null;
        }
        List<String> paragraphs = new ArrayList<>(List.of("Per replication (means): the workers and questions "
                + "each exemption's scope covered, the rules' answers it changed against the baseline's answer to "
                + "the same question (by the decision they feed), the participants it admitted, the admissions "
                + "its budget could not pay (turned away), and what its own rules paid."));
        paragraphs.addAll(notes);
        return new Section("reach", "How far each exemption reached", paragraphs, List.of("variant", "exemption",
                "workers in scope", "questions in scope", "answers changed", "participants", "turned away by its cap",
                "paid by its rules (euro)"), rows);
    }

    /**
     * One row of the take-up table: a scheme in a variant, means per replication.
     *
     * @param granted    hires and courses the rules granted the scheme in
     * @param claimed    of those, the cases its claimant claimed it in
     * @param unaware    not claimed because the claimant did not know it
     * @param notWorthIt not claimed because the hassle outweighed the gain
     * @param paid       euro paid to claimants
     * @param unclaimed  euro it would have paid them over the months the spells ran
     */
    public record TakeUpRow(String variant, String scheme, double granted, double claimed, double unaware,
            double notWorthIt, double paid, double unclaimed) {

        /** The share of the cases granted the scheme in which it was claimed (ratio of the means), NaN when none. */
        public double share() {
            return granted == 0 ? Double.NaN : claimed / granted;
        }
    }

    /** Take-up per scheme and variant: every scheme granted in at least one case of the variant. */
    public List<TakeUpRow> takeUpPerScheme() {
        List<TakeUpRow> rows = new ArrayList<>();
        List<String> schemes = new ArrayList<>();
        for (String metric : metricsWithPrefix(Metrics.TAKE_UP_PREFIX)) {
            if (metric.endsWith(".granted")) {
                schemes.add(metric.substring(Metrics.TAKE_UP_PREFIX.length(), metric.length() - ".granted".length()));
            }
        }
        for (String v : variants()) {
            for (String scheme : schemes) {
                String p = Metrics.TAKE_UP_PREFIX + scheme + ".";
                double granted = takeUpMean(p + "granted", v);
                if (granted > 0) {
                    rows.add(new TakeUpRow(v, scheme, granted, takeUpMean(p + "claimed", v),
                            takeUpMean(p + "unaware", v), takeUpMean(p + "notWorthIt", v), takeUpMean(p + "paid", v),
                            takeUpMean(p + "unclaimed", v)));
                }
            }
        }
        return rows;
    }

    private double takeUpMean(String metric, String variant) {
        Summary s = comparison.metrics().getOrDefault(metric, Map.of()).get(variant);
        return s == null || Double.isNaN(s.mean()) ? 0 : s.mean();
    }

    private Section takeUpSection() {
        List<List<String>> rows = new ArrayList<>();
        for (TakeUpRow t : takeUpPerScheme()) {
            rows.add(List.of(t.variant(), t.scheme(), ReportWriter.fmt(t.granted()), ReportWriter.fmt(t.claimed()),
                    ReportWriter.fmt(t.unaware()), ReportWriter.fmt(t.notWorthIt()), ReportWriter.fmt(t.paid()),
                    ReportWriter.fmt(t.unclaimed()), CostEffectiveness.pct(t.share())));
        }
        if (rows.isEmpty()) {
            return null;
        }
        List<String> supports = new ArrayList<>();
        for (String v : variants()) {
            var variant = result.scenario().variant(v);
            for (String id : variant == null ? List.<String>of() : variant.supports()) {
                String p = Metrics.SUPPORT_PREFIX + id + ".";
                supports.add("Variant " + v + ": process support " + id + " had "
                        + ReportWriter.fmt(takeUpMean(p + "participants", v)) + " participants at EUR "
                        + ReportWriter.fmt(takeUpMean(p + "cost", v)) + " per replication, booked as public spending "
                        + "of its payer. A take-up support (a work ambassador, one desk, case support) helps them claim "
                        + "the schemes it covers; an instrument (a work-to-work route, a case sprint, a cooperative "
                        + "employer) claims nothing for them and acts through its own mechanism (rules/support/" + id
                        + "*.yaml).");
            }
        }
        List<String> paragraphs = new ArrayList<>(List.of("Per replication (means): the hires and courses "
                + "the rules granted each scheme in, whether its claimant (the employer, or the worker for a learning "
                + "budget) claimed it, and why not: the claimant did not know it, or what it pays did not outweigh the "
                + "hassle of claiming (mechanism take-up). An unclaimed scheme pays nothing and weighs in no decision: "
                + "the euro unclaimed are what it would have paid over the months the jobs and courses ran. A scheme "
                + "is a national one (claimable-schemes.yaml) or an exemption that pays something to claim; the LKV's "
                + "published non-use is about 80 % (SEO, Wtl evaluation 2021)."));
        paragraphs.addAll(supports);
        return new Section("take-up", "Take-up per scheme", paragraphs, List.of("variant", "scheme",
                        "cases granted", "claimed", "unaware", "not worth it", "euro claimed", "euro unclaimed",
                        "take-up"), rows);
    }

    /** The decisions a question type feeds, in the plural: {@code courses}. */
    static String decision(nl.fieldlab.sandbox.domain.QuestionType t) {
        return switch (t) {
            case HIRE -> "hires";
            case TRIAL_PLACEMENT -> "trial placements";
            case COURSE -> "courses";
            case BENEFIT -> "benefits";
            case DISMISSAL -> "dismissals";
        };
    }

    private Section mechanisms() {
        Map<String, Double> overrides = result.scenario().behaviour().overrides();
        List<List<String>> rows = new ArrayList<>();
        for (var m : nl.fieldlab.sandbox.scenario.Behaviour.mechanisms().values()) {
            List<String> values = new ArrayList<>();
            for (String key : m.parameters()) {
                double v = result.scenario().behaviour().get(key);
                values.add(key + " = " + ReportWriter.fmt(v) + (overrides.containsKey(key) ? " (scenario)" : ""));
            }
            rows.add(List.of(m.id(), m.decision(), m.says(), String.join("; ", values), m.source()));
        }
        return new Section("mechanisms", "Behaviour: the mechanisms behind the effects", List.of(
                "The rules decide what is allowed and what it pays to whom; these mechanisms decide what people and "
                        + "employers do with that. Every difference between variants runs through one of them. Values "
                        + "marked (scenario) were set by the scenario file; the others are the documented defaults."),
                List.of("mechanism", "decision", "what it does", "values", "source"), rows);
    }

    /**
     * A rule that blocked actions in a variant: how often on average, the source it encodes, and the sources that
     * source names, resolved ("S16: title; issuer; identifier (kind)").
     */
    public record Blocking(String rule, Summary blocked, String source, String exemption, List<String> resolved) {

        /** The source with what its ids stand for, for a table cell. */
        public String sourceText() {
            return resolved.isEmpty() ? source : source + " [" + String.join("; ", resolved) + "]";
        }
    }

    public String scenarioId() {
        return result.scenario().id();
    }

    public List<String> variants() {
        return result.variants();
    }

    /** Headline metrics (those documented in {@link Metrics#DESCRIPTIONS}) present in this run. */
    public List<String> headline() {
        return Metrics.DESCRIPTIONS.keySet().stream().filter(comparison.metrics()::containsKey).toList();
    }

    /** Groups with fewer job seekers than this (baseline mean) are left out of the group tables: their rates are noise. */
    public static final int MIN_GROUP_SEEKERS = 30;

    /**
     * The group metrics the who-benefits tables show: every {@code group.<GROUP>.<measure>} but the group's size, for
     * groups with at least {@link #MIN_GROUP_SEEKERS} job seekers.
     */
    public List<String> groupMetrics() {
        Set<String> small = new HashSet<>(smallGroups().keySet());
        String size = "." + Metrics.GROUP_SEEKERS;
        return metricsWithPrefix("group.").stream()
                .filter(k -> !k.endsWith(size) && !small.contains(k.substring(0, k.lastIndexOf('.')))).toList();
    }

    /** The groups left out of the group tables, as {@code group.<GROUP>} with their baseline mean of job seekers. */
    public Map<String, Double> smallGroups() {
        Map<String, Double> small = new LinkedHashMap<>();
        String size = "." + Metrics.GROUP_SEEKERS;
        for (String k : metricsWithPrefix("group.")) {
            if (k.endsWith(size)) {
                Summary s = comparison.metrics().get(k).get(Variant.BASELINE);
                if (s == null || s.mean() < MIN_GROUP_SEEKERS) {
                    small.put(k.substring(0, k.length() - size.length()), s == null ? 0 : s.mean());
                }
            }
        }
        return small;
    }

    /** "Left out, fewer than 30 job seekers: target.X (12), ..." or null when every group is shown. */
    public String smallGroupsText() {
        Map<String, Double> small = smallGroups();
        if (small.isEmpty()) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        small.forEach((g, n) -> parts.add(g.substring("group.".length()) + " (" + ReportWriter.fmt(n) + ")"));
        return "Left out, with fewer than " + MIN_GROUP_SEEKERS + " job seekers on average in the baseline (their rates"
                + " would be noise): " + String.join(", ", parts) + ".";
    }

    public List<String> metricsWithPrefix(String prefix) {
        return comparison.metrics().keySet().stream().filter(k -> k.startsWith(prefix)).toList();
    }

    /** Rules that blocked at least one action in the variant, most blocking first. */
    public List<Blocking> topBlocking(String variant, int limit) {
        List<Blocking> out = new ArrayList<>();
        for (String metric : metricsWithPrefix(Metrics.BLOCKED_PREFIX)) {
            Summary s = comparison.metrics().get(metric).get(variant);
            if (s != null && s.mean() > 0) {
                String id = metric.substring(Metrics.BLOCKED_PREFIX.length());
                RuleInfo info = rules.get(id);
                out.add(new Blocking(id, s, info == null ? "" : info.source(),
                        info == null ? null : info.exemption(),
                        info == null ? List.of() : sources.describe(info.source())));
            }
        }
        out.sort(Comparator.comparingDouble((Blocking b) -> -b.blocked().mean()).thenComparing(Blocking::rule));
        return out.size() > limit ? out.subList(0, limit) : out;
    }

    /** Cumulative mean placements by month, per variant. */
    public Map<String, double[]> cumulativePlacements() {
        Map<String, double[]> out = new LinkedHashMap<>();
        result.placementsByMonth().forEach((v, perMonth) -> {
            double[] cum = new double[perMonth.length];
            double sum = 0;
            for (int m = 0; m < perMonth.length; m++) {
                sum += perMonth[m];
                cum[m] = sum;
            }
            out.put(v, cum);
        });
        return out;
    }

    public List<String> nonBaselineVariants() {
        return variants().stream().filter(v -> !v.equals(Variant.BASELINE)).toList();
    }

    public String variantLabel(String variant) {
        var v = result.scenario().variant(variant);
        if (v == null || v.exemptions().isEmpty()) {
            return variant;
        }
        if (v.exemptions().size() == 1 && v.exemptions().get(0).equals(variant)) {
            return variant + ": " + exemptionTitles.getOrDefault(variant, "");
        }
        List<String> titles = new ArrayList<>();
        for (String e : v.exemptions()) {
            titles.add(e + " " + exemptionTitles.getOrDefault(e, ""));
        }
        return variant + ": " + String.join("; ", titles).strip();
    }
}
