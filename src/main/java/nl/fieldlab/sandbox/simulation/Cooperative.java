package nl.fieldlab.sandbox.simulation;

import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;

import nl.fieldlab.sandbox.domain.Actor;
import nl.fieldlab.sandbox.domain.EmployerFacts;
import nl.fieldlab.sandbox.domain.PaymentType;
import nl.fieldlab.sandbox.domain.QuestionType;
import nl.fieldlab.sandbox.domain.Status;
import nl.fieldlab.sandbox.domain.WorkerFacts;
import nl.fieldlab.sandbox.rules.Answer;
import nl.fieldlab.sandbox.rules.ProcessSupport;
import nl.fieldlab.sandbox.rules.RuleBase;
import nl.fieldlab.sandbox.scenario.Scenario;

/**
 * Mechanism cooperative-employer (Sociale Coöperatie Kennemerland, support P5): in a variant with a support of kind
 * COOPERATIVE_EMPLOYER, a hire at a member firm ({@code socialCooperative: true}) of a worker in the support's scope
 * is made by the cooperative (pooled employership). The rules are asked with the cooperative as employer (its
 * contract length, the staff of all member firms); the firm pays the cooperative a fee (the employer cost plus
 * {@code fee-markup} of the wage bill, with the wage subsidies passed on or not by {@code pass-through}) for the hours
 * worked, and bears no bad-match risk and no sick hours: the cooperative takes the worker back and carries sickness. When a placement ends the worker stays employed by the
 * cooperative on the bench for up to {@code bench-months}, paid by it, and is proposed to open vacancies of member
 * firms in their field (rotation); after the bench the cooperative lets them go and they claim a benefit. Shared
 * coaching lowers the separation hazard of a placement by {@code separation-factor}, and the coordination of every
 * member month is paid by the municipality (bijstand entrants) or UWV (WW entrants).
 */
final class Cooperative {

    static final String ID = "cooperative-employer";
    /** counts reported as {@code support.<ID>.<count>} */
    static final String PLACEMENTS = "placements";
    static final String ROTATIONS = "rotations";
    static final String BENCH_MONTHS = "benchMonths";
    static final String DISMISSALS = "dismissals";
    /** public money its mechanism pays (the coordination fees), counted among the variant's own spending */
    static final String PUBLIC_PAID = Metrics.SUPPORT_PUBLIC_PAID;
    /** the coordination the cooperative is paid per member month (a baseline implementation parameter E4 uses too) */
    static final String COORDINATION = "implementation.cooperative.coordination-per-month";

    private final ProcessSupport support;
    private final Market market;
    /** per employer: the employer as the cooperative's questions name it, or null for a firm that is no member */
    private final EmployerFacts[] asCooperative;
    private final double markup;
    private final int benchMonths;
    private final double passThrough;
    private final double separationFactor;
    private final double coordination;
    /** per worker: the month their bench ends (-1 when not on the bench), the bench wage, and how they entered */
    private final int[] benchUntil;
    private final double[] benchWage;
    private final Status[] entry;

    /** @param supports the variant's process supports: the first COOPERATIVE_EMPLOYER one acts, if any */
    Cooperative(List<ProcessSupport> supports, Scenario scenario, RuleBase rules, Market market, int workers) {
        this.support = supports.stream().filter(s -> s.kind() == ProcessSupport.Kind.COOPERATIVE_EMPLOYER).findFirst()
                .orElse(null);
        this.market = market;
        this.asCooperative = new EmployerFacts[market.employers.length];
        this.benchUntil = new int[support == null ? 0 : workers];
        this.benchWage = new double[benchUntil.length];
        this.entry = new Status[benchUntil.length];
        Arrays.fill(benchUntil, -1);
        if (support == null) {
            markup = benchMonths = 0;
            passThrough = separationFactor = 1;
            coordination = 0;
            return;
        }
        YearMonth from = support.scope().from() == null || support.scope().from().isBefore(scenario.start())
                ? scenario.start() : support.scope().from();
        int contractMonths = (int) Math.round(rules.supportValue(support, "contract-months", from));
        markup = rules.supportValue(support, "fee-markup", from);
        benchMonths = (int) Math.round(rules.supportValue(support, "bench-months", from));
        passThrough = rules.supportValue(support, "pass-through", from);
        separationFactor = rules.supportValue(support, "separation-factor", from);
        var p = rules.parameters(rules.periodStart(from), java.util.Set.of());
        coordination = p.has(COORDINATION) ? p.value(COORDINATION) : 0;
        int staff = 0;
        for (Market.EmployerState e : market.employers) {
            if (e.facts.socialCooperative()) {
                staff += e.facts.staff();
            }
        }
        for (Market.EmployerState e : market.employers) {
            EmployerFacts f = e.facts;
            if (f.socialCooperative()) {
                // the cooperative as employer: all member firms' staff, its own contract; the firm's job and wage
                // (equal pay for placed workers, Waadi art. 8, assumed)
                asCooperative[e.index] = new EmployerFacts(f.group(), f.sector(), f.field(), f.region(), staff,
                        f.hourlyWage(), f.hoursPerWeek(), contractMonths, f.technical(), f.shortage(),
                        f.recognisedTrainingCompany(), f.trainingFund(), true, f.practiceStatementPlan(),
                        f.sroiContractValue());
                market.register(asCooperative[e.index], e.index);
            }
        }
    }

    boolean none() {
        return support == null;
    }

    ProcessSupport support() {
        return support;
    }

    /** The employer a hire at {@code employer} of this worker is asked with: the cooperative, when it employs them. */
    EmployerFacts employerFor(int employer, EmployerFacts firm, WorkerFacts w, YearMonth month) {
        EmployerFacts coop = support == null ? null : asCooperative[employer];
        return coop != null && support.scope().covers(QuestionType.HIRE, w, coop, null, month) ? coop : firm;
    }

    /** Whether a question (or a job asked with it) names the cooperative as employer. */
    boolean employs(EmployerFacts asked, int employer) {
        return support != null && employer >= 0 && asked != null && asked == asCooperative[employer];
    }

    /**
     * What the member firm pays the cooperative a month for a placed worker: the employer cost of the job
     * ({@code employerCost}, after what the rules pay the employer), plus the markup on the wage bill, plus the wage
     * subsidies the cooperative keeps when it does not pass them on.
     */
    double fee(double employerCost, double wageBill) {
        double subsidies = Math.max(0, wageBill - employerCost);
        return employerCost + markup * wageBill + (1 - passThrough) * subsidies;
    }

    /** The monthly separation hazard of a member placement (shared coaching). */
    double separation(double hazard) {
        return hazard * separationFactor;
    }

    /** A placement starts; a worker on the bench who is placed again has rotated. */
    void placed(Worker w, Status entered, RunTotals totals) {
        int i = (int) w.p.id();
        if (benchUntil[i] >= 0) {
            totals.countSupport(support.id(), ROTATIONS, 1);
        } else {
            entry[i] = entered;
            totals.countSupport(support.id(), PLACEMENTS, 1);
            totals.supportParticipants.merge(support.id(), 1, Integer::sum);
        }
        benchUntil[i] = -1;
    }

    /**
     * A month of a member placement: the firm pays the fee for the hours worked (the cooperative carries the sick
     * hours), and the coordination is paid for the member month unless the job's answer already pays it (E4 does while
     * its subsidy runs). The rules booked the job's employer cost to the employer; the cooperative carries it, so the
     * firm's net payment to it is the fee less that cost (negative when sick hours cost the cooperative more than its
     * markup brings).
     *
     * @param sickShare the share of working time the worker is expected to be sick (hire.sickness-share)
     */
    void book(Worker w, int m, Answer a, int jobMonth, double wageBill, double sickShare, RunTotals totals) {
        double employerCost = -a.netFor(Actor.EMPLOYER, jobMonth);
        double fee = fee(employerCost, wageBill) * (1 - sickShare);
        double net = fee - employerCost;
        if (net >= 0) {
            totals.book(m, Actor.EMPLOYER, Actor.COOPERATIVE, PaymentType.PLACEMENT_FEE, net);
        } else {
            totals.book(m, Actor.COOPERATIVE, Actor.EMPLOYER, PaymentType.PLACEMENT_FEE, -net);
        }
        coordinate(w, m, a, jobMonth, totals);
    }

    private void coordinate(Worker w, int m, Answer a, int jobMonth, RunTotals totals) {
        boolean paid = a != null && a.payments().stream().anyMatch(p -> p.type() == PaymentType.IMPLEMENTATION
                && p.paidIn(jobMonth) && p.note() != null && p.note().contains("cooperative"));
        Status s = entry[(int) w.p.id()];
        if (!paid && coordination > 0) {
            totals.book(m, s == Status.WW ? Actor.UWV : Actor.MUNICIPALITY, Actor.COOPERATIVE,
                    PaymentType.IMPLEMENTATION, coordination);
            totals.countSupport(support.id(), PUBLIC_PAID, coordination);
        }
    }

    /**
     * A member placement ended: the worker goes on the bench, employed and paid by the cooperative, unless it keeps
     * nobody on the bench.
     *
     * @return whether the worker is on the bench (else they claim a benefit now)
     */
    boolean bench(Worker w, int m, double wageBill) {
        if (benchMonths <= 0) {
            return false;
        }
        int i = (int) w.p.id();
        benchUntil[i] = m + benchMonths;
        benchWage[i] = wageBill;
        return true;
    }

    /** Whether the worker is on the cooperative's bench in month {@code m}. */
    boolean onBench(Worker w, int m) {
        int i = (int) w.p.id();
        return support != null && benchUntil[i] >= 0 && m < benchUntil[i];
    }

    /** Whether the worker's bench ended this month (the cooperative lets them go). */
    boolean benchEnds(Worker w, int m) {
        int i = (int) w.p.id();
        if (support != null && benchUntil[i] >= 0 && m >= benchUntil[i]) {
            benchUntil[i] = -1;
            return true;
        }
        return false;
    }

    /** A bench month: the cooperative pays the wage bill (its deficit), and the coordination goes on. */
    void bookBench(Worker w, int m, RunTotals totals) {
        int i = (int) w.p.id();
        totals.book(m, Actor.COOPERATIVE, Actor.WORKER, PaymentType.WAGE, benchWage[i]);
        totals.countSupport(support.id(), BENCH_MONTHS, 1);
        coordinate(w, m, null, 0, totals);
    }

    /** The open vacancies at member firms in a field (the cooperative proposes its bench there first). */
    List<Market.Vacancy> memberVacancies(int field) {
        return market.openIn(field).stream().filter(v -> asCooperative[v.employer()] != null && !v.carved()).toList();
    }
}
