package nl.fieldlab.sandbox.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import nl.fieldlab.sandbox.domain.Actor;
import nl.fieldlab.sandbox.domain.CourseRoute;
import nl.fieldlab.sandbox.domain.EmployerFacts;
import nl.fieldlab.sandbox.domain.Payment;
import nl.fieldlab.sandbox.domain.PaymentType;
import nl.fieldlab.sandbox.domain.Question;
import nl.fieldlab.sandbox.domain.QuestionType;
import nl.fieldlab.sandbox.domain.Status;
import nl.fieldlab.sandbox.domain.Texts;
import nl.fieldlab.sandbox.domain.WorkerFacts;
import nl.fieldlab.sandbox.rules.Answer;

/**
 * The floor: the decisions of one slice of the regulation ({@link #FILES}: minimum wage, wage-cost subsidy, WW
 * amount and duration, trial placement, and the classifications they read) written as plain Java, rule by rule,
 * giving answers equal to the rule engine's on that slice (the property test {@code FloorTest} holds them equal on
 * random questions). The benchmark runs the interactive case with it to show what the rule engine costs. It is
 * not part of the product: no simulation or report uses it, and a change to those rule files must be made here too
 * (the test fails until it is).
 */
public final class Floor {

    /** The rule files of the slice, as paths in the rules folder. */
    public static final Set<String> FILES = Set.of(
            "baseline/classification/target-groups.drl",
            "baseline/classification/wage-dispensation.drl",
            "baseline/classification/bbl-apprentice.drl",
            "baseline/decisions/minimum-wage.drl",
            "baseline/decisions/wage-cost-subsidy.drl",
            "baseline/decisions/ww.drl",
            "baseline/decisions/ww-earnings.drl",
            "baseline/decisions/trial-placement.drl");

    private Floor() {
    }

    /** Answers in the order of {@code questions}. */
    public static List<Answer> decide(List<Question> questions) {
        List<Answer> out = new ArrayList<>(questions.size());
        for (Question q : questions) {
            out.add(decide(q));
        }
        return out;
    }

    public static Answer decide(Question q) {
        Lines a = new Lines();
        WorkerFacts w = q.worker();
        Status status = w.status();
        // classification (target-groups.drl, wage-dispensation.drl, bbl-apprentice.drl)
        boolean uwv = status == Status.WW || status == Status.WAJONG;
        if (uwv) {
            a.group("CLS-UWV-BENEFIT", "UWV_BENEFIT");
        }
        boolean lks = (status == Status.BIJSTAND || status == Status.NONE)
                && w.wageValuePct() < q.p("lks.full-wage-value-pct");
        if (lks) {
            a.group("CLS-LKS-TARGET", "LKS_TARGET");
        }
        switch (q.type()) {
            case HIRE -> hire(q, w, a);
            case BENEFIT -> {
                if (status == Status.WW) {
                    ww(q, w, a);
                }
            }
            case TRIAL_PLACEMENT -> trial(q, w, uwv, lks, a);
            case COURSE, DISMISSAL -> {
            }
        }
        return a.answer();
    }

    private static void hire(Question q, WorkerFacts w, Lines a) {
        EmployerFacts e = q.employer();
        boolean dispensation = false;
        if (e != null && w.wageValuePct() <= q.p("wage-dispensation.max-wage-value-pct")
                && (e.contractMonths() == 0 || e.contractMonths() >= q.p("wage-dispensation.min-contract-months"))) {
            if (w.status() == Status.WAJONG && !"WAJONG-DGA".equals(w.background())) {
                a.group("CLS-WAGE-DISPENSATION", "WAGE_DISPENSATION");
                dispensation = true;
            }
            if (("WAJONG-DGA".equals(w.background()) || "WIA-IVA".equals(w.background()))
                    && q.p("wage-dispensation.widening.open") > 0) {
                a.groupOnce("CLS-WAGE-DISPENSATION-WIDENED", "WAGE_DISPENSATION");
                dispensation = true;
            }
        }
        int age = w.age();
        boolean bbl = q.course() != null && q.course().route() == CourseRoute.BBL && age >= q.p("wml.bbl.min-age")
                && age < q.p("wml.adult-age");
        if (bbl) {
            a.group("CLS-BBL-APPRENTICE-SCALE", "BBL_APPRENTICE_SCALE");
        }
        // minimum-wage.drl
        double min;
        if (age >= q.p("wml.adult-age")) {
            min = a.amount("WML-ADULT", "minimum-wage.hourly", q.p("wml.hourly.adult"));
        } else if (bbl) {
            min = a.amount("WML-BBL-APPRENTICE", "minimum-wage.hourly",
                    q.p("wml.hourly.adult") * q.p("wml.bbl-share.age-" + age));
        } else if (age >= q.p("wml.youth-min-age")) {
            min = a.amount("WML-YOUTH", "minimum-wage.hourly",
                    q.p("wml.hourly.adult") * q.p("wml.youth-share.age-" + age));
        } else {
            return;
        }
        if (e == null) {
            return;
        }
        double wml = a.amount("WML-HOLIDAY-ALLOWANCE", "minimum-wage.monthly-incl-holiday", q.monthlyPay(min));
        double agreed = a.amount("WML-AGREED-WAGE", "wage.hourly.agreed", Math.max(e.hourlyWage(), min));
        if (dispensation) {
            return;
        }
        a.amount("WML-WAGE", "wage.hourly", agreed);
        a.pay("WML-WAGE", PaymentType.WAGE, Actor.EMPLOYER, Actor.WORKER, q.monthlyPay(agreed), 1, Payment.OPEN_END,
                "gross wage incl. holiday allowance");
        // wage-cost-subsidy.drl
        if (!a.inGroup("LKS_TARGET")) {
            return;
        }
        double surcharge = q.p("lks.employer-cost-surcharge");
        double flatMonths = q.p("lks.flat-rate.months");
        if (flatMonths > 0) {
            a.pay("LKS-FLAT-RATE", PaymentType.WAGE_COST_SUBSIDY, Actor.MUNICIPALITY, Actor.EMPLOYER,
                    wml * q.p("lks.flat-rate.share") * (1 + surcharge), 1, (int) flatMonths,
                    "flat-rate " + Texts.pct(q.p("lks.flat-rate.share")) + " of WML + " + Texts.pct(surcharge)
                            + " surcharge, before the wage value is measured");
        }
        double gap = wml * (1 - w.wageValuePct() / 100.0);
        a.pay("LKS-AMOUNT", PaymentType.WAGE_COST_SUBSIDY, Actor.MUNICIPALITY, Actor.EMPLOYER,
                Math.min(gap, q.p("lks.cap-share") * wml) * (1 + surcharge), 1 + (int) flatMonths, Payment.OPEN_END,
                "(WML - wage value), capped at " + Texts.pct(q.p("lks.cap-share")) + " of WML, + "
                        + Texts.pct(surcharge) + " surcharge");
        if (agreed > min) {
            a.amount("LKS-CAO-DIFFERENCE", "lks.employer-pays-above-minimum", q.monthlyPay(agreed - min));
        }
    }

    private static void ww(Question q, WorkerFacts w, Lines a) {
        // ww.drl, ww-earnings.drl
        boolean weeks = w.weeksWorkedLast36() >= q.p("ww.min-weeks-worked-of-36");
        if (!weeks) {
            a.block("WW-WEEK-REQUIREMENT", "not entitled to WW: fewer than "
                    + Texts.num(q.p("ww.min-weeks-worked-of-36")) + " of 36 weeks worked");
        }
        if (w.age() >= q.p("aow.age")) {
            a.block("WW-STATE-PENSION-AGE", "no WW from the state pension age (" + q.p("aow.age")
                    + " years): the state pension takes over");
        }
        double months = Double.NaN;
        if (weeks && w.yearsWorkedLast5() < q.p("ww.extended-min-years-of-5")) {
            months = a.entitlement("WW-DURATION-BASE", "benefit.duration-months", q.p("ww.base-duration-months"));
        } else if (weeks) {
            int history = w.workHistoryYears();
            int since2016 = Math.min(w.yearsWorkedSince2016(), history);
            double full = q.p("ww.full-rate-years");
            double beyond = Math.max(0, history - full);
            double beyondBefore2016 = Math.max(0, (history - since2016) - full);
            double beyondFrom2016 = beyond - beyondBefore2016;
            double m = Math.min(history, full) * q.p("ww.months-per-year.full")
                    + beyondBefore2016 * q.p("ww.months-per-year.full")
                    + beyondFrom2016 * q.p("ww.months-per-year.reduced");
            m = Math.min(q.p("ww.max-duration-months"), Math.max(q.p("ww.base-duration-months"), m));
            months = a.entitlement("WW-DURATION-EXTENDED", "benefit.duration-months", m);
        }
        double initialOffset = 0;
        double laterOffset = 0;
        if (w.earnings() > 0) {
            initialOffset = a.amount("WW-EARNINGS-OFFSET", "ww.earnings-offset.initial",
                    w.earnings() * q.p("ww.earnings-offset.initial"));
            laterOffset = a.amount("WW-EARNINGS-OFFSET", "ww.earnings-offset.later",
                    w.earnings() * q.p("ww.earnings-offset.later"));
            if (w.earnings() > q.p("ww.earnings.end-share") * q.wwMonthlyWage(w.dailyWage())) {
                a.block("WW-EARNINGS-ABOVE-LIMIT", "earnings above " + Texts.pct(q.p("ww.earnings.end-share"))
                        + " of the old wage: WW ends");
            }
        }
        if (a.blocked() || Double.isNaN(months)) {
            return;
        }
        double monthlyWage = q.wwMonthlyWage(w.dailyWage());
        int initial = (int) q.p("ww.replacement-rate.initial-months");
        int last = (int) Math.floor(months);
        double first = Math.max(0, monthlyWage * q.p("ww.replacement-rate.initial") - initialOffset);
        double later = Math.max(0, monthlyWage * q.p("ww.replacement-rate.later") - laterOffset);
        a.pay("WW-AMOUNT", PaymentType.WW_BENEFIT, Actor.UWV, Actor.WORKER, first, 1, Math.min(initial, last),
                Texts.pct(q.p("ww.replacement-rate.initial")) + " of daily wage, less the earnings offset");
        if (last > initial) {
            a.pay("WW-AMOUNT", PaymentType.WW_BENEFIT, Actor.UWV, Actor.WORKER, later, initial + 1, last,
                    Texts.pct(q.p("ww.replacement-rate.later")) + " of daily wage, less the earnings offset");
        }
    }

    private static void trial(Question q, WorkerFacts w, boolean uwv, boolean lks, Lines a) {
        // trial-placement.drl
        boolean duration = false;
        if (uwv) {
            a.entitlement("TRIAL-UWV-DURATION", "trial.max-months", q.p("trial.uwv.max-months"));
            duration = true;
            if (w.status() != Status.WW && w.disabled()) {
                a.entitlement("TRIAL-UWV-EXTENSION", "trial.max-total-months", q.p("trial.uwv.max-total-months"));
            }
        }
        if (w.status() == Status.BIJSTAND) {
            if (q.p("trial.bijstand.statutory") > 0) {
                a.entitlement("TRIAL-BIJSTAND-DURATION", "trial.max-months", q.p("trial.bijstand.max-months"));
                a.entitlement("TRIAL-BIJSTAND-DURATION", "trial.max-total-months",
                        q.p("trial.bijstand.max-months") + q.p("trial.bijstand.extension-months"));
                duration = true;
            } else if (lks) {
                a.entitlement("TRIAL-BIJSTAND-MUNICIPAL-POLICY", "trial.max-months", q.p("trial.bijstand.max-months"));
                duration = true;
            }
        }
        if (!duration) {
            a.block("TRIAL-NO-BASIS", "no trial placement for this status and group");
        }
        EmployerFacts e = q.employer();
        if (e != null && e.contractMonths() > 0 && e.contractMonths() < q.p("trial.uwv.min-intended-contract-months")) {
            a.block("TRIAL-CONTRACT-INTENT", "employer offers a contract shorter than required after a trial");
        }
        if (q.formerEmployee()) {
            a.block("TRIAL-FORMER-EMPLOYEE", "worked for this employer before");
        }
        if (w.status() == Status.WW && w.monthsUnemployed() < q.p("trial.ww.min-months-unemployed")
                && !(w.age() < q.p("trial.ww.waiting-exception-below-age")
                        && w.education().level() < q.p("trial.ww.starting-qualification.level"))
                && !w.illnessBenefitBefore()) {
            a.block("TRIAL-WW-WAITING", "WW recipient unemployed for less than "
                    + Texts.num(q.p("trial.ww.min-months-unemployed")) + " months");
        }
    }

    /** The lines of one answer as the rules would record them: each attributed to its rule, every rule fired. */
    private static final class Lines {
        final List<Answer.BlockLine> blocks = new ArrayList<>(2);
        final List<Answer.ValueLine> entitlements = new ArrayList<>(2);
        final List<Answer.ValueLine> amounts = new ArrayList<>(4);
        final List<Answer.PaymentLine> payments = new ArrayList<>(3);
        final List<Answer.GroupLine> groups = new ArrayList<>(2);
        final TreeSet<String> fired = new TreeSet<>();

        void group(String rule, String group) {
            fired.add(rule);
            groups.add(new Answer.GroupLine(rule, group));
        }

        /** A logical insertion: a second rule deriving the same group justifies the one fact already there. */
        void groupOnce(String rule, String group) {
            fired.add(rule);
            if (!inGroup(group)) {
                groups.add(new Answer.GroupLine(rule, group));
            }
        }

        boolean inGroup(String group) {
            for (Answer.GroupLine g : groups) {
                if (g.group().equals(group)) {
                    return true;
                }
            }
            return false;
        }

        void block(String rule, String reason) {
            fired.add(rule);
            blocks.add(new Answer.BlockLine(rule, reason));
        }

        boolean blocked() {
            return !blocks.isEmpty();
        }

        double amount(String rule, String key, double value) {
            fired.add(rule);
            amounts.add(new Answer.ValueLine(rule, key, value));
            return value;
        }

        double entitlement(String rule, String key, double value) {
            fired.add(rule);
            entitlements.add(new Answer.ValueLine(rule, key, value));
            return value;
        }

        void pay(String rule, PaymentType type, Actor payer, Actor payee, double amount, int from, int to,
                String note) {
            fired.add(rule);
            payments.add(new Answer.PaymentLine(rule, type, payer, payee, amount, from, to, note, null));
        }

        Answer answer() {
            return new Answer(blocks, entitlements, List.of(), amounts, payments, groups, List.copyOf(fired),
                    Set.of());
        }
    }
}
