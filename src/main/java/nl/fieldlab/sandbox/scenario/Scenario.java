package nl.fieldlab.sandbox.scenario;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import nl.fieldlab.sandbox.rules.Variant;

/**
 * A validated scenario: populations, courses, behaviour, variants and expectations.
 *
 * @param id           short id; the default report folder is {@code reports/<id>}
 * @param description  what the scenario is about
 * @param region       labour-market region code (default for groups)
 * @param municipality the municipality whose own policy choices apply (every variant runs under them)
 * @param start        first simulated month
 * @param months       number of months simulated
 * @param seed         master seed: every random stream derives from it
 * @param replications number of Monte Carlo replications
 * @param population   whether the synthetic population is drawn once (FIXED) or per replication
 * @param workers      worker groups
 * @param employers    employer groups
 * @param courses      courses on offer
 * @param behaviour    behaviour values (defaults plus overrides)
 * @param variants     variants, the baseline first
 * @param expectations evaluator expectations
 * @param file         the file it was read from (display form)
 * @param sha256       hash of the file's bytes
 * @param text         the file's text, kept with the report so that it can be rerun anywhere (null when unknown)
 * @param robustness   the draws across the behaviour ranges every run also makes (null: none)
 * @param verdicts     how the headline verdicts are reached: the correction and the runs with independent seeds
 * @param skills       the skills taxonomy and each variant's hiring signal ({@link SkillsSetup#NONE}: none)
 */
public record Scenario(
        String id,
        String description,
        String region,
        Municipality municipality,
        YearMonth start,
        int months,
        long seed,
        int replications,
        PopulationMode population,
        List<WorkerGroup> workers,
        List<EmployerGroup> employers,
        List<CourseSpec> courses,
        Behaviour behaviour,
        List<Variant> variants,
        List<ExpectationSpec> expectations,
        String file,
        String sha256,
        String text,
        RobustnessSpec robustness,
        VerdictsSpec verdicts,
        SkillsSetup skills) {

    public enum PopulationMode {
        /** One synthetic population, drawn from the seed, for all replications: replications vary behaviour. */
        FIXED,
        /** A new population per replication: replications also vary who is in the population. */
        PER_REPLICATION
    }

    public Scenario {
        workers = List.copyOf(workers);
        employers = List.copyOf(employers);
        courses = List.copyOf(courses);
        municipality = municipality == null ? Municipality.NONE : municipality;
        Map<String, Double> local = municipality.values();
        variants = variants.stream().map(v -> v.local().equals(local) ? v : v.withLocal(local)).toList();
        expectations = List.copyOf(expectations);
        verdicts = verdicts == null ? VerdictsSpec.DEFAULT : verdicts;
        skills = skills == null ? SkillsSetup.NONE : skills;
    }

    /** A scenario without skills (the diploma proxy alone sets every gap). */
    public Scenario(String id, String description, String region, Municipality municipality, YearMonth start,
            int months, long seed, int replications, PopulationMode population, List<WorkerGroup> workers,
            List<EmployerGroup> employers, List<CourseSpec> courses, Behaviour behaviour, List<Variant> variants,
            List<ExpectationSpec> expectations, String file, String sha256, String text, RobustnessSpec robustness,
            VerdictsSpec verdicts) {
        this(id, description, region, municipality, start, months, seed, replications, population, workers,
                employers, courses, behaviour, variants, expectations, file, sha256, text, robustness, verdicts,
                SkillsSetup.NONE);
    }

    /** A scenario without a robustness block, with the default verdicts (Holm, one seed). */
    public Scenario(String id, String description, String region, Municipality municipality, YearMonth start,
            int months, long seed, int replications, PopulationMode population, List<WorkerGroup> workers,
            List<EmployerGroup> employers, List<CourseSpec> courses, Behaviour behaviour, List<Variant> variants,
            List<ExpectationSpec> expectations, String file, String sha256, String text) {
        this(id, description, region, municipality, start, months, seed, replications, population, workers,
                employers, courses, behaviour, variants, expectations, file, sha256, text, null, VerdictsSpec.DEFAULT);
    }

    /** The same scenario with its population drawn as {@code mode} says (tests set on one drawn population). */
    public Scenario withPopulation(PopulationMode mode) {
        return new Scenario(id, description, region, municipality, start, months, seed, replications, mode,
                workers, employers, courses, behaviour, variants, expectations, file, sha256, text, robustness, verdicts, skills);
    }

    /** The same scenario with other verdict settings (run --seeds). */
    public Scenario withVerdicts(VerdictsSpec newVerdicts) {
        return new Scenario(id, description, region, municipality, start, months, seed, replications, population,
                workers, employers, courses, behaviour, variants, expectations, file, sha256, text, robustness, newVerdicts, skills);
    }

    public Variant variant(String name) {
        return variants.stream().filter(v -> v.name().equals(name)).findFirst().orElse(null);
    }

    /** Everybody a replication simulates: each group's stock and its entrants over the run (mechanism inflow). */
    public int workerCount() {
        return workers.stream().mapToInt(g -> g.count() + g.entrants(months)).sum();
    }

    public YearMonth end() {
        return start.plusMonths(months - 1L);
    }

    /** The same scenario with other run settings (for command-line and what-if overrides). */
    public Scenario with(long newSeed, int newReplications, Behaviour newBehaviour, List<Variant> newVariants) {
        return new Scenario(id, description, region, municipality, start, months, newSeed, newReplications, population,
                workers, employers, courses, newBehaviour, newVariants, expectations, file, sha256, text, robustness, verdicts, skills);
    }

    /** The same scenario over its first {@code newMonths} months (at most its own horizon). */
    public Scenario withMonths(int newMonths) {
        return new Scenario(id, description, region, municipality, start, Math.min(months, newMonths), seed,
                replications, population, workers, employers, courses, behaviour, variants, expectations, file, sha256, text, robustness, verdicts, skills);
    }

    /** The same scenario named as read from {@code name} (a copy rerun under its original name). */
    public Scenario shownAs(String name) {
        return new Scenario(id, description, region, municipality, start, months, seed, replications, population,
                workers, employers, courses, behaviour, variants, expectations, name, sha256, text, robustness, verdicts, skills);
    }

    /** The same scenario placed in another labour-market region (groups without a region of their own move along). */
    public Scenario inRegion(String newRegion) {
        return new Scenario(id, description, newRegion, municipality, start, months, seed, replications, population,
                workers, employers, courses, behaviour, variants, expectations, file, sha256, text, robustness, verdicts, skills);
    }

    /** The same scenario with another robustness block (null: none), as run --robustness sets it. */
    public Scenario withRobustness(RobustnessSpec newRobustness) {
        return new Scenario(id, description, region, municipality, start, months, seed, replications, population,
                workers, employers, courses, behaviour, variants, expectations, file, sha256, text, newRobustness, verdicts, skills);
    }

    /** The same scenario with worker and employer counts multiplied (benchmarks). */
    public Scenario scaled(double factor) {
        List<WorkerGroup> w = workers.stream().map(g -> new WorkerGroup(g.group(),
                (int) Math.max(1, Math.round(g.count() * factor)), g.status(), g.region(), g.age(), g.education(),
                g.field(), g.household(), g.wageValue(), g.dailyWage(), g.workHistoryYears(), g.monthsUnemployed(),
                g.meansTestShare(), g.disabledShare(), g.background(), g.layoffRate(), g.youngChildShare(),
                g.illnessBenefitBeforeShare(), g.childUnder12Share(), g.coursePayer(),
                g.inflowPerMonth() == null ? null : g.inflowPerMonth() * factor, g.occupation())).toList();
        List<EmployerGroup> e = employers.stream().map(g -> new EmployerGroup(g.group(),
                (int) Math.max(1, Math.round(g.count() * factor)), g.sector(), g.field(), g.region(), g.staff(),
                g.vacancyRate(), g.requiredEducation(), g.hourlyWage(), g.hoursPerWeek(), g.contractMonths(),
                g.technical(), g.shortage(), g.recognisedTrainingCompany(), g.trainingFund(),
                g.practiceStatementPlan(), g.socialCooperative(), g.sroiContractValue(), g.occupation(),
                g.carving())).toList();
        return new Scenario(id, description, region, municipality, start, months, seed, replications, population, w, e,
                courses, behaviour, variants, expectations, file, sha256, text, robustness, verdicts, skills);
    }
}
