package nl.fieldlab.sandbox.report;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import nl.fieldlab.sandbox.domain.Actor;
import nl.fieldlab.sandbox.rules.Exemption;
import nl.fieldlab.sandbox.rules.Variant;
import nl.fieldlab.sandbox.simulation.Metrics;
import nl.fieldlab.sandbox.simulation.SimulationResult;
import nl.fieldlab.sandbox.stats.Calls;
import nl.fieldlab.sandbox.stats.Ratio;
import nl.fieldlab.sandbox.stats.Summary;

/**
 * What a variant buys and who pays for it, against the baseline, replication by replication: the extra placements
 * and months in work, the extra public spending, the benefits saved and the taxes and premiums gained (the fiscal
 * return), the net public cost and its present value, the extra public cost per extra placement and per extra year
 * in work (delta-method intervals; not defined when the outcome difference is not significant), the deadweight of
 * the subsidies and of each exemption's payments, each actor's gain or loss, and the month from which the variant's
 * cumulative net public cost stays at or below the baseline's (break-even).
 *
 * @param variant           the variant
 * @param placements        extra placements
 * @param yearsInWork       extra years former job seekers spent in work
 * @param employedAtHorizon extra former job seekers in work at the horizon
 * @param spending          extra public spending other than benefits
 * @param benefits          extra benefit payments (negative: benefits saved)
 * @param receipts          extra taxes, premiums and levies public bodies received
 * @param fiscalReturn      receipts gained plus benefits saved
 * @param netPublicCost     extra net public cost
 * @param presentValue      the same, discounted to the start
 * @param socialCost        extra social cost: the net outflow of the public bodies, the investors and the sector
 *                          funds ({@link Metrics#SOCIAL_COST})
 * @param allPartiesCost    extra cost to all parties, less the value of the hired job seekers' work
 *                          ({@link Metrics#ALL_PARTIES_COST})
 * @param perPlacement      extra net public cost per extra placement
 * @param perYearInWork     extra net public cost per extra year in work
 * @param socialPerPlacement  extra social cost per extra placement
 * @param socialPerYearInWork extra social cost per extra year in work
 * @param deadweight        share of payments made for placements the baseline also makes: "subsidies" and each of
 *                          the variant's exemptions, by id
 * @param byActor           each actor's extra net position (received minus paid), actors with money flows only
 * @param employerResult    the employers' extra net result: money plus the value of the work
 * @param employerPerHire   the change in the employers' net result per hire
 * @param cumulative        the mean cumulative extra net public cost at the end of each month
 * @param breakEvenMonth    the first month (0-based) from which the cumulative extra cost stays at or below 0, -1
 *                          when it does not within the horizon, 0 when it never rises above 0
 * @param outcomePrice      the outcome price that repays the investors of an outcome-financed project, or null when
 *                          the variant has none
 * @param sroiCredits       extra social-return (SROI) credit granted, in euro of social return: not money, so in no
 *                          cost line ({@link Metrics#SROI_CREDITS})
 * @param yearsAfterHorizon extra work-years after the horizon ({@link TerminalValue}: the gap at the horizon fading)
 * @param costAfterHorizon  extra net public cost after the horizon (the same gap priced at the baseline's fiscal gain
 *                          of a work-month)
 * @param perWorkYearWithTerminal the headline: extra net public cost per extra work-year, to the horizon and after it
 *                          (Fieller's interval); defined only when the work-years to the horizon rose significantly
 * @param horizonNote       why the horizon may cut off the variant's return (it starts more courses, and those started
 *                          late end less than three years before it), or null
 * @param ownSpending       what the variant's own instruments paid: about nothing, and a fall in net public cost is
 *                          not a saving it bought
 * @param calls             which differences the report may state: every "if" and "which" of the reading comes from
 *                          these, never from an interval of its own
 */
public record CostEffectiveness(String variant, Summary placements, Summary yearsInWork, Summary employedAtHorizon,
        Summary spending,
        Summary benefits, Summary receipts, Summary fiscalReturn, Summary netPublicCost, Summary presentValue,
        Summary socialCost, Summary allPartiesCost, Ratio perPlacement, Ratio perYearInWork, Ratio socialPerPlacement,
        Ratio socialPerYearInWork, Map<String, Summary> deadweight, Map<Actor, Summary> byActor,
        Summary employerResult, Summary employerPerHire, double[] cumulative, int breakEvenMonth,
        OutcomePrice outcomePrice, Summary sroiCredits, Summary yearsAfterHorizon, Summary costAfterHorizon,
        Ratio perWorkYearWithTerminal, String horizonNote, OwnSpending ownSpending, Calls calls) {

    /** The analysis of every variant but the baseline; empty when the run has no baseline. */
    public static List<CostEffectiveness> of(SimulationResult r) {
        return of(r, Map.of(), Calls.uncorrected(nl.fieldlab.sandbox.stats.Comparison.of(r)));
    }

    /**
     * The same, with the declarations of the variants' exemptions (by id), which give an outcome fund's budget; empty
     * when not known.
     */
    public static List<CostEffectiveness> of(SimulationResult r, Map<String, Exemption> exemptions, Calls calls) {
        Map<String, double[]> base = r.metrics().get(Variant.BASELINE);
        if (base == null) {
            return List.of();
        }
        List<CostEffectiveness> out = new ArrayList<>();
        for (String v : r.variants()) {
            if (!v.equals(Variant.BASELINE)) {
                out.add(of(r, v, base, fundBudget(r, v, exemptions), calls));
            }
        }
        return out;
    }

    /** The budget a replication of the variant's outcome-financed exemption (a cohort with a budget cap), else NaN. */
    private static double fundBudget(SimulationResult r, String v, Map<String, Exemption> exemptions) {
        var variant = r.scenario().variant(v);
        if (variant != null) {
            for (String ex : variant.exemptions()) {
                Exemption e = Report.exemptionIn(exemptions, v, ex);
                if (e != null && e.scope().cohort() && e.scope().budget() > 0) {
                    return e.scope().budget();
                }
            }
        }
        return Double.NaN;
    }

    private static CostEffectiveness of(SimulationResult r, String v, Map<String, double[]> base, double budget,
            Calls calls) {
        Map<String, double[]> own = r.metrics().get(v);
        double[] dPlacements = diff(own, base, Metrics.PLACEMENTS, 1);
        double[] dYears = diff(own, base, Metrics.MONTHS_IN_WORK, 1 / 12.0);
        double[] dBenefits = diff(own, base, Metrics.BENEFIT_PAYMENTS, 1);
        double[] dReceipts = diff(own, base, Metrics.PUBLIC_RECEIPTS, 1);
        double[] dCost = diff(own, base, Metrics.PUBLIC_COST, 1);
        double[] dSocial = diff(own, base, Metrics.SOCIAL_COST, 1);
        double[] fiscal = new double[dCost.length];
        for (int i = 0; i < fiscal.length; i++) {
            fiscal[i] = dReceipts[i] - dBenefits[i];
        }
        Map<String, Summary> deadweight = new LinkedHashMap<>();
        var variant = r.scenario().variant(v);
        deadweight.put("subsidies", Summary.of(own.getOrDefault(Metrics.DEADWEIGHT_PREFIX + "subsidies", new double[0])));
        if (variant != null) {
            for (String ex : variant.exemptions()) {
                double[] d = own.get(Metrics.DEADWEIGHT_PREFIX + ex);
                if (d != null) {
                    deadweight.put(ex, Summary.of(d));
                }
            }
        }
        Map<Actor, Summary> byActor = new LinkedHashMap<>();
        for (Actor a : Actor.values()) {
            double[] d = diff(own, base, Metrics.NET_PREFIX + a.name(), 1);
            boolean flows = any(own.get(Metrics.NET_PREFIX + a.name())) || any(base.get(Metrics.NET_PREFIX + a.name()));
            if (flows) {
                byActor.put(a, Summary.of(d));
            }
        }
        // the terminal value: the employment gap at the horizon, fading, priced at the baseline's fiscal gain
        TerminalValue terminal = TerminalValue.of(r.scenario().behaviour());
        double[] dEmployed = diff(own, base, Metrics.EMPLOYED_AT_HORIZON, 1);
        double[] yearsAfter = terminal.workYears(dEmployed);
        double[] costAfter = terminal.netPublicCost(dEmployed,
                base.getOrDefault(Metrics.FISCAL_GAIN_PER_WORK_MONTH, new double[0]));
        // the headline's denominator is the work-years to the horizon: a terminal value (an assumption) cannot make a
        // difference the run did not show
        boolean placementsCalled = calls.called(v, Metrics.PLACEMENTS);
        boolean yearsCalled = calls.called(v, Metrics.MONTHS_IN_WORK);
        String yearsWhy = "the difference in work-years is not called: " + calls.why(v, Metrics.MONTHS_IN_WORK);
        String placementsWhy = "the difference in placements is not called: " + calls.why(v, Metrics.PLACEMENTS);
        Ratio headline = Ratio.fieller(TerminalValue.plus(dCost, costAfter), TerminalValue.plus(dYears, yearsAfter),
                "work-years", yearsCalled, yearsWhy);
        double[] cumulative = cumulativeDifference(r.publicCostByMonth().get(v), r.publicCostByMonth().get(Variant.BASELINE));
        return new CostEffectiveness(v, Summary.of(dPlacements), Summary.of(dYears),
                Summary.of(diff(own, base, Metrics.EMPLOYED_AT_HORIZON, 1)),
                Summary.of(diff(own, base, Metrics.PUBLIC_SPENDING, 1)), Summary.of(dBenefits), Summary.of(dReceipts),
                Summary.of(fiscal), Summary.of(dCost), Summary.of(diff(own, base, Metrics.PUBLIC_COST_PV, 1)),
                Summary.of(dSocial), Summary.of(diff(own, base, Metrics.ALL_PARTIES_COST, 1)),
                Ratio.fieller(dCost, dPlacements, "placements", placementsCalled, placementsWhy),
                Ratio.fieller(dCost, dYears, "work-years", yearsCalled, yearsWhy),
                Ratio.fieller(dSocial, dPlacements, "placements", placementsCalled, placementsWhy),
                Ratio.fieller(dSocial, dYears, "work-years", yearsCalled, yearsWhy),
                deadweight,
                byActor, Summary.of(diff(own, base, Metrics.EMPLOYER_NET_RESULT, 1)),
                Summary.of(diff(own, base, Metrics.EMPLOYER_NET_RESULT_PER_HIRE, 1)), cumulative,
                breakEven(cumulative), OutcomePrice.of(own, dCost, budget),
                Summary.of(diff(own, base, Metrics.SROI_CREDITS, 1)), Summary.of(yearsAfter), Summary.of(costAfter),
                headline, horizonNote(r, v, own, base), OwnSpending.of(own), calls);
    }

    private static double[] diff(Map<String, double[]> own, Map<String, double[]> base, String metric, double scale) {
        double[] a = own.get(metric);
        double[] b = base.get(metric);
        double[] d = new double[Math.min(a.length, b.length)];
        for (int i = 0; i < d.length; i++) {
            d[i] = (a[i] - b[i]) * scale;
        }
        return d;
    }

    /**
     * The horizon sentence for a variant whose exemptions change the rules' answers to course questions: a course
     * started in the last (longest course + {@link TerminalValue#RETURN_MONTHS}) months ends less than three years
     * before the horizon, so training's later return (S54) falls partly after it. Null for a variant that changes no
     * course answer, or a scenario without courses. (What the exemptions change is a fact of the run, not a difference
     * selected by its interval.)
     */
    private static String horizonNote(SimulationResult r, String v, Map<String, double[]> own,
            Map<String, double[]> base) {
        int longest = r.scenario().courses() == null ? 0
                : r.scenario().courses().stream().mapToInt(c -> c.months() == null ? 0 : c.months()).max().orElse(0);
        double courseAnswers = 0;
        for (Map.Entry<String, double[]> e : own.entrySet()) {
            if (e.getKey().startsWith(Metrics.REACH_PREFIX) && e.getKey().endsWith(".changed." + "COURSE")) {
                courseAnswers += Summary.of(e.getValue()).mean();
            }
        }
        if (longest == 0 || !(courseAnswers > 0)) {
            return null;
        }
        int months = r.scenario().months();
        int late = months - longest - TerminalValue.RETURN_MONTHS;
        String when = late <= 0
                ? "every course its people start ends less than 3 years before the " + months + "-month horizon"
                : "a course of up to " + longest + " months started after month " + late + " of " + months
                        + " ends less than 3 years before the horizon";
        return v + "'s exemptions change the rules' answer to " + ReportWriter.fmt(courseAnswers)
                + " course questions a replication (courses started: "
                + signed(Summary.of(diff(own, base, Metrics.COURSES_STARTED, 1))) + ", exploratory); " + when
                + ", and training's effect 2-3 years after a programme (Card, Kluve & Weber 2018, S54) falls partly"
                + " after it: the terminal value carries only the employment gap left at the horizon (an assumption,"
                + " behaviour value " + TerminalValue.PERSISTENCE + "), not a return that starts after it; a longer"
                + " horizon (months: 96 to 120) measures that";
    }

    private static boolean any(double[] values) {
        if (values != null) {
            for (double x : values) {
                if (x != 0 && !Double.isNaN(x)) {
                    return true;
                }
            }
        }
        return false;
    }

    static double[] cumulativeDifference(double[] own, double[] base) {
        double[] out = new double[Math.min(own.length, base.length)];
        double sum = 0;
        for (int m = 0; m < out.length; m++) {
            sum += own[m] - base[m];
            out[m] = sum;
        }
        return out;
    }

    /**
     * The first month from which {@code cumulative} stays at or below 0 (within a euro), -1 when it ends above 0, 0
     * when it never rises above 0.
     */
    static int breakEven(double[] cumulative) {
        int last = -1;
        for (int m = 0; m < cumulative.length; m++) {
            if (cumulative[m] > 1) {
                last = m;
            }
        }
        if (last == cumulative.length - 1) {
            return -1;
        }
        return last + 1;
    }

    /** Whether the report's verdicts call this variant's difference of {@code metric}. */
    private boolean called(String metric) {
        return calls.called(variant, metric);
    }

    /** Whether its own rules pay about nothing against its extra net public cost. */
    public boolean paysAboutNothing() {
        return ownSpending.aboutNothing(netPublicCost);
    }

    /** A called fall in the net public cost of a variant whose own rules pay about nothing: not bought. */
    private boolean fallFromBehaviour() {
        return paysAboutNothing() && called(Metrics.PUBLIC_COST) && netPublicCost.mean() < 0;
    }

    /** Whether the cumulative extra net public cost ever rose above 0. */
    public boolean everCostsMore() {
        for (double c : cumulative) {
            if (c > 1) {
                return true;
            }
        }
        return false;
    }

    /** The break-even in words: "month 31 (2028-07)", "not within the 60 months", "never costs more". */
    public String breakEvenText(YearMonth start) {
        if (!called(Metrics.PUBLIC_COST)) {
            return "none: the extra net public cost is not called (" + calls.why(variant, Metrics.PUBLIC_COST) + ")";
        }
        if (paysAboutNothing()) {
            return "none: its own rules pay about nothing (EUR " + money(ownSpending.mean()) + " a replication), so"
                    + " the net public cost difference, " + euro(netPublicCost) + ", is "
                    + (netPublicCost.mean() < 0 ? "lower net public cost from changed behaviour (not money its rules"
                            + " spent)" : "not money it spent");
        }
        if (!everCostsMore()) {
            return "never costs more than the baseline";
        }
        if (breakEvenMonth < 0) {
            return "not within the " + cumulative.length + " months";
        }
        return "month " + (breakEvenMonth + 1) + " (" + start.plusMonths(breakEvenMonth) + ")";
    }

    /**
     * Where a variant lies against the baseline on the two axes a budget holder weighs: work-years (the denominator of
     * the headline ratio) and net public cost.
     */
    public enum Quadrant {
        /** More work-years and a lower net public cost: it pays for itself. */
        DOMINANT,
        /** More work-years at a net public cost not significantly lower, or fewer at a lower cost: a price to weigh. */
        TRADE_OFF,
        /** Fewer work-years at a net public cost not significantly lower. */
        DOMINATED,
        /** No significant change in work-years: no cost per work-year can be given. */
        UNCLEAR;

        /** The name in report.json and summary.csv: "dominant", "trade-off", "dominated", "unclear". */
        public String json() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** The quadrant, from the work-year and net-public-cost differences. */
    public Quadrant quadrant() {
        if (!called(Metrics.MONTHS_IN_WORK)) {
            return Quadrant.UNCLEAR;
        }
        boolean cheaper = called(Metrics.PUBLIC_COST) && netPublicCost.mean() < 0;
        if (yearsInWork.mean() > 0) {
            return cheaper ? Quadrant.DOMINANT : Quadrant.TRADE_OFF;
        }
        return cheaper ? Quadrant.TRADE_OFF : Quadrant.DOMINATED;
    }

    /**
     * The headline cost figure: the extra net public cost per extra work-year of former job seekers, to the horizon
     * and after it ({@link TerminalValue}), with Fieller's interval. Work-years, not placements, are the denominator:
     * first placements in a closed population saturate, so a variant that keeps people in work longer can place fewer
     * and still buy more work.
     */
    public Ratio costPerExtraWorkYear() {
        return perWorkYearWithTerminal;
    }

    /**
     * The headline in words, by quadrant: "each extra work-year costs the public purse EUR 9,110 [2,340, 21,200]",
     * "each extra work-year saves ... (more work and a lower net public cost)", "fewer work-years (...) at a net
     * public cost that rises by ..." or "no cost per extra work-year: the extra work-years are not significant (...)".
     */
    public String workYearText() {
        Ratio r = costPerExtraWorkYear();
        String years = signed(yearsInWork);
        String withAfter = years + " work-years to the horizon, " + ReportWriter.fmt(yearsAfterHorizon.mean())
                + " after it";
        return switch (quadrant()) {
            case UNCLEAR -> "no cost per extra work-year: the extra work-years are not called (" + years + "; "
                    + calls.why(variant, Metrics.MONTHS_IN_WORK) + ")";
            case DOMINATED -> "fewer work-years (" + years + ") and no lower net public cost (dominated: no cost"
                    + " per work-year)";
            case DOMINANT -> fallFromBehaviour() ? "more work-years (" + withAfter + ") and a lower net public cost"
                    + " from changed behaviour (not money its rules spent): EUR " + ReportWriter.cell(r)
                    + " a work-year"
                    : r.defined() ? "each extra work-year saves the public purse " + euro(abs(r))
                    + " (more work and a lower net public cost; " + withAfter + ")"
                    : "more work-years (" + years + ") and a lower net public cost";
            case TRADE_OFF -> yearsInWork.mean() < 0
                    ? "fewer work-years (" + years + ") at a lower net public cost (" + euro(netPublicCost)
                            + "): no cost per work-year"
                    : !r.defined() ? "more work-years (" + years + "); " + r.undefined()
                    : r.estimate() >= 0 ? "each extra work-year costs the public purse " + euro(r) + " (" + withAfter
                            + ")"
                    : r.ciHigh() < 0 && !paysAboutNothing() ? "each extra work-year saves the public purse "
                            + euro(abs(r)) + " once the terminal value (an assumption) is counted, while to the"
                            + " horizon the net public cost "
                            + change(netPublicCost, called(Metrics.PUBLIC_COST)) + " (" + withAfter + ")"
                    : "each extra work-year changes the net public cost by " + euro(r) + ", not a significant saving ("
                            + withAfter + ")";
        };
    }

    /** One sentence a budget holder can read: what the variant buys, what it costs on balance, who pays. */
    public String reading(YearMonth start, String unreached) {
        StringBuilder s = new StringBuilder(variant).append(": ");
        if (unreached != null) {
            s.append(unreached).append("; ");
        }
        // a public saving that rests on investors who are not repaid is no saving: then the social cost and the
        // public cost at the price that repays them come first, and the public cost at the contract's price after
        boolean investorsCarry = outcomePrice != null && outcomePrice.investorsNotRepaid()
                && outcomePrice.repayingPrice().defined();
        s.append(workYearText());
        if (investorsCarry && costPerExtraWorkYear().defined()) {
            s.append(" at the contract's price, where the investors are not repaid");
        }
        s.append(". ");
        if (horizonNote != null) {
            s.append(horizonNote).append(". ");
        }
        s.append(called(Metrics.PLACEMENTS)
                ? "It places " + count(abs(placements)) + (placements.mean() > 0 ? " more" : " fewer") + " workers"
                : "No called change in placements (" + signed(placements) + ")");
        if (called(Metrics.EMPLOYED_AT_HORIZON)) {
            s.append(" and ").append(count(abs(employedAtHorizon))).append(employedAtHorizon.mean() > 0 ? " more" : " fewer")
                    .append(" in work at the horizon");
        }
        if (investorsCarry) {
            s.append(". ").append(investorsLeadText());
        } else {
            s.append(fallFromBehaviour()
                    ? ". Lower net public cost from changed behaviour (not money its rules spent): "
                    + euro(netPublicCost) + ", its own rules paying EUR " + money(ownSpending.mean()) + " a replication"
                    : ". Net public cost " + change(netPublicCost, called(Metrics.PUBLIC_COST)));
            s.append("; social cost (public purse, investors and sector funds) ")
                    .append(change(socialCost, called(Metrics.SOCIAL_COST)));
        }
        // not in the headline family: quoted, never selected by its own interval
        s.append("; fiscal return (taxes and premiums gained plus benefits saved; exploratory): ")
                .append(euro(fiscalReturn));
        String atContract = investorsCarry ? " at the contract's price" : "";
        // secondary: first placements in a closed population saturate, so per placement is not the headline
        if (perPlacement.defined()) {
            s.append(perPlacement.estimate() >= 0 ? "; each extra placement costs the public purse "
                    : paysAboutNothing() ? "; each extra placement comes with a lower net public cost from changed"
                            + " behaviour (not money its rules spent) of "
                    : "; each extra placement saves the public purse ").append(euro(abs(perPlacement)))
                    .append(atContract);
        } else {
            s.append("; there is no cost per extra placement (")
                    .append(perPlacement.undefined().substring("not defined: ".length())).append(')');
        }
        String dead = deadweightText();
        if (dead != null) {
            s.append("; ").append(dead);
        }
        String credit = sroiCreditText();
        if (credit != null) {
            s.append("; ").append(credit);
        }
        String outcome = outcomePriceText(investorsCarry);
        if (outcome != null) {
            s.append(". ").append(outcome);
        }
        String cohort = cohortText();
        if (cohort != null) {
            s.append(". ").append(cohort);
        }
        s.append(". Break-even").append(atContract).append(": ").append(breakEvenText(start));
        int peak = peakMonth();
        if (called(Metrics.PUBLIC_COST) && !paysAboutNothing() && breakEvenMonth < 0 && peak >= 0
                && peak < cumulative.length - 1) {
            s.append(" (the cumulative extra cost peaked at EUR ").append(money(cumulative[peak])).append(" in month ")
                    .append(peak + 1).append(" and has fallen since)");
        }
        s.append('.');
        return s.toString();
    }

    /** "rises by EUR 1.48 M [1.23 M, 1.73 M]", "falls by ...", or "is not called (...)", as the verdicts call it. */
    private static String change(Summary d, boolean called) {
        return called ? (d.mean() > 0 ? "rises by " : "falls by ") + euro(abs(d))
                : "does not change by a called amount (" + euro(d) + ")";
    }

    /**
     * The lead of an outcome-financed variant whose investors are not repaid at the contract's price: the social cost,
     * the public cost at the price that repays them (and whether the fund's budget could pay it), then the public cost
     * at the contract's price as a saving resting on the investors' loss.
     */
    private String investorsLeadText() {
        OutcomePrice o = outcomePrice;
        StringBuilder s = new StringBuilder("Social cost (public purse, investors and sector funds) ")
                .append(change(socialCost, called(Metrics.SOCIAL_COST))).append("; at the outcome price that repays the"
                        + " investors (")
                .append(euro(o.repayingPrice())).append(" a unit, ").append(ReportWriter.fmt(o.multiple()))
                .append(" times the contract's) net public cost would change by ").append(euro(o.netPublicCost()))
                .append(" (exploratory)");
        if (o.outlayExceedsBudget()) {
            s.append(", but the investors' outlay (EUR ").append(money(o.outlay().mean()))
                    .append(") exceeds the outcome fund's budget (EUR ").append(money(o.budget()))
                    .append(" a replication), so no outcome price the fund can pay repays them");
        }
        boolean costCalled = called(Metrics.PUBLIC_COST);
        s.append(". At the contract's price net public cost ").append(change(netPublicCost, costCalled));
        if (netPublicCost.mean() < 0 || !costCalled) {
            s.append(costCalled ? ", a public saving" : ", a public cost")
                    .append(" that rests on the investors' loss of ").append(euro(abs(o.investorsAtContract())))
                    .append(" (not repaid at that price), not a saving to society");
        } else {
            s.append(", with the investors losing ").append(euro(abs(o.investorsAtContract())));
        }
        return s.toString();
    }

    /**
     * The cohort against the contract: participants coached, successes, their mean predicted chance, the outcome units
     * per participant delivered against those the price assumed, whether the contract is mispriced for this cohort,
     * and what a unit measures; null when the variant has no outcome-financed project or no outcome was paid.
     */
    public String cohortText() {
        if (outcomePrice == null || outcomePrice.units().mean() <= 0) {
            return null;
        }
        OutcomePrice o = outcomePrice;
        OutcomePrice.Cohort c = o.cohort();
        String coached = c.coached().sd() == 0 ? ReportWriter.fmt(c.coached().mean()) : count(c.coached());
        StringBuilder s = new StringBuilder("Of ").append(coached).append(" participants coached, ")
                .append(count(c.successes())).append(" succeeded (").append(pctCell(c.successRate()))
                .append("), with a mean predicted chance of success without the project of ")
                .append(pctCell(c.meanPredictedChance())).append(": ")
                .append(ReportWriter.cell(c.unitsPerParticipant())).append(" outcome units per participant");
        OutcomePrice.Pricing pricing = o.pricing();
        if (pricing != OutcomePrice.Pricing.UNKNOWN) {
            s.append(" against the ").append(ReportWriter.fmt(c.unitsPriced()))
                    .append(" the contract's price assumed (expected success rate x (1 - expected predicted chance))");
            double times = c.unitsPriced() / c.unitsPerParticipant().estimate();
            switch (pricing) {
                case AS_PRICED -> s.append(", within the interval: the price fits this cohort");
                case INVESTORS_LOSE -> s.append(", ").append(ReportWriter.fmt(times)).append(" times fewer: the"
                        + " contract is mispriced for this cohort, and at its price the investors lose (they would"
                        + " need ").append(ReportWriter.fmt(c.unitsRepaying())).append(" units a participant to be"
                        + " repaid)");
                case BELOW_RETURN -> s.append(", fewer than the interval allows: the contract is mispriced for this"
                        + " cohort, and at its price the investors are repaid without the return it allowed them");
                case INVESTORS_OVERPAID -> s.append(", ").append(ReportWriter.fmt(1 / times)).append(" times more:"
                        + " the contract is mispriced for this cohort, and at its price the investors are overpaid"
                        + " (more than the return it allowed them)");
                default -> {
                }
            }
        }
        s.append(". A unit counts a success by the part above its predicted chance p without the project, 1 - p; it is"
                + " not the uplift: a participant who succeeds with chance q in the project earns q(1 - p) units on"
                + " average against an uplift of q - p, that is p(1 - q) more, so the contract also pays for successes"
                + " the prediction expected (at q = p, no uplift, still p(1 - p) units)");
        return s.toString();
    }

    /** A share with its interval in per cent, "1.7 % [1.4 %, 2.0 %]", or why it is not defined. */
    private static String pctCell(Ratio r) {
        if (!r.defined()) {
            return r.undefined();
        }
        return pct1(r.estimate()) + " [" + pct1(r.ciLow()) + ", " + pct1(r.ciHigh()) + "]";
    }

    private static String pct1(double share) {
        return ReportWriter.fmt(100 * share) + " %";
    }

    /**
     * What the investors of an outcome-financed project put in and got back, and the outcome price that would have
     * repaid them with the public cost at that price; null when the variant has no such project.
     */
    public String outcomePriceText() {
        return outcomePriceText(false);
    }

    /**
     * The same; {@code ledWithIt} leaves out the repaying price and the public cost at it, which the reading then
     * gave first.
     */
    private String outcomePriceText(boolean ledWithIt) {
        if (outcomePrice == null) {
            return null;
        }
        OutcomePrice o = outcomePrice;
        StringBuilder s = new StringBuilder("Investors pre-finance the coaching (")
                .append(euro(o.outlay())).append(") and receive ").append(euro(o.received()))
                .append(" in outcome payments");
        if (!o.repayingPrice().defined() || o.units().mean() <= 0) {
            return s.append("; no outcome was paid, so no outcome price repays them").toString();
        }
        s.append(" for ").append(ReportWriter.fmt(o.units().mean())).append(" outcome units (successes counted by the"
                + " part above their predicted chance); at the contract's price of EUR ").append(money(o.contractPrice()))
                .append(" a unit they are ").append(o.received().mean() >= o.outlay().mean() ? "repaid" : "not repaid");
        if (ledWithIt) {
            return s.append(" (the price only moves money between funders and investors, so social cost is the same"
                    + " at any price)").toString();
        }
        s.append(". The price that repays them is ").append(euro(o.repayingPrice())).append(" a unit (")
                .append(ReportWriter.fmt(o.multiple())).append(" times the contract's); at that price the extra net"
                + " public cost would be ").append(euro(o.netPublicCost()))
                .append(", while social cost stays the same (the price only moves money between funders and investors)");
        if (o.outlayExceedsBudget()) {
            s.append("; their outlay exceeds the outcome fund's budget (EUR ").append(money(o.budget()))
                    .append(" a replication), so no outcome price the fund can pay repays them");
        }
        OutcomePrice.Pricing pricing = o.pricing();
        if (pricing != OutcomePrice.Pricing.UNKNOWN && pricing != OutcomePrice.Pricing.AS_PRICED) {
            s.append(". The cohort delivers ").append(ReportWriter.cell(o.cohort().unitsPerParticipant()))
                    .append(" outcome units a participant against the ").append(ReportWriter.fmt(o.cohort().unitsPriced()))
                    .append(" the price assumed: the contract is mispriced for this cohort");
        }
        return s.toString();
    }

    /** The month (0-based) of the highest cumulative extra cost, -1 when it never rises above 0. */
    int peakMonth() {
        int peak = -1;
        for (int m = 0; m < cumulative.length; m++) {
            if (cumulative[m] > 1 && (peak < 0 || cumulative[m] > cumulative[peak])) {
                peak = m;
            }
        }
        return peak;
    }

    /**
     * The social-return credit a variant grants beyond the baseline's. It is not money (it counts towards contractors'
     * social-return obligations; the contract price does not change), so no cost line holds it, and what it displaces
     * (the social return the contractor would otherwise have delivered) is not priced: the reading says so.
     */
    private String sroiCreditText() {
        if (sroiCredits == null || sroiCredits.n() == 0 || sroiCredits.mean() == 0) {
            return null;
        }
        return "social-return credit granted, in euro of social return (not money: it counts towards contractors'"
                + " social-return obligations; the social return it displaces is not priced), "
                + "exploratory: " + euro(sroiCredits);
    }

    private String deadweightText() {
        List<String> parts = new ArrayList<>();
        deadweight.forEach((k, d) -> {
            if (!k.equals("subsidies") && d.n() > 0) {
                parts.add(pct(d.mean()) + " of " + k + "'s payments went to workers the baseline also places");
            }
        });
        return parts.isEmpty() ? null : String.join(", ", parts);
    }

    private static Ratio abs(Ratio r) {
        return r.estimate() >= 0 ? r : new Ratio(-r.estimate(), r.se(), -r.ciHigh(), -r.ciLow(), r.n(), r.undefined());
    }

    /** The same interval for the size of a difference (its sign flipped when it is negative). */
    static Summary abs(Summary s) {
        return s.mean() >= 0 ? s
                : new Summary(-s.mean(), s.sd(), s.se(), -s.ciHigh(), -s.ciLow(), s.n());
    }

    private static String count(Summary s) {
        return ReportWriter.cell(s, false);
    }

    /** A difference with its interval, without the significance mark. */
    static String signed(Summary s) {
        return ReportWriter.cell(s, true).replace(" *", "");
    }

    /** Euro with an interval: "EUR 1.89 M [1.59 M, 2.19 M]". */
    static String euro(Summary s) {
        if (s.n() < 2) {
            return "EUR " + money(s.mean());
        }
        boolean millions = Math.max(Math.abs(s.mean()), Math.max(Math.abs(s.ciLow()), Math.abs(s.ciHigh()))) >= 1e6;
        return "EUR " + money(s.mean(), millions) + " [" + money(s.ciLow(), millions) + ", "
                + money(s.ciHigh(), millions) + "]";
    }

    static String euro(Ratio r) {
        return "EUR " + ReportWriter.cell(r);
    }

    /** Money to three significant digits, in millions from a million. */
    static String money(double v) {
        return money(v, Math.abs(v) >= 1e6);
    }

    private static String money(double v, boolean millions) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        if (millions) {
            return ReportWriter.fmt(v / 1e6) + " M";
        }
        return ReportWriter.fmt(v);
    }

    /** A share in per cent, kept within 0 to 100 % (an interval of a share cannot leave it). */
    static String pct(double share) {
        return Double.isNaN(share) ? "n/a"
                : String.format(Locale.ROOT, "%.0f %%", 100 * Math.max(0, Math.min(1, share)));
    }
}
