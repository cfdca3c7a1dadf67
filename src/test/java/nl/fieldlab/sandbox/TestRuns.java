package nl.fieldlab.sandbox;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import nl.fieldlab.sandbox.report.Report;
import nl.fieldlab.sandbox.rules.Exemption;
import nl.fieldlab.sandbox.rules.RuleBase;
import nl.fieldlab.sandbox.rules.RuleInfo;
import nl.fieldlab.sandbox.rules.RuleLibrary;
import nl.fieldlab.sandbox.rules.Variant;
import nl.fieldlab.sandbox.scenario.Scenario;
import nl.fieldlab.sandbox.scenario.ScenarioLoader;
import nl.fieldlab.sandbox.simulation.SimulationResult;
import nl.fieldlab.sandbox.simulation.Simulator;
import nl.fieldlab.sandbox.stats.Comparison;

/** Runs scenarios through the engine's API (no shell) for tests. */
public final class TestRuns {

    public static final Path RULES = Path.of("rules");
    private static RuleLibrary library;

    private TestRuns() {
    }

    /**
     * The compiled-rule cache settings of this test JVM (the build's own folder and key under target/, or off) as
     * {@code -D} flags for a JVM a test starts, so that no test writes the user's cache or key.
     */
    public static java.util.List<String> ruleCacheFlags() {
        String cache = System.getProperty("fieldlab.rule-cache", "off");
        String key = System.getProperty("fieldlab.rule-cache.key");
        return key == null ? java.util.List.of("-Dfieldlab.rule-cache=off")
                : java.util.List.of("-Dfieldlab.rule-cache=" + cache, "-Dfieldlab.rule-cache.key=" + key);
    }

    public static synchronized RuleLibrary library() {
        if (library == null) {
            library = RuleLibrary.load(RULES);
        }
        return library;
    }

    /** Copies a folder tree (e.g. rules/) so that a test can edit it. */
    public static Path copyTree(Path from, Path to) throws java.io.IOException {
        try (java.util.stream.Stream<Path> s = java.nio.file.Files.walk(from)) {
            for (Path p : s.sorted().toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (java.nio.file.Files.isDirectory(p)) {
                    java.nio.file.Files.createDirectories(target);
                } else {
                    java.nio.file.Files.copy(p, target);
                }
            }
        }
        return to;
    }

    public static Scenario scenario(String file) {
        return ScenarioLoader.load(Path.of(file));
    }

    public static Map<String, RuleBase> compile(Scenario s) {
        Map<String, RuleBase> bases = new LinkedHashMap<>();
        for (Variant v : s.variants()) {
            bases.put(v.name(), RuleBase.compile(library(), v));
        }
        return bases;
    }

    public static SimulationResult run(Scenario s, int threads) {
        return new Simulator(threads, null, null).run(s, compile(s));
    }

    public static Report report(SimulationResult r) {
        Map<String, RuleInfo> rules = new TreeMap<>();
        compile(r.scenario()).values().forEach(b -> rules.putAll(b.rules()));
        Map<String, String> titles = new LinkedHashMap<>();
        for (Exemption e : library().exemptions()) {
            titles.put(e.id(), e.title());
        }
        return new Report(r, Comparison.of(r), rules, titles);
    }
}
