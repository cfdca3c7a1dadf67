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
        verifier = new Verifier(workbench);
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
        replace(ww, "value: 0.70, source: \"S25; brief §7\"", "value: 0.50, source: \"S25; brief §7\"");
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
}
