package nl.fieldlab.sandbox.simulation;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import nl.fieldlab.sandbox.domain.Actor;
import nl.fieldlab.sandbox.domain.CourseFacts;
import nl.fieldlab.sandbox.domain.Education;
import nl.fieldlab.sandbox.domain.EmployerFacts;
import nl.fieldlab.sandbox.domain.Payment;
import nl.fieldlab.sandbox.domain.PaymentType;
import nl.fieldlab.sandbox.domain.Question;
import nl.fieldlab.sandbox.domain.QuestionType;
import nl.fieldlab.sandbox.domain.Status;
import nl.fieldlab.sandbox.domain.WorkerFacts;
import nl.fieldlab.sandbox.parameters.ParameterView;
import nl.fieldlab.sandbox.rules.Answer;
import nl.fieldlab.sandbox.rules.ClaimableScheme;
import nl.fieldlab.sandbox.rules.Decider;
import nl.fieldlab.sandbox.rules.Exemption;
import nl.fieldlab.sandbox.rules.ProcessSupport;
import nl.fieldlab.sandbox.rules.RuleBase;
import nl.fieldlab.sandbox.scenario.Behaviour;
import nl.fieldlab.sandbox.scenario.CourseSpec;
import nl.fieldlab.sandbox.scenario.Scenario;
import nl.fieldlab.sandbox.simulation.Rng.Stream;
import nl.fieldlab.sandbox.skills.SkillDistance;
import nl.fieldlab.sandbox.skills.SkillSet;
import nl.fieldlab.sandbox.skills.Taxonomy;

/**
 * One replication of one variant, month by month. Each month: vacancies open and fill; jobs, trials, courses, side
 * jobs and benefits run their course; a provider forms its coaching cohort; job seekers search; the proposed actions
 * go to the rules in one batch; the mechanisms decide what happens; payments are booked.
 *
 * <p>No regulation is decided here: allowed or not, how long, how much and who pays all come from the rules'
 * answers. No behaviour is decided here either: each decision is one mechanism (a class of its own, with its
 * parameters and its test); this class only orders them and keeps the books.
 */
final class Run {

    private final Scenario scenario;
    private final Market market;
    private final Decider decider;
    private final RuleBase rules;
    private final Decider baseline;
    private final Rng rng;
    private final int months;
    private final Worker[] workers;
    private final RunTotals totals;
    /** where jobs are (employer group, field, technical, wage band), and each category's cells of the totals */
    private final Destinations destinations;
    private final double[][] destinationCells;
    private final FactsMapper facts;
    private final int traceWorker;
    private final Trace trace;
    private final BiConsumer<Question, Answer> observer;
    private final Consumer<WorkerFacts> factsObserver;
    private final BooleanSupplier cancelled;
    /** Called after each simulated month (progress); does nothing unless set. */
    private Runnable monthDone = () -> { };
    /** Who is offered the run's exemptions: everyone in scope, unless a pilot's design draws them. */
    private Assignment assignment = Assignment.EVERYONE;
    /** The exemptions whose pilot outcomes the run measures (the scenario's), and their counts once it runs. */
    private List<Exemption> measured = List.of();
    private PilotOutcomes pilot;
    private final Caps caps;
    private final Reach reach;
    private final Ledger ledger;

    // the mechanisms
    private final JobSearch search;
    private final Hiring hiring;
    private final HiringResponse response;
    private final LearningWhileEmployed learning;
    private final WorkToWork workToWork;
    /** The next entrant to enter (mechanism inflow): workers after the stock are listed by entry month. */
    private int nextEntrant;
    /** Mechanism inflow's id (its one value is a scenario field, inflowPerMonth, not a behaviour value). */
    static final String INFLOW = "inflow";
    private final MatchQuality match;
    private final TrialScreening screening;
    /** mechanisms skill-distance and hiring-signal, in a scenario with a skills taxonomy */
    private final SkillMatch skillMatch;
    private final HiringSignal hiringSignal;
    /** the essential skills each employer's vacancies ask for, and the skills each course teaches (null: no taxonomy) */
    private final SkillSet[] jobSkills;
    private final SkillSet[] courseSkills;
    private final Apprenticeship apprenticeship;
    private final BblContract bbl;
    private final CourseUptake uptake;
    private final CourseCompletion completion;
    private final JobLoss jobLoss;
    private final SideJobs sideJobs;
    private final SteppingStone steppingStone;
    private final Coaching coaching;
    private final SocialReturnDemand socialReturn;
    private final double[] otherExitByStatus = new double[Status.values().length];
    private final VacancyCompetition competition;
    private final TakeUp takeUp;
    /** the national schemes a claimant must claim (claimable-schemes.yaml), and each by the rules it carries */
    private final List<TakeUp.Scheme> declaredSchemes = new ArrayList<>();
    private final Map<String, TakeUp.Scheme> schemeByRule = new java.util.HashMap<>();
    /**
     * per exemption claimed by whom it pays (no takeUp: block): its scheme when the employer claims it, and when the
     * worker does; per exemption with a declared claimant, its scheme; an exemption applied without a claim has none
     */
    private final Map<String, TakeUp.Scheme> employerClaims = new java.util.HashMap<>();
    private final Map<String, TakeUp.Scheme> workerClaims = new java.util.HashMap<>();
    private final Map<String, TakeUp.Scheme> declaredClaims = new java.util.HashMap<>();
    /** the variant's process supports: who they help claim, who took part, what they cost */
    private final Supports supports;
    /** the variant's case sprints: their cost, and from their end the course or carved jobs they produce */
    private final Sprints sprints;
    /** the social cooperative as employer of its members, when the variant has it */
    private final Cooperative cooperative;
    private final double initialVacancyMonths;
    /** this month's subsidised hires and trial starts, attributed once every applicant of the month was decided */
    private final List<Attributing> attributing = new ArrayList<>();
    private final Map<Long, Attributing> attributingByVacancy = new java.util.HashMap<>();

    // calendar: the month, its parameter period and whether a new period starts, by month index
    private final YearMonth[] monthOf;
    private final YearMonth[] periodOf;
    /** per month: the state pension age in months (MAX_VALUE when the rules have none) */
    private final int[] pensionAgeMonths;
    private final boolean[] newPeriod;
    /** per month: the longest chain of fixed-term contracts, once looked up (NaN before) */
    private final double[] chainMax;

    /**
     * @param baseline the baseline's decider, to count the answers an exemption changed (null for the baseline)
     * @param observer sees every question asked and its answer (tests), or null
     * @param factsObserver sees the full facts of every question before the rules' projection (tests), or null
     */
    Run(Scenario scenario, Market market, Person[] people, Decider decider, Decider baseline, Rng rng,
            int traceWorker, Trace trace, BiConsumer<Question, Answer> observer, Consumer<WorkerFacts> factsObserver,
            BooleanSupplier cancelled) {
        this.scenario = scenario;
        this.market = market.copy();
        this.decider = decider;
        this.rules = decider.rules();
        this.baseline = baseline;
        this.rng = rng;
        this.months = scenario.months();
        this.traceWorker = traceWorker;
        this.trace = trace;
        this.observer = observer;
        this.factsObserver = factsObserver;
        this.cancelled = cancelled;
        this.workers = new Worker[people.length];
        for (int i = 0; i < people.length; i++) {
            workers[i] = new Worker(people[i]);
        }
        ParameterView first = rules.parameters(rules.periodStart(scenario.start()), Set.of());
        this.facts = new FactsMapper(this.market, first.has(DAYS_PER_MONTH) ? first.value(DAYS_PER_MONTH) : 0);
        this.totals = new RunTotals(months, scenario.workers().stream().map(g -> g.group()).toList(), people.length,
                rules.exemptions().stream().map(Exemption::id).toList());
        this.destinations = Destinations.of(scenario.employers());
        this.destinationCells = new double[destinations.keys().size()][];
        for (int i = 0; i < destinationCells.length; i++) {
            destinationCells[i] = new double[2];
            totals.destinations.put(destinations.keys().get(i), destinationCells[i]);
        }
        this.caps = new Caps(rules.exemptions(), this.market.employers.length, people.length);
        this.reach = new Reach(rules.exemptions(), people.length);
        Behaviour b = scenario.behaviour();
        this.takeUp = new TakeUp(b);
        for (ClaimableScheme c : ClaimableScheme.all().values()) {
            TakeUp.Scheme s = TakeUp.Scheme.of(c, b);
            declaredSchemes.add(s);
            s.rules().forEach(r -> schemeByRule.put(r, s));
            totals.takeUp.register(s.id());
        }
        for (Exemption ex : rules.exemptions()) {
            Exemption.TakeUpDeclaration d = ex.takeUp();
            if (d == null) {
                double awareness = b.get(TakeUp.EXEMPTION_AWARENESS);
                double steps = b.get(TakeUp.EXEMPTION_STEPS);
                employerClaims.put(ex.id(), TakeUp.Scheme.ofExemption(ex.id(), Actor.EMPLOYER, awareness, steps));
                workerClaims.put(ex.id(), TakeUp.Scheme.ofExemption(ex.id(), Actor.WORKER, awareness, steps));
            } else if (!d.isAutomatic()) {
                declaredClaims.put(ex.id(), TakeUp.Scheme.ofExemption(ex.id(), d.claimant(), d.awareness(),
                        d.steps()));
            } else {
                continue; // applied without a claim: not a scheme
            }
            totals.takeUp.register(ex.id());
        }
        this.ledger = new Ledger(totals, caps, trace, traceWorker, this::schemeOf);
        this.supports = new Supports(rules.supports(), people.length);
        for (ProcessSupport p : rules.supports()) {
            totals.supportParticipants.put(p.id(), 0);
            totals.supportCost.put(p.id(), 0.0);
        }
        this.sprints = new Sprints(rules.supports(), scenario, rules, this.market);
        this.cooperative = new Cooperative(rules.supports(), scenario, rules, this.market, people.length);
        if (!cooperative.none()) {
            for (String count : List.of(Cooperative.PLACEMENTS, Cooperative.ROTATIONS, Cooperative.BENCH_MONTHS,
                    Cooperative.DISMISSALS, Cooperative.PUBLIC_PAID)) {
                totals.countSupport(cooperative.support().id(), count, 0);
            }
        }
        for (ProcessSupport p : rules.supports()) {
            if (p.output() == ProcessSupport.Output.COURSE) {
                totals.countSupport(p.id(), Sprints.COURSE_STARTS, 0);
            } else if (p.output() == ProcessSupport.Output.CARVING) {
                totals.countSupport(p.id(), Sprints.CARVED_HIRES, 0);
            }
        }
        search = new JobSearch(b);
        hiring = new Hiring(b);
        response = new HiringResponse(b);
        learning = new LearningWhileEmployed(b);
        workToWork = new WorkToWork(rules);
        match = new MatchQuality(b);
        screening = new TrialScreening(b);
        skillMatch = new SkillMatch(b);
        hiringSignal = new HiringSignal(b, scenario, rules.variant().name(), this.market, rng);
        Taxonomy taxonomy = scenario.skills().taxonomy();
        jobSkills = taxonomy == null ? null : new SkillSet[this.market.employers.length];
        courseSkills = taxonomy == null ? null : new SkillSet[this.market.courses.length];
        totals.skillsScenario = taxonomy != null;
        if (taxonomy != null) {
            for (Market.EmployerState e : this.market.employers) {
                jobSkills[e.index] = taxonomy.occupations().get(scenario.employers().get(e.group).occupation())
                        .essential();
            }
            for (int c = 0; c < courseSkills.length; c++) {
                CourseSpec spec = scenario.courses().get(c);
                courseSkills[c] = spec.skillsCourse() ? taxonomy.skillsOf(spec.skills())
                        : taxonomy.occupations().get(spec.occupation()).essential();
            }
            for (Worker w : workers) {
                w.skills = taxonomy.occupations().get(scenario.workers().get(w.p.group()).occupation()).essential();
            }
        }
        apprenticeship = new Apprenticeship(b);
        bbl = new BblContract(b);
        uptake = new CourseUptake(b);
        completion = new CourseCompletion(b);
        jobLoss = new JobLoss(b);
        sideJobs = new SideJobs(b);
        steppingStone = new SteppingStone(b);
        coaching = new Coaching(b);
        socialReturn = new SocialReturnDemand(b, this.market.employers.length);
        for (Status s : Status.values()) {
            String exit = "exit.other." + s.name();
            otherExitByStatus[s.ordinal()] = Behaviour.isKnown(exit) ? b.get(exit) : 0;
        }
        competition = new VacancyCompetition(b);
        initialVacancyMonths = b.get("vacancy.initial-months");
        monthOf = new YearMonth[months];
        periodOf = new YearMonth[months];
        newPeriod = new boolean[months];
        for (int m = 0; m < months; m++) {
            monthOf[m] = scenario.start().plusMonths(m);
            periodOf[m] = rules.periodStart(monthOf[m]);
            newPeriod[m] = m > 0 && !periodOf[m].equals(periodOf[m - 1]);
        }
        chainMax = new double[months];
        java.util.Arrays.fill(chainMax, Double.NaN);
        pensionAgeMonths = new int[months];
        for (int m = 0; m < months; m++) {
            ParameterView p = rules.parameters(periodOf[m], Set.of());
            // the age in months at which a worker retires: 67.25 years is 807 months
            pensionAgeMonths[m] = p.has(STATE_PENSION_AGE) ? (int) Math.round(p.value(STATE_PENSION_AGE) * 12)
                    : Integer.MAX_VALUE;
        }
    }

    /** What a contact with a vacancy (or a wish to retrain) leads to. */
    private enum Route {
        HIRE, TRIAL, APPRENTICESHIP, COURSE
    }

    /**
     * @param ownInitiative a course the worker seeks on their own initiative while in work (they are its payer)
     * @param sSeen  the gap's size relative to a small one as the employer sees it (0 or 1 under the diploma)
     * @param sTrue  the same as the worker's skills are (mechanism skill-distance); {@code sSeen} without a taxonomy
     * @param skills the skill gap to the vacancy's job (null without a taxonomy or a vacancy)
     */
    private record Proposal(Worker w, Route route, Market.Vacancy vacancy, int course, boolean gap, double match,
            boolean ownInitiative, double sSeen, double sTrue, SkillDistance.Gap skills) {

        Proposal(Worker w, Route route, Market.Vacancy vacancy, int course, boolean gap, double match,
                boolean ownInitiative) {
            this(w, route, vacancy, course, gap, match, ownInitiative, gap ? 1 : 0, gap ? 1 : 0, null);
        }

        Proposal(Worker w, Route route, Market.Vacancy vacancy, int course, boolean gap, double match) {
            this(w, route, vacancy, course, gap, match, false);
        }
    }

    /**
     * A subsidised hire or a trial start waiting for the end of its month to be attributed (mechanism vacancies): by
     * then every simulated rival who applied to the same vacancy that month has been decided.
     *
     * @param draw           the employer's hire draw (NaN for a trial start)
     * @param chanceWith     the hiring chance with the public payments to the employer
     * @param chanceWithout  the chance without any of them
     * @param withoutByExemption per exemption paying the employer: the chance without that exemption's payments
     * @param rivals         whether a rival could still apply this month (not for a hire after a trial: the trial's
     *                       vacancy was no longer open to others)
     */
    private static final class Attributing {
        final Worker w;
        final long vacancy;
        final boolean trial;
        final double draw;
        final double chanceWith;
        final double chanceWithout;
        final Map<String, Double> withoutByExemption;
        boolean rivalWouldHaveWon;

        Attributing(Worker w, long vacancy, boolean trial, double draw, double chanceWith, double chanceWithout,
                Map<String, Double> withoutByExemption) {
            this.w = w;
            this.vacancy = vacancy;
            this.trial = trial;
            this.draw = draw;
            this.chanceWith = chanceWith;
            this.chanceWithout = chanceWithout;
            this.withoutByExemption = withoutByExemption;
        }
    }

    RunTotals run() {
        ParameterView start = rules.parameters(periodOf[0], Set.of());
        totals.discountRate = start.has(DISCOUNT_RATE) ? start.value(DISCOUNT_RATE) : Double.NaN;
        Round round = new Round(decider, baseline, reach, observer);
        if (!measured.isEmpty()) {
            Person[] people = new Person[workers.length];
            for (int i = 0; i < workers.length; i++) {
                people[i] = workers[i].p;
            }
            pilot = new PilotOutcomes(measured, people, monthOf, assignment, market.employers.length);
        }
        for (Worker w : workers) {
            if (w.active && w.status != Status.EMPLOYED) {
                becomeSeeker(w, 0);
                if (Population.onBenefit(w.status)) {
                    claim(round, w, w.status, 0, -w.p.monthsUnemployed());
                }
            }
        }
        round.resolve();
        reach.monthDone();
        for (int m = 0; m < months; m++) {
            if (cancelled.getAsBoolean()) {
                throw new java.util.concurrent.CancellationException("run cancelled");
            }
            month(m, round);
            reach.monthDone();
            monthDone.run();
        }
        finish();
        return totals;
    }

    /** Offers the run's exemptions as a pilot's design says (default: everyone in scope). */
    Run assign(Assignment assignment) {
        this.assignment = assignment;
        return this;
    }

    /** Measures the pilot outcomes of {@code exemptions} (those of the scenario's variants) after each intake. */
    Run measure(List<Exemption> exemptions) {
        this.measured = List.copyOf(exemptions);
        return this;
    }

    /** Calls {@code action} after each simulated month (progress reporting). */
    Run onMonthDone(Runnable action) {
        this.monthDone = action;
        return this;
    }

    /** The parameter that discounts the present values (a cost-benefit convention, dated like the rules' numbers). */
    static final String DISCOUNT_RATE = "cba.discount-rate";

    private void month(int m, Round round) {
        if (!sprints.none()) {
            sprints.month(m, totals);
        }
        vacancies(m);
        enter(round, m);
        for (Worker w : workers) {
            if (w.active) {
                progress(round, w, m);
            }
        }
        round.resolve();
        formCohorts(m);
        // after this month's job losses, benefit claims and cohorts, so that a study year's payer is decided on the
        // worker's status this month
        for (Worker w : workers) {
            if (w.active && w.inCourse() && studyYearBegins(w.course, w.course.courseMonth(m))) {
                reaskCourse(round, w, m);
            }
        }
        round.resolve();
        for (Worker w : workers) {
            if (w.firstPlacement < 0 && w.everSeeker && w.seeker()) {
                totals.seekerMonthsByYear[m / 12]++;
            }
        }
        List<Proposal> proposals = search(m);
        List<Question> questions = new ArrayList<>(proposals.size());
        for (Proposal pr : proposals) {
            questions.add(proposalQuestion(pr, m));
        }
        List<Answer> answers = round.answer(questions);
        for (int i = 0; i < proposals.size(); i++) {
            decide(round, proposals.get(i), questions.get(i), answers.get(i), m);
        }
        round.resolve();
        outsiders(m);
        book(m);
        if (pilot != null) {
            pilot.observe(m, workers);
        }
        if ((m + 1) % 12 == 0 || m == months - 1) {
            totals.yearEnd(m / 12, countEmployedSeekers());
        }
    }

    // ------------------------------------------------------------------ entrants (mechanism: inflow)

    /**
     * Mechanism inflow: this month's entrants start a spell out of work and claim their benefit, as the stock did at
     * the start, before anyone's month runs its course (the population lists entrants by entry month, after the stock).
     */
    private void enter(Round round, int m) {
        boolean any = false;
        while (nextEntrant < workers.length && workers[nextEntrant].p.entryMonth() <= m) {
            Worker w = workers[nextEntrant++];
            if (w.p.entryMonth() < m || w.active) {
                continue;
            }
            w.active = true;
            totals.entrants++;
            becomeSeeker(w, m);
            event(w, m, INFLOW, "enters", () -> "a new " + w.status + " spell out of work", null, null);
            if (Population.onBenefit(w.status)) {
                claim(round, w, w.status, m, m);
            }
            any = true;
        }
        if (any) {
            round.resolve();
        }
    }

    // ------------------------------------------------------------------ vacancies (mechanism: vacancies)

    private void vacancies(int m) {
        // mechanism vacancies: a tight market has more vacancies than the scenario's rates (set at the reference)
        double initial = (m == 0 ? initialVacancyMonths : 1) * competition.vacancyFactor();
        for (Market.EmployerState e : market.employers) {
            int n = rng.poisson(Stream.VACANCY_NEW, e.index, m, e.vacancyRate * initial);
            for (int k = 0; k < n; k++) {
                Market.Vacancy v = market.open(e, m);
                if (!sprints.none() && sprints.carves(e, v, m, rng)) {
                    v.carve();
                }
            }
        }
        market.compact();
    }

    /**
     * After the simulated workers had their chance: a vacancy that this month's acceptable outsiders reached and no
     * simulated worker won goes to an outsider; one nobody filled may lapse.
     */
    private void outsiders(int m) {
        attribute(m);
        market.closeExternally(v -> outsidersAt(v, m) > 0, m, totals);
        if (competition.canLapse()) {
            market.lapse(v -> competition.lapses(rng.uniform(Stream.VACANCY_LAPSE, v.id(), m)));
        }
        market.compact();
    }

    /** The acceptable outsiders at a vacancy this month (one draw per vacancy and month, shared by all applicants). */
    private int outsidersAt(Market.Vacancy v, int m) {
        return outsidersAt(v.id(), m);
    }

    private int outsidersAt(long vacancy, int m) {
        return competition.outsiders(rng.uniform(Stream.VACANCY_FILL, vacancy, m));
    }

    /**
     * Mechanism vacancies: attributes this month's subsidised hires (deadweight, or what the job would otherwise have
     * gone to) and trial starts (the paid hire they took the place of), from the vacancies' own draws.
     */
    private void attribute(int m) {
        for (Attributing at : attributing) {
            VacancyCompetition.Fate fate = competition.counterfactual(m, at.rivalWouldHaveWon,
                    outsidersAt(at.vacancy, m), month -> rng.uniform(Stream.VACANCY_FILL, at.vacancy, month),
                    month -> rng.uniform(Stream.VACANCY_LAPSE, at.vacancy, month), months - 1);
            if (at.trial) {
                if (fate == VacancyCompetition.Fate.DISPLACED_OUTSIDER) {
                    totals.trialsDisplacedOutsiders++;
                } else if (fate == VacancyCompetition.Fate.DISPLACED_INSIDER) {
                    totals.trialsDisplacedInsiders++;
                }
                if (fate != VacancyCompetition.Fate.NET_NEW) {
                    event(at.w, m, VacancyCompetition.ID, "trial placement in place of a paid hire", () -> "without "
                            + "it " + (fate == VacancyCompetition.Fate.DISPLACED_INSIDER ? "another job seeker"
                                    : "an applicant from outside the population") + " would have been hired", null,
                            null);
                }
                continue;
            }
            VacancyCompetition.Attribution all = VacancyCompetition.attribute(at.draw, at.chanceWith,
                    at.chanceWithout, fate);
            Map<String, VacancyCompetition.Attribution> byExemption = new java.util.TreeMap<>();
            at.withoutByExemption.forEach((ex, without) -> byExemption.put(ex, VacancyCompetition.attribute(at.draw,
                    at.chanceWith, without, fate)));
            totals.subsidisedHire(all, byExemption);
            event(at.w, m, VacancyCompetition.ID, "subsidised hire", () -> describe(all) + " (employer's draw "
                    + fmt(at.draw) + ", chance " + fmt(at.chanceWith) + " with the public payments, "
                    + fmt(at.chanceWithout) + " without)", null, null);
        }
        attributing.clear();
        attributingByVacancy.clear();
    }

    private static String describe(VacancyCompetition.Attribution a) {
        return switch (a) {
            case DEADWEIGHT -> "deadweight: the employer would have hired without the payments";
            case NET_NEW -> "tipped by the payments, a net new job: the vacancy would otherwise have lapsed or "
                    + "stayed open";
            case DISPLACED_OUTSIDER -> "tipped by the payments, in place of an applicant from outside the population";
            case DISPLACED_INSIDER -> "tipped by the payments, in place of another job seeker who applied this month";
        };
    }

    /**
     * Keeps a hire for attribution when public bodies pay the employer for it (in any month of the answer, or of the
     * course's for an apprentice): the chance without those payments (all of them, and each exemption's) is the
     * same offer with the first year's payments added back to the employer's net cost.
     */
    private void subsidisedHire(Worker w, Answer a, Answer course, Hiring.Offer offer, double draw, double chance,
            long vacancy, boolean rivals) {
        Map<String, Double> byExemption = new java.util.TreeMap<>();
        boolean subsidised = false;
        for (Answer x : course == null ? List.of(a) : List.of(a, course)) {
            for (Answer.PaymentLine p : x.payments()) {
                if (p.payer().isPublic() && p.payee() == Actor.EMPLOYER && p.amount() > 0) {
                    subsidised = true;
                    if (p.exemption() != null) {
                        byExemption.put(p.exemption(), Double.NaN);
                    }
                }
            }
        }
        if (!subsidised) {
            return;
        }
        double without = hiring.chance(withCost(offer, publicToEmployer(a, course, ex -> true)));
        byExemption.replaceAll((ex, none) -> hiring.chance(withCost(offer, publicToEmployer(a, course,
                ex::equals))));
        Attributing at = new Attributing(w, vacancy, false, draw, chance, without, byExemption);
        attributing.add(at);
        if (rivals) {
            attributingByVacancy.put(vacancy, at);
        }
    }

    /** The offer with {@code extra} a month more net cost to the employer. */
    private static Hiring.Offer withCost(Hiring.Offer o, double extra) {
        return new Hiring.Offer(o.productivity(), o.normalWage(), o.netCost() + extra, o.otherWorth(), o.disabled(),
                o.coached(), o.badMatchRisk(), o.sicknessCarried());
    }

    /**
     * What public bodies pay the employer a month over the first year (as {@link #offer} averages the net cost), for
     * the payments whose exemption {@code counted} accepts (null: a payment of the law, not of an exemption), at the
     * weight each instrument has in the employer's decision (mechanism hiring-response): what the offer's net cost
     * would rise by without them, so that the chance without them is the one the employer would have weighed.
     */
    private double publicToEmployer(Answer a, Answer course, java.util.function.Predicate<String> counted) {
        double paid = 0;
        for (Answer x : course == null ? List.of(a) : List.of(a, course)) {
            for (Answer.PaymentLine p : x.payments()) {
                if (p.payer().isPublic() && p.payee() == Actor.EMPLOYER
                        && (p.exemption() == null ? counted.test(null) : counted.test(p.exemption()))) {
                    for (int month = 1; month <= MatchQuality.PROBATION_MONTHS; month++) {
                        if (p.paidIn(month)) {
                            paid += p.amount() * response.weight(p);
                        }
                    }
                }
            }
        }
        return paid / MatchQuality.PROBATION_MONTHS;
    }

    /**
     * A simulated worker who applied this month to a vacancy a subsidised hire or a trial took before them: whether
     * they would have been hired in its place (the employer's draw and the contest with the outsiders, the draws the
     * run would have used), for the attribution. Caps and a trial after a refusal are not followed.
     */
    private void rival(Proposal pr, Question q, Answer asked, int m) {
        Attributing at = attributingByVacancy.get(pr.vacancy().id());
        Worker w = pr.w();
        if (at == null || at.rivalWouldHaveWon || pr.route() != Route.HIRE || !asked.allowed()
                || !w.seeker() && !w.atRisk()) {
            return;
        }
        // judged as its own hire would have been: only what the employer would claim weighs (mechanism take-up)
        Answer a = settle(w, pr.vacancy().employer(), asked, m, supportsFor(w, q, m)).claimed();
        double productivity = w.p.wageValuePct() / 100.0 * screening.firstYearSkill(0, pr.sSeen());
        double chance = hireChance(w, q, a, null, productivity, match.badChance(pr.sSeen()), pr.vacancy().employer(), m);
        at.rivalWouldHaveWon = rng.uniform(Stream.HIRE, w.p.id(), m) < chance
                && winsAgainstOutsiders(w, pr.vacancy(), m);
    }

    /** Mechanism vacancies: whether a worker the employer would take on wins the vacancy against the outsiders. */
    private boolean winsAgainstOutsiders(Worker w, Market.Vacancy v, int m) {
        return VacancyCompetition.insiderWins(outsidersAt(v, m), rng.uniform(Stream.VACANCY_RANK, w.p.id(), m));
    }

    // ------------------------------------------------------------------ spells run their course

    private void progress(Round round, Worker w, int m) {
        if (retires(w, m)) {
            return;
        }
        boolean birthday = m > 0 && w.p.ageAt(m) != w.p.ageAt(m - 1);
        if (!w.employed() && cooperative.benchEnds(w, m)) {
            // mechanism cooperative-employer: no member firm took the worker in the bench months; the cooperative
            // lets them go and they claim a benefit as after any job
            totals.countSupport(cooperative.support().id(), Cooperative.DISMISSALS, 1);
            event(w, m, Cooperative.ID, "left the cooperative", "no member firm took them in the bench months", null,
                    null);
            w.unemployedSince = m;
            w.entryStatus = Status.WW;
            becomeSeeker(w, m);
            claim(round, w, Status.WW, m, m);
            return;
        }
        if (w.employed() && w.inCourse() && BblContract.covers(w.bblCourseEnd, m)) {
            // mechanism bbl-contract: the contract runs for the course and ends early only when the apprentice leaves
            Spells.Course course = w.course;
            if (rng.uniform(Stream.BBL_LEAVING, w.p.id(), m) < bbl.monthlyLeaving(course.end() - course.start())) {
                endJob(round, w, m, BblContract.ID, ", left the BBL course (the contract ends with it)");
                return;
            }
        } else if (w.employed()) {
            Spells.Job job = w.job;
            double hazard = jobLoss.chance(job.route()) + match.extraSeparation(job.match(), m - job.start());
            boolean member = cooperative.employs(job.question().employer(), job.employer());
            if (member) {
                hazard = cooperative.separation(hazard);
            }
            if (rng.uniform(Stream.SEPARATION, w.p.id(), m) < hazard) {
                endJob(round, w, m, match.bad(job.match()) && m - job.start() < MatchQuality.PROBATION_MONTHS
                        ? MatchQuality.ID : JobLoss.ID, "");
                return;
            }
            double notRenewed = jobLoss.nonRenewal(BblContract.monthsUnderOrdinaryContract(job.start(),
                    w.bblCourseEnd, m), (member ? job.question().employer() : market.employers[job.employer()].facts)
                    .contractMonths(), chainMaxMonths(m), match.bad(job.match()));
            if (notRenewed > 0 && rng.uniform(Stream.RENEWAL, w.p.id(), m) < notRenewed) {
                endJob(round, w, m, JobLoss.ID, ", fixed-term contract not renewed");
                return;
            }
            if (newPeriod[m] || birthday && ageMatters(QuestionType.HIRE, w, m)) {
                reaskJob(round, w, m);
            }
        } else if (w.status == Status.EMPLOYED) {
            if (w.secondment != null) {
                if (m >= w.secondment.end()) {
                    endSecondment(round, w, m);
                }
            } else if (w.noticeEnd >= 0 && m >= w.noticeEnd) {
                layOff(round, w, m);
                return;
            } else if (w.noticeEnd < 0 && rng.uniform(Stream.LAYOFF, w.p.id(), m) < w.p.layoffRate()) {
                announceDismissal(round, w, m);
            }
        }
        if (w.inTrial() && m >= w.trial.end()) {
            endTrial(round, w, m);
        }
        if (w.inCourse() && m >= w.course.end()) {
            endCourse(round, w, m);
        }
        if (w.benefit != null && !w.employed()) {
            double exit = otherExitByStatus[w.status.ordinal()];
            if (exit > 0 && rng.uniform(Stream.EXIT_OTHER, w.p.id(), m) < exit) {
                event(w, m, "other-exit", "left " + w.status, "for reasons other than work", null, null);
                leave(w, m);
                return;
            }
            if (w.benefit.spellMonth(m) > w.benefit.duration()) {
                event(w, m, null, w.status + " exhausted", () -> "after " + fmt(w.benefit.duration()) + " months", null,
                        null);
                claim(round, w, Status.BIJSTAND, m, m);
                return;
            }
            if (sideJobChanges(w, m) || newPeriod[m] || birthday && ageMatters(QuestionType.BENEFIT, w, m)) {
                reaskBenefit(round, w, m);
            }
        }
    }

    /** Mechanism side-jobs: a recipient takes or leaves a small part-time job; true when the earnings changed. */
    private boolean sideJobChanges(Worker w, int m) {
        if (w.inTrial() || w.inCourse()) {
            return false;
        }
        if (w.sideJob != null) {
            if (rng.uniform(Stream.SIDE_JOB_STOP, w.p.id(), m) < sideJobs.stopChance()) {
                w.sideJob = null;
                event(w, m, SideJobs.ID, "part-time job ended", "", null, null);
                return true;
            }
            return false;
        }
        double chance = sideJobs.startChance(w.status, w.benefit.keepShare());
        if (chance > 0 && rng.uniform(Stream.SIDE_JOB_START, w.p.id(), m) < chance) {
            w.sideJob = new Spells.SideJob(sideJobEarnings(m), w.benefit.spellMonth(m), w.monthsOutOfWork(m));
            w.everSideJob = true;
            event(w, m, SideJobs.ID, "part-time job started", () -> fmt(w.sideJob.earnings()) + " a month, keeping "
                    + Math.round(100 * w.benefit.keepShare()) + " %", null, null);
            return true;
        }
        return false;
    }

    /** Looked up once a month (it is read for every employed worker). */
    private double chainMaxMonths(int m) {
        if (Double.isNaN(chainMax[m])) {
            chainMax[m] = rules.parameters(periodOf[m], Set.of()).value("contract.chain-max-months");
        }
        return chainMax[m];
    }

    private double sideJobEarnings(int m) {
        ParameterView p = rules.parameters(periodOf[m], Set.of());
        return sideJobs.earnings(p.value("wml.hourly.adult"), p.value("calendar.weeks-per-month"));
    }

    // ------------------------------------------------------------------ coaching cohorts (mechanism: coaching)

    /**
     * A provider of an outcome-financed project admits this month's cohort: most by predicted job chance
     * (cream-skimming), the rest at random, among job seekers in the exemption's scope who were never coached.
     */
    private void formCohorts(int m) {
        for (Exemption ex : caps.exemptions()) {
            if (!ex.scope().cohort() || !ex.scope().activeIn(monthOf[m]) || !caps.hasRoom(ex, -1, -1, 0)) {
                continue;
            }
            int size = (int) rules.parameters(periodOf[m], Set.of(ex.id())).value(
                    ex.id().toLowerCase(java.util.Locale.ROOT) + ".cohort-per-month");
            List<Worker> candidates = new ArrayList<>();
            for (Worker w : workers) {
                if (w.seeker() && w.coachedUntil < 0 && ex.scope().covers(QuestionType.HIRE,
                        facts.facts(w, m, w.status), null, null, monthOf[m])) {
                    candidates.add(w);
                }
            }
            List<Worker> picked = coaching.pick(candidates, w -> predictedChance(w, m),
                    w -> rng.uniform(Stream.COACHING, w.p.id(), m), w -> w.p.id(), size);
            // investors pre-finance the provider's coaching of each participant (the exemption's project cost) and
            // the project's administration (intermediary, counterfactual prediction, outcome verification)
            String prefix = ex.id().toLowerCase(java.util.Locale.ROOT);
            var params = rules.parameters(periodOf[m], Set.of(ex.id()));
            double cost = params.has(prefix + ".project-cost-per-participant")
                    ? params.value(prefix + ".project-cost-per-participant") : 0;
            double administration = params.has(prefix + ".administration-per-participant")
                    ? params.value(prefix + ".administration-per-participant") : 0;
            for (Worker w : picked) {
                if (cost > 0) {
                    totals.book(m, Actor.INVESTOR, Actor.PROVIDER, PaymentType.PROJECT_FINANCE, cost);
                }
                if (administration > 0) {
                    totals.book(m, Actor.INVESTOR, Actor.PROVIDER, PaymentType.IMPLEMENTATION, administration);
                }
                w.coachedUntil = m + coaching.months();
                totals.coached++;
                event(w, m, Coaching.ID, "coaching started", () -> ex.id() + ", " + coaching.months() + " months, predicted "
                        + Math.round(100 * predictedChance(w, m)) + " % in work after 6 months without it", null, null);
            }
        }
    }

    /**
     * The project's prediction of a worker's chance to be in work 6 months on without the project: the baseline
     * contact and hiring chances compounded (the contract's prediction model).
     */
    private double predictedChance(Worker w, int m) {
        return Coaching.predictedSuccess(search.contactChance(w.entryStatus, w.monthsOutOfWork(m), w.p.ageAt(m),
                w.searchDuty(m), w.inCourse(), false), hiring.chance(new Hiring.Offer(w.p.wageValuePct() / 100.0, 1, 1,
                0, w.p.disabled(), false)), 6);
    }

    // ------------------------------------------------------------------ searching (mechanism: job-search)

    private List<Proposal> search(int m) {
        List<Proposal> out = new ArrayList<>();
        for (Worker w : workers) {
            if (!w.seeker() && !w.atRisk()) {
                continue;
            }
            long id = w.p.id();
            if (cooperative.onBench(w, m)) {
                // mechanism cooperative-employer: the cooperative proposes its bench to a member firm's vacancy first
                List<Market.Vacancy> members = cooperative.memberVacancies(w.field);
                if (!members.isEmpty()) {
                    Proposal pr = route(w, members.get((int) (rng.uniform(Stream.SEARCH_PICK, id, m) * members.size())),
                            m);
                    if (pr != null) {
                        out.add(pr);
                        continue;
                    }
                }
            }
            // mechanism stepping-stone: a side job locks in or opens doors, by when in the spell it began; mechanism
            // vacancies: more vacancies per job seeker in a tight market, more contacts
            double contact = Math.min(1, search.contactChance(w.entryStatus, w.monthsOutOfWork(m), w.p.ageAt(m),
                    w.searchDuty(m), w.inCourse(), w.coached(m)) * steppingStone.contactFactor(w.sideJob)
                    * competition.vacancyFactor());
            if (rng.uniform(Stream.SEARCH, id, m) < contact) {
                List<Market.Vacancy> own = market.openIn(w.field);
                List<Market.Vacancy> pool = !own.isEmpty()
                        && rng.uniform(Stream.SEARCH_POOL, id, m) < search.ownFieldShare() ? own : market.openAll();
                if (!sprints.none() && w.p.wageValuePct() >= 100) {
                    // carved jobs are not open to a worker of full wage value: they apply among the other vacancies
                    pool = pool.stream().filter(x -> !x.carved()).toList();
                }
                if (!pool.isEmpty()) {
                    Market.Vacancy v = pool.get((int) (rng.uniform(Stream.SEARCH_PICK, id, m) * pool.size()));
                    Proposal pr = route(w, v, m);
                    if (pr != null) {
                        out.add(pr);
                        continue;
                    }
                }
            }
            if (w.atRisk() && !w.inCourse() && !market.shortageField(w.field)
                    && rng.uniform(Stream.LEARNING_DEMAND, id, m) < learning.monthlyChance(w.education)) {
                int c = market.shortageCourseFor(w.education);
                if (c >= 0) {
                    event(w, m, LearningWhileEmployed.ID, "seeks a course", () -> "on their own initiative, in work: "
                            + market.courses[c].id(), null, null);
                    out.add(new Proposal(w, Route.COURSE, null, c, false, 1, true));
                    continue;
                }
            }
            if (!w.inCourse() && !market.shortageField(w.field) && w.benefit != null
                    && rng.uniform(Stream.COURSE_SPONTANEOUS, id, m) < uptake.spontaneous()) {
                int c = market.shortageCourseFor(w.education);
                if (c >= 0) {
                    out.add(new Proposal(w, Route.COURSE, null, c, false, 1));
                }
            }
        }
        return out;
    }

    /** Which action a contact leads to, by the skills gap between the worker and the vacancy. */
    private Proposal route(Worker w, Market.Vacancy v, int m) {
        Market.EmployerState e = market.employers[v.employer()];
        if (v.carved() && w.p.wageValuePct() >= 100) {
            // carved jobs are made for people with a lower wage value (issue 25: "tasks split off into jobs for people
            // with a lower wage value"); a worker of full wage value is not proposed for one
            return null;
        }
        // a carved job asks its own education and no experience in the field (its tasks are split off to fit)
        Education required = v.carved() ? e.carving.requiredEducation() : e.requiredEducation;
        int eduGap = required.level() - w.education.level();
        boolean fieldMatch = v.carved() || w.field == e.field;
        long id = w.p.id();
        boolean gap = !(fieldMatch && eduGap <= 0);
        boolean smallGap = (fieldMatch && eduGap == 1) || (!fieldMatch && eduGap <= 0);
        // mechanisms skill-distance and hiring-signal: the worker's skills set what they produce in the job; an
        // employer that hires on the passport also judges the gap by them, one that hires on the diploma as above
        SkillDistance.Gap skills = jobSkills == null || v.carved() ? null : SkillDistance.of(w.skills, jobSkills[v.employer()]);
        boolean onSkills = skills != null && hiringSignal.seesSkills(v.employer());
        if (onSkills) {
            SkillMatch.Gap seen = skillMatch.gap(skills.d());
            gap = seen != SkillMatch.Gap.NONE;
            smallGap = seen == SkillMatch.Gap.SMALL;
        }
        double sTrue = skills == null ? (gap ? 1 : 0) : skillMatch.s(skills.d());
        double sSeen = onSkills ? sTrue : gap ? 1 : 0;
        double quality = match.factor(rng.normal(Stream.MATCH, Stream.MATCH_2, id, m), sTrue);
        if (!gap || v.carved()) {
            // a carved job is a direct hire: no trial, apprenticeship or course leads into split-off tasks
            return new Proposal(w, Route.HIRE, v, -1, gap, quality, false, sSeen, sTrue, skills);
        }
        if (w.inCourse()) {
            return null;
        }
        if (smallGap) {
            // the employer weighs a direct hire first; a trial only for a candidate it would not hire without one
            return new Proposal(w, Route.HIRE, v, -1, true, quality, false, sSeen, sTrue, skills);
        }
        // a large gap: a training company may take the career switcher on as an apprentice; else a course first
        if (w.status != Status.EMPLOYED && e.facts.recognisedTrainingCompany()
                && rng.uniform(Stream.APPRENTICESHIP, id, m) < apprenticeship.offerRate()) {
            int c = market.apprenticeshipCourse(e.field, e.requiredEducation);
            if (c >= 0) {
                return new Proposal(w, Route.APPRENTICESHIP, v, c, true, quality);
            }
        }
        if (rng.uniform(Stream.COURSE_UPTAKE, id, m) < uptake.uptake()) {
            // an employer that sees the passport asks for the skills it lacks: the shortest course that teaches them
            int c = onSkills ? closingCourse(skills.missing()) : -1;
            if (c < 0) {
                c = market.courseInto(e.field, e.requiredEducation);
            }
            if (c >= 0) {
                return new Proposal(w, Route.COURSE, v, c, false, 1, false, 0, 0, skills);
            }
        }
        return null;
    }

    /**
     * Mechanism hiring-signal: the course that closes a named skill gap - of the courses whose skills cover
     * {@code missing}, the shortest, then the cheapest, then the first in the scenario; -1 if none covers it.
     */
    private int closingCourse(SkillSet missing) {
        int best = -1;
        for (int c = 0; c < courseSkills.length; c++) {
            if (missing.isEmpty() || !courseSkills[c].covers(missing)) {
                continue;
            }
            CourseFacts f = market.courses[c];
            if (best < 0 || f.months() < market.courses[best].months()
                    || f.months() == market.courses[best].months() && f.price() < market.courses[best].price()) {
                best = c;
            }
        }
        return best;
    }

    /**
     * The match factor of a hire as the job will show it: the drawn factor times what the worker's skills produce
     * over what the employer expected (mechanism hiring-signal), so that a hire whose skills fall short of what the
     * employer saw turns out a bad match more often.
     */
    private double realisedMatch(Proposal pr) {
        if (jobSkills == null || pr.sSeen() == pr.sTrue()) {
            return pr.match();
        }
        return pr.match() * screening.firstYearSkill(0, pr.sTrue()) / screening.firstYearSkill(0, pr.sSeen());
    }

    private Question proposalQuestion(Proposal pr, int m) {
        Worker w = pr.w();
        // A course's question names only an employer that employs the worker or has committed to hire them (rules
        // course-funding.drl): the firm whose vacancy led to a course has made no such commitment (no mechanism here
        // makes one; a paid apprenticeship is asked as its own question), so it neither pays nor collects for it.
        int employer = pr.vacancy() == null || pr.route() == Route.COURSE ? -1 : pr.vacancy().employer();
        boolean carved = employer >= 0 && pr.vacancy().carved();
        EmployerFacts ef = employer < 0 ? null : carved ? market.employers[employer].carvedFacts
                : market.employers[employer].facts;
        CourseFacts cf = pr.course() >= 0 ? market.courses[pr.course()] : null;
        QuestionType type = switch (pr.route()) {
            case HIRE, APPRENTICESHIP -> QuestionType.HIRE;
            case TRIAL -> QuestionType.TRIAL_PLACEMENT;
            case COURSE -> QuestionType.COURSE;
        };
        // a hire with a skills gap tells the rules the worker's productivity in the job while they learn it
        int rampUp = type == QuestionType.HIRE && pr.gap() && rules.usage().mentions("rampUpPct")
                ? (int) Math.round(100 * screening.skill(0, true)) : 100;
        WorkerFacts wf = facts.facts(w, m, w.status);
        if (!cooperative.none() && !carved && ef != null && pr.route() == Route.HIRE) {
            // mechanism cooperative-employer: a member firm's hire of a worker in scope is the cooperative's
            ef = cooperative.employerFor(employer, ef, wf, monthOf[m]);
        }
        if (carved) {
            // decision 2 of issue 25: the rules see the wage value measured in the carved job
            wf = wf.withWageValuePct(Sprints.carvedWageValuePct(wf.wageValuePct(),
                    market.employers[employer].carving.taskValue()));
        }
        return question(type, w, m, pr.ownInitiative() ? LearningWhileEmployed.ownInitiative(wf) : wf, ef, cf,
                year(m), employer == w.lastEmployer
                && employer >= 0, false, rampUp, Set.of());
    }

    // ------------------------------------------------------------------ deciding

    private void decide(Round round, Proposal pr, Question q, Answer asked, int m) {
        Worker w = pr.w();
        if (pr.vacancy() != null && !pr.vacancy().isOpen()) {
            rival(pr, q, asked, m);
            return;
        }
        if (!w.seeker() && !w.atRisk()) {
            return;
        }
        int employer = pr.vacancy() == null ? -1 : pr.vacancy().employer();
        // mechanism take-up, before the caps and the hiring chance: a scheme its claimant would not claim pays
        // nothing, takes no place under a cap and weighs in no decision
        TakeUp.Settled settled = settle(w, employer, asked, m, supportsFor(w, q, m));
        Answer a = settled.claimed();
        Set<String> over = caps.over(a, w.p.id(), employer, employer < 0 ? 0 : market.employers[employer].facts.staff(),
                1, horizonSpellMonth(m, 1));
        if (!over.isEmpty()) {
            // a cap of the exemption cannot take this spell: ask again without it, and count the refusal
            over.forEach(caps::refused);
            Set<String> without = new TreeSet<>(q.exemptions());
            without.removeAll(over);
            Question again = withScope(q, without, m);
            round.ask(again, b -> decide(round, pr, again, b, m));
            return;
        }
        event(w, m, null, q.type() + " proposed", () -> describe(pr), q, a);
        boolean noTrial = pr.route() == Route.TRIAL && (!a.allowed() || a.entitlement("trial.max-months", 0) < 1);
        if (!a.allowed()) {
            totals.blocked(a.blockedBy());
            event(w, m, null, "blocked", () -> a.blockedBy() + ": " + a.blocks().get(0).reason(), q, a);
            if (!noTrial) {
                return;
            }
        }
        if (noTrial) {
            // no trial placement is possible, and the direct hire was already refused
            event(w, m, TrialScreening.ID, "no trial placement", "the rules allow none", q, a);
            return;
        }
        switch (pr.route()) {
            case HIRE -> {
                double productivity = productivityIn(w, pr.vacancy()) * screening.firstYearSkill(0, pr.sSeen());
                Hiring.Offer offer = offer(w, q, a, null, productivity, match.badChance(pr.sSeen()),
                        pr.vacancy().employer(), m);
                double chance = hiring.chance(offer);
                double draw = rng.uniform(Stream.HIRE, w.p.id(), m);
                if (draw < chance && !winsAgainstOutsiders(w, pr.vacancy(), m)) {
                    event(w, m, VacancyCompetition.ID, "not hired", () -> "the employer preferred an applicant "
                            + "from outside the population", q, a);
                } else if (draw < chance) {
                    market.fill(pr.vacancy(), m, totals);
                    if (pr.vacancy().carved()) {
                        String sprint = market.employers[pr.vacancy().employer()].carving.by();
                        totals.countSupport(sprint, Sprints.CARVED_HIRES, 1);
                        totals.supportParticipants.merge(sprint, 1, Integer::sum);
                    }
                    subsidisedHire(w, a, null, offer, draw, chance, pr.vacancy().id(), true);
                    startJob(w, pr.vacancy().employer(), q, settled, m, false, false, realisedMatch(pr), productivity,
                            Hiring.ID, chance);
                } else {
                    event(w, m, Hiring.ID, "not hired", () -> "employer's chance " + fmt(chance), q, a);
                    if (pr.gap() && !pr.vacancy().carved() && !cooperative.employs(q.employer(), employer)) {
                        proposeTrial(round, pr, m);
                    }
                }
            }
            case APPRENTICESHIP -> askApprenticeship(round, pr, q, settled, m);
            case TRIAL -> {
                int standard = (int) a.entitlement("trial.max-months", 0);
                int allowed = Math.max(standard, (int) a.entitlement("trial.max-total-months", 0));
                // the employer uses the months the rules allow while the trial still shows something, no more
                int length = Math.min(allowed, screening.monthsWithSomethingToShow());
                // the employer offers the trial by what it gains (unpaid output) and the risk it takes away
                double offer = screening.offerChance(length, w.p.wageValuePct() / 100.0);
                if (rng.uniform(Stream.ROUTE, w.p.id(), m) >= offer) {
                    event(w, m, TrialScreening.ID, "no trial offered", () -> "employer's chance " + fmt(offer) + " for "
                            + length + " months", q, a);
                } else if (standard >= 1 && length >= 1 && !winsAgainstOutsiders(w, pr.vacancy(), m)) {
                    event(w, m, VacancyCompetition.ID, "no trial placement", () -> "the employer preferred an "
                            + "applicant from outside the population", q, a);
                } else if (standard >= 1 && length >= 1) {
                    if (length > standard) {
                        totals.trialsExtended++;
                    }
                    market.fill(pr.vacancy(), m, totals);
                    w.trial = new Spells.Trial(pr.vacancy().employer(), q, a, m, length, realisedMatch(pr),
                            pr.vacancy().id());
                    // unpaid work in a job a paid hire may otherwise have filled (E2's risk): attributed at month end
                    Attributing at = new Attributing(w, pr.vacancy().id(), true, Double.NaN, Double.NaN, Double.NaN,
                            Map.of());
                    attributing.add(at);
                    attributingByVacancy.put(pr.vacancy().id(), at);
                    caps.admit(a, w.p.id(), w.trial.employer(), 1, length);
                    totals.trialsStarted++;
                    if (w.status == Status.WW && w.benefit != null) {
                        totals.wwTrialsStarted++;
                    }
                    event(w, m, TrialScreening.ID, "trial placement started", () -> length + " months at "
                            + employerName(w.trial.employer()) + (length > standard ? " (extended beyond the standard "
                            + standard + ", as the rules allow)" : length < allowed ? " (the rules allow " + allowed
                            + "; after " + length + " a trial shows nothing more)" : ""), q, a);
                }
            }
            case COURSE -> startCourse(round, w, pr.course(), q, settled, m);
            default -> throw new IllegalStateException("not a proposal: " + pr.route());
        }
    }

    /**
     * Mechanism trial-screening: UWV grants a trial placement only where the candidate would not have been hired for
     * the work without one (limited chances of work without help; Beleidsregels proefplaatsing UWV), so a trial is
     * asked about only after the employer has turned down the direct hire of a candidate with a small skills gap;
     * whether the employer offers it follows from the rules' answer (its length) in {@link #decide}.
     */
    private void proposeTrial(Round round, Proposal refused, int m) {
        Proposal trial = new Proposal(refused.w(), Route.TRIAL, refused.vacancy(), -1, true, refused.match(), false,
                refused.sSeen(), refused.sTrue(), refused.skills());
        Question tq = proposalQuestion(trial, m);
        round.ask(tq, ta -> decide(round, trial, tq, ta, m));
    }

    /** Mechanism course-uptake: an approved course starts unless the worker must pay and will not. */
    private void startCourse(Round round, Worker w, int course, Question q, TakeUp.Settled settled, int m) {
        Answer a = settled.claimed();
        double pays = -a.netFor(Actor.WORKER, 1);
        boolean loan = a.entitlement("lifelong-learning-credit", 0) > 0;
        CourseUptake.Start start = uptake.start(pays, loan, pays > 0 ? rng.uniform(Stream.SELF_PAY, w.p.id(), m) : 0);
        if (start == CourseUptake.Start.NOT_STARTED) {
            event(w, m, CourseUptake.ID, "course not started", () -> "the worker would pay " + fmt(pays)
                    + (loan ? " (a learning loan was offered)" : ""), q, a);
            return;
        }
        w.course = new Spells.Course(course, q, a, m, m + market.courses[course].months(), -1);
        w.courseUnclaimed = claims(w, m, settled, q);
        if (w.transitionBudget && w.inNotice()) {
            // the route's course during notice: what the old employer pays now is set off against the transition
            // payment, as the worker agreed in writing beforehand (BW 7:673 lid 6; Stb. 2015, 171 art. 2)
            double employerPays = 0;
            for (Answer.PaymentLine p : a.payments()) {
                if (p.type() == PaymentType.COURSE_FEE && p.payer() == Actor.EMPLOYER && p.paidIn(1)) {
                    employerPays += p.amount();
                }
            }
            if (employerPays > 0) {
                w.transitionSpent += employerPays;
                w.transitionConsent = true;
                totals.w2wCourseStarts++;
            }
        }
        caps.admit(a, w.p.id(), -1, 1, horizonSpellMonth(m, 1));
        totals.coursesStarted++;
        if (market.offeredBy(course) != null) {
            totals.countSupport(market.offeredBy(course), Sprints.COURSE_STARTS, 1);
            totals.supportParticipants.merge(market.offeredBy(course), 1, Integer::sum);
        }
        w.everCourse = true;
        ledger.bookCourse(w, m, a, market.courses[course].price());
        if (start == CourseUptake.Start.STARTED_ON_LOAN) {
            // the loan's cost to the lender, which the rules book for a drawn loan only
            ledger.book(w, m, a, Payment.LOAN_DRAWN);
        }
        event(w, m, CourseUptake.ID, "course started", () -> market.courses[course].id() + ", "
                + market.courses[course].months() + " months"
                + (start == CourseUptake.Start.STARTED_ON_LOAN ? ", on a learning loan" : ""), q, a);
        if (w.benefit != null) {
            reaskBenefit(round, w, m);
        }
    }

    /**
     * Mechanism apprenticeship: the training company asks what the apprentice's course costs it (the course as its
     * employee's training), then decides with the hiring chance at apprentice productivity.
     */
    private void askApprenticeship(Round round, Proposal pr, Question hireQ, TakeUp.Settled hire, int m) {
        Worker w = pr.w();
        Answer hireA = hire.claimed();
        int employer = pr.vacancy().employer();
        WorkerFacts asEmployee = facts.facts(w, m, Status.EMPLOYED, 0);
        Question courseQ = question(QuestionType.COURSE, w, m, asEmployee, market.employers[employer].facts,
                market.courses[pr.course()], year(m), false, false, 100, Set.of());
        askWithinCaps(round, courseQ, w, m, (cq, courseAsked) -> {
            if (!pr.vacancy().isOpen() || !w.seeker()) {
                return;
            }
            TakeUp.Settled course = settle(w, employer, courseAsked, m, supportsFor(w, cq, m));
            Answer courseA = course.claimed();
            if (!courseA.allowed()) {
                event(w, m, Apprenticeship.ID, "no apprenticeship", () -> courseA.blockedBy() + ": "
                        + courseA.blocks().get(0).reason(), cq, courseA);
                return;
            }
            CourseFacts c = market.courses[pr.course()];
            double productivity = w.p.wageValuePct() / 100.0 * apprenticeship.firstYearProductivity(c.months());
            Hiring.Offer offer = offer(w, hireQ, hireA, courseA, productivity, match.badChance(true), employer, m);
            double chance = hiring.chance(offer);
            double draw = rng.uniform(Stream.HIRE, w.p.id(), m);
            if (draw < chance && !winsAgainstOutsiders(w, pr.vacancy(), m)) {
                event(w, m, VacancyCompetition.ID, "not taken on as apprentice", () -> "the employer preferred an "
                        + "applicant from outside the population", hireQ, hireA);
            } else if (draw < chance) {
                market.fill(pr.vacancy(), m, totals);
                subsidisedHire(w, hireA, courseA, offer, draw, chance, pr.vacancy().id(), true);
                startJob(w, employer, hireQ, hire, m, false, true, pr.match(), productivity, Apprenticeship.ID,
                        chance);
                w.course = new Spells.Course(pr.course(), cq, courseA, m, m + c.months(), employer);
                w.courseUnclaimed = claims(w, m, course, cq);
                w.bblCourseEnd = w.course.end();
                w.everApprentice = true;
                caps.admit(courseA, w.p.id(), -1, 1, horizonSpellMonth(m, 1));
                totals.apprenticeships++;
                totals.coursesStarted++;
                ledger.bookCourse(w, m, courseA, c.price());
                event(w, m, Apprenticeship.ID, "apprenticeship started", () -> c.id() + ", " + c.months() + " months",
                        cq, courseA);
            } else {
                event(w, m, Apprenticeship.ID, "not taken on as apprentice", () -> "employer's chance " + fmt(chance),
                        hireQ, hireA);
            }
        });
    }

    /**
     * Mechanism hiring (with social-return-demand): the chance that the employer hires, from what the work is worth
     * against what the employer pays under the rules' answer (and the course's, for an apprentice).
     */
    private double hireChance(Worker w, Question q, Answer a, Answer course, double productivity,
            double badMatchRisk, int employer, int m) {
        return hiring.chance(offer(w, q, a, course, productivity, badMatchRisk, employer, m));
    }

    /**
     * The worker's productivity in the vacancy's job as a share of a worker who fits it: the wage value, or in a carved
     * job the share of the carved tasks they can do (mechanism case-sprint).
     */
    private double productivityIn(Worker w, Market.Vacancy v) {
        return v.carved() ? Sprints.carvedProductivity(w.p.wageValuePct() / 100.0,
                market.employers[v.employer()].carving.taskValue()) : w.p.wageValuePct() / 100.0;
    }

    /** What the employer weighs when it decides to hire (see {@link #hireChance}). */
    private Hiring.Offer offer(Worker w, Question q, Answer a, Answer course, double productivity,
            double badMatchRisk, int employer, int m) {
        double normalWage = normalLabourCost(q, a);
        double cost = 0;
        for (int month = 1; month <= MatchQuality.PROBATION_MONTHS; month++) {
            cost -= response.weighedNet(a, month);
            if (course != null) {
                cost -= response.weighedNet(course, month);
            }
        }
        cost /= MatchQuality.PROBATION_MONTHS;
        double credit = a.amount("sroi.credit", 0) + (course == null ? 0 : course.amount("sroi.credit", 0));
        double worth = socialReturn.worth(employer, year(m), a.amount("sroi.obligation", 0), credit);
        if (cooperative.employs(q.employer(), employer)) {
            // pooled employership: the firm pays the cooperative's fee and hands a bad match back (no bad-match risk)
            return new Hiring.Offer(productivity, normalWage, cooperative.fee(cost, normalWage), worth,
                    w.p.disabled(), w.coached(m), 0, true);
        }
        return new Hiring.Offer(productivity, normalWage, cost, worth, w.p.disabled(), w.coached(m), badMatchRisk);
    }

    /** The parts of a hiring decision in words, for the trace: what the work is worth against what it costs. */
    private static String describe(Hiring.Offer o) {
        return "productivity " + fmt(o.productivity()) + " of a normal labour cost of " + fmt(o.normalWage())
                + " a month, net cost " + fmt(o.netCost()) + (o.otherWorth() > 0 ? ", social-return worth "
                        + fmt(o.otherWorth()) : "") + (o.badMatchRisk() > 0 ? ", bad-match risk "
                                + fmt(o.badMatchRisk()) : "");
    }

    /**
     * The job's normal monthly labour cost: the collective-agreement wage (at least the minimum) with holiday
     * allowance and the employer's premiums on it (their share of the wage paid, from the rules' answer).
     */
    private static double normalLabourCost(Question q, Answer a) {
        double minimum = a.amount("minimum-wage.hourly", 0);
        double wagePaid = 0;
        double premiums = 0;
        for (Answer.PaymentLine p : a.payments()) {
            if (p.paidIn(1) && p.payer() == Actor.EMPLOYER) {
                if (p.type() == PaymentType.WAGE) {
                    wagePaid += p.amount();
                } else if (p.type() == PaymentType.EMPLOYER_PREMIUM) {
                    premiums += p.amount();
                }
            }
        }
        return q.monthlyPay(Math.max(q.employer().hourlyWage(), minimum))
                * (1 + (wagePaid > 0 ? premiums / wagePaid : 0));
    }

    // ------------------------------------------------------------------ claims (mechanism: take-up)

    /**
     * Decides which schemes of an answer its claimants claim (see {@link TakeUp#settle}): the national schemes, and
     * each exemption the answer uses that pays the employer or the worker something to claim. The draws are keyed by
     * the worker, the employer and the month {@code month} of the case, so that asking again (a full cap, a new
     * period) decides the same way.
     */
    private TakeUp.Settled settle(Worker w, int employer, Answer a, int month, List<ProcessSupport> helping) {
        List<TakeUp.Scheme> schemes = declaredSchemes;
        if (!a.exemptionsUsed().isEmpty()) {
            schemes = new ArrayList<>(declaredSchemes);
            for (String ex : a.exemptionsUsed()) {
                Actor claimant = TakeUp.exemptionClaimant(ex, a);
                TakeUp.Scheme s = declaredClaims.containsKey(ex) ? declaredClaims.get(ex)
                        : claimant == Actor.EMPLOYER ? employerClaims.get(ex)
                        : claimant == Actor.WORKER ? workerClaims.get(ex) : null;
                if (s != null) {
                    schemes.add(s);
                }
            }
        }
        return takeUp.settle(schemes, a, s -> helping.isEmpty() ? TakeUp.Lever.NONE : TakeUp.Lever.of(helping, s),
                new ClaimDraws(rng, w.p.id(), employer, month), MatchQuality.PROBATION_MONTHS);
    }

    /** The process supports whose scope covers the worker's question in month {@code m}, with room to take them. */
    private List<ProcessSupport> supportsFor(Worker w, Question q, int m) {
        if (supports.none()) {
            return List.of();
        }
        return supports.inScope(q.type(), facts.facts(w, m, w.status), q.employer(), q.course(), monthOf[m],
                w.p.id());
    }

    /** Counts the claims of a hire or course that starts, and returns what its unclaimed schemes would have paid. */
    private List<TakeUp.Unclaimed> claims(Worker w, int m, TakeUp.Settled settled, Question q) {
        totals.takeUp.decided(settled);
        if (!supports.none()) {
            supports.started(supportsFor(w, q, m), settled.outcomes().keySet(), w.p.id(), m, totals);
        }
        if (traced(w)) {
            settled.outcomes().forEach((scheme, o) -> {
                if (o != TakeUp.Outcome.CLAIMED) {
                    trace.event(m, "not claimed", scheme + ": " + (o == TakeUp.Outcome.UNAWARE
                            ? "the claimant did not know it" : "not worth the hassle"), TakeUp.ID, q, settled.claimed());
                }
            });
        }
        return settled.unclaimed();
    }

    /** The scheme a booked payment line pays its claimant under, or null: what the take-up table counts as paid. */
    private String schemeOf(Answer.PaymentLine p) {
        if (p.payee() != Actor.EMPLOYER && p.payee() != Actor.WORKER) {
            return null;
        }
        TakeUp.Scheme s = schemeByRule.get(p.ruleId());
        if (s != null) {
            return s.claimant() == p.payee() ? s.id() : null;
        }
        return p.exemption() != null && TakeUp.claimable(p) && (employerClaims.containsKey(p.exemption())
                || declaredClaims.containsKey(p.exemption())) ? p.exemption() : null;
    }

    /** Counts what the unclaimed schemes of a spell would have paid its claimants in spell month {@code spellMonth}. */
    private void bookUnclaimed(List<TakeUp.Unclaimed> unclaimed, int spellMonth) {
        for (TakeUp.Unclaimed u : unclaimed) {
            Answer.PaymentLine p = u.line();
            if (p.paidIn(spellMonth) && (p.payee() == Actor.EMPLOYER || p.payee() == Actor.WORKER)) {
                totals.takeUp.unclaimed(u.scheme(), p.amount());
            }
        }
    }

    // ------------------------------------------------------------------ jobs, trials, courses

    /**
     * Starts a job. {@code firstYear} is the worker's productivity in the job over its first year as a share of a
     * worker who fits it (before the match), from which the work's value to the employer follows.
     */
    private void startJob(Worker w, int employer, Question q, TakeUp.Settled settled, int m, boolean afterTrial,
            boolean apprentice, double quality, double firstYear, String mechanism, double chance) {
        Answer a = settled.claimed();
        if (w.inCourse() && !apprentice) {
            event(w, m, null, "course dropped", "found a job", null, null);
            stopCourse(w, m);
        }
        double worth = quality * (1 - hiring.sicknessShare(w.p.disabled())) * normalLabourCost(q, a);
        if (w.status == Status.WW && w.benefit != null) {
            totals.wwExitsToWork++;
        }
        Market.EmployerState at = market.employers[employer];
        // a carved job's question names the employer with the carved wage: the worker does the carved tasks
        double later = at.carvedFacts != null && q.employer() == at.carvedFacts
                ? Sprints.carvedProductivity(w.p.wageValuePct() / 100.0, at.carving.taskValue())
                : w.p.wageValuePct() / 100.0;
        if (cooperative.employs(q.employer(), employer)) {
            cooperative.placed(w, w.status, totals);
        }
        w.job = new Spells.Job(employer, q, a, m, w.status, afterTrial, apprentice, quality,
                new Spells.Job.Value(firstYear * worth, later * worth));
        if (pilot != null) {
            pilot.hired(w.p.id(), employer, m);
        }
        w.jobUnclaimed = claims(w, m, settled, q);
        totals.hires++;
        if (w.education.level() < market.employers[employer].requiredEducation.level()) {
            totals.hiresBelowRequiredEducation++;
        }
        if (jobSkills != null) {
            totals.skillHires++;
            totals.skillDistanceAtHire += SkillDistance.of(w.skills, jobSkills[employer]).d();
        }
        w.lastEmployer = employer;
        w.bblCourseEnd = -1;
        w.sideJob = null;
        if (w.benefit != null && w.leftBenefit < 0) {
            w.leftBenefit = m;
        }
        w.destination = destinations.categories(at.group, at.facts.technical(), wageRatio(a, at));
        // the benefit's net in its last month before the job (its first, when it began this month)
        double benefitLeft = w.benefit == null ? 0
                : Ledger.netToWorker(w.benefit.answer(), Math.max(1, w.benefit.spellMonth(m - 1)));
        w.benefit = null;
        caps.admit(a, w.p.id(), employer, 1, horizonSpellMonth(m, 1));
        // social-return credit the rules grant the employer for this placement (SROI)
        double credit = a.amount("sroi.credit", 0);
        totals.sroiCredits += credit;
        socialReturn.earn(employer, year(m), credit);
        if (w.noticeEnd >= 0) {
            // a move during the notice period: the worker resigns to take the job, so no transition payment is owed
            w.noticeEnd = -1;
            w.transitionSpent = 0;
            w.transitionConsent = false;
            w.transitionBudget = false;
            totals.movedInNotice++;
        }
        if (w.firstPlacement < 0) {
            w.firstPlacement = m;
            if (w.everSeeker) {
                totals.placements++;
                totals.placementsByMonth[m]++;
                for (int c : w.destination) {
                    destinationCells[c][0]++;
                }
                double inWork = Ledger.netToWorker(a, 1);
                totals.income[0] += Ledger.grossWage(a, 1);
                totals.income[1] += benefitLeft;
                totals.income[2] += inWork;
                totals.income[3] += inWork - benefitLeft;
                totals.income[4] += inWork - benefitLeft <= 0 ? 1 : 0;
                totals.income[5]++;
                totals.monthsToPlacement += m - Math.max(0, w.seekerSince);
            } else {
                totals.workToWork++;
            }
        }
        event(w, m, mechanism, "hired", () -> employerName(employer) + (apprentice ? " as apprentice" : "")
                + ", employer's chance " + fmt(chance), q, a);
    }

    /**
     * A job's hourly wage over the minimum wage for the worker's age, from the rules' answer (wage.hourly and
     * minimum-wage.hourly); from the employer's offered wage when the answer lacks either (no shipped rule path does).
     */
    private static double wageRatio(Answer a, Market.EmployerState at) {
        double wage = a.amount("wage.hourly", Double.NaN);
        double minimum = a.amount("minimum-wage.hourly", Double.NaN);
        if (!(wage > 0) || !(minimum > 0)) {
            wage = at.facts.hourlyWage();
            minimum = a.amount("minimum-wage.hourly", wage);
        }
        return wage / minimum;
    }

    /**
     * Mechanism retirement: a worker who reaches the state pension age (parameter aow.age of the rules, dated)
     * leaves the labour market: a job ends, a benefit stops (the state pension takes over), nobody looks for work.
     */
    private boolean retires(Worker w, int m) {
        if (w.p.ageInMonthsAt(m) < pensionAgeMonths[m]) {
            return false;
        }
        if (w.employed()) {
            closeJob(w, m, RETIREMENT, ", state pension age");
        }
        if (w.inTrial()) {
            caps.leave(w.trial.answer(), w.trial.employer(), m - w.trial.start() + 1, w.trial.months());
            w.trial = null;
        }
        event(w, m, RETIREMENT, "reached the state pension age", () -> fmt(pensionAgeMonths[m] / 12.0) + " years", null,
                null);
        leave(w, m);
        totals.retirements++;
        return true;
    }

    /** The rules' parameter that turns a WW daily wage into a monthly wage (the transition payment's base). */
    static final String DAYS_PER_MONTH = "ww.days-per-month";

    /**
     * The employer outside the simulated ones announces the dismissal of a worker in a declining occupation (the
     * layoff draw): the rules say how long the notice period is (BW 7:672), and the worker stays in work, searching,
     * until it ends. The announcement month is the same in every variant (common random numbers); a variant can only
     * change what happens during the notice.
     */
    private void announceDismissal(Round round, Worker w, int m) {
        Question q = question(QuestionType.DISMISSAL, w, m, facts.facts(w, m, Status.EMPLOYED), null, null, year(m),
                false, false, 100, Set.of());
        round.ask(q, a -> {
            if (!w.atRisk() || w.noticeEnd >= 0) {
                return;
            }
            int notice = (int) Math.round(a.entitlement(NOTICE_MONTHS, 0));
            w.noticeEnd = m + notice;
            w.dismissalAnnounced = m;
            totals.dismissalsAnnounced++;
            event(w, m, JobLoss.ID, "dismissal announced", () -> "declining occupation; " + notice
                    + " months' notice", q, a);
            if (!supports.none()) {
                startRoute(round, w, m);
            }
        });
    }

    /**
     * Mechanism work-to-work: a work-to-work route (P2) in the variant, whose scope covers the dismissal and whose cap
     * has room, takes the worker on for the notice period: coaching, then a secondment or a course on the transition
     * budget.
     */
    private void startRoute(Round round, Worker w, int m) {
        long id = w.p.id();
        ProcessSupport route = WorkToWork.route(supports.inScope(QuestionType.DISMISSAL,
                facts.facts(w, m, Status.EMPLOYED), null, null, monthOf[m], w.p.id()));
        if (route == null || !supports.admit(route, w.p.id(), m, totals)) {
            return;
        }
        w.coachedUntil = Math.max(w.coachedUntil, w.noticeEnd);
        w.transitionBudget = true;
        event(w, m, WorkToWork.ID, "work-to-work route", () -> route.id() + ": coached until the notice ends", null,
                null);
        if (workToWork.seeksSecondment(route, monthOf[m], rng.uniform(Stream.W2W_SECONDMENT, id, m))) {
            List<Market.Vacancy> hosts = new ArrayList<>();
            for (Market.Vacancy v : market.openAll()) {
                if (WorkToWork.suitsHost(market, v, w.education)) {
                    hosts.add(v);
                }
            }
            if (!hosts.isEmpty()) {
                Market.Vacancy v = hosts.get((int) (rng.uniform(Stream.W2W_HOST, id, m) * hosts.size()));
                int length = workToWork.secondmentMonths(route, monthOf[m]);
                double quality = match.factor(rng.normal(Stream.MATCH, Stream.MATCH_2, id, m), true);
                market.fill(v, m, totals);
                w.secondment = new Spells.Secondment(v.employer(), m, length, quality, v.id());
                // the old employer keeps paying the wage: the notice period runs on to the secondment's end
                w.noticeEnd = Math.max(w.noticeEnd, w.secondment.end());
                totals.secondments++;
                event(w, m, WorkToWork.ID, "secondment started", () -> length + " months at "
                        + employerName(v.employer()), null, null);
                return;
            }
        }
        if (!w.inCourse() && workToWork.offersCourse(route, monthOf[m], rng.uniform(Stream.W2W_COURSE, id, m))) {
            int c = market.shortageCourseFor(w.education);
            if (c >= 0) {
                WorkerFacts wf = facts.facts(w, m, Status.EMPLOYED).withCoursePayer(
                        nl.fieldlab.sandbox.domain.CoursePayer.OWN_EMPLOYER);
                Question cq = question(QuestionType.COURSE, w, m, wf, null, market.courses[c], year(m), false, false,
                        100, Set.of());
                Proposal pr = new Proposal(w, Route.COURSE, null, c, false, 1);
                event(w, m, WorkToWork.ID, "offered a course", () -> "on the transition budget: "
                        + market.courses[c].id(), null, null);
                round.ask(cq, a -> decide(round, pr, cq, a, m));
            }
        }
    }

    /**
     * The secondment ends: the host decides whether to hire, having seen the match (as after a trial placement, so
     * without the price of a bad match it has ruled out); if not, the vacancy opens again and, the notice being over,
     * the worker is laid off.
     */
    private void endSecondment(Round round, Worker w, int m) {
        Spells.Secondment s = w.secondment;
        w.secondment = null;
        Question asked = question(QuestionType.HIRE, w, m, facts.facts(w, m, w.status),
                market.employers[s.employer()].facts, null, year(m), false, false, 100, Set.of());
        askWithinCaps(round, asked, w, m, (q, answered) -> {
            if (!w.atRisk()) {
                return;
            }
            if (answered.allowed()) {
                TakeUp.Settled settled = settle(w, s.employer(), answered, m, supportsFor(w, q, m));
                Answer a = settled.claimed();
                double skill = w.p.wageValuePct() / 100.0 * screening.firstYearSkill(s.months(), true);
                double productivity = skill * screening.learntMatch(s.months(), s.match());
                double risk = match.badChance(true) * (1 - screening.learnt(s.months()));
                Hiring.Offer offer = offer(w, q, a, null, productivity, risk, s.employer(), m);
                double chance = hiring.chance(offer);
                double draw = rng.uniform(Stream.TRIAL_CONVERT, w.p.id(), m);
                if (draw < chance) {
                    totals.secondmentsHired++;
                    subsidisedHire(w, a, null, offer, draw, chance, s.vacancy(), false);
                    startJob(w, s.employer(), q, settled, m, false, false, s.match(), skill, WorkToWork.ID, chance);
                    return;
                }
                event(w, m, WorkToWork.ID, "secondment ended without a job", () -> "host's chance " + fmt(chance),
                        q, a);
            }
            market.open(market.employers[s.employer()], m);
            if (w.noticeEnd >= 0 && m >= w.noticeEnd) {
                layOff(round, w, m);
            }
        });
    }

    /**
     * The notice period is over: the job ends and the worker claims WW. The rules are asked again with the facts at
     * the end (years of service then, training costs set off with the worker's consent), and the employer pays the
     * transition payment they owe (BW 7:673) in this month.
     */
    private void layOff(Round round, Worker w, int m) {
        Question q = question(QuestionType.DISMISSAL, w, m, facts.facts(w, m, Status.EMPLOYED), null, null, year(m),
                false, false, 100, Set.of());
        w.noticeEnd = -1;
        w.unemployedSince = m;
        w.entryStatus = Status.WW;
        w.weeksWorkedLast36 = 36;
        totals.layoffs++;
        round.ask(q, a -> {
            ledger.book(w, m, a, 1);
            totals.transitionOffset += a.amount(TRANSITION_OFFSET, 0);
            event(w, m, null, "laid off", () -> "declining occupation, at the end of the notice period; "
                    + "transition payment net of its wage tax " + fmt(a.netFor(Actor.WORKER, 1))
                    + (a.amount(TRANSITION_OFFSET, 0) > 0 ? " after " + fmt(a.amount(TRANSITION_OFFSET, 0))
                    + " of training set off" : ""), q, a);
        });
        w.transitionSpent = 0;
        w.transitionConsent = false;
        w.transitionBudget = false;
        becomeSeeker(w, m);
        claim(round, w, Status.WW, m, m);
    }

    /** The entitlement the rules set for the notice period of a dismissal, and the amount of training set off. */
    static final String NOTICE_MONTHS = "notice.months";
    static final String TRANSITION_OFFSET = "transition.offset";

    /** The rules' parameter for the state pension age (AOW), in years. */
    static final String STATE_PENSION_AGE = nl.fieldlab.sandbox.rules.RuleLibrary.STATE_PENSION_AGE;
    static final String RETIREMENT = "retirement";

    private void endJob(Round round, Worker w, int m, String mechanism, String why) {
        boolean member = cooperative.employs(w.job.question().employer(), w.job.employer());
        double wageBill = member ? normalLabourCost(w.job.question(), w.job.answer()) : 0;
        closeJob(w, m, mechanism, why);
        if (member && cooperative.bench(w, m, wageBill)) {
            event(w, m, Cooperative.ID, "on the cooperative's bench", "employed by the cooperative between placements",
                    null, null);
            return;
        }
        w.unemployedSince = m;
        w.entryStatus = Status.WW;
        becomeSeeker(w, m);
        claim(round, w, Status.WW, m, m);
    }

    /** Ends the worker's job: its later payments are no longer owed, and the months worked count. */
    private void closeJob(Worker w, int m, String mechanism, String why) {
        Spells.Job job = w.job;
        event(w, m, mechanism, "job ended", () -> "after " + (m - job.start()) + " months at " + employerName(job.employer())
                + why, null, null);
        caps.leave(job.answer(), job.employer(), job.jobMonth(m), horizonSpellMonth(job.start(), 1));
        w.jobUnclaimed = List.of();
        int worked = m - job.start();
        w.monthsWorked += worked;
        w.weeksWorkedLast36 = (int) Math.min(36, Math.round(worked * 52 / 12.0));
        w.yearsWorkedLast5 = Math.min(5, w.yearsWorkedLast5 + worked / 12);
        if (w.firstJobEnd < 0 && w.firstPlacement >= 0) {
            w.firstJobEnd = m;
        }
        if (w.inCourse() && w.course.apprenticeship()) {
            // the apprentice left the course with the job (bbl-contract, or the state pension age)
            totals.apprenticeshipsEnded++;
            stopCourse(w, m);
        }
        w.bblCourseEnd = -1;
        w.job = null;
    }

    /**
     * Mechanism trial-screening: at the end of the trial the employer hires with the hiring chance at the
     * productivity it has seen (job-specific skill gained, the match it has learnt).
     */
    private void endTrial(Round round, Worker w, int m) {
        Spells.Trial t = w.trial;
        caps.leave(t.answer(), t.employer(), t.months() + 1, t.months());
        w.trial = null;
        totals.trialsEnded++;
        Question asked = question(QuestionType.HIRE, w, m, facts.facts(w, m, w.status),
                market.employers[t.employer()].facts, null, year(m), false, true, 100, Set.of());
        askWithinCaps(round, asked, w, m, (q, answered) -> {
            if (!answered.allowed()) {
                event(w, m, TrialScreening.ID, "trial ended without a job", () -> answered.blockedBy(), q, answered);
                reopen(t, m);
                return;
            }
            // mechanism take-up: what the employer would not claim does not weigh in its decision to hire
            TakeUp.Settled settled = settle(w, t.employer(), answered, m, supportsFor(w, q, m));
            Answer a = settled.claimed();
            double skill = w.p.wageValuePct() / 100.0 * screening.firstYearSkill(t.months(), true);
            double productivity = skill * screening.learntMatch(t.months(), t.match());
            // what the trial has shown is no longer a risk; what it has not shown still is
            double risk = match.badChance(true) * (1 - screening.learnt(t.months()));
            Hiring.Offer offer = offer(w, q, a, null, productivity, risk, t.employer(), m);
            double chance = hiring.chance(offer);
            double draw = rng.uniform(Stream.TRIAL_CONVERT, w.p.id(), m);
            if (draw < chance) {
                totals.trialsConverted++;
                if (m + TRIAL_RETENTION_MONTHS <= months - 1) {
                    totals.trialRetentionEligible++;
                }
                // without the hire the employer would need the work done again: the trial's vacancy decides by whom
                subsidisedHire(w, a, null, offer, draw, chance, t.vacancy(), false);
                startJob(w, t.employer(), q, settled, m, true, false, t.match(), skill, TrialScreening.ID, chance);
            } else {
                event(w, m, TrialScreening.ID, "trial ended without a job", () -> "employer's chance " + fmt(chance)
                        + " after seeing the match (" + fmt(t.match()) + "): " + describe(offer), q, a);
                reopen(t, m);
            }
        });
    }

    /**
     * Mechanism vacancies: a trial that ends without a hire leaves the work it was for undone, so the employer opens
     * the vacancy again (a new one, with its own draws), as it would have stayed open had no trial filled it.
     */
    private void reopen(Spells.Trial t, int m) {
        market.open(market.employers[t.employer()], m);
        totals.vacanciesReopened++;
    }

    /** Mechanism course-completion: the course ends completed or not; completed, it changes field and education. */
    private void endCourse(Round round, Worker w, int m) {
        Spells.Course course = w.course;
        CourseFacts c = market.courses[course.course()];
        if (course.apprenticeship()) {
            totals.apprenticeshipsEnded++;
        }
        double chance = completion.chance(w.benefit == null ? 0 : w.benefit.searchDutyShareOf(c.months()),
                course.apprenticeship(), market.completion(course.course()));
        if (rng.uniform(Stream.COURSE_COMPLETE, w.p.id(), m) < chance) {
            totals.coursesCompleted++;
            if (course.apprenticeship()) {
                totals.apprenticeshipsCompleted++;
                w.bblCompletedAt = m;
            }
            w.field = market.fieldIndex(c.field());
            boolean skillsCourse = scenario.courses().get(course.course()).skillsCourse();
            if (courseSkills != null) {
                // mechanism skill-distance: the course teaches its skills; a short skills course gives no diploma
                w.skills = w.skills.plus(courseSkills[course.course()]);
            }
            if (skillsCourse) {
                totals.skillsCoursesCompleted++;
            } else if (c.level().level() > w.education.level()) {
                w.education = c.level();
            }
            w.freshStart = m; // a new qualification: employers look at it, not at the months it took
            event(w, m, CourseCompletion.ID, "course completed", () -> c.id(), null, null);
            // what the rules grant for a completed course falls due now, in the spell month after the course's last: a
            // social-return credit per completed certificate (not money, counted only), and any payment on completion
            double credit = course.answer().amount("sroi.credit", 0);
            totals.sroiCredits += credit;
            if (course.apprenticeship()) {
                socialReturn.earn(course.employer(), year(m), credit);
            }
            ledger.bookCompletion(w, m, course.answer(), c.months() + 1);
        } else {
            event(w, m, CourseCompletion.ID, "course not completed", () -> c.id() + ", chance " + fmt(chance), null, null);
        }
        stopCourse(w, m);
        if (w.benefit != null) {
            reaskBenefit(round, w, m);
        }
    }

    /**
     * Whether a later study year of the course begins in course month {@code courseMonth}: its answer has a fee or
     * grant instalment (a one-off training payment) falling due then, after the first month.
     */
    private static boolean studyYearBegins(Spells.Course c, int courseMonth) {
        if (courseMonth <= 1) {
            return false;
        }
        for (Answer.PaymentLine p : c.answer().payments()) {
            if (p.fromMonth() == courseMonth && p.toMonth() == courseMonth
                    && p.type().category() == PaymentType.Category.TRAINING) {
                return true;
            }
        }
        return false;
    }

    /**
     * A later study year begins: the course question is asked again with the worker's facts now, and the study
     * year's instalments (and everything after) are booked from the new answer, so that whoever the law and the
     * scenario make the payer now pays it (a worker laid off in the first year pays the second on WW, not the former
     * employer). Asking again rather than carrying the first payer on keeps the payer's decision in the rules and lets
     * every fact they read count. An apprentice is asked about as the training company's employee, as at the start
     * (the apprenticeship ends with the job). Deterministic: the question depends only on the worker's state this
     * month, and answers are applied in the order asked.
     */
    private void reaskCourse(Round round, Worker w, int m) {
        Spells.Course old = w.course;
        Question oq = old.question();
        // the payer chosen when the course began (the scenario's, or the worker's own initiative) stays chosen
        WorkerFacts f = (old.apprenticeship() ? facts.facts(w, m, Status.EMPLOYED, 0) : facts.facts(w, m, w.status))
                .withCoursePayer(oq.worker().coursePayer());
        EmployerFacts ef = old.apprenticeship() ? market.employers[old.employer()].facts : null;
        // an exemption in force when the course began keeps its commitments to the course's later study years (its
        // period is judged at the start, as when every year was booked then); whether it covers the worker, and who
        // pays under the law, is judged on the worker's facts now
        Question q = question(QuestionType.COURSE, w, m, f, ef, oq.course(), oq.startYear(), false, false, 100,
                oq.exemptions(), Math.max(0, old.start()));
        round.ask(q, asked -> {
            if (w.course != old) {
                return;
            }
            TakeUp.Settled settled = settle(w, old.employer(), asked, Math.max(0, old.start()),
                    supports.joined(w.p.id()));
            Answer a = settled.claimed();
            w.courseUnclaimed = settled.unclaimed();
            int courseMonth = old.courseMonth(m);
            caps.leave(old.answer(), -1, courseMonth, horizonSpellMonth(old.start(), 1));
            w.course = old.reassessed(q, a);
            caps.admit(a, w.p.id(), -1, courseMonth, horizonSpellMonth(old.start(), 1));
            event(w, m, null, "course re-assessed", () -> "study year beginning in course month " + courseMonth
                    + ": asked again with the worker's facts now (" + f.status() + ")", q, a);
        });
    }

    /** Ends the course: the fees and grants of its later study years are no longer owed. */
    private void stopCourse(Worker w, int m) {
        Spells.Course c = w.course;
        caps.leave(c.answer(), -1, c.courseMonth(m) + 1, horizonSpellMonth(c.start(), 1));
        w.course = null;
        w.courseUnclaimed = List.of();
    }

    private void leave(Worker w, int m) {
        w.active = false;
        if (w.leftBenefit < 0) {
            w.leftBenefit = m;
        }
        w.benefit = null;
        w.sideJob = null;
        if (w.inCourse()) {
            stopCourse(w, m);
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
        w.sideJob = null;
        int unemployedAtStart = Math.max(0, spellStart - w.unemployedSince);
        WorkerFacts f = facts.facts(w, m, status, unemployedAtStart);
        Question q = question(QuestionType.BENEFIT, w, m, f, null, courseOf(w), year(Math.max(0, spellStart)), false,
                false, 100, Set.of());
        int fromSpellMonth = Math.max(1, m - spellStart + 1);
        askWithinCaps(round, q, w, m, fromSpellMonth, horizonSpellMonth(spellStart, 1), (asked, a) -> {
            if (w.targetGroups == null) {
                // target groups for the who-benefits tables: those of the first benefit claim, before any outcome
                w.targetGroups = new TreeSet<>();
                a.groups().forEach(g -> w.targetGroups.add(g.group()));
            }
            if (a.allowed()) {
                w.benefit = new Spells.Benefit(status, asked, a, f, spellStart, 0, 0);
                caps.admit(a, w.p.id(), -1, fromSpellMonth, horizonSpellMonth(spellStart, 1));
                event(w, m, null, status + " granted", () -> spellStart < m ? "spell started before the simulation" : "",
                        asked, a);
                askKeepShare(round, w, m);
            } else {
                event(w, m, null, status + " refused", () -> a.blockedBy() + ": " + a.blocks().get(0).reason(), asked, a);
                w.benefit = null;
                if (status == Status.WW) {
                    claim(round, w, Status.BIJSTAND, m, m);
                } else {
                    w.status = Status.NONE;
                }
            }
        });
    }

    private void reaskBenefit(Round round, Worker w, int m) {
        Spells.Benefit old = w.benefit;
        if (old == null) {
            return;
        }
        WorkerFacts f = old.facts().withAge(w.p.ageAt(m)).withEarnings(
                w.sideJob == null ? 0 : w.sideJob.earnings(), w.sideJob == null ? 0 : w.sideJob.benefitMonth());
        Question q = question(QuestionType.BENEFIT, w, m, f, null, courseOf(w), old.question().startYear(), false,
                false, 100, old.question().exemptions());
        round.ask(q, a -> {
            if (w.benefit != old) {
                return;
            }
            if (!a.allowed() && w.sideJob != null) {
                // the part-time job would end the benefit (earnings above the limit): the worker does not take it
                event(w, m, SideJobs.ID, "part-time job left", () -> a.blockedBy() + ": " + a.blocks().get(0).reason(), q,
                        a);
                w.sideJob = null;
                reaskBenefit(round, w, m);
                return;
            }
            int spellMonth = old.spellMonth(m);
            caps.leave(old.answer(), -1, spellMonth, horizonSpellMonth(old.start(), 1));
            w.benefit = old.reassessed(q, a);
            caps.admit(a, w.p.id(), -1, spellMonth, horizonSpellMonth(old.start(), 1));
            if (!a.equals(old.answer())) {
                event(w, m, null, "benefit re-assessed", () -> w.sideJob == null ? "" : "earnings "
                        + fmt(w.sideJob.earnings()), q, a);
            }
        });
    }

    /**
     * What a part-time job would leave the worker (mechanism side-jobs): the benefit asked again with the earnings of
     * a typical part-time job, once per benefit spell.
     */
    private void askKeepShare(Round round, Worker w, int m) {
        Spells.Benefit b = w.benefit;
        if (sideJobs.startChance(b.status(), sideJobs.referenceKeep()) <= 0) {
            return;
        }
        double earnings = sideJobEarnings(m);
        int spellMonth = Math.max(1, b.spellMonth(m));
        WorkerFacts f = b.facts().withAge(w.p.ageAt(m)).withEarnings(earnings, spellMonth);
        Question q = question(QuestionType.BENEFIT, w, m, f, null, null, b.question().startYear(), false, false, 100,
                b.question().exemptions());
        round.ask(q, a -> {
            if (w.benefit != b) {
                return;
            }
            double keep = 0;
            if (a.allowed()) {
                double lost = b.answer().netFor(Actor.WORKER, spellMonth) - a.netFor(Actor.WORKER, spellMonth);
                keep = Math.max(0, Math.min(1, (earnings - lost) / earnings));
            }
            w.benefit = b.withKeepShare(keep);
        });
    }

    private void reaskJob(Round round, Worker w, int m) {
        Spells.Job old = w.job;
        Question oq = old.question();
        Question q = question(QuestionType.HIRE, w, m, oq.worker().withAge(w.p.ageAt(m)), oq.employer(), oq.course(),
                oq.startYear(), oq.formerEmployee(), oq.afterTrial(), oq.rampUpPct(), oq.exemptions());
        round.ask(q, asked -> {
            if (w.job == old) {
                // the claims of the hire stand: the same draws as at its start decide the new answer's schemes
                TakeUp.Settled settled = settle(w, old.employer(), asked, old.start(), supports.joined(w.p.id()));
                Answer a = settled.claimed();
                caps.leave(old.answer(), -1, old.jobMonth(m), horizonSpellMonth(old.start(), 1));
                w.job = old.reassessed(q, a);
                w.jobUnclaimed = settled.unclaimed();
                caps.admit(a, w.p.id(), -1, old.jobMonth(m), horizonSpellMonth(old.start(), 1));
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
        return w.inCourse() && !w.course.apprenticeship() ? market.courses[w.course.course()] : null;
    }

    // ------------------------------------------------------------------ money

    /** Books this month's payments of every spell. */
    private void book(int m) {
        // the fiscal gain of a work-month is measured over the horizon's last year (the terminal value prices the
        // employment gap left at the horizon with it)
        boolean fiscalWindow = m >= months - RunTotals.FISCAL_WINDOW_MONTHS;
        for (Worker w : workers) {
            double before = w.publicCost;
            if (!w.employed() && cooperative.onBench(w, m)) {
                cooperative.bookBench(w, m, totals);
            }
            if (w.benefit != null && !w.employed()) {
                ledger.book(w, m, w.benefit.answer(), w.benefit.spellMonth(m));
                if (w.benefit.clockPaused() && w.inCourse()) {
                    w.benefit = w.benefit.pausedOneMonth();
                }
            }
            if (fiscalWindow && w.everSeeker && !w.employed()) {
                totals.fiscalOutOfWork(w.publicCost - before);
            }
            followUp(w, m);
            if (w.p.status() == Status.EMPLOYED && w.seeker()) {
                // a worker who started the run in work and is now out of it: what work-to-work tries to prevent,
                // and which the job seekers' metrics cannot show (a move before unemployment makes no job seeker)
                totals.atRiskMonthsOutOfWork++;
            }
            if (w.employed()) {
                before = w.publicCost;
                ledger.book(w, m, w.job.answer(), w.job.jobMonth(m));
                if (cooperative.employs(w.job.question().employer(), w.job.employer())) {
                    cooperative.book(w, m, w.job.answer(), w.job.jobMonth(m),
                            normalLabourCost(w.job.question(), w.job.answer()),
                            hiring.sicknessShare(w.p.disabled()), totals);
                }
                if (fiscalWindow && w.everSeeker) {
                    totals.fiscalInWork(w.publicCost - before);
                }
                bookUnclaimed(w.jobUnclaimed, w.job.jobMonth(m));
                if (w.everSeeker) {
                    totals.outputValue += w.job.value().in(w.job.jobMonth(m));
                    totals.monthsInWork++;
                    totals.employedByMonth[m]++;
                    if (w.destination != null) {
                        for (int c : w.destination) {
                            destinationCells[c][1]++;
                        }
                    }
                }
            }
            if (w.sideJob != null) {
                totals.sideJobMonths++;
            }
            if (w.inCourse()) {
                // a fee or grant of a later study year falls due in its course month (the first is booked at the start)
                int courseMonth = w.course.courseMonth(m);
                bookUnclaimed(w.courseUnclaimed, courseMonth);
                if (courseMonth > 1) {
                    ledger.book(w, m, w.course.answer(), courseMonth);
                }
                if (!w.employed()) {
                    totals.monthsInCourse++;
                }
            }
            if (w.inTrial()) {
                totals.monthsOnTrial++;
            }
        }
    }

    /** Months after a trial converts at which the job counts as retained (a year, as the published figure). */
    static final int TRIAL_RETENTION_MONTHS = 12;

    /**
     * Counts the follow-ups the evidence rows need, in the month they fall due: a BBL graduate in work
     * {@link Metrics#GRADUATE_FOLLOW_UP_MONTHS} months after completing, and a job that followed a trial still held in
     * its twelfth month (it has lasted a year unless it ends in the next month's separation draws).
     */
    private void followUp(Worker w, int m) {
        if (w.bblCompletedAt >= 0 && m == w.bblCompletedAt + Metrics.GRADUATE_FOLLOW_UP_MONTHS) {
            totals.bblGraduatesFollowed++;
            totals.bblGraduatesInWork += w.employed() ? 1 : 0;
        }
        if (w.employed() && w.job.afterTrial() && m == w.job.start() + TRIAL_RETENTION_MONTHS - 1
                && w.job.start() + TRIAL_RETENTION_MONTHS <= months - 1) {
            totals.trialRetained12m++;
        }
    }

    // ------------------------------------------------------------------ facts and questions

    private Question question(QuestionType type, Worker w, int m, WorkerFacts wf, EmployerFacts ef, CourseFacts cf,
            int startYear, boolean formerEmployee, boolean afterTrial, int rampUpPct, Set<String> held) {
        return question(type, w, m, wf, ef, cf, startYear, formerEmployee, afterTrial, rampUpPct, held, m);
    }

    /** The same, with the exemptions' periods judged in month {@code scopeMonth} (see {@link #reaskCourse}). */
    private Question question(QuestionType type, Worker w, int m, WorkerFacts wf, EmployerFacts ef, CourseFacts cf,
            int startYear, boolean formerEmployee, boolean afterTrial, int rampUpPct, Set<String> held,
            int scopeMonth) {
        YearMonth month = monthOf[scopeMonth];
        if (factsObserver != null) {
            factsObserver.accept(wf);
        }
        int employer = ef == null ? -1 : market.indexOf(ef);
        // exemption scope is decided on the full facts; the rules see only the facts they can read
        Set<String> scope = rules.inScope(type, wf, ef, cf, month, (ex, e) -> held.contains(ex.id())
                || (!ex.scope().cohort() || w.coached(m))
                        && caps.hasRoom(ex, w.p.id(), employer, ef == null ? 0 : ef.staff())
                        && assignment.offered(ex, w.p, employer, m));
        int counterfactual = type == QuestionType.HIRE && w.coached(m) && rules.usage().mentions("counterfactualPct")
                ? (int) Math.round(100 * predictedChance(w, m)) : 0;
        Question q = new Question(type, periodOf[m], startYear, rules.usage().relevant(type, wf), ef, cf,
                formerEmployee, afterTrial, rampUpPct, counterfactual, scope, rules.parameters(periodOf[m], scope));
        reach.asked(q, w.p);
        return q;
    }

    /**
     * Asks a question and hands the answer on, but first drops from its scope every exemption whose caps cannot take
     * it (a budget that cannot pay what the answer schedules for the rest of the horizon, a full participants cap,
     * an employer at its staff share), asking again without it and counting the refusal.
     */
    private void askWithinCaps(Round round, Question q, Worker w, int m, BiConsumer<Question, Answer> then) {
        askWithinCaps(round, q, w, m, 1, horizonSpellMonth(m, 1), then);
    }

    /** The same, for a spell whose months {@code fromSpellMonth} to {@code toSpellMonth} are still to come. */
    private void askWithinCaps(Round round, Question q, Worker w, int m, int fromSpellMonth, int toSpellMonth,
            BiConsumer<Question, Answer> then) {
        round.ask(q, a -> {
            int employer = q.employer() == null ? -1 : market.indexOf(q.employer());
            Set<String> over = caps.over(a, w.p.id(), employer, q.employer() == null ? 0 : q.employer().staff(),
                    fromSpellMonth, toSpellMonth);
            if (over.isEmpty()) {
                then.accept(q, a);
                return;
            }
            over.forEach(caps::refused);
            Set<String> without = new TreeSet<>(q.exemptions());
            without.removeAll(over);
            askWithinCaps(round, withScope(q, without, m), w, m, fromSpellMonth, toSpellMonth, then);
        });
    }

    /** The same question with another exemption scope (a budget that cannot pay it). */
    private Question withScope(Question q, Set<String> scope, int m) {
        return new Question(q.type(), q.month(), q.startYear(), q.worker(), q.employer(), q.course(),
                q.formerEmployee(), q.afterTrial(), q.rampUpPct(), q.counterfactualPct(), scope,
                rules.parameters(periodOf[m], scope));
    }

    /** The last spell month of a spell that began in month {@code start} (spell month 1) within the horizon. */
    private int horizonSpellMonth(int start, int startSpellMonth) {
        return months - start + startSpellMonth - 1;
    }

    private int year(int m) {
        return scenario.start().plusMonths(m).getYear();
    }

    // ------------------------------------------------------------------ end of run

    private int countEmployedSeekers() {
        int n = 0;
        for (Worker w : workers) {
            if (w.everSeeker && w.employed()) {
                n++;
            }
        }
        return n;
    }

    private void finish() {
        int last = months - 1;
        if (pilot != null) {
            pilot.into(totals);
        }
        for (Worker w : workers) {
            totals.placedAt[w.p.id()] = w.firstPlacement;
            totals.count(w.p, w.targetGroups == null ? Set.of() : w.targetGroups, w.everSeeker, w.firstPlacement,
                    w.seekerSince, w.publicCost, w.leftBenefit, market.technicalField(w.p.field()), w.everCourse);
            if (w.everSideJob) {
                totals.workersWithSideJob++;
            }
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
            if (w.firstPlacement >= 0 && w.firstPlacement + 12 <= last) {
                totals.retentionEligible12++;
                totals.retained12m += w.firstJobEnd < 0 || w.firstJobEnd >= w.firstPlacement + 12 ? 1 : 0;
            }
            if (w.firstPlacement >= 0 && w.firstPlacement + 18 <= last) {
                totals.retentionEligible18++;
                totals.retained18m += w.firstJobEnd < 0 || w.firstJobEnd >= w.firstPlacement + 18 ? 1 : 0;
            }
        }
        totals.vacanciesUnfilled = market.openAll().size();
        reach.into(totals, caps);
    }

    // ------------------------------------------------------------------ trace

    private void event(Worker w, int m, String mechanism, String kind, String detail, Question q, Answer a) {
        if (traced(w)) {
            trace.event(m, kind, detail, mechanism, q, a);
        }
    }

    /** The same, with the detail's text built only when the worker is traced (not in every worker-month). */
    private void event(Worker w, int m, String mechanism, String kind, java.util.function.Supplier<String> detail,
            Question q, Answer a) {
        if (traced(w)) {
            trace.event(m, kind, detail.get(), mechanism, q, a);
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
            sb.append(sb.isEmpty() ? "" : ", ").append(pr.route() == Route.APPRENTICESHIP ? "apprenticeship " : "course ")
                    .append(market.courses[pr.course()].id());
        }
        if (pr.gap()) {
            sb.append(" (skills gap)");
        }
        if (pr.skills() != null && pr.route() == Route.COURSE && pr.course() >= 0) {
            SkillDistance.Gap g = pr.skills();
            SkillSet taught = g.missing().minus(g.missing().minus(courseSkills[pr.course()]));
            List<String> named = taught.labels();
            sb.append(": closes ").append(taught.size()).append(" of ").append(g.of()).append(" essential skills of ")
                    .append(scenario.skills().taxonomy().occupations().get(scenario.employers()
                            .get(market.employers[pr.vacancy().employer()].group).occupation()).label())
                    .append(named.isEmpty() ? "" : " (" + String.join(", ", named.subList(0, Math.min(3, named.size())))
                            + (named.size() > 3 ? ", ..." : "") + ")");
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
