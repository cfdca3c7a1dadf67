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
import nl.fieldlab.sandbox.rules.RuleLibrary;
import nl.fieldlab.sandbox.simulation.Simulator;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Reruns a report folder and says whether the result is the same, byte for byte; when it is not, what changed
 * since: the report's own files, the scenario, rule files, parameter files, and which metric means moved.
 *
 * <p>A report is data, never code: the rerun uses the scenario copy kept in the report folder (or, for reports
 * written before copies were kept, the scenario file the manifest names) and always the rules folder this session
 * is configured with, whose file hashes are compared with the ones the manifest recorded. A rules folder named by a
 * manifest is never loaded. The rerun uses the session's workbench with the manifest's seed, replications and
 * what-if overrides (set as a temporary what-if and restored afterwards, also on failure) and writes to a temporary
 * folder outside the report folder, which is deleted afterwards. The report folder itself is never touched.
 */
@Service
public class Verifier {

    /** The files compared byte for byte, in the order they are reported. */
    public static final List<String> COMPARED = List.of(ReportWriter.REPORT_JSON, ReportWriter.SUMMARY_CSV,
            ReportWriter.REPORT_MD);

    /** At most this many changed means are listed; the rest are counted. */
    public static final int MAX_MEANS = 20;

    private final Workbench workbench;

    public Verifier(Workbench workbench) {
        this.workbench = workbench;
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

    /** The scenario file compared with the manifest. */
    public enum ScenarioState {
        UNCHANGED, CHANGED, MISSING
    }

    /** A metric mean in the stored report and in the rerun; null where the metric or variant is absent. */
    public record MeanChange(String metric, String variant, BigDecimal before, BigDecimal after) {
    }

    /** What the manifest says produced the report. */
    public record Settings(String scenarioFile, String scenarioSha256, long seed, int replications, String rulesFolder,
            SortedMap<String, String> ruleFiles, Map<String, Double> behaviour,
            Map<String, Map<String, Double>> parameters, String version, String java,
            SortedMap<String, String> files) {

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
     */
    public record Result(Path reportDir, Settings settings, List<String> edited, Path rerunFrom, Path rulesFolder,
            ScenarioState scenario, List<FileChange> rules, List<FileChange> parameters, String rulesError,
            List<String> matching, List<String> differing, List<MeanChange> means, int moreMeans, String rerunError,
            String toolNote) {

        /** The report is as written and the rerun produced the same report.json, summary.csv and report.md. */
        public boolean identical() {
            return edited.isEmpty() && rerunError == null && differing.isEmpty()
                    && matching.size() == COMPARED.size();
        }

        /** Whether the rerun used the scenario copy kept in the report folder. */
        public boolean fromCopy() {
            return rerunFrom != null && rerunFrom.getFileName().toString().equals(ReportWriter.SCENARIO_COPY)
                    && rerunFrom.startsWith(reportDir);
        }

        /** The scenario (when the rerun read it from its original place), a rule or parameter file changed. */
        public boolean inputsChanged() {
            return (scenario != ScenarioState.UNCHANGED && !fromCopy()) || !rules.isEmpty() || !parameters.isEmpty()
                    || rulesError != null;
        }

        /** What changed, in short: "scenario, rules, parameters". */
        public List<String> changedInputs() {
            List<String> out = new ArrayList<>();
            if (scenario != ScenarioState.UNCHANGED && !fromCopy()) {
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
        Settings m = readManifest(reportDir);
        List<String> edited = edited(reportDir, m);

        Path original = m.scenarioFile() == null ? null : Path.of(m.scenarioFile());
        ScenarioState scenario;
        if (original == null || !Files.isRegularFile(original)) {
            scenario = ScenarioState.MISSING;
        } else {
            scenario = Hashes.sha256(read(original)).equals(m.scenarioSha256()) ? ScenarioState.UNCHANGED
                    : ScenarioState.CHANGED;
        }
        Path copy = reportDir.resolve(ReportWriter.SCENARIO_COPY);
        Path rerunFrom = Files.isRegularFile(copy) ? copy : scenario == ScenarioState.MISSING ? null : original;

        Path rulesFolder = workbench.rulesDir();
        String rulesError = null;
        SortedMap<String, String> now;
        boolean noRules = !Files.isDirectory(rulesFolder);
        try {
            now = RuleLibrary.load(rulesFolder).fileHashes();
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
        if (rerunFrom == null) {
            rerunError = "the report holds no copy of its scenario and " + (m.scenarioFile() == null
                    ? "its manifest names none" : "scenario file " + m.scenarioFile() + " is not found")
                    + "; cannot rerun";
        } else if (noRules) {
            rerunError = rulesError;
        } else {
            Path tmp = null;
            try {
                tmp = Files.createTempDirectory("fieldlab-verify-");
                Path out = tmp.resolve(reportDir.toAbsolutePath().normalize().getFileName().toString());
                rerun(m, rerunFrom, out, threads, progress, cancelled);
                for (String f : COMPARED) {
                    Path stored = reportDir.resolve(f);
                    if (Files.isRegularFile(stored) && Arrays.equals(read(stored), read(out.resolve(f)))) {
                        matching.add(f);
                    } else {
                        differing.add(f);
                    }
                }
                if (differing.contains(ReportWriter.REPORT_JSON)) {
                    compareMeans(reportDir.resolve(ReportWriter.REPORT_JSON), out.resolve(ReportWriter.REPORT_JSON),
                            means, more);
                }
            } catch (CancellationException e) {
                throw e;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create a temporary folder for the rerun: " + e.getMessage(), e);
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
                List.copyOf(means), more[0], rerunError, toolNote);
    }

    /** Files of the report folder whose bytes are not what the manifest recorded when it was written. */
    private static List<String> edited(Path reportDir, Settings m) {
        List<String> out = new ArrayList<>();
        m.files().forEach((name, sha) -> {
            Path f = reportDir.resolve(name).normalize();
            if (!f.startsWith(reportDir.normalize()) || !Files.isRegularFile(f)) {
                out.add(name + " (missing)");
            } else if (!Hashes.sha256(read(f)).equals(sha)) {
                out.add(name);
            }
        });
        Path copy = reportDir.resolve(ReportWriter.SCENARIO_COPY);
        if (Files.isRegularFile(copy) && !m.files().containsKey(ReportWriter.SCENARIO_COPY)
                && m.scenarioSha256() != null && !Hashes.sha256(read(copy)).equals(m.scenarioSha256())) {
            out.add(ReportWriter.SCENARIO_COPY);
        }
        return out;
    }

    /**
     * Reruns with the manifest's settings on the session's workbench (its rules folder, never one a manifest
     * names); its what-if is swapped for the manifest's and restored afterwards.
     */
    private void rerun(Settings m, Path scenarioFile, Path out, int threads, Simulator.Progress progress,
            BooleanSupplier cancelled) {
        Workbench.RunOptions options = new Workbench.RunOptions(scenarioFile, out, m.seed(), m.replications(),
                Math.max(1, threads), progress, cancelled, "verify").shownAs(m.scenarioFile());
        WhatIf previous = workbench.whatIf();
        try {
            workbench.whatIf(m.whatIf());
            workbench.rerun(options);
        } finally {
            workbench.whatIf(previous);
        }
    }

    // ------------------------------------------------------------------ manifest

    /** Reads the settings from DIR/manifest.json. */
    public static Settings readManifest(Path reportDir) {
        Path file = reportDir.resolve(ReportWriter.MANIFEST_JSON);
        String shown = InputError.display(file);
        if (!Files.isDirectory(reportDir)) {
            throw new InputError(InputError.display(reportDir) + ": report folder not found");
        }
        if (!Files.isRegularFile(file)) {
            throw new InputError(shown + ": not found (is " + InputError.display(reportDir)
                    + " a report folder written by run?)");
        }
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(read(file));
        } catch (JacksonException e) {
            throw new InputError(shown + ": cannot read: " + e.getOriginalMessage());
        } catch (UncheckedIOException e) {
            throw new InputError(shown + ": cannot read: " + e.getCause().getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new InputError(shown + ": cannot read: expected a JSON object");
        }
        for (String required : List.of("scenarioFile", "seed", "replications", "ruleFiles")) {
            JsonNode n = root.get(required);
            if (n == null || n.isNull()) {
                throw new InputError(shown + ": " + required + ": missing; cannot rerun this report");
            }
        }
        SortedMap<String, String> ruleFiles = new TreeMap<>();
        root.get("ruleFiles").properties().forEach(e -> ruleFiles.put(e.getKey(), e.getValue().asString()));
        JsonNode overrides = root.path("overrides");
        Map<String, Double> behaviour = numbers(overrides.path("behaviour"));
        Map<String, Map<String, Double>> parameters = new TreeMap<>();
        overrides.path("parameters").properties().forEach(e -> parameters.put(e.getKey(), numbers(e.getValue())));
        SortedMap<String, String> files = new TreeMap<>();
        root.path("files").properties().forEach(e -> files.put(e.getKey(), e.getValue().asString()));
        return new Settings(text(root, "scenarioFile"), text(root, "scenarioSha256"), root.get("seed").asLong(),
                root.get("replications").asInt(), text(root, "rulesFolder"), ruleFiles, behaviour, parameters,
                text(root, "version"), text(root, "java"), files);
    }

    private static String text(JsonNode root, String field) {
        JsonNode n = root.get(field);
        return n == null || n.isNull() ? null : n.asString();
    }

    private static Map<String, Double> numbers(JsonNode node) {
        Map<String, Double> out = new TreeMap<>();
        if (node != null && node.isObject()) {
            node.properties().forEach(e -> out.put(e.getKey(), e.getValue().asDouble()));
        }
        return out;
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

    private static void compareMeans(Path stored, Path rerun, List<MeanChange> out, int[] more) {
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

    /** metric -> variant -> mean from a report.json; empty when the file is missing or unreadable. */
    private static Map<String, Map<String, BigDecimal>> means(Path reportJson) {
        Map<String, Map<String, BigDecimal>> out = new LinkedHashMap<>();
        if (!Files.isRegularFile(reportJson)) {
            return out;
        }
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(read(reportJson));
        } catch (RuntimeException e) {
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

    private static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(InputError.display(p) + ": cannot read: " + e.getMessage(), e);
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
                    out.put(root.relativize(p).toString().replace('\\', '/'), Hashes.sha256(read(p)));
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
