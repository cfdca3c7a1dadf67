package nl.fieldlab.sandbox.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.fieldlab.sandbox.input.InputError;

/** verify reruns a report from its manifest: identical when nothing changed, and names what changed when not. */
class VerifierTest {

    @TempDir
    Path tmp;

    Path rules;
    Path scenario;
    Workbench workbench;
    Verifier verifier;

    @BeforeEach
    void setUp() throws IOException {
        rules = copy(Path.of("rules"), tmp.resolve("rules"));
        scenario = tmp.resolve("smoke.yaml");
        Files.copy(Path.of("scenarios/smoke.yaml"), scenario);
        workbench = new Workbench(rules.toString(), tmp.resolve("reports").toString(), List.of());
        verifier = new Verifier(workbench, tmp);
    }

    static Path copy(Path from, Path to) throws IOException {
        return nl.fieldlab.sandbox.TestRuns.copyTree(from, to);
    }

    Path run(String name) {
        Path out = tmp.resolve("reports").resolve(name);
        workbench.run(new Workbench.RunOptions(scenario, out, null, null, 2, null, null, "run"));
        return out;
    }

    static void replace(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        assertTrue(text.contains(from), file + " no longer contains '" + from + "'; update the test");
        Files.writeString(file, text.replace(from, to));
    }

    List<String> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** One workbench for all of it: compiling the rule library is the slow part. */
    @Test
    void unchangedInputsGiveAnIdenticalRerunWithTheReportsOwnOverrides() throws IOException {
        Path plain = run("plain");
        List<String> reports = list(tmp.resolve("reports"));
        List<String> files = list(plain);
        Verifier.Result r = verifier.verify(plain);
        assertTrue(r.identical(), () -> r.toString());
        assertFalse(r.inputsChanged());
        assertEquals(Verifier.COMPARED, r.matching());
        assertEquals(reports, list(tmp.resolve("reports")), "verify writes nothing beside the report");
        assertEquals(files, list(plain), "nor inside it");

        workbench.whatIf(WhatIf.none().withBehaviour("search.contact.WW", 0.6)
                .withParameter(WhatIf.ALL_VARIANTS, "ww.replacement-rate.later", 0.65));
        Path whatIf = run("what-if");
        assertNotEquals(Files.readString(plain.resolve("report.json")), Files.readString(whatIf.resolve("report.json")),
                "the overrides change the result");
        assertTrue(Files.readString(whatIf.resolve("manifest.json")).contains("\"search.contact.WW\" : 0.6"));

        WhatIf session = WhatIf.none().withBehaviour("hire.base", 0.9);
        workbench.whatIf(session);
        Verifier.Result w = verifier.verify(whatIf);
        assertTrue(w.identical(), w.toString());
        assertEquals(0.6, w.settings().behaviour().get("search.contact.WW"));
        assertEquals(0.65, w.settings().parameters().get("*").get("ww.replacement-rate.later"));
        assertEquals(session, workbench.whatIf(), "the session's what-if is back");

        Verifier.Result p = verifier.verify(plain);
        assertTrue(p.identical(), "a report without overrides is rerun without the session's what-if");
        assertEquals(session, workbench.whatIf());
    }

    /** Edits one after the other on one workbench (each edit recompiles the library once). */
    @Test
    void editsSinceTheReportAreNamed() throws IOException {
        Path report = run("edits");
        Path ww = rules.resolve("parameters/ww.yaml");
        Path drl = rules.resolve("baseline/decisions/ww.drl");
        String wwText = Files.readString(ww);
        String drlText = Files.readString(drl);

        // a parameter value
        replace(ww, "value: 0.70, source: \"S25 (secondary); Werkloosheidswet art. 47 lid 1 (S77;",
                "value: 0.50, source: \"S25 (secondary); Werkloosheidswet art. 47 lid 1 (S77;");
        Verifier.Result params = verifier.verify(report);
        assertFalse(params.identical());
        assertEquals(List.of(new Verifier.FileChange("parameters/ww.yaml", Verifier.Change.CHANGED)),
                params.parameters());
        assertTrue(params.rules().isEmpty(), params.rules().toString());
        assertEquals(Verifier.ScenarioState.UNCHANGED, params.scenario());
        assertEquals(List.of("parameters"), params.changedInputs());
        assertTrue(params.differing().contains("report.json"), params.differing().toString());
        assertFalse(params.means().isEmpty(), "some mean moved");
        assertTrue(params.means().size() <= Verifier.MAX_MEANS);
        assertNotEquals(params.means().get(0).before(), params.means().get(0).after());

        // a rule
        Files.writeString(ww, wwText);
        replace(drl, "monthlyWage * $q.p(\"ww.replacement-rate.later\")", "monthlyWage * 0.4");
        Verifier.Result rule = verifier.verify(report);
        assertFalse(rule.identical());
        assertEquals(List.of(new Verifier.FileChange("baseline/decisions/ww.drl", Verifier.Change.CHANGED)),
                rule.rules());
        assertTrue(rule.parameters().isEmpty());
        assertEquals(List.of("rules"), rule.changedInputs());

        // a comment only: an input changed, the result did not
        Files.writeString(drl, drlText + "\n// a comment added after the report\n");
        Verifier.Result comment = verifier.verify(report);
        assertTrue(comment.identical(), comment.toString());
        assertTrue(comment.inputsChanged());
        assertEquals("baseline/decisions/ww.drl", comment.rules().get(0).path());

        // a rule that no longer compiles: the rerun fails, and the session's what-if is still restored
        Files.writeString(drl, drlText.replace(
                "insert(new Entitlement($q, \"benefit.duration-months\", $q.p(\"ww.base-duration-months\")));",
                "insert(new Entitlement($q, \"benefit.duration-months\", $q.p(\"ww.base-duration-months\"))"));
        WhatIf session = WhatIf.none().withBehaviour("hire.base", 0.9);
        workbench.whatIf(session);
        Verifier.Result broken = verifier.verify(report);
        assertFalse(broken.identical());
        assertTrue(broken.rerunError().contains("baseline/decisions/ww.drl"), broken.rerunError());
        assertEquals(session, workbench.whatIf());
        Files.writeString(drl, drlText);

        // the scenario file: the report's own copy is what is rerun, so an edit or a deletion changes nothing
        replace(scenario, "count: 60", "count: 61");
        Verifier.Result changed = verifier.verify(report);
        assertTrue(changed.identical(), changed.toString());
        assertTrue(changed.fromCopy());
        assertEquals(Verifier.ScenarioState.CHANGED, changed.scenario());
        assertEquals(List.of(), changed.changedInputs());
        Files.delete(scenario);
        Verifier.Result missing = verifier.verify(report);
        assertTrue(missing.identical(), missing.toString());
        assertEquals(Verifier.ScenarioState.MISSING, missing.scenario());

        // a report without its copy (as written before copies were kept) needs the scenario file itself
        Files.delete(report.resolve("scenario.yaml"));
        Verifier.Result noCopy = verifier.verify(report);
        assertFalse(noCopy.identical());
        assertTrue(noCopy.rerunError().contains("not found"), noCopy.rerunError());
    }

    @Test
    void aFolderWithoutManifestIsAnInputErrorNamingTheFile() throws IOException {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        InputError e = assertThrows(InputError.class, () -> verifier.verify(empty));
        assertTrue(e.getMessage().contains("manifest.json"), e.getMessage());
        Files.writeString(empty.resolve("manifest.json"), "{ not json");
        InputError bad = assertThrows(InputError.class, () -> verifier.verify(empty));
        assertTrue(bad.getMessage().contains("manifest.json: cannot read"), bad.getMessage());
    }

    // ------------------------------------------------------------------ a report is data

    /** A copy of {@code report} with its manifest edited by {@code edit} (on the JSON text). */
    Path edited(Path report, String name, java.util.function.UnaryOperator<String> edit) throws IOException {
        Path copy = copy(report, tmp.resolve("edited").resolve(name));
        Path manifest = copy.resolve("manifest.json");
        String before = Files.readString(manifest);
        String after = edit.apply(before);
        assertNotEquals(before, after, name + ": the edit changed nothing; update the test");
        Files.writeString(manifest, after);
        return copy;
    }

    static String field(String json, String field, String value) {
        return json.replaceFirst("\"" + field + "\" : (\"[^\"]*\"|[-0-9.]+)",
                java.util.regex.Matcher.quoteReplacement("\"" + field + "\" : " + value));
    }

    /** {@code json} with the first {@code from} replaced. */
    static String first(String json, String from, String to) {
        return json.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to));
    }

    static final String OTHER_HASH = "\"" + "0123456789abcdef".repeat(4) + "\"";

    @Test
    void theManifestsHashesMustAgreeWithItsFilesAndTheRerun() throws IOException {
        Path report = run("hashes");
        assertTrue(verifier.verify(report).identical());
        for (String hash : List.of("rulesSha256", "parametersSha256", "scenarioSha256")) {
            Verifier.Result r = verifier.verify(edited(report, hash, j -> field(j, hash, OTHER_HASH)));
            assertFalse(r.identical(), hash + " edited and still identical");
            assertEquals(1, r.edited().size(), r.edited().toString());
            assertTrue(r.edited().get(0).startsWith("manifest.json (its " + hash + " is not the hash of"),
                    r.edited().toString());
        }
        // an edited rule file hash: the rule file now differs from the one recorded, and so does the rules hash
        Verifier.Result file = verifier.verify(edited(report, "ruleFile", j -> j.replaceFirst(
                "(\"baseline/decisions/ww.drl\" : )\"[0-9a-f]{64}\"", "$1" + OTHER_HASH)));
        assertFalse(file.identical());
        assertTrue(file.edited().get(0).startsWith("manifest.json (its rulesSha256"), file.edited().toString());
        assertEquals(List.of(new Verifier.FileChange("baseline/decisions/ww.drl", Verifier.Change.CHANGED)),
                file.rules());
    }

    @Test
    void everyFieldVerifyUsesIsCheckedWithFileLineAndField() throws IOException {
        Path report = run("fields");
        java.util.Map<String, java.util.function.UnaryOperator<String>> edits = new java.util.LinkedHashMap<>();
        edits.put("seed: expected a whole number, got \"abc\"", j -> field(j, "seed", "\"abc\""));
        edits.put("seed: expected a whole number, got 7.5", j -> field(j, "seed", "7.5"));
        edits.put("replications: expected 2 to 10000, got 0", j -> field(j, "replications", "0"));
        edits.put("overrides.behaviour.search.contact.WW: expected a finite number, got \"NaN\"",
                j -> first(j, "\"behaviour\" : { }", "\"behaviour\" : {\"search.contact.WW\": \"NaN\"}"));
        edits.put("overrides.behaviour.search.contact.WW: a probability lies from 0 to 1, got 7",
                j -> first(j, "\"behaviour\" : { }", "\"behaviour\" : {\"search.contact.WW\": 7}"));
        edits.put("overrides.parameters.*.ww.replacement-rate.later: expected a finite number, got one beyond what a"
                + " number can hold",
                j -> first(j, "\"parameters\" : { }",
                        "\"parameters\" : {\"*\": {\"ww.replacement-rate.later\": 1e999}}"));
        edits.put("files.../../notes.txt: expected the name of a file in the report folder, got '../../notes.txt'",
                j -> first(j, "\"files\" : {", "\"files\" : {\"../../notes.txt\": " + OTHER_HASH + ","));
        edits.put("scenarioFile: contains a control character (U+001B)",
                j -> field(j, "scenarioFile", "\"\\u001b[2Jscenarios/smoke.yaml\""));
        edits.put("rulesSha256: expected a SHA-256 hash (64 hex digits), got \"abc\"",
                j -> field(j, "rulesSha256", "\"abc\""));
        edits.put("cannot read: Duplicate Object property \"seed\"", j -> first(j, "\"seed\" :",
                "\"seed\" : 1, \"seed\" :"));
        int n = 0;
        for (var e : edits.entrySet()) {
            Path copy = edited(report, "field-" + n++, e.getValue());
            InputError error = assertThrows(InputError.class, () -> verifier.verify(copy), e.getKey());
            assertTrue(error.getMessage().contains(e.getKey()), () -> error.getMessage() + "\nexpected: " + e.getKey());
            assertTrue(error.getMessage().matches("(?s).*manifest\\.json(:\\d+)?: .*"), error.getMessage());
            assertFalse(error.getMessage().contains("\u001b"), "no escape sequence reaches the terminal");
        }
        assertTrue(verifier.verify(report).identical(), "the original still verifies");
    }

    @Test
    void aScenarioFileTheManifestNamesIsReadOnlyUnderTheWorkingFolder() throws IOException, InterruptedException {
        Path report = run("named");
        Path outsideRoot = Files.createDirectories(tmp.getParent().resolve(tmp.getFileName() + "-outside"));
        try {
            namedScenarios(report, outsideRoot);
        } finally {
            Files.deleteIfExists(tmp.resolve("link.yaml"));
            Files.deleteIfExists(outsideRoot.resolve("secret.yaml"));
            Files.deleteIfExists(outsideRoot);
        }
    }

    private void namedScenarios(Path report, Path outsideRoot) throws IOException, InterruptedException {
        Path secret = Files.writeString(outsideRoot.resolve("secret.yaml"), "password: hunter2\n");
        Path link = Files.createSymbolicLink(tmp.resolve("link.yaml"), secret);
        Path passwd = Path.of("/etc/passwd");
        java.util.Map<String, String> named = new java.util.LinkedHashMap<>();
        named.put(passwd.toString(), "it lies outside the working folder");
        named.put(secret.toString(), "it lies outside the working folder");
        named.put(tmp.resolve("../" + outsideRoot.getFileName() + "/secret.yaml").toString(),
                "it lies outside the working folder");
        named.put(link.toString(), "a link leads outside the working folder");
        named.put(tmp.resolve("rules/regions.json").toString(), "not a .yaml file");
        int n = 0;
        for (var e : named.entrySet()) {
            Path copy = edited(report, "named-" + n++, j -> field(j, "scenarioFile", "\"" + e.getKey() + "\""));
            Verifier.Result r = verifier.verify(copy);
            assertEquals(Verifier.ScenarioState.NOT_READ, r.scenario(), e.getKey());
            assertTrue(r.scenarioNotRead().startsWith(e.getValue()), r.scenarioNotRead());
            assertTrue(r.fromCopy(), "the report's own copy is rerun");
            // without the copy there is nothing verify may rerun: it says why, and shows nothing of the file
            Files.delete(copy.resolve("scenario.yaml"));
            Verifier.Result noCopy = verifier.verify(copy);
            assertTrue(noCopy.rerunError().contains("scenario file " + e.getKey() + " is not read: " + e.getValue()),
                    noCopy.rerunError());
            assertFalse(noCopy.toString().contains("hunter2") || noCopy.toString().contains("root:"),
                    noCopy.toString());
        }
        Path fifo = tmp.resolve("pipe.yaml");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertTrue(mkfifo.waitFor(60, java.util.concurrent.TimeUnit.SECONDS) && mkfifo.exitValue() == 0);
        Path piped = edited(report, "pipe", j -> field(j, "scenarioFile", "\"" + fifo + "\""));
        Files.delete(piped.resolve("scenario.yaml"));
        Verifier.Result pipe = verifier.verify(piped); // opening the pipe to read it would wait for ever
        assertEquals(Verifier.ScenarioState.NOT_READ, pipe.scenario());
        assertEquals("not a plain file", pipe.scenarioNotRead());
    }

    @Test
    void anEditedReportIsToldFromItsHashesWithoutARerun() throws IOException {
        Path report = copy(run("hashes-first"), tmp.resolve("hashes-first-edited"));
        Files.writeString(report.resolve("summary.csv"), "\n", java.nio.file.StandardOpenOption.APPEND);
        java.util.concurrent.atomic.AtomicInteger steps = new java.util.concurrent.atomic.AtomicInteger();
        Verifier.Result r = verifier.verify(report, 1, (done, total) -> steps.incrementAndGet(), () -> false);
        assertFalse(r.identical());
        assertEquals(List.of("summary.csv"), r.edited());
        assertTrue(r.notRerun());
        assertEquals(0, steps.get(), "no simulated month: the hashes already tell");
        assertEquals(List.of(), r.differing());
        String text = nl.fieldlab.sandbox.shell.EvaluatorCommands.describe(r);
        assertTrue(text.startsWith("Checked "), text);
        assertTrue(text.contains("Not rerun: the hashes already show"), text);
        assertFalse(text.contains("The rerun failed"), text);

        // the near miss: the same report untouched is rerun, month by month
        Path untouched = run("hashes-first-untouched");
        Verifier.Result same = verifier.verify(untouched, 1, (done, total) -> steps.incrementAndGet(), () -> false);
        assertTrue(same.identical(), same.toString());
        assertTrue(steps.get() > 0, "the rerun reports its months");
    }

    @Test
    void reportFilesAreReadOnlyAsPlainFilesOfTheFolderUpToALimit() throws IOException {
        Path report = run("plain");
        Path huge = tmp.resolve("huge.json");
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(huge.toFile(), "rw")) {
            f.setLength(3L << 30); // 3 GB, sparse: no disk used
        }
        Path linked = copy(report, tmp.resolve("linked"));
        Files.delete(linked.resolve("report.json"));
        Files.createSymbolicLink(linked.resolve("report.json"), huge);
        Verifier.Result r = verifier.verify(linked);
        assertFalse(r.identical());
        assertTrue(r.edited().contains("report.json (a link; only plain files are read)"), r.edited().toString());
        assertTrue(r.notRerun(), "an edited report is not rerun");

        Path large = copy(report, tmp.resolve("large"));
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(large.resolve("report.json").toFile(), "rw")) {
            f.setLength(Verifier.MAX_REPORT_BYTES + 1);
        }
        Verifier.Result big = verifier.verify(large);
        assertTrue(big.edited().contains("report.json (128.0 MB, more than the 128 MB read at most)"),
                big.edited().toString());

        Path manifestLink = copy(report, tmp.resolve("manifest-link"));
        Path elsewhere = Files.move(manifestLink.resolve("manifest.json"), tmp.resolve("manifest-elsewhere.json"));
        Files.createSymbolicLink(manifestLink.resolve("manifest.json"), elsewhere);
        InputError e = assertThrows(InputError.class, () -> verifier.verify(manifestLink));
        assertTrue(e.getMessage().endsWith("manifest.json: a link; only plain files are read"), e.getMessage());
    }
}
