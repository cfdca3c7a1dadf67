package nl.fieldlab.sandbox.simulation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import nl.fieldlab.sandbox.domain.Actor;
import nl.fieldlab.sandbox.domain.PaymentType;

/** What one run (one replication of one variant) counted and booked. */
public final class RunTotals implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    private static final int A = Actor.values().length;
    private static final int T = PaymentType.values().length;

    int seekers;
    int placements;
    long monthsToPlacement;
    int employedAtHorizon;
    int retentionEligible;
    int retained6m;
    /** first placements made at least 12 (18) months before the end, and those still in that job 12 (18) months on */
    int retentionEligible12;
    int retained12m;
    int retentionEligible18;
    int retained18m;
    /** trials converted at least 12 months before the end, and those whose job lasted 12 months */
    int trialRetentionEligible;
    int trialRetained12m;
    /** trial placements that reached their end (the employer decided whether to hire) */
    int trialsEnded;
    /** vacancies opened again because the trial placement in them ended without a hire */
    int vacanciesReopened;
    /** trial placements started by WW recipients, and jobs WW recipients started (exits from WW to work) */
    int wwTrialsStarted;
    int wwExitsToWork;
    /** BBL graduates followed up {@link Metrics#GRADUATE_FOLLOW_UP_MONTHS} months after completing, and those in work then */
    int bblGraduatesFollowed;
    int bblGraduatesInWork;
    int trialsStarted;
    int trialsConverted;
    int trialsExtended;
    int coursesStarted;
    /** courses whose answer paid the fee twice, above the price, or gave the worker more than they paid */
    int coursesOverFunded;
    /** workers who reached the state pension age and left the labour market */
    int retirements;
    int coursesCompleted;
    /** hires of a worker below the education level the employer asks for (exploratory) */
    int hiresBelowRequiredEducation;
    /** in a scenario with a skills taxonomy (only there are its metrics reported): hires, the sum of their skill
     * distances, skills courses completed */
    boolean skillsScenario;
    int skillHires;
    double skillDistanceAtHire;
    int skillsCoursesCompleted;
    int vacanciesFilled;
    int vacanciesFilledExternally;
    long vacancyMonthsOpen;
    int vacanciesUnfilled;
    int workToWork;
    /** dismissals announced to workers at risk (the layoff draw), workers laid off at the end of notice, and moves during it */
    int dismissalsAnnounced;
    int layoffs;
    int movedInNotice;
    /** work-to-work support (P2): secondments started, those that ended in a hire, courses on the transition budget */
    int secondments;
    int secondmentsHired;
    int w2wCourseStarts;
    /** months that workers who started the run in work spent out of work (job seekers) */
    int atRiskMonthsOutOfWork;
    /** training costs set off against transition payments, in euro */
    double transitionOffset;
    double sroiCredits;
    int coached;
    int apprenticeships;
    int apprenticeshipsCompleted;
    /** apprenticeships whose course ended within the horizon, completed or left early */
    int apprenticeshipsEnded;
    /** workers who entered after the start (mechanism inflow) */
    int entrants;
    long sideJobMonths;
    int workersWithSideJob;
    /** jobs started at the simulated employers, re-hires included */
    int hires;
    /** months former job seekers spent in a job at a simulated employer */
    long monthsInWork;
    long monthsInCourse;
    long monthsOnTrial;
    /**
     * what the work of the hired job seekers was worth to their employers, in euro (mechanism hiring: productivity
     * times the job's normal labour cost, less sickness); a value, not a payment, so it stays out of the ledger
     */
    double outputValue;
    /**
     * outcomes an outcome fund paid for, each weighted by the part above the participant's predicted chance (the
     * outcome payments divided by the outcome price the rules set)
     */
    double outcomeUnits;
    /** participants whose success an outcome fund paid for (one per success, whatever its predicted chance) */
    int outcomeSuccesses;
    /**
     * the outcome units per participant the contract's price assumed, summed over the outcomes paid (NaN when an
     * outcome payment rule did not say)
     */
    double outcomeExpectedUnits;
    /** The last months of the horizon over which the fiscal gain of a work-month is measured. */
    static final int FISCAL_WINDOW_MONTHS = 12;
    /**
     * over the horizon's last {@link #FISCAL_WINDOW_MONTHS} months, former job seekers: months out of work and the
     * net public cost their benefits booked in them; months in work and the net public cost their jobs booked in them
     * (taxes and premiums received less subsidies paid, so mostly negative)
     */
    long fiscalMonthsOutOfWork;
    double fiscalCostOutOfWork;
    long fiscalMonthsInWork;
    double fiscalCostInWork;
    /** the annual discount rate of the present values (cost-benefit guidance, a dated parameter) */
    double discountRate;
    /** net public cost booked in each month (outflow of public bodies minus their inflow), in euro */
    final double[] publicCostByMonth;
    /** former job seekers in work at the end of each simulated year (the last one may be shorter) */
    final int[] employedAtYearEnd;
    /** months spent looking for a first job, by simulated year: the exposure of the job-finding hazard */
    final long[] seekerMonthsByYear;
    /** per exemption id: workers and questions in scope, answers changed by question type, caps */
    final Map<String, double[]> reach = new LinkedHashMap<>();
    /** per exemption of the scenario, its pilot outcomes after intake (layout: {@link PilotOutcomes}) */
    final Map<String, double[]> pilot = new LinkedHashMap<>();
    /** per exemption of the scenario, each employer's hires of people eligible for it in the first 12 months */
    final Map<String, double[]> pilotHires = new LinkedHashMap<>();
    final int[] placementsByMonth;
    final int[] employedByMonth;
    /** per group key (scenario.<id>, status.<S>, age.<band>, target.<GROUP>): workers, seekers, placed, ... */
    final Map<String, GroupCounts> groups = new LinkedHashMap<>();
    final Map<String, GroupCounts> otherGroups = new TreeMap<>();
    // calibration cohorts: workers in WW or bijstand at the start
    int wwCohort;
    int wwPlaced12;
    int ww50Cohort;
    int ww50Placed12;
    int wwTechCohort;
    int wwTechPlaced12;
    int bijstandCohort;
    int bijstandLeft12;
    int bijstandPlaced12;
    /** euro paid, by payer, payee and payment type */
    final double[] ledger = new double[A * A * T];
    final Map<String, Integer> blocked = new TreeMap<>();
    /** per claimable scheme: the cases granted it, whether they claimed it, what it paid and what went unclaimed */
    final TakeUpTally takeUp = new TakeUpTally();
    /** per process support: the workers it helped (participants) and what they cost its payer */
    final Map<String, Integer> supportParticipants = new TreeMap<>();
    final Map<String, Double> supportCost = new TreeMap<>();
    /**
     * per process support, the counts of its own mechanism (a case sprint's course starts and carved hires, the
     * cooperative's placements, rotations and bench months), by {@code <ID>.<count>}: reported as
     * {@code support.<ID>.<count>}
     */
    final Map<String, Double> supportCounts = new TreeMap<>();
    /**
     * per cohort key ({@code status.<S>}, {@code scenario.<GROUP>}, {@code age.<BAND>}, {@code status.WW.age.<BAND>}):
     * workers out of work at the start, and those of them placed within 12 months
     */
    final Map<String, int[]> exitToWork12 = new TreeMap<>();
    /**
     * per key ({@code status.<S>} and {@code education.<low|medium|high>}, both at the start): workers, and those of
     * them who started a course outside an apprenticeship during the horizon
     */
    final Map<String, int[]> courseTakeUp = new TreeMap<>();

    static final class GroupCounts implements java.io.Serializable {
        private static final long serialVersionUID = 1L;

        int seekers;
        int placed;
        long monthsToPlacement;
        int workers;
        double publicCost;
    }

    /** per worker: the month of the first placement (-1: none), and what subsidies and each exemption paid for them */
    final int[] placedAt;
    /** the first answers each exemption changed, in the order asked (at most {@link ChangedAnswer#KEPT} each) */
    final List<ChangedAnswer> changedAnswers = new java.util.ArrayList<>();
    final double[] subsidyPaid;
    final Map<String, double[]> exemptionPaid = new LinkedHashMap<>();
    /**
     * hires for which public bodies pay the employer (subsidies, wage-cost advantages, sickness benefit under the
     * no-risk policy, training grants), by {@link VacancyCompetition.Attribution}: deadweight, net new job, displaced
     * outsider, displaced insider
     */
    final int[] subsidisedHires = new int[VacancyCompetition.Attribution.values().length];
    /** the same per exemption, for hires its own payments reach, attributed against the chance without them */
    final Map<String, double[]> subsidisedHiresByExemption = new LinkedHashMap<>();
    /**
     * per destination category ({@link Destinations#keys}): first placements of former job seekers there, and the
     * months former job seekers spent in a job there (by the job they held in the month)
     */
    final Map<String, double[]> destinations = new LinkedHashMap<>();
    /**
     * over first placements of former job seekers: sums of the gross wage in job month 1, the net benefit left (its
     * last month before the placement), the net money in work in job month 1, the gain (net in work less benefit
     * left); the placements with no gain; and the placements counted
     */
    final double[] income = new double[6];
    /** trial placements that took a vacancy an outsider would otherwise have filled with a paid hire */
    int trialsDisplacedOutsiders;
    /** trial placements that took a vacancy another simulated worker would have got as a paid hire that month */
    int trialsDisplacedInsiders;

    RunTotals(int months, List<String> scenarioGroups) {
        this(months, scenarioGroups, 0, List.of());
    }

    RunTotals(int months, List<String> scenarioGroups, int workers, List<String> exemptions) {
        placedAt = new int[workers];
        subsidyPaid = new double[workers];
        for (String ex : exemptions) {
            exemptionPaid.put(ex, new double[workers]);
            subsidisedHiresByExemption.put(ex, new double[VacancyCompetition.Attribution.values().length]);
        }
        placementsByMonth = new int[months];
        employedByMonth = new int[months];
        publicCostByMonth = new double[months];
        employedAtYearEnd = new int[(months + 11) / 12];
        seekerMonthsByYear = new long[(months + 11) / 12];
        for (String g : scenarioGroups) {
            groups.put("scenario." + g, new GroupCounts());
        }
        this.scenarioGroups = scenarioGroups;
    }

    final List<String> scenarioGroups;

    /** Age bands for who-benefits tables: under 27, 27-49, 50 and over. */
    static String ageBand(int age) {
        return Metrics.AGE_BANDS.get(age < 27 ? 0 : age < 50 ? 1 : 2);
    }

    /** Adds one worker's outcome to the group and calibration counts. */
    void count(Person p, java.util.Set<String> targetGroups, boolean seeker, int firstPlacement, int seekerSince,
            double publicCost, int leftBenefit, boolean technicalField, boolean startedCourse) {
        for (String key : List.of("status." + p.status(), "education." + educationClass(p.education()))) {
            int[] c = courseTakeUp.computeIfAbsent(key, k -> new int[2]);
            c[0]++;
            c[1] += startedCourse ? 1 : 0;
        }
        List<GroupCounts> in = new ArrayList<>();
        in.add(groups.get("scenario." + scenarioGroups.get(p.group())));
        in.add(otherGroups.computeIfAbsent("status." + p.status(), k -> new GroupCounts()));
        in.add(otherGroups.computeIfAbsent("age." + ageBand(p.ageAtStart()), k -> new GroupCounts()));
        for (String t : targetGroups) {
            in.add(otherGroups.computeIfAbsent("target." + t, k -> new GroupCounts()));
        }
        boolean placed = firstPlacement >= 0;
        for (GroupCounts g : in) {
            g.workers++;
            g.publicCost += publicCost;
            if (seeker) {
                g.seekers++;
                if (placed) {
                    g.placed++;
                    g.monthsToPlacement += firstPlacement - Math.max(0, seekerSince);
                }
            }
        }
        // the calibration figures are entry-cohort figures: an entrant counts from its entry, if its first 12 months
        // fall inside the run (the stock counts from the start, as always)
        int entry = p.entryMonth();
        if (entry > 0 && entry + 12 > placementsByMonth.length) {
            return;
        }
        boolean placedIn12 = placed && firstPlacement - entry < 12;
        if (p.status() != nl.fieldlab.sandbox.domain.Status.EMPLOYED) {
            String band = exitAgeBand(p.ageAt(entry));
            for (String key : List.of("status." + p.status(), "scenario." + scenarioGroups.get(p.group()),
                    "age." + band)) {
                cohort(key, placedIn12);
            }
            if (p.status() == nl.fieldlab.sandbox.domain.Status.WW) {
                cohort("status.WW.age." + band, placedIn12);
            }
        }
        if (p.status() == nl.fieldlab.sandbox.domain.Status.WW) {
            wwCohort++;
            wwPlaced12 += placedIn12 ? 1 : 0;
            if (p.ageAt(entry) >= 50) {
                ww50Cohort++;
                ww50Placed12 += placedIn12 ? 1 : 0;
            }
            if (technicalField) {
                wwTechCohort++;
                wwTechPlaced12 += placedIn12 ? 1 : 0;
            }
        } else if (p.status() == nl.fieldlab.sandbox.domain.Status.BIJSTAND) {
            bijstandCohort++;
            bijstandLeft12 += leftBenefit >= 0 && leftBenefit - entry < 12 ? 1 : 0;
            bijstandPlaced12 += placedIn12 ? 1 : 0;
        }
    }

    /** Age bands of the exit-to-work cohorts: under 50, 50-54, 55-59, 60 and over (the published age gradient). */
    static String exitAgeBand(int age) {
        return Metrics.EXIT_AGE_BANDS.get(age < 50 ? 0 : age < 55 ? 1 : age < 60 ? 2 : 3);
    }

    /** CBS's education classes: low (no starting qualification), medium (MBO 2-4), high (HBO, WO). */
    static String educationClass(nl.fieldlab.sandbox.domain.Education e) {
        return Metrics.EDUCATION_CLASSES.get(e.level() <= nl.fieldlab.sandbox.domain.Education.MBO1.level() ? 0
                : e.level() <= nl.fieldlab.sandbox.domain.Education.MBO4.level() ? 1 : 2);
    }

    /** Course starters per worker and year among the workers of {@code key} (NaN when there are none). */
    private double courseRate(String key) {
        int[] c = courseTakeUp.get(key);
        return c == null || c[0] == 0 ? Double.NaN : c[1] / (double) c[0] / (placementsByMonth.length / 12.0);
    }

    private void cohort(String key, boolean placedIn12) {
        int[] c = exitToWork12.computeIfAbsent(key, k -> new int[2]);
        c[0]++;
        c[1] += placedIn12 ? 1 : 0;
    }

    /** Adds {@code n} to a process support's own count ({@code support.<ID>.<count>}). */
    void countSupport(String support, String count, double n) {
        supportCounts.merge(support + "." + count, n, Double::sum);
    }

    void book(int month, Actor payer, Actor payee, PaymentType type, double amount) {
        ledger[(payer.ordinal() * A + payee.ordinal()) * T + type.ordinal()] += amount;
        if (payer.isPublic() != payee.isPublic()) {
            publicCostByMonth[month] += payer.isPublic() ? amount : -amount;
        }
    }

    /** A former job seeker's month out of work in the fiscal window, and the net public cost its benefit booked. */
    void fiscalOutOfWork(double publicCost) {
        fiscalMonthsOutOfWork++;
        fiscalCostOutOfWork += publicCost;
    }

    /** A former job seeker's month in work in the fiscal window, and the net public cost its job booked. */
    void fiscalInWork(double publicCost) {
        fiscalMonthsInWork++;
        fiscalCostInWork += publicCost;
    }

    /**
     * What a former job seeker's month in work saves the public purse against a month out of work, over the fiscal
     * window: the net public cost of a month out of work (benefits) less that of a month in work (taxes and premiums
     * received, subsidies paid). NaN when the window has no month of either kind.
     */
    double fiscalGainPerWorkMonth() {
        if (fiscalMonthsOutOfWork == 0 || fiscalMonthsInWork == 0) {
            return Double.NaN;
        }
        return fiscalCostOutOfWork / fiscalMonthsOutOfWork - fiscalCostInWork / fiscalMonthsInWork;
    }

    void yearEnd(int year, int employedSeekers) {
        employedAtYearEnd[year] = employedSeekers;
    }

    void reach(String exemption, int workers, long questions, long[] changedByType, int participants,
            long refused, double paid, double refusedPayments) {
        double[] r = new double[5 + changedByType.length];
        r[0] = workers;
        r[1] = questions;
        r[2] = participants;
        r[3] = refused;
        r[4] = paid;
        for (int i = 0; i < changedByType.length; i++) {
            r[5 + i] = changedByType[i];
        }
        reach.put(exemption, r);
    }

    final Map<String, Double> deadweight = new LinkedHashMap<>();

    void deadweight(String metric, double share) {
        deadweight.put(metric, share);
    }

    /** Counts a subsidised hire: over all public payments to the employer, and for each exemption paying it. */
    void subsidisedHire(VacancyCompetition.Attribution all, Map<String, VacancyCompetition.Attribution> byExemption) {
        subsidisedHires[all.ordinal()]++;
        byExemption.forEach((ex, a) -> subsidisedHiresByExemption.get(ex)[a.ordinal()]++);
    }

    void blocked(String rule) {
        blocked.merge(rule, 1, Integer::sum);
    }

    public double paid(Actor payer, Actor payee, PaymentType type) {
        return ledger[(payer.ordinal() * A + payee.ordinal()) * T + type.ordinal()];
    }

    public int[] placementsByMonth() {
        return placementsByMonth.clone();
    }

    public int[] employedByMonth() {
        return employedByMonth.clone();
    }

    /** Net public cost booked in each month, in euro. */
    public double[] publicCostByMonth() {
        return publicCostByMonth.clone();
    }

    /** The present value at the start of {@code perMonth}, discounted at {@code annualRate} a year. */
    static double presentValue(double[] perMonth, double annualRate) {
        double pv = 0;
        for (int m = 0; m < perMonth.length; m++) {
            pv += perMonth[m] / Math.pow(1 + annualRate, m / 12.0);
        }
        return pv;
    }

    /** The run's metrics by name (see {@link Metrics}). */
    public Map<String, Double> metrics() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put(Metrics.PLACEMENTS, (double) placements);
        m.put(Metrics.PLACEMENT_RATE, seekers == 0 ? Double.NaN : placements / (double) seekers);
        m.put(Metrics.MONTHS_TO_PLACEMENT, placements == 0 ? Double.NaN : monthsToPlacement / (double) placements);
        m.put(Metrics.EMPLOYED_AT_HORIZON, (double) employedAtHorizon);
        m.put(Metrics.RETENTION_6M, retentionEligible == 0 ? Double.NaN : retained6m / (double) retentionEligible);
        m.put(Metrics.RETENTION_12M, share(retained12m, retentionEligible12));
        m.put(Metrics.RETENTION_18M, share(retained18m, retentionEligible18));
        m.put(Metrics.TRIALS_STARTED, (double) trialsStarted);
        m.put(Metrics.TRIAL_CONVERSION, share(trialsConverted, trialsEnded));
        m.put(Metrics.VACANCIES_REOPENED, (double) vacanciesReopened);
        m.put(Metrics.TRIALS_ENDED, (double) trialsEnded);
        m.put(Metrics.TRIAL_RETENTION_12M, share(trialRetained12m, trialRetentionEligible));
        m.put(Metrics.TRIALS_PER_WW_EXIT, share(wwTrialsStarted, wwExitsToWork));
        m.put(Metrics.TRIALS_CONVERTED, (double) trialsConverted);
        m.put(Metrics.TRIALS_EXTENDED, (double) trialsExtended);
        m.put(Metrics.COURSES_STARTED, (double) coursesStarted);
        m.put(Metrics.COURSES_COMPLETED, (double) coursesCompleted);
        m.put(Metrics.HIRES_BELOW_REQUIRED_EDUCATION, (double) hiresBelowRequiredEducation);
        if (skillsScenario) {
            m.put(Metrics.SKILL_DISTANCE_AT_HIRE, skillHires == 0 ? Double.NaN : skillDistanceAtHire / skillHires);
            m.put(Metrics.SKILLS_COURSES_COMPLETED, (double) skillsCoursesCompleted);
        }
        m.put(Metrics.COURSES_OVER_FUNDED, (double) coursesOverFunded);
        m.put(Metrics.RETIREMENTS, (double) retirements);
        m.put(Metrics.RETRAINING_COST, byType(PaymentType.COURSE_FEE));
        m.put(Metrics.BENEFIT_PAYMENTS, byCategory(PaymentType.Category.BENEFIT));
        m.put(Metrics.SUBSIDIES_PAID, byCategory(PaymentType.Category.SUBSIDY));
        double publicCost = 0;
        for (Actor a : Actor.values()) {
            if (a.isPublic()) {
                publicCost -= net(a);
            }
        }
        m.put(Metrics.PUBLIC_COST, publicCost);
        double socialCost = publicCost - net(Actor.INVESTOR) - net(Actor.TRAINING_FUND);
        m.put(Metrics.SOCIAL_COST, socialCost);
        m.put(Metrics.ALL_PARTIES_COST, socialCost - net(Actor.EMPLOYER) - net(Actor.WORKER) - outputValue);
        m.put(Metrics.PUBLIC_COST_PV, presentValue(publicCostByMonth, discountRate));
        double upTo = 0;
        int done = 0;
        for (int month : Metrics.cumulativeCostMonths(publicCostByMonth.length)) {
            for (; done < month; done++) {
                upTo += publicCostByMonth[done];
            }
            m.put(Metrics.PUBLIC_COST_TO_MONTH_PREFIX + month, upTo);
        }
        m.put(Metrics.PUBLIC_COST_PER_WORKER, placedAt.length == 0 ? Double.NaN : publicCost / placedAt.length);
        m.put(Metrics.PUBLIC_COST_PER_PLACEMENT, placements == 0 ? Double.NaN : publicCost / placements);
        double spending = 0;
        double receipts = 0;
        for (Actor a : Actor.values()) {
            for (Actor b : Actor.values()) {
                if (a.isPublic() == b.isPublic()) {
                    continue;
                }
                for (PaymentType t : PaymentType.values()) {
                    if (a.isPublic() && t.category() == PaymentType.Category.TAX) {
                        // a tax refund (the labour credit the annual assessment returns) is tax not received
                        receipts -= paid(a, b, t);
                    } else if (a.isPublic() && t.category() != PaymentType.Category.BENEFIT) {
                        spending += paid(a, b, t);
                    } else if (b.isPublic()) {
                        receipts += paid(a, b, t);
                    }
                }
            }
        }
        m.put(Metrics.PUBLIC_SPENDING, spending);
        m.put(Metrics.PUBLIC_RECEIPTS, receipts);
        m.put(Metrics.EMPLOYER_COST, -net(Actor.EMPLOYER));
        m.put(Metrics.HIRES, (double) hires);
        m.put(Metrics.MONTHS_IN_WORK, (double) monthsInWork);
        m.put(Metrics.FISCAL_GAIN_PER_WORK_MONTH, fiscalGainPerWorkMonth());
        m.put(Metrics.MONTHS_IN_COURSE, (double) monthsInCourse);
        m.put(Metrics.MONTHS_ON_TRIAL, (double) monthsOnTrial);
        m.put(Metrics.EMPLOYER_WAGES, paidBy(Actor.EMPLOYER, PaymentType.Category.WAGE));
        m.put(Metrics.EMPLOYER_PREMIUMS, paidBy(Actor.EMPLOYER, PaymentType.Category.TAX));
        m.put(Metrics.EMPLOYER_TRAINING, paidBy(Actor.EMPLOYER, PaymentType.Category.TRAINING));
        m.put(Metrics.EMPLOYER_SUPPORT, receivedBy(Actor.EMPLOYER, PaymentType.Category.SUBSIDY)
                + receivedBy(Actor.EMPLOYER, PaymentType.Category.TRAINING)
                + receivedBy(Actor.EMPLOYER, PaymentType.Category.BENEFIT));
        m.put(Metrics.EMPLOYER_OUTPUT, outputValue);
        m.put(Metrics.EMPLOYER_NET_RESULT, outputValue + net(Actor.EMPLOYER));
        m.put(Metrics.EMPLOYER_NET_RESULT_PER_HIRE, hires == 0 ? Double.NaN : (outputValue + net(Actor.EMPLOYER)) / hires);
        m.put(Metrics.BLOCKED, (double) blocked.values().stream().mapToInt(Integer::intValue).sum());
        m.put(Metrics.VACANCIES_UNFILLED, (double) vacanciesUnfilled);
        for (Actor a : Actor.values()) {
            m.put(Metrics.NET_PREFIX + a.name(), net(a));
        }
        for (Actor a : Actor.values()) {
            double cost = 0;
            for (Actor other : Actor.values()) {
                cost += paid(a, other, PaymentType.COURSE_FEE) + paid(a, other, PaymentType.TRAINING_GRANT)
                        - paid(other, a, PaymentType.TRAINING_GRANT);
            }
            if (cost != 0) {
                m.put(Metrics.RETRAINING_PREFIX + a.name(), cost);
            }
        }
        m.put(Metrics.WORK_TO_WORK, (double) workToWork);
        m.put(Metrics.DISMISSALS_ANNOUNCED, (double) dismissalsAnnounced);
        m.put(Metrics.LAYOFFS, (double) layoffs);
        m.put(Metrics.MOVED_IN_NOTICE, (double) movedInNotice);
        m.put(Metrics.TRANSITION_PAYMENTS, paid(Actor.EMPLOYER, Actor.WORKER, PaymentType.TRANSITION_PAYMENT));
        m.put(Metrics.TRANSITION_OFFSET, transitionOffset);
        m.put(Metrics.SECONDMENTS, (double) secondments);
        m.put(Metrics.SECONDMENTS_HIRED, (double) secondmentsHired);
        m.put(Metrics.W2W_COURSE_STARTS, (double) w2wCourseStarts);
        m.put(Metrics.AT_RISK_MONTHS_OUT_OF_WORK, (double) atRiskMonthsOutOfWork);
        m.put(Metrics.SROI_CREDITS, sroiCredits);
        m.put(Metrics.APPRENTICESHIPS, (double) apprenticeships);
        m.put(Metrics.APPRENTICESHIPS_COMPLETED, (double) apprenticeshipsCompleted);
        m.put(Metrics.APPRENTICESHIPS_ENDED, (double) apprenticeshipsEnded);
        m.put(Metrics.ENTRANTS, (double) entrants);
        m.put(Metrics.BBL_COMPLETION, share(apprenticeshipsCompleted, apprenticeshipsEnded));
        m.put(Metrics.BBL_GRADUATES_IN_WORK, share(bblGraduatesInWork, bblGraduatesFollowed));
        m.put(Metrics.SIDE_JOBS, (double) workersWithSideJob);
        m.put(Metrics.SIDE_JOB_MONTHS, (double) sideJobMonths);
        m.put(Metrics.COACHED, (double) coached);
        m.put(Metrics.INVESTOR_OUTLAY, paidBy(Actor.INVESTOR, PaymentType.Category.PROJECT)
                + paidBy(Actor.INVESTOR, PaymentType.Category.IMPLEMENTATION));
        m.put(Metrics.OUTCOME_PAYMENTS, receivedBy(Actor.INVESTOR, PaymentType.Category.SUBSIDY));
        m.put(Metrics.OUTCOME_UNITS, outcomeUnits);
        if (coached > 0) {
            // only where a provider coached a cohort, so that runs without an outcome-financed project keep their rows
            m.put(Metrics.OUTCOME_SUCCESSES, (double) outcomeSuccesses);
            m.put(Metrics.OUTCOME_UNITS_PRICED, outcomeSuccesses == 0 ? Double.NaN
                    : outcomeExpectedUnits / outcomeSuccesses);
        }
        for (int y = 0; y < employedAtYearEnd.length; y++) {
            m.put(Metrics.EMPLOYED_YEAR_PREFIX + (y + 1), (double) employedAtYearEnd[y]);
            int placed = 0;
            for (int mo = 12 * y; mo < Math.min(placementsByMonth.length, 12 * (y + 1)); mo++) {
                placed += placementsByMonth[mo];
            }
            m.put(Metrics.PLACEMENTS_YEAR_PREFIX + (y + 1), (double) placed);
            m.put(Metrics.HAZARD_YEAR_PREFIX + (y + 1),
                    seekerMonthsByYear[y] == 0 ? Double.NaN : placed / (double) seekerMonthsByYear[y]);
        }
        m.put(Metrics.CALIBRATION_PREFIX + "wwExitToWork12m", share(wwPlaced12, wwCohort));
        m.put(Metrics.CALIBRATION_PREFIX + "ww50PlusExitToWork12m", share(ww50Placed12, ww50Cohort));
        m.put(Metrics.CALIBRATION_PREFIX + "wwTechnicalExitToWork12m", share(wwTechPlaced12, wwTechCohort));
        m.put(Metrics.CALIBRATION_PREFIX + "bijstandExit12m", share(bijstandLeft12, bijstandCohort));
        m.put(Metrics.CALIBRATION_PREFIX + "bijstandExitToWork12m", share(bijstandPlaced12, bijstandCohort));
        Map<String, GroupCounts> all = new LinkedHashMap<>(groups);
        all.putAll(otherGroups);
        all.forEach((key, g) -> {
            m.put("group." + key + "." + Metrics.PLACEMENT_RATE, share(g.placed, g.seekers));
            m.put("group." + key + "." + Metrics.MONTHS_TO_PLACEMENT,
                    g.placed == 0 ? Double.NaN : g.monthsToPlacement / (double) g.placed);
            m.put("group." + key + ".netPublicCostPerWorker", g.workers == 0 ? Double.NaN : g.publicCost / g.workers);
            m.put("group." + key + "." + Metrics.GROUP_SEEKERS, (double) g.seekers);
        });
        for (String band : Metrics.EXIT_AGE_BANDS) {
            // every band always, so that a metric an evidence row names exists even where a run has nobody of that age
            for (String key : List.of("age." + band, "status.WW.age." + band)) {
                int[] c = exitToWork12.get(key);
                m.put(Metrics.EXIT_TO_WORK_12M_PREFIX + key, c == null ? Double.NaN : share(c[1], c[0]));
            }
        }
        exitToWork12.forEach((key, c) -> m.put(Metrics.EXIT_TO_WORK_12M_PREFIX + key, share(c[1], c[0])));
        for (String e : Metrics.EDUCATION_CLASSES) {
            m.put(Metrics.COURSE_TAKE_UP_PREFIX + "education." + e, courseRate("education." + e));
        }
        courseTakeUp.keySet().stream().filter(k -> k.startsWith("status."))
                .forEach(k -> m.put(Metrics.COURSE_TAKE_UP_PREFIX + k, courseRate(k)));
        double low = courseRate("education.low");
        double high = courseRate("education.high");
        m.put(Metrics.COURSE_TAKE_UP_EDUCATION_RATIO, low > 0 ? high / low : Double.NaN);
        int[] employed = courseTakeUp.getOrDefault("status.EMPLOYED", new int[2]);
        int starters = 0;
        for (String e : Metrics.EDUCATION_CLASSES) {
            starters += courseTakeUp.getOrDefault("education." + e, new int[2])[1];
        }
        m.put(Metrics.COURSE_STARTERS_EMPLOYED_SHARE, share(employed[1], starters));
        blocked.forEach((rule, n) -> m.put(Metrics.BLOCKED_PREFIX + rule, (double) n));
        supportParticipants.forEach((id, n) -> {
            m.put(Metrics.SUPPORT_PREFIX + id + ".participants", (double) n);
            m.put(Metrics.SUPPORT_PREFIX + id + ".cost", supportCost.getOrDefault(id, 0.0));
        });
        supportCounts.forEach((key, n) -> m.put(Metrics.SUPPORT_PREFIX + key, n));
        takeUp.schemes().forEach((scheme, t) -> {
            String p = Metrics.TAKE_UP_PREFIX + scheme + ".";
            m.put(p + "granted", (double) t.entitled);
            m.put(p + "claimed", (double) t.claimed);
            m.put(p + "unaware", (double) t.unaware);
            m.put(p + "notWorthIt", (double) t.notWorthIt);
            m.put(p + "paid", t.paid);
            m.put(p + "unclaimed", t.unclaimed);
            m.put(p + "share", t.entitled == 0 ? Double.NaN : (double) t.claimed / t.entitled);
        });
        m.putAll(deadweight);
        putSubsidisedHires(m, Metrics.SUBSIDISED_HIRES, java.util.Arrays.stream(subsidisedHires).asDoubleStream()
                .toArray());
        subsidisedHiresByExemption.forEach((ex, counts) -> putSubsidisedHires(m, Metrics.SUBSIDISED_HIRES + "." + ex,
                counts));
        m.put(Metrics.TRIALS_DISPLACING_HIRES, (double) (trialsDisplacedOutsiders + trialsDisplacedInsiders));
        m.put(Metrics.TRIALS_DISPLACING_HIRES + Metrics.OUTSIDERS, (double) trialsDisplacedOutsiders);
        m.put(Metrics.TRIALS_DISPLACING_HIRES + Metrics.INSIDERS, (double) trialsDisplacedInsiders);
        m.put(Metrics.TRIAL_SHARE_OF_PLACEMENTS, placements == 0 ? Double.NaN : trialsStarted / (double) placements);
        reach.forEach((ex, r) -> {
            String p = Metrics.REACH_PREFIX + ex + ".";
            m.put(p + "workers", r[0]);
            m.put(p + "questions", r[1]);
            m.put(p + "participants", r[2]);
            m.put(p + "refused", r[3]);
            m.put(p + "paid", r[4]);
            double changed = 0;
            for (nl.fieldlab.sandbox.domain.QuestionType t : nl.fieldlab.sandbox.domain.QuestionType.values()) {
                double c = r[5 + t.ordinal()];
                changed += c;
                m.put(p + "changed." + t.name(), c);
            }
            m.put(p + "changed", changed);
        });
        pilot.forEach((ex, c) -> {
            String p = Metrics.PILOT_PREFIX + ex + ".";
            m.put(p + "eligible", c[0] + c[1]);
            for (int j = 0; j < PilotOutcomes.MONTHS.length; j++) {
                String k = ".m" + PilotOutcomes.MONTHS[j];
                double observed = 0;
                double inWork = 0;
                double onBenefit = 0;
                for (int arm = 0; arm < 2; arm++) {
                    observed += c[PilotOutcomes.index(arm, j, PilotOutcomes.OBSERVED)];
                    inWork += c[PilotOutcomes.index(arm, j, PilotOutcomes.EMPLOYED)];
                    onBenefit += c[PilotOutcomes.index(arm, j, PilotOutcomes.ON_BENEFIT)];
                }
                m.put(p + "observed" + k, observed);
                m.put(p + "employment" + k, observed == 0 ? Double.NaN : inWork / observed);
                m.put(p + "benefit" + k, observed == 0 ? Double.NaN : onBenefit / observed);
            }
        });
        destinations.forEach((k, c) -> {
            m.put(Metrics.DEST_PREFIX + k + ".placements", c[0]);
            m.put(Metrics.DEST_PREFIX + k + ".workYears", c[1] / 12);
        });
        double placed = income[5];
        m.put(Metrics.DEST_INCOME_WAGE, placed == 0 ? Double.NaN : income[0] / placed);
        m.put(Metrics.DEST_INCOME_BENEFIT_LEFT, placed == 0 ? Double.NaN : income[1] / placed);
        m.put(Metrics.DEST_INCOME_NET_IN_WORK, placed == 0 ? Double.NaN : income[2] / placed);
        m.put(Metrics.DEST_INCOME_GAIN, placed == 0 ? Double.NaN : income[3] / placed);
        m.put(Metrics.DEST_INCOME_NO_GAIN_SHARE, placed == 0 ? Double.NaN : income[4] / placed);
        return m;
    }

    /**
     * The pilot counts of exemption {@code ex} in arm {@code arm} (0 treated, 1 control) at the {@code j}-th month
     * after intake of {@link #pilotMonths}: {observed, in paid work, on a benefit}; zeros when not measured.
     */
    public double[] pilotCounts(String ex, int arm, int j) {
        double[] c = pilot.get(ex);
        if (c == null) {
            return new double[3];
        }
        return new double[] {c[PilotOutcomes.index(arm, j, PilotOutcomes.OBSERVED)],
                c[PilotOutcomes.index(arm, j, PilotOutcomes.EMPLOYED)],
                c[PilotOutcomes.index(arm, j, PilotOutcomes.ON_BENEFIT)]};
    }

    /** Each employer's hires of people eligible for {@code ex} in the first 12 months (empty when not measured). */
    public double[] pilotHires(String ex) {
        double[] h = pilotHires.get(ex);
        return h == null ? new double[0] : h.clone();
    }

    /** The months after intake at which pilot outcomes are measured. */
    public static List<Integer> pilotMonths() {
        return java.util.Arrays.stream(PilotOutcomes.MONTHS).boxed().toList();
    }

    /** Per exemption of the scenario, its pilot outcome counts by arm (layout: {@link PilotOutcomes}). */
    public Map<String, double[]> pilot() {
        return java.util.Collections.unmodifiableMap(pilot);
    }

    /** {@code prefix} (all subsidised hires) and its split: deadweight, net new jobs, displaced outsiders, insiders. */
    private static void putSubsidisedHires(Map<String, Double> m, String prefix, double[] counts) {
        double all = 0;
        for (double c : counts) {
            all += c;
        }
        m.put(prefix, all);
        for (VacancyCompetition.Attribution a : VacancyCompetition.Attribution.values()) {
            m.put(prefix + Metrics.attributionSuffix(a), counts[a.ordinal()]);
        }
    }

    private static double share(int part, int whole) {
        return whole == 0 ? Double.NaN : part / (double) whole;
    }

    /** Net position of an actor: received minus paid, over all payment types. */
    public double net(Actor actor) {
        double net = 0;
        for (Actor other : Actor.values()) {
            for (PaymentType t : PaymentType.values()) {
                net += paid(other, actor, t) - paid(actor, other, t);
            }
        }
        return net;
    }

    /** What {@code actor} paid to others in payment category {@code c}. */
    private double paidBy(Actor actor, PaymentType.Category c) {
        return flows(actor, c, true);
    }

    /** What {@code actor} received from others in payment category {@code c}. */
    private double receivedBy(Actor actor, PaymentType.Category c) {
        return flows(actor, c, false);
    }

    private double flows(Actor actor, PaymentType.Category c, boolean paying) {
        double sum = 0;
        for (Actor other : Actor.values()) {
            for (PaymentType t : PaymentType.values()) {
                if (t.category() == c) {
                    sum += paying ? paid(actor, other, t) : paid(other, actor, t);
                }
            }
        }
        return sum;
    }

    private double byType(PaymentType type) {
        double sum = 0;
        for (Actor a : Actor.values()) {
            for (Actor b : Actor.values()) {
                sum += paid(a, b, type);
            }
        }
        return sum;
    }

    private double byCategory(PaymentType.Category c) {
        double sum = 0;
        for (PaymentType t : PaymentType.values()) {
            if (t.category() == c) {
                sum += byType(t);
            }
        }
        return sum;
    }
}
