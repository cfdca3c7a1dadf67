package nl.fieldlab.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import nl.fieldlab.sandbox.rules.Hashes;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The bad-input corpus ({@code src/test/resources/bad-input/cases.yaml} and {@code cases-TOPIC.yaml}): inputs users get wrong, each run through
 * {@link FieldlabApplication#run} (what {@code java -jar fieldlab.jar ...} runs) in a scratch copy of rules/,
 * scenarios/ and reports/. For each case: the exit code; the message; {@code file:line:} where the input is a
 * file; no stack trace or Java class name; and the scratch tree unchanged except where the case says it writes.
 */
class BadInputCorpusTest {

    static final Path CORPUS = Path.of("src/test/resources/bad-input");
    static final Pattern JAVA_WORDING = Pattern.compile(
            "Exception|\\tat |\\b(java|javax|org|tools|com|nl)\\.[a-z]+\\.[A-Za-z.$]+\\b|NullPointer|OutOfMemory");
    static final Pattern REPEAT = Pattern.compile("\\{(.)\\*(\\d+)}");

    @TempDir
    static Path tmp;
    static Path shared;
    static SortedMap<String, String> projectBefore;

    record Outcome(int exit, String out, String err) {
        String all() {
            return out + "\n" + err;
        }
    }

    @BeforeAll
    static void scratch() throws IOException {
        shared = work("shared");
        projectBefore = project();
        if (TALLY != null) {
            ExitCatcher.install();
        }
    }

    /** Cases by the exit code they ended with, for the summary. */
    static final Map<Integer, Integer> BY_EXIT = new java.util.concurrent.ConcurrentSkipListMap<>();

    @AfterAll
    static void projectUntouched() throws IOException {
        ExitCatcher.uninstall();
        System.out.println("bad-input corpus: " + BY_EXIT.values().stream().mapToInt(Integer::intValue).sum()
                + " cases; by exit code " + BY_EXIT + " (1 = a clear input error, 2 = a failed check, 0 = written"
                + " where safe, 3 = internal error)");
        assertEquals(List.of(), changed(projectBefore, project()), "the corpus changed files of the project itself");
    }

    /** The paths that differ between two snapshots. */
    static List<String> changed(SortedMap<String, String> before, SortedMap<String, String> after) {
        java.util.TreeSet<String> keys = new java.util.TreeSet<>(before.keySet());
        keys.addAll(after.keySet());
        return keys.stream().filter(k -> !java.util.Objects.equals(before.get(k), after.get(k))).toList();
    }

    static SortedMap<String, String> project() throws IOException {
        SortedMap<String, String> out = new TreeMap<>();
        for (String dir : List.of("rules", "scenarios", "reports")) {
            out.putAll(snapshot(Path.of(dir), Path.of(".")));
        }
        return out;
    }

    /** A scratch working directory: copies of rules/, scenarios/ and reports/README.md, and a user's file. */
    static Path work(String name) throws IOException {
        Path w = Files.createDirectories(tmp.resolve(name));
        TestRuns.copyTree(Path.of("rules"), w.resolve("rules"));
        TestRuns.copyTree(Path.of("scenarios"), w.resolve("scenarios"));
        Files.createDirectories(w.resolve("reports"));
        Files.copy(Path.of("reports/README.md"), w.resolve("reports/README.md"));
        Files.writeString(w.resolve("notes.txt"), "a user's own file\n");
        return w;
    }

    @TestFactory
    List<DynamicTest> corpus() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        int i = 0;
        // -Dcorpus.only=25-a runs only the files whose name holds it (while working on one topic)
        String only = System.getProperty("corpus.only");
        for (Path file : corpusFiles()) {
            if (only != null && !file.getFileName().toString().contains(only)) {
                continue;
            }
            JsonNode root = YAMLMapper.builder().build().readTree(Files.readString(file));
            String prefix = file.getFileName().toString().equals("cases.yaml") ? ""
                    : file.getFileName().toString().replaceAll("^cases-|\\.yaml$", "") + ": ";
            for (JsonNode c : root.get("cases")) {
                int n = ++i;
                tests.add(DynamicTest.dynamicTest(n + " " + prefix + c.get("name").asString(), () -> check(n, c)));
            }
        }
        assertTrue(only != null || tests.size() >= 80, "the corpus has at least 80 cases, has " + tests.size());
        return tests;
    }

    /** {@code cases.yaml} and every {@code cases-TOPIC.yaml} beside it, in name order. */
    static List<Path> corpusFiles() throws IOException {
        try (Stream<Path> s = Files.list(CORPUS)) {
            return s.filter(p -> p.getFileName().toString().matches("cases(-[a-z0-9-]+)?\\.yaml")).sorted().toList();
        }
    }

    void check(int n, JsonNode c) throws IOException {
        Path w = c.has("files") ? work("case-" + n) : shared;
        List<Path> written = prepare(w, c);
        // `properties`: Java system properties for this case's run only (e.g. a low rule time budget)
        List<String> properties = new ArrayList<>();
        if (c.has("properties")) {
            c.get("properties").properties().forEach(e -> {
                System.setProperty(e.getKey(), e.getValue().asString());
                properties.add(e.getKey());
            });
        }
        try {
            Path caseFile = written.isEmpty() ? null : written.get(0);
            SortedMap<String, String> before = snapshot(w, w);
            String command = c.get("command").asString().replace("{work}", w.toString())
                    .replace("{case}", caseFile == null ? "" : caseFile.toString());
            if (TALLY != null) {
                tally(n, c, w, command);
                return;
            }
            Outcome o = run(w, command, settings(c, w));
            BY_EXIT.merge(o.exit(), 1, Integer::sum);
            String all = o.all();
            int exit = c.get("exit").asInt();
            assertEquals(exit, o.exit(), () -> command + "\n" + all);
            String message = c.get("message").asString().replace("{work}", w.toString());
            assertTrue(all.contains(message), () -> "expected '" + message + "' in:\n" + all);
            boolean wantLine = c.has("at") ? !c.get("at").isNull() : exit == 1 && caseFile != null;
            if (wantLine) {
                String file = c.has("at") ? c.get("at").asString() : caseFile.getFileName().toString();
                assertTrue(Pattern.compile(Pattern.quote(file) + ":\\d+: ").matcher(all).find(),
                        () -> "expected " + file + ":LINE: in:\n" + all);
            }
            Matcher java = JAVA_WORDING.matcher(all);
            assertFalse(java.find(), () -> "Java wording '" + java.group() + "' reaches the user:\n" + all);
            List<PathMatcher> allowed = new ArrayList<>();
            if (c.has("writes")) {
                for (JsonNode g : c.get("writes")) {
                    allowed.add(FileSystems.getDefault().getPathMatcher("glob:" + g.asString()));
                }
            }
            SortedMap<String, String> after = snapshot(w, w);
            assertEquals(List.of(), changed(without(before, allowed), without(after, allowed)),
                    "the working tree changed beyond what the command writes");
        } finally {
            properties.forEach(System::clearProperty);
            for (Path p : written) {
                if (w == shared && p.startsWith(w.resolve("case"))) {
                    Files.deleteIfExists(p);
                }
            }
            if (w == shared) {
                org.springframework.util.FileSystemUtils.deleteRecursively(w.resolve("reports/out"));
            }
        }
    }

    /**
     * With {@code -Dcorpus.tally=FILE}, each case is only run and its outcome appended to FILE as one tab-separated
     * line (number, name, the exit the case expects, the outcome, the exit it gave), nothing asserted: this is how
     * the corpus is run against an older build to count outcomes before and after a change. A case that does not
     * end within {@code -Dcorpus.timeout} seconds (default 60) is a hang; it is left running on a daemon thread.
     */
    static final String TALLY = System.getProperty("corpus.tally");

    static void tally(int n, JsonNode c, Path w, String command) throws IOException {
        java.util.concurrent.ExecutorService one = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "corpus-case-" + n);
            t.setDaemon(true);
            return t;
        });
        String outcome;
        int exit = -1;
        ExitCatcher.attempted = null;
        try {
            Outcome o = one.submit(() -> run(w, command, settings(c, w))).get(Long.getLong("corpus.timeout", 60),
                    java.util.concurrent.TimeUnit.SECONDS);
            exit = o.exit();
            boolean javaWording = JAVA_WORDING.matcher(o.all()).find();
            outcome = exit == 0 ? "accepted" : exit == 3 || javaWording ? "internal error" : exit == 130 ? "cancelled"
                    : "clear error";
        } catch (java.util.concurrent.TimeoutException e) {
            outcome = "hang";
        } catch (java.util.concurrent.ExecutionException e) {
            outcome = "crash (" + e.getCause().getClass().getSimpleName() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            outcome = "interrupted";
        } finally {
            one.shutdownNow();
        }
        if (ExitCatcher.attempted != null) {
            outcome = "ends the program (status " + ExitCatcher.attempted + ")";
        }
        String line = n + "\t" + c.get("name").asString() + "\t" + c.get("exit").asInt() + "\t" + outcome + "\t"
                + exit + "\n";
        synchronized (BadInputCorpusTest.class) {
            Files.writeString(Path.of(TALLY), line, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
        }
    }

    /**
     * In a tally, an older build may let a rule end the program ({@code System.exit} in a consequence), which would
     * end the test JVM with it: the tally refuses every exit while it runs and records that a case tried. Java 17
     * still has the security manager for this (with a warning); a tally on a later Java needs
     * {@code -Djava.security.manager=allow}.
     */
    @SuppressWarnings({"removal", "deprecation"})
    static final class ExitCatcher extends SecurityManager {
        static volatile Integer attempted;

        static void install() {
            System.setSecurityManager(new ExitCatcher());
        }

        static void uninstall() {
            if (System.getSecurityManager() instanceof ExitCatcher) {
                System.setSecurityManager(null);
            }
        }

        @Override
        public void checkExit(int status) {
            attempted = status;
            throw new SecurityException("the corpus tally refuses an exit with status " + status);
        }

        @Override
        public void checkPermission(java.security.Permission perm) {
            // everything else is allowed
        }

        @Override
        public void checkPermission(java.security.Permission perm, Object context) {
            // everything else is allowed
        }
    }

    /** Writes the case's input files; the first is the one {@code {case}} names. */
    static List<Path> prepare(Path w, JsonNode c) throws IOException {
        List<Path> out = new ArrayList<>();
        Path caseDir = Files.createDirectories(w.resolve("case"));
        if (c.has("scenario") || c.has("text") || c.has("input")) {
            String name = c.has("as") ? c.get("as").asString() : "case.yaml";
            Path file = caseDir.resolve(name);
            if (c.has("input")) {
                Files.copy(CORPUS.resolve(c.get("input").asString()), file);
            } else {
                Files.writeString(file, caseText(c), StandardCharsets.UTF_8);
            }
            out.add(file);
        }
        if (c.has("files")) {
            for (Map.Entry<String, JsonNode> f : c.get("files").properties()) {
                Path file = w.resolve(f.getKey());
                Files.createDirectories(file.getParent());
                if (f.getValue().isObject() && f.getValue().has("replace")) {
                    String text = Files.readString(file);
                    for (Map.Entry<String, JsonNode> r : f.getValue().get("replace").properties()) {
                        assertTrue(text.contains(r.getKey()), f.getKey() + " no longer contains '" + r.getKey()
                                + "'; update the case");
                        text = text.replace(r.getKey(), expand(r.getValue().asString()));
                    }
                    Files.writeString(file, text);
                } else {
                    Files.writeString(file, expand(f.getValue().asString()).replace("{work}", w.toString()));
                }
                out.add(file);
            }
        }
        return out;
    }

    /** The text of a case's input file, from {@code text} or {@code scenario} with its edits; null for {@code input}. */
    static String caseText(JsonNode c) throws IOException {
        if (!c.has("text") && !c.has("scenario")) {
            return null;
        }
        String text = c.has("text") ? expand(c.get("text").asString())
                : Files.readString(Path.of("scenarios", c.get("scenario").asString() + ".yaml"));
        if (c.has("replace")) {
            for (Map.Entry<String, JsonNode> r : c.get("replace").properties()) {
                assertTrue(text.contains(r.getKey()), "the base scenario no longer contains '"
                        + r.getKey() + "'; update the case");
                text = text.replaceFirst(Pattern.quote(r.getKey()),
                        Matcher.quoteReplacement(expand(r.getValue().asString())));
            }
        }
        return text;
    }

    /** {@code {x*3}} becomes {@code xxx}: long values without long files. */
    static String expand(String s) {
        Matcher m = REPEAT.matcher(s);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(m.group(1).repeat(Integer.parseInt(m.group(2)))));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** A case's {@code settings}: Spring settings as {@code -Dkey=value} gives them ({@code {work}} expanded). */
    static Map<String, String> settings(JsonNode c, Path w) {
        Map<String, String> out = new LinkedHashMap<>();
        if (c.has("settings")) {
            for (Map.Entry<String, JsonNode> e : c.get("settings").properties()) {
                out.put(e.getKey(), e.getValue().asString().replace("{work}", w.toString()));
            }
        }
        return out;
    }

    static Outcome run(Path w, String command) {
        return run(w, command, Map.of());
    }

    static Outcome run(Path w, String command, Map<String, String> caseSettings) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("fieldlab.rules", w.resolve("rules").toString());
        settings.put("fieldlab.reports", w.resolve("reports").toString());
        settings.put("fieldlab.scenario", w.resolve("scenarios/default.yaml").toString());
        settings.putAll(caseSettings);
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int exit;
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            exit = FieldlabApplication.run(split(command), settings);
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        return new Outcome(exit, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
    }

    /** Splits a command line on spaces, keeping "quoted words" together. */
    static String[] split(String line) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("\"([^\"]*)\"|(\\S+)").matcher(line);
        while (m.find()) {
            out.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        return out.toArray(String[]::new);
    }

    static SortedMap<String, String> snapshot(Path root, Path relativeTo) throws IOException {
        SortedMap<String, String> out = new TreeMap<>();
        if (!Files.exists(root)) {
            return out;
        }
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted().toList()) {
                String key = relativeTo.relativize(p).toString();
                out.put(key, Files.isDirectory(p) ? "dir" : Files.isSymbolicLink(p) ? "link"
                        : Hashes.sha256(Files.readAllBytes(p)));
            }
        }
        return out;
    }

    static SortedMap<String, String> without(SortedMap<String, String> tree, List<PathMatcher> allowed) {
        SortedMap<String, String> out = new TreeMap<>();
        tree.forEach((k, v) -> {
            if (allowed.stream().noneMatch(m -> m.matches(Path.of(k)))) {
                out.put(k, v);
            }
        });
        return out;
    }
}
