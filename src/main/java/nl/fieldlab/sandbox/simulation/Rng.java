package nl.fieldlab.sandbox.simulation;

/**
 * Counter-based random numbers: a uniform draw is a hash of (seed, replication, stream, entity, month). There is no
 * generator state, so a draw does not depend on how many draws came before it: the same worker in the same month
 * gets the same number for the same purpose in every variant (common random numbers), on any thread.
 */
public final class Rng {

    /** What a draw is for; each purpose is an independent stream. */
    public enum Stream {
        POPULATION, VACANCY_NEW, VACANCY_FILL, SEARCH, SEARCH_POOL, SEARCH_PICK, ROUTE, HIRE, TRIAL_CONVERT,
        COURSE_UPTAKE, COURSE_SPONTANEOUS, COURSE_COMPLETE, SEPARATION, LAYOFF, EXIT_OTHER,
        /** the quality of a worker-vacancy match (two draws: MATCH and MATCH_2) */
        MATCH, MATCH_2, SIDE_JOB_START, SIDE_JOB_STOP, APPRENTICESHIP, COACHING, COURSE_LOAN, SELF_PAY, RENEWAL,
        /** an apprentice leaves the BBL course, and its contract, early */
        BBL_LEAVING,
        /** an employer withdrawing an unfilled vacancy (mechanism vacancies; appended) */
        VACANCY_LAPSE,
        /** the employer's ranking of a simulated applicant among the acceptable outsiders (mechanism vacancies) */
        VACANCY_RANK,
        /** whether an employer (TAKE_UP_AWARE_EMPLOYER) or a worker knows a scheme, and whether a case is claimed */
        TAKE_UP_AWARE_EMPLOYER, TAKE_UP_AWARE_WORKER, TAKE_UP_APPLY,
        /** a worker in work seeks a course on their own initiative (mechanism learning-while-employed; appended) */
        LEARNING_DEMAND,
        /** a simulated pilot's lottery: whether a person is offered the exemption (appended) */
        PILOT_ASSIGN,
        /** a simulated pilot's draw of employers offered the exemption (appended) */
        PILOT_CLUSTER,
        /** whether an employer of a variant that hires on skills adopts the skills passport (mechanism hiring-signal; appended) */
        SKILLS_ADOPTION,
        /** work-to-work (P2): whether a secondment is sought, which host takes the worker, whether a course is offered */
        W2W_SECONDMENT, W2W_HOST, W2W_COURSE,
        /** whether a new vacancy is a carved job, after a case sprint that carves its group's jobs (appended) */
        CARVING
    }

    private final long key;

    private Rng(long key) {
        this.key = key;
    }

    /** The streams of one replication. */
    public static Rng forReplication(long seed, int replication) {
        return new Rng(mix(mix(seed) ^ (0x9E3779B97F4A7C15L * (replication + 1L))));
    }

    /** Streams that do not depend on the replication (a population drawn once). */
    public static Rng forSeed(long seed) {
        return new Rng(mix(seed ^ 0x5DEECE66DL));
    }

    /** A uniform number in [0, 1). */
    public double uniform(Stream stream, long entity, long step) {
        long h = mix(key ^ (stream.ordinal() + 1L) * 0xD1B54A32D192ED03L);
        h = mix(h ^ entity * 0x9E3779B97F4A7C15L);
        h = mix(h ^ step * 0xC2B2AE3D27D4EB4FL);
        return (h >>> 11) * 0x1.0p-53;
    }

    /** A whole number from {@code min} to {@code max} inclusive. */
    public int between(Stream stream, long entity, long step, int min, int max) {
        return min + (int) Math.floor(uniform(stream, entity, step) * (max - min + 1L));
    }

    /** A standard normal draw from two uniforms of two streams (Box-Muller). */
    public double normal(Stream a, Stream b, long entity, long step) {
        double u1 = Math.max(uniform(a, entity, step), 0x1.0p-53);
        double u2 = uniform(b, entity, step);
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    /** A Poisson count with the given mean, by inversion of one uniform draw. */
    public int poisson(Stream stream, long entity, long step, double mean) {
        if (mean <= 0) {
            return 0;
        }
        double u = uniform(stream, entity, step);
        double p = Math.exp(-mean);
        double cdf = p;
        int k = 0;
        while (u > cdf && k < 1000) {
            k++;
            p *= mean / k;
            cdf += p;
        }
        return k;
    }

    /** Why a master seed is derived from the scenario's seed; each purpose gets its own independent seeds. */
    public enum Purpose {
        /** a rerun with an independent seed, to check that a verdict does not hang on one seed */
        SEED_CHECK,
        /** one draw of the behaviour values across their ranges (robustness section) */
        ROBUSTNESS_DRAW,
        /** a simulated pilot: assignment and its replications */
        PILOT
    }

    /**
     * The {@code k}-th master seed derived from {@code seed} for {@code purpose}. Seeds of different purposes and
     * of different {@code k} are independent of each other and of the replication streams of {@code seed}; the
     * same arguments always give the same seed, so a derived run is reproducible from the scenario's seed alone.
     */
    public static long derive(long seed, Purpose purpose, int k) {
        return mix(mix(seed ^ 0xA0761D6478BD642FL * (purpose.ordinal() + 1L)) ^ 0xE7037ED1A0B428DBL * (k + 1L));
    }

    /** SplitMix64's finaliser: a bijective 64-bit mix. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
