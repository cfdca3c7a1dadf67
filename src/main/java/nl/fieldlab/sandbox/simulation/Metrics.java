package nl.fieldlab.sandbox.simulation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import nl.fieldlab.sandbox.domain.Actor;
import nl.fieldlab.sandbox.domain.Status;
import nl.fieldlab.sandbox.input.Suggestions;

/**
 * The metrics every run reports, with what they mean. Names are stable: reports, expectations and the shell use
 * them. Ledger metrics ({@code net.<ACTOR>}, {@code retrainingCost.<ACTOR>}) and friction metrics
 * ({@code blocked.<RULE-ID>}) are added per actor and per rule.
 */
public final class Metrics {

    private Metrics() {
    }

    public static final String PLACEMENTS = "placements";
    public static final String PLACEMENT_RATE = "placementRate";
    public static final String MONTHS_TO_PLACEMENT = "monthsToPlacement";
    public static final String EMPLOYED_AT_HORIZON = "employedAtHorizon";
    public static final String RETENTION_6M = "retention6m";
    public static final String RETENTION_12M = "retention12m";
    public static final String RETENTION_18M = "retention18m";
    public static final String TRIAL_CONVERSION = "trial.conversion";
    public static final String VACANCIES_REOPENED = "vacanciesReopened";
    public static final String TRIALS_ENDED = "trialsEnded";
    public static final String TRIAL_RETENTION_12M = "trial.retention12m";
    public static final String TRIALS_PER_WW_EXIT = "trial.perWwExitToWork";
    public static final String BBL_COMPLETION = "bbl.completion";
    public static final String BBL_GRADUATES_IN_WORK = "bbl.graduatesInWork";
    /** Months after completing a BBL course at which a graduate counts as in work or not (CBS measured in October). */
    public static final int GRADUATE_FOLLOW_UP_MONTHS = 3;
    /**
     * Prefix of the share of workers out of work at the start who were placed within 12 months, per cohort:
     * {@code exitToWork12m.status.<STATUS>}, {@code .scenario.<GROUP>}, {@code .age.<BAND>} and
     * {@code .status.WW.age.<BAND>} (bands {@link #EXIT_AGE_BANDS}, age at the start).
     */
    public static final String EXIT_TO_WORK_12M_PREFIX = "exitToWork12m.";
    /**
     * Prefix of course take-up: workers who started a course outside an apprenticeship, per worker and year, by what
     * they were at the start: {@code courseTakeUp.status.<STATUS>} and {@code courseTakeUp.education.<CLASS>}.
     */
    public static final String COURSE_TAKE_UP_PREFIX = "courseTakeUp.";
    public static final String COURSE_TAKE_UP_EDUCATION_RATIO = "courseTakeUp.educationRatio";
    public static final String COURSE_STARTERS_EMPLOYED_SHARE = "courseStarters.employedShare";
    /** CBS's education classes: low (no starting qualification: none, MBO 1), medium (MBO 2-4), high (HBO, WO). */
    public static final List<String> EDUCATION_CLASSES = List.of("low", "medium", "high");
    /** Age bands of the exit-to-work cohorts: the published age gradient's bands. */
    public static final List<String> EXIT_AGE_BANDS = List.of("under-50", "50-54", "55-59", "60-plus");
    public static final String TRIALS_STARTED = "trialsStarted";
    public static final String TRIALS_CONVERTED = "trialsConverted";
    public static final String TRIALS_EXTENDED = "trialsExtended";
    public static final String COURSES_STARTED = "coursesStarted";
    public static final String COURSES_OVER_FUNDED = "coursesOverFunded";
    public static final String RETIREMENTS = "retirements";
    public static final String COURSES_COMPLETED = "coursesCompleted";
    public static final String HIRES_BELOW_REQUIRED_EDUCATION = "hiresBelowRequiredEducation";
    public static final String SKILL_DISTANCE_AT_HIRE = "skillDistanceAtHire";
    public static final String SKILLS_COURSES_COMPLETED = "skillsCoursesCompleted";
    public static final String RETRAINING_COST = "retrainingCost";
    public static final String BENEFIT_PAYMENTS = "benefitPayments";
    public static final String SUBSIDIES_PAID = "subsidiesPaid";
    public static final String PUBLIC_COST = "netPublicCost";
    public static final String PUBLIC_COST_PER_PLACEMENT = "netPublicCostPerPlacement";
    /**
     * The net outflow of everyone who finances programmes for others' benefit: the public bodies, the private
     * investors of an outcome-financed project and the sector training funds. Workers and employers are left out:
     * their money is mostly wages, taxes and benefits, transfers whose counterpart (the work done, a benefit's purpose)
     * is not money, so counting one side would book every hire as a cost of its whole wage.
     */
    public static final String SOCIAL_COST = "socialCost";
    /**
     * Social cost with the employers' and workers' net money added and the value of the hired job seekers' work to
     * employers taken off: what every party together gives up, which comes to what providers received (courses,
     * coaching, implementation) less the value of the work.
     */
    public static final String ALL_PARTIES_COST = "allPartiesCost";
    /**
     * Outcomes an outcome fund paid for, each counted by the part of it above the participant's predicted chance, so
     * that the outcome payments are the outcome price times this (an outcome payment rule sets {@code outcome.price}).
     */
    public static final String OUTCOME_UNITS = "outcomeUnits";
    /**
     * Participants whose success an outcome fund paid for, one each whatever its predicted chance (only in runs where
     * a provider coached a cohort): with {@link #OUTCOME_UNITS} it gives the successes' mean predicted chance.
     */
    public static final String OUTCOME_SUCCESSES = "outcomeSuccesses";
    /**
     * The outcome units per coached participant the contract's outcome price assumed (the rule's
     * {@code outcome.expected-units}: expected success rate times the part of a success above the expected predicted
     * chance), NaN when no outcome was paid; only in runs where a provider coached a cohort.
     */
    public static final String OUTCOME_UNITS_PRICED = "outcomeUnitsPerParticipantPriced";
    /** Outcome payments the investors of an outcome-financed project received, in euro. */
    public static final String OUTCOME_PAYMENTS = "outcomePayments";
    /** What the investors of an outcome-financed project pre-financed (the provider's coaching), in euro. */
    public static final String INVESTOR_OUTLAY = "investorOutlay";
    public static final String PUBLIC_COST_PER_WORKER = "netPublicCostPerWorker";
    /** The group measure that counts its job seekers (the size a group's rates rest on). */
    public static final String GROUP_SEEKERS = "seekers";
    public static final String PUBLIC_COST_PV = "netPublicCostPresentValue";
    /**
     * {@code netPublicCost.toMonthN}: the net public cost booked from the start to the end of month N (every sixth
     * month and the horizon), so the cumulative difference to the baseline gets its paired interval.
     */
    public static final String PUBLIC_COST_TO_MONTH_PREFIX = "netPublicCost.toMonth";

    /** The months {@code netPublicCost.toMonthN} is reported for: every sixth month and the horizon. */
    public static List<Integer> cumulativeCostMonths(int months) {
        List<Integer> out = new ArrayList<>();
        for (int m = 6; m < months; m += 6) {
            out.add(m);
        }
        out.add(months);
        return out;
    }
    public static final String PUBLIC_SPENDING = "publicSpending";
    public static final String PUBLIC_RECEIPTS = "publicReceipts";
    public static final String HIRES = "hires";
    public static final String MONTHS_IN_WORK = "monthsInWork";
    public static final String FISCAL_GAIN_PER_WORK_MONTH = "fiscalGainPerWorkMonth";
    public static final String MONTHS_IN_COURSE = "monthsInCourse";
    public static final String MONTHS_ON_TRIAL = "monthsOnTrial";
    public static final String EMPLOYER_WAGES = "employer.wages";
    public static final String EMPLOYER_PREMIUMS = "employer.premiums";
    public static final String EMPLOYER_TRAINING = "employer.training";
    public static final String EMPLOYER_SUPPORT = "employer.support";
    public static final String EMPLOYER_OUTPUT = "employer.outputValue";
    public static final String EMPLOYER_NET_RESULT = "employer.netResult";
    public static final String EMPLOYER_NET_RESULT_PER_HIRE = "employer.netResultPerHire";
    public static final String EMPLOYER_COST = "employerCost";
    public static final String BLOCKED = "blockedActions";
    public static final String VACANCIES_UNFILLED = "vacanciesUnfilled";
    public static final String WORK_TO_WORK = "workToWork";
    /** Suffix of {@code support.<ID>.publicPaid}: public money a support's own mechanism pays (euro). */
    public static final String SUPPORT_PUBLIC_PAID = "publicPaid";
    public static final String DISMISSALS_ANNOUNCED = "dismissalsAnnounced";
    public static final String LAYOFFS = "layoffs";
    public static final String MOVED_IN_NOTICE = "movedInNotice";
    public static final String TRANSITION_PAYMENTS = "transitionPayments";
    public static final String TRANSITION_OFFSET = "transitionOffset";
    public static final String SECONDMENTS = "secondments";
    public static final String SECONDMENTS_HIRED = "secondmentsHired";
    public static final String W2W_COURSE_STARTS = "w2w.courseStarts";
    public static final String AT_RISK_MONTHS_OUT_OF_WORK = "atRisk.monthsOutOfWork";
    public static final String SROI_CREDITS = "sroiCredits";
    public static final String APPRENTICESHIPS = "apprenticeships";
    public static final String APPRENTICESHIPS_COMPLETED = "apprenticeshipsCompleted";
    public static final String APPRENTICESHIPS_ENDED = "apprenticeshipsEnded";
    public static final String ENTRANTS = "entrants";
    public static final String SIDE_JOBS = "sideJobs";
    public static final String SIDE_JOB_MONTHS = "sideJobMonths";
    public static final String COACHED = "coached";
    /**
     * Hires for which public bodies pay the employer (subsidies, wage-cost advantages, sickness benefit under the
     * no-risk policy, training grants); {@code subsidisedHires.<split>} splits them (mechanism vacancies), and
     * {@code subsidisedHires.<EX>} and {@code subsidisedHires.<EX>.<split>} do the same for the hires an exemption's own
     * payments reach.
     */
    public static final String SUBSIDISED_HIRES = "subsidisedHires";
    /** Trial placements that took a vacancy a paid hire would otherwise have filled. */
    public static final String TRIALS_DISPLACING_HIRES = "trialsDisplacingHires";
    public static final String OUTSIDERS = ".outsiders";
    public static final String INSIDERS = ".insiders";
    /** Trial placements started per placement (the band: trials 2-5 % of WW exits to work). */
    public static final String TRIAL_SHARE_OF_PLACEMENTS = "trialShareOfPlacements";

    /**
     * The name parts of a subsidised hire's attribution, in {@link VacancyCompetition.Attribution} order: deadweight,
     * net new jobs, displaced outsiders, displaced insiders.
     */
    public static final List<String> SUBSIDISED_SPLITS = List.of(".deadweight", ".netNewJobs", ".displacedOutsiders",
            ".displacedInsiders");

    static String attributionSuffix(VacancyCompetition.Attribution a) {
        return SUBSIDISED_SPLITS.get(a.ordinal());
    }

    /**
     * The few metrics {@code compare} shows without options (a screenful at 80 columns): outcomes first, then the
     * decisions exemptions change, then the money.
     */
    public static final List<String> CONSOLE_HEADLINE = List.of(PLACEMENTS, PLACEMENT_RATE, MONTHS_TO_PLACEMENT,
            MONTHS_IN_WORK, EMPLOYED_AT_HORIZON, RETENTION_6M, COURSES_STARTED, TRIALS_STARTED, TRIALS_CONVERTED,
            BENEFIT_PAYMENTS, PUBLIC_SPENDING, PUBLIC_RECEIPTS, PUBLIC_COST, SOCIAL_COST, EMPLOYER_COST);

    /** Prefix of the former job seekers in work at the end of simulated year N ({@code employed.year2}). */
    public static final String EMPLOYED_YEAR_PREFIX = "employed.year";
    /** Prefix of the placements made in simulated year N. */
    public static final String PLACEMENTS_YEAR_PREFIX = "placements.year";
    /**
     * Prefix of the monthly job-finding hazard in simulated year N: first placements in the year over the months
     * job seekers spent looking for a first job in it.
     */
    public static final String HAZARD_YEAR_PREFIX = "hazard.year";
    /**
     * Prefix of an exemption's reach: {@code reach.<EX>.workers}, {@code .questions} (in its scope),
     * {@code .changed} (answers that differ from the baseline's, also {@code .changed.<QUESTION>}),
     * {@code .participants}, {@code .refused} (admissions its budget could not pay), {@code .paid}.
     */
    public static final String REACH_PREFIX = "reach.";
    /**
     * Prefix of the outcomes a pilot of an exemption would measure among those eligible at intake (their facts at
     * entry in its scope): {@code pilot.<EX>.eligible}, and {@code k} months after intake ({@code k} = 6, 12, 24,
     * 36) {@code pilot.<EX>.observed.mK} (intakes at least k months before the horizon), {@code
     * pilot.<EX>.employment.mK} and {@code pilot.<EX>.benefit.mK} (the shares in paid work and on a benefit).
     * Exploratory: outside the headline family.
     */
    public static final String PILOT_PREFIX = "pilot.";
    /**
     * Prefix of where former job seekers landed (exploratory, outside the headline family):
     * {@code dest.<CATEGORY>.placements} (first placements, by the first job) and {@code dest.<CATEGORY>.workYears}
     * (years in work, by the job held in the month), for the categories {@code employer.<GROUP>} and
     * {@code field.<FIELD>} (the first 8 of the scenario's employer groups and their fields, the rest {@code other}),
     * {@code technical} and {@code nonTechnical}, and {@code wage.<BAND>} (hourly wage over the minimum wage for the
     * worker's age: belowMin, min-125, 125-150, 150-200, 200plus); each dimension adds up to placements and to
     * monthsInWork / 12. And per placement, means in euro a month: {@code dest.income.wage} (gross, job month 1),
     * {@code .benefitLeft} (net, the benefit's last month before it), {@code .netInWork} (net, job month 1),
     * {@code .gain} (net in work less benefit left) and {@code .noGainShare} (share with a gain of 0 or less).
     */
    public static final String DEST_PREFIX = "dest.";
    /** The names of the dest.* family (an employer group's or field's name is the scenario's). */
    static final java.util.regex.Pattern DEST_NAME = java.util.regex.Pattern.compile("dest\\.((employer|field)\\.[^.]+"
            + "|technical|nonTechnical|wage\\.(belowMin|min-125|125-150|150-200|200plus))\\.(placements|workYears)"
            + "|dest\\.income\\.(wage|benefitLeft|netInWork|gain|noGainShare)");
    public static final String DEST_INCOME_WAGE = DEST_PREFIX + "income.wage";
    public static final String DEST_INCOME_BENEFIT_LEFT = DEST_PREFIX + "income.benefitLeft";
    public static final String DEST_INCOME_NET_IN_WORK = DEST_PREFIX + "income.netInWork";
    public static final String DEST_INCOME_GAIN = DEST_PREFIX + "income.gain";
    public static final String DEST_INCOME_NO_GAIN_SHARE = DEST_PREFIX + "income.noGainShare";
    /**
     * Prefix of a variant's deadweight against the baseline: {@code deadweight.subsidies} and {@code deadweight.<EX>},
     * the share of the subsidies (or the exemption's payments) paid for workers whom the baseline replication also
     * places, at most {@link #DEADWEIGHT_WINDOW_MONTHS} months later.
     */
    public static final String DEADWEIGHT_PREFIX = "deadweight.";
    /** A baseline placement this many months after the variant's still counts as the same placement. */
    public static final int DEADWEIGHT_WINDOW_MONTHS = 3;

    /**
     * Prefix of a claimable scheme's take-up (mechanism take-up): {@code takeUp.<SCHEME>.granted} (hires and courses
     * the rules granted it in), {@code .claimed}, {@code .unaware} (not claimed: the claimant did not know it),
     * {@code .notWorthIt} (known, but the hassle outweighed the gain), {@code .paid} (euro paid to claimants) and
     * {@code .unclaimed} (euro it would have paid them over the months the spells ran). A scheme is a national one of
     * claimable-schemes.yaml or an exemption.
     */
    public static final String TAKE_UP_PREFIX = "takeUp.";
    /**
     * Prefix of a process support's reach (rules/support): {@code support.<ID>.participants} (workers whose hire or
     * course it helped claim a scheme for) and {@code .cost} (their cost per participant, paid by its payer).
     */
    public static final String SUPPORT_PREFIX = "support.";

    /** Prefix of the calibration measures (compared with observed exit rates by {@code calibrate}). */
    public static final String CALIBRATION_PREFIX = "calibration.";

    /** Prefix of the per-actor net ledger position (received minus paid). */
    public static final String NET_PREFIX = "net.";
    /** Prefix of the per-actor retraining cost (course fees paid minus training grants received). */
    public static final String RETRAINING_PREFIX = "retrainingCost.";
    /** Prefix of the count of actions each rule blocked. */
    public static final String BLOCKED_PREFIX = "blocked.";

    /** The calibration measures a run reports. */
    public static final List<String> CALIBRATION = List.of("wwExitToWork12m", "ww50PlusExitToWork12m",
            "wwTechnicalExitToWork12m", "bijstandExit12m", "bijstandExitToWork12m");

    /** Age bands of the who-benefits tables: under 27, 27 to 49, 50 and over. */
    public static final List<String> AGE_BANDS = List.of("under-27", "27-49", "50-plus");

    /** What a group row reports. */
    public static final List<String> GROUP_MEASURES = List.of(PLACEMENT_RATE, MONTHS_TO_PLACEMENT,
            "netPublicCostPerWorker", GROUP_SEEKERS);

    /**
     * What is wrong with a metric name, or null when a run reports it (or may: {@code blocked.<RULE>} and target
     * groups appear only when a rule blocks or a worker belongs to the group).
     *
     * @param name           the name as written
     * @param scenarioGroups the scenario's worker groups
     * @param ruleIds        the rule library's rule ids, or null when not known
     */
    public static String problem(String name, Set<String> scenarioGroups, Set<String> ruleIds) {
        if (DESCRIPTIONS.containsKey(name)) {
            return null;
        }
        List<String> known = new ArrayList<>(DESCRIPTIONS.keySet());
        for (Actor a : Actor.values()) {
            known.add(NET_PREFIX + a.name());
            known.add(RETRAINING_PREFIX + a.name());
        }
        CALIBRATION.forEach(c -> known.add(CALIBRATION_PREFIX + c));
        for (String g : scenarioGroups) {
            GROUP_MEASURES.forEach(m -> known.add("group.scenario." + g + "." + m));
        }
        for (Status st : Status.values()) {
            GROUP_MEASURES.forEach(m -> known.add("group.status." + st.name() + "." + m));
        }
        for (String band : AGE_BANDS) {
            GROUP_MEASURES.forEach(m -> known.add("group.age." + band + "." + m));
        }
        if (known.contains(name)) {
            return null;
        }
        if (name.startsWith("group.target.") && GROUP_MEASURES.stream().anyMatch(m -> name.endsWith("." + m))) {
            return null;
        }
        if (name.startsWith(COURSE_TAKE_UP_PREFIX)) {
            String key = name.substring(COURSE_TAKE_UP_PREFIX.length());
            List<String> keys = new ArrayList<>();
            for (Status st : Status.values()) {
                keys.add("status." + st.name());
            }
            EDUCATION_CLASSES.forEach(e -> keys.add("education." + e));
            return keys.contains(key) ? null : "unknown course take-up '" + key + "'" + Suggestions.didYouMean(key, keys)
                    + " (status.<STATUS> or education.<" + String.join("|", EDUCATION_CLASSES) + ">)";
        }
        if (name.startsWith(EXIT_TO_WORK_12M_PREFIX)) {
            String key = name.substring(EXIT_TO_WORK_12M_PREFIX.length());
            List<String> cohorts = new ArrayList<>();
            for (Status st : Status.values()) {
                cohorts.add("status." + st.name());
            }
            scenarioGroups.forEach(g -> cohorts.add("scenario." + g));
            EXIT_AGE_BANDS.forEach(b -> cohorts.add("age." + b));
            EXIT_AGE_BANDS.forEach(b -> cohorts.add("status.WW.age." + b));
            if (cohorts.contains(key)) {
                return null;
            }
            return "unknown exit-to-work cohort '" + key + "'" + Suggestions.didYouMean(key, cohorts)
                    + " (status.<STATUS>, scenario.<GROUP>, age.<BAND> or status.WW.age.<BAND>; bands "
                    + String.join(", ", EXIT_AGE_BANDS) + ")";
        }
        if (name.matches("(employed|placements|hazard)\\.year\\d+|netPublicCost\\.toMonth\\d+")
                || name.startsWith(REACH_PREFIX)
                || name.startsWith(PILOT_PREFIX)
                || DEST_NAME.matcher(name).matches()
                || name.startsWith(TAKE_UP_PREFIX)
                || name.startsWith(SUPPORT_PREFIX)
                || name.startsWith(DEADWEIGHT_PREFIX) || name.startsWith(SUBSIDISED_HIRES + ".")) {
            return null;
        }
        if (name.startsWith(BLOCKED_PREFIX)) {
            String rule = name.substring(BLOCKED_PREFIX.length());
            if (ruleIds == null || ruleIds.contains(rule)) {
                return null;
            }
            return "no rule '" + rule + "' in the rules folder" + Suggestions.didYouMean(rule, ruleIds);
        }
        return "unknown metric '" + name + "'" + Suggestions.didYouMean(name, known)
                + " (README.md, Metrics, lists them)";
    }

    /** What to say about a metric name a run does not report: the nearest names, and where the full list is. */
    public static String unknownMessage(String name, java.util.Collection<String> known) {
        String near = Suggestions.didYouMean(name, known);
        return "unknown metric '" + name + "'" + (near.isEmpty() ? "" : near)
                + "; 'compare --all' lists the run's metrics, README.md (Metrics) explains them";
    }

    /** Name and meaning of the headline metrics, in report order. */
    public static final Map<String, String> DESCRIPTIONS = descriptions();

    private static Map<String, String> descriptions() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put(PLACEMENTS, "workers who started a job (direct hire or converted trial placement) during the horizon");
        d.put(PLACEMENT_RATE, "placements / workers who were job seekers at some point");
        d.put(MONTHS_TO_PLACEMENT, "mean months from becoming a job seeker (or the start) to the first job, among those placed");
        d.put(EMPLOYED_AT_HORIZON, "former job seekers in a job in the last month");
        d.put(RETENTION_6M, "share of placements made at least 6 months before the end that are still in that job 6 months later");
        d.put(RETENTION_12M, "share of first placements made at least 12 months before the end that are still in that job"
                + " 12 months later");
        d.put(RETENTION_18M, "the same 18 months after the placement");
        d.put(TRIALS_STARTED, "trial placements started");
        d.put(TRIAL_CONVERSION, "share of trial placements that reached their end and became a job (trialsConverted"
                + " against the trials ended within the horizon)");
        d.put(TRIAL_RETENTION_12M, "share of the jobs that followed a trial placement, started at least 12 months before"
                + " the end, that lasted 12 months");
        d.put(TRIALS_PER_WW_EXIT, "trial placements started by WW recipients against the jobs WW recipients started"
                + " (exits from WW to work), as UWV's counts compare them");
        d.put(TRIALS_CONVERTED, "trial placements that became a job");
        d.put(TRIALS_EXTENDED, "trial placements extended beyond their standard length (where the rules allow it)");
        d.put(COURSES_STARTED, "courses started");
        d.put(COURSES_OVER_FUNDED, "courses funded twice: fee paid by more than one payer or above the price, or the"
                + " worker granted more than the fee they paid (the rules must keep this at 0)");
        d.put(COURSES_COMPLETED, "courses completed");
        d.put(HIRES_BELOW_REQUIRED_EDUCATION, "hires of a worker below the education level the employer's vacancies ask "
                + "for (exploratory; mechanism hiring-signal)");
        d.put(SKILL_DISTANCE_AT_HIRE, "mean skill distance of the hires: the share of the job's essential skills the "
                + "worker lacked when hired (scenarios with a skills taxonomy; exploratory)");
        d.put(SKILLS_COURSES_COMPLETED, "short skills courses completed: they add their skills and no diploma "
                + "(scenarios with a skills taxonomy; exploratory)");
        d.put(RETIREMENTS, "workers who reached the state pension age (rules parameter aow.age) and left the labour"
                + " market");
        d.put(RETRAINING_COST, "course fees and prices paid, in euro, whoever paid them (not the state's lump-sum funding of MBO"
                + " schools, a training grant in the ledger)");
        d.put(MONTHS_IN_WORK, "months former job seekers spent in a job at a simulated employer over the horizon");
        d.put(FISCAL_GAIN_PER_WORK_MONTH, "what a former job seeker's month in work saves the public purse against a"
                + " month out of work, in euro, over the horizon's last 12 months: the net public cost of a month out"
                + " of work (benefits) less that of a month in work (taxes and premiums received less subsidies paid);"
                + " it prices the employment gap the terminal value carries past the horizon");
        d.put(MONTHS_IN_COURSE, "months workers out of work spent in a course (they look for work less meanwhile: "
                + "lock-in; apprentices, who are in a job, not counted)");
        d.put(MONTHS_ON_TRIAL, "months workers spent on a trial placement (unpaid work on a benefit; not counted as "
                + "in work)");
        d.put(BENEFIT_PAYMENTS, "WW, bijstand, Wajong, top-ups and sickness benefit paid, in euro");
        d.put(SUBSIDIES_PAID, "wage-cost subsidies, wage-cost advantages and placement bonuses paid, in euro");
        d.put(PUBLIC_SPENDING, "what public bodies paid out other than benefits (subsidies, wage-cost advantages, "
                + "course fees, grants, bonuses, the implementation work of instruments), in euro");
        d.put(PUBLIC_RECEIPTS, "what public bodies received: wage tax and national insurance on wages and benefits, "
                + "employers' premiums, levies, less tax refunded (the labour credit on a side job), in euro");
        d.put(PUBLIC_COST, "net outflow of public bodies (UWV, municipality, state, province, outcome fund): "
                + "publicSpending + benefitPayments - publicReceipts, in euro");
        d.put(SOCIAL_COST, "net outflow of the public bodies, the investors of an outcome-financed project and the"
                + " sector training funds: netPublicCost - net.INVESTOR - net.TRAINING_FUND, in euro. Employers and workers"
                + " are left out: their money is mostly wages, taxes and benefits whose counterpart is not money (the"
                + " work, a benefit's purpose); allPartiesCost adds them with the value of the work");
        d.put(ALL_PARTIES_COST, "socialCost plus the employers' and workers' net outflow, less the value of the hired"
                + " job seekers' work to employers (employer.outputValue): what all parties together give up, equal to"
                + " what providers received for courses, coaching and implementation less the value of that work, in"
                + " euro. Leaves out the work of people hired from outside the population and the value of time out of"
                + " work, so it is a partial measure");
        d.put(PUBLIC_COST_PV, "netPublicCost as a present value at the start, discounted month by month at the "
                + "cost-benefit discount rate (parameter cba.discount-rate), in euro");
        d.put(PUBLIC_COST_PER_WORKER, "net public cost / workers in the scenario, in euro");
        d.put(PUBLIC_COST_PER_PLACEMENT, "net public cost / placements, in euro: an average, not the cost of an "
                + "extra placement (the cost-effectiveness section gives that)");
        d.put(EMPLOYER_COST, "employers' net outflow: wages, premiums and fees paid minus subsidies, advantages, "
                + "grants and sickness benefit received, in euro");
        d.put(HIRES, "jobs started at the simulated employers, re-hires included");
        d.put(EMPLOYER_WAGES, "gross wages (with holiday allowance) employers paid, in euro");
        d.put(EMPLOYER_PREMIUMS, "employee-insurance premiums and the health-care levy employers paid on wages, in euro");
        d.put(EMPLOYER_TRAINING, "course fees and training contributions employers paid, in euro");
        d.put(EMPLOYER_SUPPORT, "subsidies, wage-cost advantages, training grants and sickness benefit employers "
                + "received, in euro");
        d.put(EMPLOYER_OUTPUT, "what the hired job seekers' work was worth to employers (mechanism hiring: "
                + "productivity x the job's normal labour cost, less sickness), in euro; a modelled value, not a payment");
        d.put(EMPLOYER_NET_RESULT, "employer.outputValue minus employerCost: employers' result on these hires, in euro");
        d.put(EMPLOYER_NET_RESULT_PER_HIRE, "employer.netResult / hires, in euro");
        d.put(BLOCKED, "proposed actions (hire, trial placement, course) that a rule blocked");
        d.put(VACANCIES_UNFILLED, "vacancies still open at the end");
        d.put(WORK_TO_WORK, "employed workers at risk who moved to a job at a simulated employer without becoming unemployed");
        d.put(DISMISSALS_ANNOUNCED, "dismissals announced to employed workers at risk (the layoff draw); the notice "
                + "period of the rules (BW 7:672) runs before the job ends");
        d.put(LAYOFFS, "workers at risk whose notice period ran out: the job ended and they claimed WW");
        d.put(MOVED_IN_NOTICE, "workers who moved to a simulated employer during the notice period of an announced "
                + "dismissal (they resign: no transition payment is owed)");
        d.put(TRANSITION_PAYMENTS, "transition payments (BW 7:673) employers paid workers whose contract they ended, in "
                + "euro, after any offset, before the wage tax on them (booked to the treasury)");
        d.put(TRANSITION_OFFSET, "training costs set off against transition payments with the worker's consent (BW "
                + "7:673 lid 6), in euro");
        d.put(SECONDMENTS, "work-to-work secondments (P2) started during a notice period: the worker works at a host "
                + "employer while the old employer pays the wage");
        d.put(SECONDMENTS_HIRED, "secondments (P2) that ended in a hire by the host employer");
        d.put(AT_RISK_MONTHS_OUT_OF_WORK, "months that workers who started the run in work (at risk) spent out of work "
                + "after losing that job: a move before unemployment lowers it, where the job seekers' metrics "
                + "(placements, employedAtHorizon, monthsInWork) do not count the worker at all");
        d.put(W2W_COURSE_STARTS, "courses started on the work-to-work transition budget (P2) during a notice period");
        d.put(SROI_CREDITS, "social-return (SROI) credit the rules granted employers for placements and retraining, in "
                + "euro of social return (a credit towards the obligation, not money: in no cost line)");
        d.put(APPRENTICESHIPS, "career switchers taken on as paid BBL apprentices (a job with a course)");
        d.put(APPRENTICESHIPS_COMPLETED, "apprentices who completed their course");
        d.put(APPRENTICESHIPS_ENDED, "apprenticeships whose course ended within the horizon, completed or left early "
                + "(BBL completion is apprenticeshipsCompleted against these: courses still running are not counted)");
        d.put(TRIALS_ENDED, "trial placements that reached their end within the horizon (converted or not)");
        d.put(VACANCIES_REOPENED, "vacancies opened again because the trial placement in them ended without a hire (the "
                + "work is still to be done)");
        d.put(ENTRANTS, "workers who entered after the start: new WW, bijstand or other spells out of work at a group's "
                + "inflowPerMonth (mechanism inflow)");
        d.put(BBL_COMPLETION, "apprenticeshipsCompleted / apprenticeshipsEnded: the share of BBL courses that ended"
                + " within the horizon with a diploma (n/a when none ended)");
        d.put(BBL_GRADUATES_IN_WORK, "share of apprentices who completed their BBL course at least "
                + GRADUATE_FOLLOW_UP_MONTHS + " months before the end who were in a job " + GRADUATE_FOLLOW_UP_MONTHS
                + " months after completing");
        d.put(COURSE_TAKE_UP_EDUCATION_RATIO, "course take-up per year of the high-educated (HBO, WO) against the"
                + " low-educated (none, MBO 1), by education at the start (n/a when no low-educated worker started one)");
        d.put(COURSE_STARTERS_EMPLOYED_SHARE, "share of the workers who started a course outside an apprenticeship who"
                + " were in work at the start");
        d.put(SIDE_JOBS, "workers who combined a benefit with a part-time job at some point");
        d.put(SIDE_JOB_MONTHS, "months of part-time work on a benefit");
        d.put(COACHED, "workers a provider coached in an outcome-financed project");
        d.put(INVESTOR_OUTLAY, "what the investors of an outcome-financed project pre-financed (the provider's"
                + " coaching of each participant and the fund's administration), in euro");
        d.put(OUTCOME_PAYMENTS, "outcome payments the investors of an outcome-financed project received, in euro");
        d.put(OUTCOME_UNITS, "outcomes an outcome fund paid for, each counted by the part of it above the"
                + " participant's predicted chance: the outcome payments are the outcome price times this");
        d.put(OUTCOME_SUCCESSES, "participants whose success (placed during the project, still in work after the"
                + " retention months) an outcome fund paid for, one each whatever the predicted chance");
        d.put(OUTCOME_UNITS_PRICED, "the outcome units per coached participant the contract's outcome price assumed"
                + " (expected success rate x (1 - expected predicted chance)); n/a when no outcome was paid");
        d.put(SUBSIDISED_HIRES, "hires for which public bodies pay the employer (wage-cost subsidy, wage-cost advantage, "
                + "sickness benefit under the no-risk policy, training grants, an exemption's payments); they add up to "
                + "the four that follow");
        d.put(SUBSIDISED_HIRES + attributionSuffix(VacancyCompetition.Attribution.DEADWEIGHT), "subsidised hires the "
                + "employer would have made without the payments (its hire draw lies below the chance without them)");
        d.put(SUBSIDISED_HIRES + attributionSuffix(VacancyCompetition.Attribution.DISPLACED_OUTSIDER), "subsidised "
                + "hires the payments tipped, into a vacancy an applicant from outside the population would otherwise "
                + "have filled (outsiders there that month, or the vacancy's later outsider draws)");
        d.put(SUBSIDISED_HIRES + attributionSuffix(VacancyCompetition.Attribution.DISPLACED_INSIDER), "subsidised "
                + "hires the payments tipped, into a vacancy another simulated job seeker who applied the same month "
                + "would have won");
        d.put(SUBSIDISED_HIRES + attributionSuffix(VacancyCompetition.Attribution.NET_NEW), "subsidised hires the "
                + "payments tipped, into a vacancy that would otherwise have lapsed or stayed open to the end: net "
                + "new jobs");
        d.put(TRIALS_DISPLACING_HIRES, "trial placements (unpaid work) that took a vacancy a paid hire would "
                + "otherwise have filled: the sum of the two that follow");
        d.put(TRIALS_DISPLACING_HIRES + OUTSIDERS, "trial placements into a vacancy an applicant from outside the "
                + "population would otherwise have filled");
        d.put(TRIALS_DISPLACING_HIRES + INSIDERS, "trial placements into a vacancy another simulated job seeker "
                + "who applied the same month would have got as a paid hire");
        d.put(TRIAL_SHARE_OF_PLACEMENTS, "trial placements started / placements (published: trials are 2-5 % of WW "
                + "exits to work)");
        return java.util.Collections.unmodifiableMap(d);
    }
}
