package nl.fieldlab.sandbox.report;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * What produced a report, enough to rerun it: the scenario and rule files (with hashes), the seed and
 * replications, the what-if overrides, and the tool and Java versions. The creation time lives here only.
 *
 * @param tool            tool name
 * @param version         tool version
 * @param java            Java runtime version
 * @param createdAt       when the report was written (ISO-8601)
 * @param wallSeconds     how long the run took
 * @param threads         threads used (results do not depend on it)
 * @param scenarioFile    scenario file as given
 * @param scenarioSha256  hash of the scenario file's bytes
 * @param scenarioId      scenario id
 * @param seed            master seed used
 * @param replications    replications used
 * @param rulesFolder     rules folder used
 * @param rulesSha256     one hash over every rule, exemption and parameter file
 * @param parametersSha256 one hash over the parameter files
 * @param ruleFiles       hash of each file under the rules folder
 * @param overrides       what-if overrides on top of the files (behaviour and parameters)
 * @param variants        variants run, with their exemptions
 * @param command         the command that produced the report
 * @param robustness      the draws across the behaviour ranges the run made (draws 0: the scenario's block was
 *                        switched off); absent when the run had none to make
 * @param files           SHA-256 of every other file in the folder, by name (a folder is this tool's when its
 *                        manifest lists what it holds; verify tells a hand-edited file by it)
 * @param seeds           runs with independent seeds behind the verdicts (1: no seed check); verify reruns them all
 */
public record Manifest(
        String tool,
        String version,
        String java,
        String createdAt,
        double wallSeconds,
        int threads,
        String scenarioFile,
        String scenarioSha256,
        String scenarioId,
        long seed,
        int replications,
        String rulesFolder,
        String rulesSha256,
        String parametersSha256,
        SortedMap<String, String> ruleFiles,
        Overrides overrides,
        List<VariantEntry> variants,
        String command,
        SortedMap<String, String> files,
        int seeds,
        @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
        RobustnessEntry robustness) {

    /** A manifest of a run without draws across the behaviour ranges. */
    public Manifest(String tool, String version, String java, String createdAt, double wallSeconds, int threads,
            String scenarioFile, String scenarioSha256, String scenarioId, long seed, int replications,
            String rulesFolder, String rulesSha256, String parametersSha256, SortedMap<String, String> ruleFiles,
            Overrides overrides, List<VariantEntry> variants, String command, SortedMap<String, String> files,
            int seeds) {
        this(tool, version, java, createdAt, wallSeconds, threads, scenarioFile, scenarioSha256, scenarioId, seed,
                replications, rulesFolder, rulesSha256, parametersSha256, ruleFiles, overrides, variants, command,
                files, seeds, null);
    }

    /**
     * The draws of a run across the behaviour ranges: how many (0: off), the replications of each, the design seed,
     * and the values drawn with their ranges, so that verify reruns the same draws.
     */
    public record RobustnessEntry(int draws, int replicationsPerDraw, long designSeed, Map<String, String> drawn) {
    }

    /** The same manifest recording the run's draws across the behaviour ranges. */
    public Manifest withRobustness(RobustnessEntry entry) {
        return new Manifest(tool, version, java, createdAt, wallSeconds, threads, scenarioFile, scenarioSha256,
                scenarioId, seed, replications, rulesFolder, rulesSha256, parametersSha256, ruleFiles, overrides,
                variants, command, files, seeds, entry);
    }

    /** The same manifest listing the files written beside it. */
    public Manifest withFiles(SortedMap<String, String> written) {
        return new Manifest(tool, version, java, createdAt, wallSeconds, threads, scenarioFile, scenarioSha256,
                scenarioId, seed, replications, rulesFolder, rulesSha256, parametersSha256, ruleFiles, overrides,
                variants, command, written, seeds, robustness);
    }

    /** What-if changes applied on top of the scenario file. */
    public record Overrides(Long seed, Integer replications, Map<String, Double> behaviour,
            Map<String, Map<String, Double>> parameters) {

        public static Overrides none() {
            return new Overrides(null, null, Map.of(), Map.of());
        }

        public boolean isEmpty() {
            return seed == null && replications == null && behaviour.isEmpty() && parameters.isEmpty();
        }
    }

    public record VariantEntry(String name, List<String> exemptions, Map<String, Double> parameters) {
    }
}
