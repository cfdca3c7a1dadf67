package nl.fieldlab.sandbox.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import org.springframework.stereotype.Service;

import nl.fieldlab.sandbox.input.InputError;
import nl.fieldlab.sandbox.report.Json;
import nl.fieldlab.sandbox.report.ReportFolder;
import nl.fieldlab.sandbox.report.ReportWriter;
import nl.fieldlab.sandbox.rules.Hashes;
import nl.fieldlab.sandbox.rules.RuleBases;
import nl.fieldlab.sandbox.rules.RuleLibrary;
import nl.fieldlab.sandbox.simulation.Simulator;
import tools.jackson.databind.JsonNode;

/**
 * Reruns a report folder and says whether the result is the same, byte for byte; when it is not, what changed
 * since: the report's own files, the scenario, rule files, parameter files, and which metric means moved.
 *
 * <p>A report is data, never code, and verify trusts nothing in it it did not compute:
 * <ul>
 * <li>The rerun uses the scenario copy kept in the report folder (or, for reports written before copies were kept,
 * the scenario file the manifest names) and always the rules folder this session is configured with, compiled from
 * its text for this verification (never from the compiled-rules cache); a rules folder named by a manifest is never
 * loaded.</li>
 * <li>It reads only plain files inside the report folder (no links, at most {@link #MAX_REPORT_BYTES} each) and the
 * configured rules folder. The scenario file a manifest names is shown, and read only when it is a plain
 * {@code .yaml} file (not a link) of at most 2 MB under the working folder: a manifest someone sent could name any
 * of your files, and reading one could show its lines in an error or hang on a device.</li>
 * <li>Every manifest field it uses is checked ({@link ManifestReader}); its hashes must agree with each other (the
 * rules hash with the rule files it lists) and with the report's files, or the report counts as edited.</li>
 * </ul>
 * The rerun uses the session's workbench with the manifest's seed, replications and what-if overrides (set as a
 * temporary what-if and restored afterwards, also on failure) and writes to a temporary folder outside the report
 * folder, which is deleted afterwards. The report folder itself is never touched.
 */
@Service
public class Verifier {

    /** The files compared byte for byte, in the order they are reported. */
    public static final List<String> COMPARED = List.of(ReportWriter.REPORT_JSON, ReportWriter.SUMMARY_CSV,
            ReportWriter.REPORT_MD);

    /** At most this many changed means are listed; the rest are counted. */
    public static final int MAX_MEANS = 20;

    /** A report file is read up to this size (the default scenario's report.json is about 0.3 MB). */
    public static final long MAX_REPORT_BYTES = 128L * 1024 * 1024;

    private final Workbench workbench;
    /** Scenario files a manifest names are read only under this folder (the working folder). */
    private final Path scenarioRoot;

    @org.springframework.beans.factory.annotation.Autowired
    public Verifier(Workbench workbench) {
        this(workbench, Path.of(""));
    }

    /** A verifier that reads scenario files a manifest names only under {@code scenarioRoot}. */
    Verifier(Workbench workbench, Path scenarioRoot) {
        this.workbench = workbench;
        this.scenarioRoot = scenarioRoot.toAbsolutePath().normalize();
    }

    /** How an input file differs from the one the report was made with. */
    public enum Change {
        CHANGED, ADDED, REMOVED;

        @Override
        public String toString() {
            return switch (this) {
                case CHANGED -> "changed";
                case ADDED -> "new since";
                case REMOVED -> "removed since";
            };
        }
    }

    /** A file under the rules folder that differs from the manifest. */
    public record FileChange(String path, Change change) {
        @Override
        public String toString() {
            return path + " (" + change + ")";
        }
    }

    /** The scenario file the manifest names, compared with its recorded hash. */
    public enum ScenarioState {
        UNCHANGED, CHANGED, MISSING,
        /** Not read: outside the working folder, a link, not a plain .yaml file or too large (see the reason). */
        NOT_READ
    }

    /** A metric mean in the stored report and in the rerun; null where the metric or variant is absent. */
    public record MeanChange(String metric, String variant, BigDecimal before, BigDecimal after) {
    }

    /** What the manifest says produced the report. */
    public record Settings(String scenarioFile, String scenarioSha256, long seed, int replications, String rulesFolder,
            SortedMap<String, String> ruleFiles, Map<String, Double> behaviour,
            Map<String, Map<String, Double>> parameters, String version, String java,
            SortedMap<String, String> files, String rulesSha256, String parametersSha256, int seeds,
            Integer robustness) {

        /** Settings of a manifest of one seed without draws across the behaviour ranges. */
        public Settings(String scenarioFile, String scenarioSha256, long seed, int replications, String rulesFolder,
                SortedMap<String, String> ruleFiles, Map<String, Double> behaviour,
                Map<String, Map<String, Double>> parameters, String version, String java,
                SortedMap<String, String> files, String rulesSha256, String parametersSha256) {
            this(scenarioFile, scenarioSha256, seed, replications, rulesFolder, ruleFiles, behaviour, parameters,
                    version, java, files, rulesSha256, parametersSha256, 1, null);
        }

        public WhatIf whatIf() {
            return new WhatIf(behaviour, parameters);
        }
    }

    /**
     * The outcome of a verification.
     *
     * @param reportDir   the report folder verified
     * @param settings    what its manifest says
     * @param edited      files of the report folder that differ from what its manifest recorded (changed after the
     *                    report was written), or are missing
     * @param rerunFrom   the scenario file the rerun read (the report's own copy when it has one)
     * @param rulesFolder the rules folder the rerun used (the configured one)
     * @param scenario    whether the scenario file the manifest names changed since
     * @param rules       changed rule files (DRL and exemption declarations)
     * @param parameters  changed parameter files
     * @param rulesError  why the rules folder could not be read now, or null
     * @param matching    compared files that are byte-identical
     * @param differing   compared files that differ (or are missing from the report folder)
     * @param means       metric means that differ (at most {@link #MAX_MEANS})
     * @param moreMeans   how many further means differ
     * @param rerunError  why the rerun failed, or null
     * @param toolNote    how the tool or Java version differs from the one in the manifest, or null
     * @param scenarioNotRead why the scenario file the manifest names was not read, or null
     */
    public record Result(Path reportDir, Settings settings, List<String> edited, Path rerunFrom, Path rulesFolder,
            ScenarioState scenario, List<FileChange> rules, List<FileChange> parameters, String rulesError,
            List<String> matching, List<String> differing, List<MeanChange> means, int moreMeans, String rerunError,
            String toolNote, String scenarioNotRead) {

        /** The report is as written and the rerun produced the same report.json, summary.csv and report.md. */
        public boolean identical() {
            return edited.isEmpty() && rerunError == null && differing.isEmpty()
                    && matching.size() == COMPARED.size();
        }

        /**
         * A file the rerun would compare (report.json, summary.csv, report.md) no longer matches the manifest, so the
         * report was not rerun: the comparison is lost before it starts, and the hashes answer in a second where a
         * rerun takes minutes. Other edits (a missing scenario copy, a hand-edited manifest) still rerun, since the
         * rerun then tells whether the results themselves reproduce.
         */
        public boolean notRerun() {
            return comparedFileEdited(edited);
        }

        /** Whether the rerun used the scenario copy kept in the report folder. */
        public boolean fromCopy() {
            return rerunFrom != null && rerunFrom.getFileName().toString().equals(ReportWriter.SCENARIO_COPY)
                    && rerunFrom.startsWith(reportDir);
        }

        /** The scenario (when the rerun read it from its original place), a rule or parameter file changed. */
        public boolean inputsChanged() {
            return scenarioChanged() || !rules.isEmpty() || !parameters.isEmpty() || rulesError != null;
        }

        private boolean scenarioChanged() {
            return (scenario == ScenarioState.CHANGED || scenario == ScenarioState.MISSING) && !fromCopy();
        }

        /** What changed, in short: "scenario, rules, parameters". */
        public List<String> changedInputs() {
            List<String> out = new ArrayList<>();
            if (scenarioChanged()) {
                out.add("scenario");
            }
            if (!rules.isEmpty() || rulesError != null) {
                out.add("rules");
            }
            if (!parameters.isEmpty()) {
                out.add("parameters");
            }
            return out;
        }
    }

    /** Verifies a report folder, rerunning it with the default number of threads. */
    public Result verify(Path reportDir) {
        return verify(reportDir, Simulator.defaultThreads(), null, null);
    }

    /**
     * Verifies a report folder.
     *
     * @throws InputError            when the folder has no readable manifest.json
     * @throws CancellationException when the rerun is cancelled
     */
    public Result verify(Path reportDir, int threads, Simulator.Progress progress, BooleanSupplier cancelled) {
        // a run killed while it replaced this folder left it set aside: read it under its own name again
        ReportFolder.restoreSetAside(reportDir);
        Settings m = ManifestReader.read(reportDir);
        List<String> edited = edited(reportDir, m);

        NamedScenario named = named(m.scenarioFile(), m.scenarioSha256());
        ScenarioState scenario = named.state();
        Path copy = reportDir.resolve(ReportWriter.SCENARIO_COPY);
        String copyProblem = null;
        try {
            PlainFiles.read(copy, nl.fieldlab.sandbox.input.YamlFile.MAX_BYTES);
        } catch (PlainFiles.NotRead e) {
            copyProblem = e.getMessage();
        }
        Path rerunFrom = copyProblem == null ? copy : scenario == ScenarioState.UNCHANGED
                || scenario == ScenarioState.CHANGED ? named.path() : null;

        Path rulesFolder = workbench.rulesDir();
        String rulesError = null;
        SortedMap<String, String> now;
        RuleLibrary library = null;
        boolean noRules = !Files.isDirectory(rulesFolder);
        try {
            library = RuleLibrary.load(rulesFolder);
            now = library.fileHashes();
        } catch (InputError e) {
            rulesError = noRules ? "rules folder " + InputError.display(rulesFolder) + " not found; run from the "
                    + "folder that holds rules/, or point at one with java -Dfieldlab.rules=PATH -jar ..."
                    : e.getMessage();
            now = hashFiles(rulesFolder);
        }
        List<FileChange> rules = new ArrayList<>();
        List<FileChange> parameters = new ArrayList<>();
        TreeSet<String> all = new TreeSet<>(noRules ? Set.of() : m.ruleFiles().keySet());
        all.addAll(now.keySet());
        for (String f : all) {
            String before = m.ruleFiles().get(f);
            String after = now.get(f);
            Change c = before == null ? Change.ADDED : after == null ? Change.REMOVED
                    : before.equals(after) ? null : Change.CHANGED;
            if (c != null) {
                (f.startsWith("parameters/") ? parameters : rules).add(new FileChange(f, c));
            }
        }

        String toolNote = toolNote(m);
        List<String> matching = new ArrayList<>();
        List<String> differing = new ArrayList<>();
        List<MeanChange> means = new ArrayList<>();
        int[] more = {0};
        String rerunError = null;
        if (comparedFileEdited(edited)) {
            // hashes first: the comparison a rerun would make is already lost
        } else if (rerunFrom == null) {
            rerunError = "the report holds no " + (copyProblem == null || copyProblem.equals("missing") ? "copy of its "
                    + "scenario" : "readable copy of its scenario (" + ReportWriter.SCENARIO_COPY + ": " + copyProblem
                    + ")") + " and " + (m.scenarioFile() == null ? "its manifest names none"
                    : "scenario file " + m.scenarioFile() + (named.whyNotRead() != null ? " is not read: "
                            + named.whyNotRead() : " is not found")) + "; cannot rerun";
        } else if (library == null) {
            rerunError = rulesError;
        } else {
            Path tmp = null;
            try {
                tmp = Files.createTempDirectory("fieldlab-verify-");
                Path out = tmp.resolve(reportDir.toAbsolutePath().normalize().getFileName().toString());
                rerun(m, rerunFrom, out, RuleBases.fresh(library), threads, progress, cancelled);
                byte[] storedJson = null;
                byte[] rerunJson = null;
                for (String f : COMPARED) {
                    byte[] stored = readOrNull(reportDir.resolve(f));
                    byte[] again = Files.readAllBytes(out.resolve(f)); // written by this rerun
                    if (stored != null && Arrays.equals(stored, again)) {
                        matching.add(f);
                    } else {
                        differing.add(f);
                    }
                    if (f.equals(ReportWriter.REPORT_JSON)) {
                        storedJson = stored;
                        rerunJson = again;
                    }
                }
                if (differing.contains(ReportWriter.REPORT_JSON)) {
                    compareMeans(storedJson, rerunJson, means, more);
                }
            } catch (CancellationException e) {
                throw e;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create or read the temporary folder of the rerun: "
                        + e.getMessage(), e);
            } catch (RuntimeException e) {
                if (ExitCodes.of(e) != ExitCodes.BAD_INPUT && ExitCodes.of(e) != ExitCodes.CHECKS_FAILED) {
                    throw e;
                }
                rerunError = ExitCodes.message(e);
            } finally {
                if (tmp != null) {
                    deleteTree(tmp);
                }
            }
        }
        return new Result(reportDir, m, List.copyOf(edited), rerunFrom, rulesFolder, scenario, List.copyOf(rules),
                List.copyOf(parameters), rulesError, List.copyOf(matching), List.copyOf(differing),
                List.copyOf(means), more[0], rerunError, toolNote, named.whyNotRead());
    }

    private static boolean comparedFileEdited(List<String> edited) {
        return edited.stream().anyMatch(e -> COMPARED.stream().anyMatch(f -> e.equals(f) || e.startsWith(f + " (")));
    }

    /**
     * Files of the report folder whose bytes are not what the manifest recorded when it was written (or that are
     * missing, links, not plain files or too large to read), and the manifest's own hashes that disagree with each
     * other or with the scenario copy: a hand-edited manifest.
     */
    private static List<String> edited(Path reportDir, Settings m) {
        List<String> out = new ArrayList<>();
        m.files().forEach((name, sha) -> {
            try {
                if (!Hashes.sha256(PlainFiles.read(reportDir.resolve(name), MAX_REPORT_BYTES)).equals(sha)) {
                    out.add(name);
                }
            } catch (PlainFiles.NotRead e) {
                out.add(name + " (" + e.getMessage() + ")");
            }
        });
        if (m.rulesSha256() == null) {
            out.add(ReportWriter.MANIFEST_JSON + " (records no rulesSha256)");
        } else if (!m.rulesSha256().equals(RuleLibrary.hashOf(m.ruleFiles()))) {
            out.add(ReportWriter.MANIFEST_JSON + " (its rulesSha256 is not the hash of the ruleFiles it lists)");
        }
        if (m.parametersSha256() == null) {
            out.add(ReportWriter.MANIFEST_JSON + " (records no parametersSha256)");
        } else if (!m.parametersSha256().equals(RuleLibrary.parameterHashOf(m.ruleFiles()))) {
            out.add(ReportWriter.MANIFEST_JSON + " (its parametersSha256 is not the hash of the parameter files it"
                    + " lists)");
        }
        byte[] copy = readOrNull(reportDir.resolve(ReportWriter.SCENARIO_COPY));
        if (m.scenarioSha256() == null) {
            out.add(ReportWriter.MANIFEST_JSON + " (records no scenarioSha256)");
        } else if (copy != null && !Hashes.sha256(copy).equals(m.scenarioSha256())) {
            out.add(m.files().containsKey(ReportWriter.SCENARIO_COPY) ? ReportWriter.MANIFEST_JSON
                    + " (its scenarioSha256 is not the hash of " + ReportWriter.SCENARIO_COPY + ")"
                    : ReportWriter.SCENARIO_COPY);
        }
        return out;
    }

    /** The scenario file a manifest names: where it is, how it compares, or why verify did not read it. */
    private record NamedScenario(Path path, ScenarioState state, String whyNotRead) {
    }

    /**
     * Looks at the scenario file a manifest names only when it may: a plain {@code .yaml} or {@code .yml} file, not a
     * link, of at most 2 MB (the scenario loader's limit), under the working folder also after resolving links.
     */
    private NamedScenario named(String name, String recordedSha256) {
        if (name == null) {
            return new NamedScenario(null, ScenarioState.MISSING, null);
        }
        Path abs;
        try {
            abs = scenarioRoot.resolve(name).toAbsolutePath().normalize();
        } catch (java.nio.file.InvalidPathException e) {
            return notRead("not a path");
        }
        if (!abs.startsWith(scenarioRoot) || abs.equals(scenarioRoot)) {
            return notRead("it lies outside the working folder, and a report's manifest may name any of your files;"
                    + " verify reads only scenario files under the folder it runs in");
        }
        String file = abs.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (!file.endsWith(".yaml") && !file.endsWith(".yml")) {
            return notRead("not a .yaml file");
        }
        if (!Files.exists(abs, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return new NamedScenario(null, ScenarioState.MISSING, null);
        }
        byte[] bytes;
        try {
            if (!abs.toRealPath().startsWith(scenarioRoot.toRealPath())) {
                return notRead("a link leads outside the working folder");
            }
            bytes = PlainFiles.read(abs, nl.fieldlab.sandbox.input.YamlFile.MAX_BYTES);
        } catch (IOException e) {
            return notRead("cannot read: " + e.getMessage());
        } catch (PlainFiles.NotRead e) {
            return notRead(e.getMessage());
        }
        return new NamedScenario(abs, Hashes.sha256(bytes).equals(recordedSha256) ? ScenarioState.UNCHANGED
                : ScenarioState.CHANGED, null);
    }

    private static NamedScenario notRead(String why) {
        return new NamedScenario(null, ScenarioState.NOT_READ, why);
    }

    /**
     * Reruns with the manifest's settings on the session's workbench, with {@code rules} (compiled for this
     * verification from the configured folder, never one a manifest names); the session's what-if is swapped for
     * the manifest's and restored afterwards.
     */
    private void rerun(Settings m, Path scenarioFile, Path out, RuleBases rules, int threads,
            Simulator.Progress progress, BooleanSupplier cancelled) {
        Workbench.RunOptions options = new Workbench.RunOptions(scenarioFile, out, m.seed(), m.replications(),
                Math.max(1, threads), progress, cancelled, "verify").shownAs(m.scenarioFile()).withSeeds(m.seeds())
                .withRobustness(m.robustness());
        WhatIf previous = workbench.whatIf();
        try {
            workbench.whatIf(m.whatIf());
            workbench.rerunWith(options, rules);
        } finally {
            workbench.whatIf(previous);
        }
    }

    /** Reads the settings from DIR/manifest.json, checking every field verify uses ({@link ManifestReader}). */
    public static Settings readManifest(Path reportDir) {
        return ManifestReader.read(reportDir);
    }

    private static String toolNote(Settings m) {
        List<String> notes = new ArrayList<>();
        if (m.version() != null && !m.version().equals(Workbench.version())) {
            notes.add("tool version " + m.version() + " then, " + Workbench.version() + " now");
        }
        String java = System.getProperty("java.version");
        if (m.java() != null && !m.java().equals(java)) {
            notes.add("Java " + m.java() + " then, " + java + " now");
        }
        return notes.isEmpty() ? null : String.join("; ", notes);
    }

    // ------------------------------------------------------------------ means

    private static void compareMeans(byte[] stored, byte[] rerun, List<MeanChange> out, int[] more) {
        Map<String, Map<String, BigDecimal>> before = means(stored);
        Map<String, Map<String, BigDecimal>> after = means(rerun);
        List<MeanChange> all = new ArrayList<>();
        LinkedHashMap<String, Boolean> metrics = new LinkedHashMap<>();
        before.keySet().forEach(k -> metrics.put(k, true));
        after.keySet().forEach(k -> metrics.put(k, true));
        for (String metric : metrics.keySet()) {
            Map<String, BigDecimal> b = before.getOrDefault(metric, Map.of());
            Map<String, BigDecimal> a = after.getOrDefault(metric, Map.of());
            LinkedHashMap<String, Boolean> variants = new LinkedHashMap<>();
            b.keySet().forEach(k -> variants.put(k, true));
            a.keySet().forEach(k -> variants.put(k, true));
            for (String v : variants.keySet()) {
                BigDecimal x = b.get(v);
                BigDecimal y = a.get(v);
                boolean equal = x == null ? y == null : y != null && x.compareTo(y) == 0;
                boolean present = b.containsKey(v) && a.containsKey(v);
                if (!equal || !present) {
                    all.add(new MeanChange(metric, v, x, y));
                }
            }
        }
        out.addAll(all.subList(0, Math.min(MAX_MEANS, all.size())));
        more[0] = Math.max(0, all.size() - MAX_MEANS);
    }

    /** metric -> variant -> mean from a report.json; empty when it is missing or unreadable. */
    private static Map<String, Map<String, BigDecimal>> means(byte[] reportJson) {
        Map<String, Map<String, BigDecimal>> out = new LinkedHashMap<>();
        if (reportJson == null) {
            return out;
        }
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(reportJson);
        } catch (RuntimeException e) {
            return out;
        }
        if (root == null || !root.isObject()) {
            return out;
        }
        root.path("metrics").properties().forEach(metric -> {
            Map<String, BigDecimal> byVariant = new LinkedHashMap<>();
            metric.getValue().properties().forEach(v -> {
                JsonNode mean = v.getValue().get("mean");
                byVariant.put(v.getKey(), mean == null || !mean.isNumber() ? null : mean.decimalValue());
            });
            out.put(metric.getKey(), byVariant);
        });
        return out;
    }

    // ------------------------------------------------------------------ files

    /** A plain file of the report folder (not a link, at most {@link #MAX_REPORT_BYTES}), or null. */
    private static byte[] readOrNull(Path p) {
        try {
            return PlainFiles.read(p, MAX_REPORT_BYTES);
        } catch (PlainFiles.NotRead e) {
            return null;
        }
    }

    /** Hashes of the files a rule library reads, for when the library itself no longer loads. */
    private static SortedMap<String, String> hashFiles(Path rulesFolder) {
        SortedMap<String, String> out = new TreeMap<>();
        Path root = rulesFolder.toAbsolutePath().normalize();
        for (String[] dirAndSuffix : new String[][] {{"baseline", ".drl"}, {"parameters", ".yaml"},
                {"exemptions", ".yaml"}, {"exemptions", ".drl"}}) {
            Path dir = root.resolve(dirAndSuffix[0]);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> s = Files.walk(dir)) {
                for (Path p : s.filter(Files::isRegularFile).filter(x -> x.toString().endsWith(dirAndSuffix[1]))
                        .toList()) {
                    byte[] bytes = readOrNull(p);
                    out.put(root.relativize(p).toString().replace('\\', '/'), bytes == null ? "?"
                            : Hashes.sha256(bytes));
                }
            } catch (IOException e) {
                // an unreadable folder shows up as removed files
            }
        }
        return out;
    }

    private static void deleteTree(Path p) {
        try (Stream<Path> s = Files.walk(p)) {
            for (Path x : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(x);
            }
        } catch (IOException e) {
            // a leftover temporary folder is harmless
        }
    }
}
