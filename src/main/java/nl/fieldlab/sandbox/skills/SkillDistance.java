package nl.fieldlab.sandbox.skills;

/**
 * The distance from a worker's skills to a job's: the share of the job's essential skills the worker lacks,
 * unweighted. It is directional (skills the job does not ask for count for nothing, and never against the worker)
 * and it names the gap, so that a course can close it. Not Jaccard, which would count a worker's other skills
 * against them.
 */
public final class SkillDistance {

    private SkillDistance() {
    }

    /**
     * A gap: the distance, from 0 (the worker has every essential skill) to 1 (none), and the skills missing.
     *
     * @param d       |job minus worker| / |job|; 0 for a job that asks for nothing
     * @param missing the job's essential skills the worker lacks
     * @param of      how many essential skills the job has
     */
    public record Gap(double d, SkillSet missing, int of) {
    }

    public static Gap of(SkillSet worker, SkillSet job) {
        SkillSet missing = job.minus(worker);
        return new Gap(job.isEmpty() ? 0 : (double) missing.size() / job.size(), missing, job.size());
    }
}
