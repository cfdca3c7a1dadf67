package nl.fieldlab.sandbox.simulation;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import nl.fieldlab.sandbox.domain.Actor;
import nl.fieldlab.sandbox.domain.CourseFacts;
import nl.fieldlab.sandbox.domain.Education;
import nl.fieldlab.sandbox.domain.EmployerFacts;
import nl.fieldlab.sandbox.domain.PaymentType;
import nl.fieldlab.sandbox.domain.Question;
import nl.fieldlab.sandbox.domain.QuestionType;
import nl.fieldlab.sandbox.domain.Status;
import nl.fieldlab.sandbox.domain.WorkerFacts;
import nl.fieldlab.sandbox.rules.Answer;
import nl.fieldlab.sandbox.rules.Decider;
import nl.fieldlab.sandbox.rules.Exemption;
import nl.fieldlab.sandbox.rules.RuleBase;
import nl.fieldlab.sandbox.scenario.Behaviour;
import nl.fieldlab.sandbox.scenario.Scenario;
import nl.fieldlab.sandbox.simulation.Rng.Stream;

/**
 * One replication of one variant, month by month. Each month: vacancies open and fill; jobs, trials, courses and
 * benefits run their course; job seekers search; the proposed actions go to the rules in batches; behaviour decides
 * the outcome; payments are booked. No regulation is decided here: allowed or not, how long, how much and who pays
 * all come from the rules' answers.
 */
final class Run {

    private final Scenario scenario;
    private final Market market;
    private final Person[] people;
    private final Decider decider;
    private final RuleBase rules;
    private final Rng rng;
    private final Behaviour b;
    private final int months;
    private final Worker[] workers;
    private final RunTotals totals;
    private final int traceWorker;
    private final Trace trace;
    private final java.util.function.BooleanSupplier cancelled;

    // exemption caps, by exemption index in the variant
    private final List<Exemption> exemptions;
    private final int[][] activeAtEmployer;
    private final int[] admitted;
    private final double[] spent;

    // calendar: the month, its parameter period and whether a new period starts, by month index
    private final YearMonth[] monthOf;
    private final YearMonth[] periodOf;
    private final boolean[] newPeriod;

    // behaviour values read once
    private final double[] contactByStatus = new double[Status.values().length];
    private final double[] otherExitByStatus = new double[Status.values().length];
    private final double ownFieldShare, decay, ageFactor, noDutyFactor, inCourseFactor, hireBase, elasticity,
            gapProductivity, trialOfferRate, trialConversion, monthsToBridge, courseUptake, courseSpontaneous,
            completion, completionWithDuty, afterTrialFactor, selfPayAcceptance;
    private final double[] separationByStatus = new double[Status.values().length];

    Run(Scenario scenario, Market market, Person[] people, Decider decider, Rng rng, int traceWorker, Trace trace,
            java.util.function.BooleanSupplier cancelled) {
        this.cancelled = cancelled;
        this.scenario = scenario;
        this.market = market.copy();
        this.people = people;
        this.decider = decider;
        this.rules = decider.rules();
        this.rng = rng;
        this.b = scenario.behaviour();
        this.months = scenario.months();
        this.traceWorker = traceWorker;
        this.trace = trace;
        this.workers = new Worker[people.length];
        for (int i = 0; i < people.length; i++) {
            workers[i] = new Worker(people[i]);
        }
        this.totals = new RunTotals(months, scenario.workers().stream().map(g -> g.group()).toList());
        this.exemptions = rules.exemptions();
        this.activeAtEmployer = new int[exemptions.size()][this.market.employers.length];
        this.admitted = new int[exemptions.size()];
        this.spent = new double[exemptions.size()];
        monthOf = new YearMonth[months];
        periodOf = new YearMonth[months];
        newPeriod = new boolean[months];
        for (int m = 0; m < months; m++) {
            monthOf[m] = scenario.start().plusMonths(m);
            periodOf[m] = rules.periodStart(monthOf[m]);
            newPeriod[m] = m > 0 && !periodOf[m].equals(periodOf[m - 1]);
        }
        for (Status s : Status.values()) {
            contactByStatus[s.ordinal()] = b.get("search.contact", s);
            String exit = "exit.other." + s.name();
            otherExitByStatus[s.ordinal()] = Behaviour.isKnown(exit) ? b.get(exit) : 0;
        }
        ownFieldShare = b.get("search.own-field-share");
        decay = b.get("search.duration-decay-per-year");
        ageFactor = b.get("search.age-50-plus-factor");
        noDutyFactor = b.get("search.no-duty-factor");
        inCourseFactor = b.get("search.in-course-factor");
        hireBase = b.get("hire.base");
        elasticity = b.get("hire.cost-elasticity");
        gapProductivity = b.get("hire.gap-productivity");
        trialOfferRate = b.get("hire.trial-offer-rate");
        trialConversion = b.get("trial.conversion");
        monthsToBridge = b.get("trial.months-to-bridge-gap");
        courseUptake = b.get("course.uptake");
        courseSpontaneous = b.get("course.spontaneous-rate");
        completion = b.get("course.completion");
        completionWithDuty = b.get("course.completion-with-search-duty");
        afterTrialFactor = b.get("retention.after-trial-factor");
        selfPayAcceptance = b.get("course.self-pay-acceptance");
        for (Status st : Status.values()) {
            separationByStatus[st.ordinal()] = b.get("retention.separation-rate", st);
        }
    }

    /** A worker's state in this run. */
    private static final class Worker {
        final Person p;
        Status status;
        /** The status the worker entered this unemployment spell with: a proxy for their job chances. */
        Status entryStatus;
        int field;
        Education education;
        boolean active = true;
        int unemployedSince;
        int monthsWorked;
        int weeksWorkedLast36;
        int yearsWorkedLast5;
        int seekerSince = -1;
        // benefit spell (duty, duration and clock pause are read from the answer every month, so kept here)
        Answer benefit;
        Question benefitQ;
        WorkerFacts benefitFacts;
        boolean duty;
        double duration;
        boolean clockPaused;
        int benefitStart;
        int benefitPaused;
        // job
        int employer = -1;
        Answer job;
        Question jobQ;
        WorkerFacts jobFacts;
        int jobStart;
        Status jobStatus;
        boolean jobAfterTrial;
        // trial placement
        int trialEmployer = -1;
        int trialEnd;
        Answer trialAnswer;
        // course
        int course = -1;
        int courseEnd;
        Answer courseAnswer;
        // outcomes
        int firstPlacement = -1;
        int firstJobEnd = -1;
        int leftBenefit = -1;
        boolean everSeeker;
        double publicCost;
        java.util.SortedSet<String> targetGroups = new java.util.TreeSet<>();

        Worker(Person p) {
            this.p = p;
            this.status = p.status();
            this.entryStatus = p.status();
            this.field = p.field();
            this.education = p.education();
            this.unemployedSince = -p.monthsUnemployed();
            boolean workedBefore = p.status() == Status.WW || p.status() == Status.EMPLOYED;
            this.weeksWorkedLast36 = workedBefore ? 36 : 0;
            this.yearsWorkedLast5 = workedBefore ? Math.min(5, p.workHistoryYears()) : 0;
        }

        boolean employed() {
            return employer >= 0;
        }

        boolean inTrial() {
            return trialEmployer >= 0;
        }

        boolean inCourse() {
            return course >= 0;
        }

        boolean seeker() {
            return active && !employed() && !inTrial() && status != Status.EMPLOYED;
        }

        /** In a job outside the simulated employers, in a declining occupation: may move work-to-work. */
        boolean atRisk() {
            return active && !employed() && !inTrial() && status == Status.EMPLOYED;
        }

        void benefit(Answer a, Question q) {
            if (a != null && a != benefit) {
                a.groups().forEach(g -> targetGroups.add(g.group()));
            }
            benefit = a;
            benefitQ = q;
            duty = a != null && (a.obligation("search-duty", 0) > 0 || a.obligation("work-obligations", 0) > 0);
            duration = a == null ? Double.POSITIVE_INFINITY
                    : a.entitlement("benefit.duration-months", Double.POSITIVE_INFINITY);
            clockPaused = a != null && a.entitlement("benefit.clock-paused", 0) > 0;
        }
    }

    /** Questions asked together, with what to do with each answer. */
    private final class Round {
        private final List<Question> questions = new ArrayList<>();
        private final List<Consumer<Answer>> then = new ArrayList<>();

        void ask(Question q, Consumer<Answer> k) {
            questions.add(q);
            then.add(k);
        }

        boolean isEmpty() {
            return questions.isEmpty();
        }

        void resolve() {
            while (!questions.isEmpty()) {
                List<Question> qs = new ArrayList<>(questions);
                List<Consumer<Answer>> ks = new ArrayList<>(then);
                questions.clear();
                then.clear();
                List<Answer> answers = decider.answer(qs);
                for (int i = 0; i < qs.size(); i++) {
                    ks.get(i).accept(answers.get(i));
                }
            }
        }
    }

    private record Proposal(Worker w, QuestionType type, Market.Vacancy vacancy, int course, boolean gap) {
    }

    RunTotals run() {
        Round round = new Round();
        for (Worker w : workers) {
            if (w.status != Status.EMPLOYED) {
                becomeSeeker(w, 0);
                if (Population.onBenefit(w.status)) {
                    claim(round, w, w.status, 0, -w.p.monthsUnemployed());
                }
            }
        }
        round.resolve();
        for (int m = 0; m < months; m++) {
            if (cancelled.getAsBoolean()) {
                throw new java.util.concurrent.CancellationException("run cancelled");
            }
            month(m, round);
        }
        finish();
        return totals;
    }

    private void month(int m, Round round) {
        boolean newPeriod = this.newPeriod[m];
        vacancies(m);

        // 1. jobs, trials, courses and benefits run their course
        for (Worker w : workers) {
            if (!w.active) {
                continue;
            }
            boolean birthday = m > 0 && w.p.ageAt(m) != w.p.ageAt(m - 1);
            if (w.employed()) {
                double hazard = separationByStatus[w.jobStatus.ordinal()] * (w.jobAfterTrial ? afterTrialFactor : 1);
                if (rng.uniform(Stream.SEPARATION, w.p.id(), m) < hazard) {
                    endJob(round, w, m);
                    continue;
                } else if (newPeriod || birthday && ageMatters(QuestionType.HIRE, w, m)) {
                    reaskJob(round, w, m);
                }
            } else if (w.status == Status.EMPLOYED) {
                if (rng.uniform(Stream.LAYOFF, w.p.id(), m) < w.p.layoffRate()) {
                    w.unemployedSince = m;
                    w.entryStatus = Status.WW;
                    w.weeksWorkedLast36 = 36;
                    becomeSeeker(w, m);
                    if (traced(w)) {
                        event(w, m, "laid off", "declining occupation", null, null);
                    }
                    claim(round, w, Status.WW, m, m);
                    continue;
                }
            }
            if (w.inTrial() && m >= w.trialEnd) {
                endTrial(round, w, m);
            }
            if (w.inCourse() && m >= w.courseEnd) {
                endCourse(round, w, m);
            }
            if (w.benefit != null && !w.employed()) {
                double exit = otherExitByStatus[w.status.ordinal()];
                if (exit > 0 && rng.uniform(Stream.EXIT_OTHER, w.p.id(), m) < exit) {
                    if (traced(w)) {
                        event(w, m, "left " + w.status, "for reasons other than work", null, null);
                    }
                    leave(w, m);
                    continue;
                }
                int spellMonth = m - w.benefitStart + 1 - w.benefitPaused;
                if (spellMonth > w.duration) {
                    if (traced(w)) {
                        event(w, m, w.status + " exhausted", "after " + fmt(w.duration) + " months", null, null);
                    }
                    claim(round, w, Status.BIJSTAND, m, m);
                } else if (newPeriod || birthday && ageMatters(QuestionType.BENEFIT, w, m)) {
                    reaskBenefit(round, w, m);
                }
            }
        }
        round.resolve();

        // 2. job seekers search; proposals go to the rules in one batch
        List<Proposal> proposals = search(m);
        List<Question> questions = new ArrayList<>(proposals.size());
        for (Proposal pr : proposals) {
            questions.add(proposalQuestion(pr, m));
        }
        List<Answer> answers = decider.answer(questions);
        // 3. behaviour decides, in worker order
        for (int i = 0; i < proposals.size(); i++) {
            apply(round, proposals.get(i), questions.get(i), answers.get(i), m);
        }
        round.resolve();

        // 4. money
        totals.employedByMonth[m] = book(m);
    }

    // ------------------------------------------------------------------ vacancies

    private void vacancies(int m) {
        double fill = b.get("vacancy.external-fill-rate");
        market.closeExternally(v -> rng.uniform(Stream.VACANCY_FILL, v.id(), m) < fill, m, totals);
        double initial = m == 0 ? b.get("vacancy.initial-months") : 1;
        for (Market.EmployerState e : market.employers) {
            int n = rng.poisson(Stream.VACANCY_NEW, e.index, m, e.vacancyRate * initial);
            for (int k = 0; k < n; k++) {
                market.open(e, m);
            }
        }
        market.compact();
    }

    // ------------------------------------------------------------------ searching

    private List<Proposal> search(int m) {
        List<Proposal> out = new ArrayList<>();
        for (Worker w : workers) {
            if (!w.seeker() && !w.atRisk()) {
                continue;
            }
            long id = w.p.id();
            if (rng.uniform(Stream.SEARCH, id, m) < contactRate(w, m)) {
                // most contacts are in the worker's own field; with no vacancies there, people look elsewhere
                List<Market.Vacancy> own = market.openIn(w.field);
                List<Market.Vacancy> pool = !own.isEmpty() && rng.uniform(Stream.SEARCH_POOL, id, m) < ownFieldShare
                        ? own : market.openAll();
                if (!pool.isEmpty()) {
                    Market.Vacancy v = pool.get((int) (rng.uniform(Stream.SEARCH_PICK, id, m) * pool.size()));
                    Proposal pr = route(w, v, m);
                    if (pr != null) {
                        out.add(pr);
                        continue;
                    }
                }
            }
            if (!w.inCourse() && !market.shortageField(w.field) && w.benefit != null
                    && rng.uniform(Stream.COURSE_SPONTANEOUS, id, m) < courseSpontaneous) {
                int c = market.shortageCourseFor(w.education);
                if (c >= 0) {
                    out.add(new Proposal(w, QuestionType.COURSE, null, c, false));
                }
            }
        }
        return out;
    }

    private double contactRate(Worker w, int m) {
        // job chances follow the route into unemployment, not the benefit the worker lives on now: a WW
        // recipient whose WW ran out does not search like a long-term bijstand client
        double rate = contactByStatus[w.entryStatus.ordinal()];
        int unemployed = Math.max(0, m - w.unemployedSince);
        rate *= Math.pow(1 - decay, unemployed / 12.0);
        if (w.p.ageAt(m) >= 50) {
            rate *= ageFactor;
        }
        if (!w.duty) {
            rate *= noDutyFactor;
        }
        if (w.inCourse()) {
            rate *= inCourseFactor;
        }
        return rate;
    }

    /** Which action a contact leads to, by the gap between the worker and the vacancy. */
    private Proposal route(Worker w, Market.Vacancy v, int m) {
        Market.EmployerState e = market.employers[v.employer()];
        int eduGap = e.requiredEducation.level() - w.education.level();
        boolean fieldMatch = w.field == e.field;
        long id = w.p.id();
        if (fieldMatch && eduGap <= 0) {
            return new Proposal(w, QuestionType.HIRE, v, -1, false);
        }
        if (w.inCourse()) {
            return null;
        }
        boolean smallGap = (fieldMatch && eduGap == 1) || (!fieldMatch && eduGap <= 0);
        if (smallGap) {
            return rng.uniform(Stream.ROUTE, id, m) < trialOfferRate
                    ? new Proposal(w, QuestionType.TRIAL_PLACEMENT, v, -1, true)
                    : new Proposal(w, QuestionType.HIRE, v, -1, true);
        }
        if (rng.uniform(Stream.COURSE_UPTAKE, id, m) < courseUptake) {
            int c = market.courseInto(e.field, e.requiredEducation);
            if (c >= 0) {
                return new Proposal(w, QuestionType.COURSE, v, c, false);
            }
        }
        return null;
    }

    private Question proposalQuestion(Proposal pr, int m) {
        Worker w = pr.w();
        EmployerFacts ef = pr.vacancy() == null ? null : market.employers[pr.vacancy().employer()].facts;
        CourseFacts cf = pr.course() >= 0 ? market.courses[pr.course()] : null;
        // a course proposed for a vacancy carries that employer's job intention; a hire with a skills gap tells
        // the rules the worker's productivity in the job while they learn it
        int rampUp = pr.type() == QuestionType.HIRE && pr.gap() && rules.usage().mentions("rampUpPct")
                ? (int) Math.round(100 * gapProductivity) : 100;
        return question(pr.type(), facts(w, m, w.status), ef, cf, m, year(m), false, false, rampUp, Set.of());
    }

    // ------------------------------------------------------------------ outcomes

    private void apply(Round round, Proposal pr, Question q, Answer a, int m) {
        Worker w = pr.w();
        if ((!w.seeker() && !w.atRisk()) || (pr.vacancy() != null && !pr.vacancy().isOpen())) {
            return;
        }
        if (traced(w)) {
            event(w, m, pr.type() + " proposed", describe(pr), q, a);
        }
        if (!a.allowed()) {
            totals.blocked(a.blockedBy());
            if (traced(w)) {
                event(w, m, "blocked", a.blockedBy() + ": " + a.blocks().get(0).reason(), q, a);
            }
            return;
        }
        switch (pr.type()) {
            case HIRE -> {
                double chance = hireChance(w, a, pr.gap());
                if (rng.uniform(Stream.HIRE, w.p.id(), m) < chance) {
                    market.fill(pr.vacancy(), m, totals);
                    startJob(w, pr.vacancy().employer(), q, a, m);
                } else {
                    if (traced(w)) {
                        event(w, m, "not hired", "employer's chance " + fmt(chance), q, a);
                    }
                }
            }
            case TRIAL_PLACEMENT -> {
                int length = (int) a.entitlement("trial.max-months", 0);
                if (length >= 1) {
                    market.fill(pr.vacancy(), m, totals);
                    w.trialEmployer = pr.vacancy().employer();
                    w.trialEnd = m + length;
                    w.trialAnswer = a;
                    admit(a, w.trialEmployer, +1);
                    totals.trialsStarted++;
                    event(w, m, "trial placement started", length + " months at " + employerName(w.trialEmployer),
                            q, a);
                }
            }
            case COURSE -> {
                // a course the worker must pay for is started less often (a financial and decision barrier)
                if (-a.netFor(Actor.WORKER, 1) > 0
                        && rng.uniform(Stream.COURSE_UPTAKE, w.p.id(), m + 100_000L) >= selfPayAcceptance) {
                    event(w, m, "course not started", "the worker would pay " + fmt(-a.netFor(Actor.WORKER, 1)),
                            q, a);
                    return;
                }
                w.course = pr.course();
                w.courseEnd = m + market.courses[pr.course()].months();
                w.courseAnswer = a;
                admit(a, -1, +1);
                totals.coursesStarted++;
                totals.sroiCredits += a.amount("sroi.credit", 0);
                bookMonth(w, m, a, 1);
                event(w, m, "course started", market.courses[w.course].id() + ", "
                        + market.courses[w.course].months() + " months", q, a);
                if (w.benefit != null) {
                    reaskBenefit(round, w, m);
                }
            }
            default -> throw new IllegalStateException("not a proposal: " + pr.type());
        }
    }

    /** The employer's hiring chance: a base chance scaled by productivity over net wage cost. */
    private double hireChance(Worker w, Answer a, boolean gap) {
        double wage = 0;
        for (Answer.PaymentLine p : a.payments()) {
            if (p.type() == PaymentType.WAGE && p.paidIn(1)) {
                wage += p.amount();
            }
        }
        if (wage <= 0) {
            return hireBase;
        }
        double net = 0;
        for (int month = 1; month <= 12; month++) {
            net -= a.netFor(Actor.EMPLOYER, month);
        }
        net = Math.max(net / 12, 1);
        double productivity = w.p.wageValuePct() / 100.0 * (gap ? gapProductivity : 1);
        return Math.min(1, hireBase * Math.pow(productivity * wage / net, elasticity));
    }

    private void startJob(Worker w, int employer, Question q, Answer a, int m) {
        if (w.inCourse()) {
            if (traced(w)) {
                event(w, m, "course dropped", "found a job", null, null);
            }
            stopCourse(w);
        }
        w.employer = employer;
        w.job = a;
        w.jobQ = q;
        w.jobFacts = facts(w, m, w.status);
        w.jobStart = m;
        w.jobStatus = w.status;
        w.jobAfterTrial = q.afterTrial();
        a.groups().forEach(g -> w.targetGroups.add(g.group()));
        if (w.benefit != null && w.leftBenefit < 0) {
            w.leftBenefit = m;
        }
        w.benefit(null, null);
        admit(a, employer, +1);
        // social-return credit the rules grant the employer for this placement (SROI)
        totals.sroiCredits += a.amount("sroi.credit", 0);
        if (w.firstPlacement < 0) {
            w.firstPlacement = m;
            if (w.everSeeker) {
                totals.placements++;
                totals.placementsByMonth[m]++;
                totals.monthsToPlacement += m - Math.max(0, w.seekerSince);
            } else {
                totals.workToWork++;
            }
        }
        if (traced(w)) {
            event(w, m, "hired", employerName(employer), q, a);
        }
    }

    private void endJob(Round round, Worker w, int m) {
        if (traced(w)) {
            event(w, m, "job ended", "after " + (m - w.jobStart) + " months at " + employerName(w.employer), null, null);
        }
        admit(w.job, w.employer, -1);
        int worked = m - w.jobStart;
        w.monthsWorked += worked;
        w.weeksWorkedLast36 = (int) Math.min(36, Math.round(worked * 52 / 12.0));
        w.yearsWorkedLast5 = Math.min(5, w.yearsWorkedLast5 + worked / 12);
        if (w.firstJobEnd < 0 && w.firstPlacement >= 0) {
            w.firstJobEnd = m;
        }
        w.employer = -1;
        w.job = null;
        w.jobQ = null;
        w.unemployedSince = m;
        w.entryStatus = Status.WW;
        becomeSeeker(w, m);
        claim(round, w, Status.WW, m, m);
    }

    private void endTrial(Round round, Worker w, int m) {
        int employer = w.trialEmployer;
        int length = (int) w.trialAnswer.entitlement("trial.max-months", 0);
        admit(w.trialAnswer, employer, -1);
        w.trialEmployer = -1;
        double chance = trialConversion * Math.min(1, length / monthsToBridge);
        if (rng.uniform(Stream.TRIAL_CONVERT, w.p.id(), m) < chance) {
            totals.trialsConverted++;
            Question q = question(QuestionType.HIRE, facts(w, m, w.status), market.employers[employer].facts, null, m,
                    year(m), false, true, Set.of());
            round.ask(q, a -> startJob(w, employer, q, a, m));
            if (traced(w)) {
                event(w, m, "trial converted", "chance " + fmt(chance), null, null);
            }
        } else {
            if (traced(w)) {
                event(w, m, "trial ended without a job", "chance " + fmt(chance), null, null);
            }
        }
    }

    private void endCourse(Round round, Worker w, int m) {
        CourseFacts c = market.courses[w.course];
        double chance = w.benefit != null && w.benefit.obligation("search-duty", 0) > 0 ? completionWithDuty
                : completion;
        if (rng.uniform(Stream.COURSE_COMPLETE, w.p.id(), m) < chance) {
            totals.coursesCompleted++;
            w.field = market.fieldIndex(c.field());
            if (c.level().level() > w.education.level()) {
                w.education = c.level();
            }
            if (traced(w)) {
                event(w, m, "course completed", c.id(), null, null);
            }
        } else {
            if (traced(w)) {
                event(w, m, "course not completed", c.id() + ", chance " + fmt(chance), null, null);
            }
        }
        stopCourse(w);
        if (w.benefit != null) {
            reaskBenefit(round, w, m);
        }
    }

    private void stopCourse(Worker w) {
        admit(w.courseAnswer, -1, -1);
        w.course = -1;
        w.courseAnswer = null;
    }

    private void leave(Worker w, int m) {
        w.active = false;
        if (w.leftBenefit < 0) {
            w.leftBenefit = m;
        }
        w.benefit(null, null);
        if (w.inCourse()) {
            stopCourse(w);
        }
    }

    private void becomeSeeker(Worker w, int m) {
        if (!w.everSeeker) {
            w.everSeeker = true;
            totals.seekers++;
        }
        if (w.firstPlacement < 0) {
            w.seekerSince = m;
        }
    }

    // ------------------------------------------------------------------ benefits

    /**
     * The worker applies for a benefit; when the rules refuse it, for the next one (WW, then bijstand); without any,
     * the worker goes on searching without a benefit.
     */
    private void claim(Round round, Worker w, Status status, int m, int spellStart) {
        w.status = status;
        int unemployedAtStart = Math.max(0, spellStart - w.unemployedSince);
        WorkerFacts f = facts(w, m, status, unemployedAtStart);
        Question q = question(QuestionType.BENEFIT, f, null, courseOf(w), m, year(Math.max(0, spellStart)), false,
                false, Set.of());
        round.ask(q, a -> {
            if (a.allowed()) {
                w.benefit(a, q);
                w.benefitFacts = f;
                w.benefitStart = spellStart;
                w.benefitPaused = 0;
                if (traced(w)) {
                    event(w, m, status + " granted", spellStart < m ? "spell started before the simulation" : "", q, a);
                }
            } else {
                if (traced(w)) {
                    event(w, m, status + " refused", a.blockedBy() + ": " + a.blocks().get(0).reason(), q, a);
                }
                w.benefit(null, null);
                if (status == Status.WW) {
                    claim(round, w, Status.BIJSTAND, m, m);
                } else {
                    w.status = Status.NONE;
                }
            }
        });
    }

    private void reaskBenefit(Round round, Worker w, int m) {
        Question old = w.benefitQ;
        if (old == null) {
            return;
        }
        Question q = question(QuestionType.BENEFIT, w.benefitFacts.withAge(w.p.ageAt(m)), null, courseOf(w), m,
                old.startYear(), false, false, old.exemptions());
        Answer before = w.benefit;
        round.ask(q, a -> {
            if (w.benefitQ == old) {
                w.benefit(a, q);
                if (traced(w) && a != before && !a.equals(before)) {
                    if (traced(w)) {
                        event(w, m, "benefit re-assessed", "", q, a);
                    }
                }
            }
        });
    }

    private void reaskJob(Round round, Worker w, int m) {
        Question old = w.jobQ;
        Question q = question(QuestionType.HIRE, w.jobFacts.withAge(w.p.ageAt(m)), old.employer(), null, m,
                old.startYear(), old.formerEmployee(), old.afterTrial(), old.rampUpPct(), old.exemptions());
        round.ask(q, a -> {
            if (w.jobQ == old) {
                w.job = a;
                w.jobQ = q;
            }
        });
    }

    /** Whether turning a year older this month can change the rules' answer to this kind of question. */
    private boolean ageMatters(QuestionType type, Worker w, int m) {
        if (!rules.usage().reads(type, "age")) {
            return false;
        }
        return rules.usage().relevantAge(type, w.p.ageAt(m)) != rules.usage().relevantAge(type, w.p.ageAt(m - 1));
    }

    private CourseFacts courseOf(Worker w) {
        return w.inCourse() ? market.courses[w.course] : null;
    }

    // ------------------------------------------------------------------ money

    /** Books this month's payments; returns the number of workers in a job. */
    private int book(int m) {
        int employed = 0;
        for (Worker w : workers) {
            if (w.benefit != null && !w.employed()) {
                int spellMonth = m - w.benefitStart + 1 - w.benefitPaused;
                bookMonth(w, m, w.benefit, spellMonth);
                if (w.clockPaused && w.inCourse()) {
                    w.benefitPaused++;
                }
            }
            if (w.employed()) {
                employed++;
                bookMonth(w, m, w.job, m - w.jobStart + 1);
            }
        }
        return employed;
    }

    private void bookMonth(Worker w, int m, Answer a, int spellMonth) {
        List<Answer.PaymentLine> lines = a.payments();
        if (lines.isEmpty()) {
            return;
        }
        boolean traced = traced(w);
        for (int i = 0, n = lines.size(); i < n; i++) {
            Answer.PaymentLine p = lines.get(i);
            if (spellMonth < p.fromMonth() || spellMonth > p.toMonth()) {
                continue;
            }
            double amount = p.amount();
            totals.book(p.payer(), p.payee(), p.type(), amount);
            if (p.payer().isPublic()) {
                w.publicCost += amount;
            }
            if (p.payee().isPublic()) {
                w.publicCost -= amount;
            }
            if (p.exemption() != null) {
                spent[indexOf(p.exemption())] += amount;
            }
            if (traced) {
                trace.paid(m, spellMonth, p);
            }
        }
    }

    // ------------------------------------------------------------------ exemption caps

    /** Counts an admission under every exemption whose rules shaped this answer. */
    private void admit(Answer a, int employer, int delta) {
        if (a == null || exemptions.isEmpty()) {
            return;
        }
        for (String ex : a.exemptionsUsed()) {
            int i = indexOf(ex);
            if (delta > 0) {
                admitted[i]++;
            }
            if (employer >= 0) {
                activeAtEmployer[i][employer] += delta;
            }
        }
    }

    private boolean hasRoom(Exemption ex, EmployerFacts e) {
        int i = indexOf(ex.id());
        if (ex.scope().participants() > 0 && admitted[i] >= ex.scope().participants()) {
            return false;
        }
        if (ex.scope().budget() > 0 && spent[i] >= ex.scope().budget()) {
            return false;
        }
        if (ex.scope().staffShare() > 0 && e != null) {
            int employer = market.indexOf(e);
            return activeAtEmployer[i][employer] < Math.floor(ex.scope().staffShare() * e.staff());
        }
        return true;
    }

    private int indexOf(String exemption) {
        for (int i = 0; i < exemptions.size(); i++) {
            if (exemptions.get(i).id().equals(exemption)) {
                return i;
            }
        }
        throw new IllegalStateException("exemption not in variant: " + exemption);
    }

    // ------------------------------------------------------------------ facts and questions

    private WorkerFacts facts(Worker w, int m, Status status) {
        return facts(w, m, status, Math.max(0, m - w.unemployedSince));
    }

    private WorkerFacts facts(Worker w, int m, Status status, int monthsUnemployed) {
        Person p = w.p;
        int workedYears = w.monthsWorked / 12;
        return new WorkerFacts(p.ageAt(m), status, p.household(), w.education, market.fieldName(w.field),
                p.region(), p.wageValuePct(), p.dailyWage(), p.workHistoryYears() + workedYears,
                p.yearsWorkedSince2016() + workedYears, w.weeksWorkedLast36, w.yearsWorkedLast5, monthsUnemployed,
                p.meetsMeansTest(), p.disabled(), p.background(), false, 0);
    }

    private Question question(QuestionType type, WorkerFacts wf, EmployerFacts ef, CourseFacts cf, int m,
            int startYear, boolean formerEmployee, boolean afterTrial, Set<String> held) {
        return question(type, wf, ef, cf, m, startYear, formerEmployee, afterTrial, 100, held);
    }

    private Question question(QuestionType type, WorkerFacts wf, EmployerFacts ef, CourseFacts cf, int m,
            int startYear, boolean formerEmployee, boolean afterTrial, int rampUpPct, Set<String> held) {
        YearMonth month = monthOf[m];
        // exemption scope is decided on the full facts; the rules see only the facts they can read
        Set<String> scope = rules.inScope(type, wf, ef, cf, month,
                (ex, e) -> held.contains(ex.id()) || hasRoom(ex, e));
        YearMonth period = periodOf[m];
        return new Question(type, period, startYear, rules.usage().relevant(type, wf), ef, cf, formerEmployee,
                afterTrial, rampUpPct, scope, rules.parameters(period, scope));
    }

    private int year(int m) {
        return scenario.start().plusMonths(m).getYear();
    }

    // ------------------------------------------------------------------ end of run

    private void finish() {
        int last = months - 1;
        for (Worker w : workers) {
            totals.count(w.p, w.targetGroups, w.everSeeker, w.firstPlacement, w.seekerSince, w.publicCost,
                    w.leftBenefit, market.technicalField(w.p.field()));
            if (!w.everSeeker) {
                continue;
            }
            if (w.employed()) {
                totals.employedAtHorizon++;
            }
            if (w.firstPlacement >= 0 && w.firstPlacement + 6 <= last) {
                totals.retentionEligible++;
                if (w.firstJobEnd < 0 || w.firstJobEnd >= w.firstPlacement + 6) {
                    totals.retained6m++;
                }
            }
        }
        totals.vacanciesUnfilled = market.openAll().size();
    }

    // ------------------------------------------------------------------ trace

    private void event(Worker w, int m, String kind, String detail, Question q, Answer a) {
        if (traced(w)) {
            trace.event(m, kind, detail, q, a);
        }
    }

    /** Whether this worker's path is being traced; callers skip building event text otherwise. */
    private boolean traced(Worker w) {
        return trace != null && w.p.id() == traceWorker;
    }

    private String describe(Proposal pr) {
        StringBuilder sb = new StringBuilder();
        if (pr.vacancy() != null) {
            sb.append("vacancy at ").append(employerName(pr.vacancy().employer()));
        }
        if (pr.course() >= 0) {
            sb.append(sb.isEmpty() ? "" : ", ").append("course ").append(market.courses[pr.course()].id());
        }
        if (pr.gap()) {
            sb.append(" (skills gap)");
        }
        return sb.toString();
    }

    private String employerName(int employer) {
        return market.employers[employer].facts.group() + " #" + employer;
    }

    static String fmt(double v) {
        return String.format(java.util.Locale.ROOT, "%.2f", v);
    }

    /** Lets tests and explain look at which employer each facts object belongs to. */
    Map<EmployerFacts, Integer> employerIndex() {
        Map<EmployerFacts, Integer> m = new IdentityHashMap<>();
        for (Market.EmployerState e : market.employers) {
            m.put(e.facts, e.index);
        }
        return m;
    }
}
