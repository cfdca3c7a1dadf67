package nl.fieldlab.sandbox.rules;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.fieldlab.sandbox.TestRuns;
import nl.fieldlab.sandbox.bench.FloorTest;
import nl.fieldlab.sandbox.domain.Question;

/**
 * Rules compiled in one process and loaded from the store in the next decide alike; foreign files stay; a planted
 * file (other rules' packages under the real rules' key, or a crafted serialised object) is never deserialised and
 * the rules are compiled again; the key is owner-only, and the store is off when it cannot be.
 */
class CompiledRuleStoreTest {

    @TempDir
    Path tmp;

    @AfterEach
    void forget() {
        RuleBase.forgetCompiled();
    }

    @Test
    void storedRulesDecideAsFreshlyCompiledOnes() throws IOException {
        CompiledRuleStore store = new CompiledRuleStore(tmp.resolve("store"), tmp.resolve("config/key"));
        Variant v = new Variant("E1+E2", List.of("E1", "E2"), java.util.Map.of());
        RuleBase.forgetCompiled();
        RuleBase fresh = RuleBase.compile(TestRuns.library(), v, store);
        assertEquals(0, store.loads.get());
        assertEquals(3, files(store).size(), "the baseline's and each exemption's packages are stored");
        RuleBase.forgetCompiled(); // as a new process
        RuleBase loaded = RuleBase.compile(TestRuns.library(), v, store);
        assertEquals(3, store.loads.get(), "the second compile loads all three from the store");
        assertEquals(fresh.rules(), loaded.rules());
        Random random = new Random(7);
        List<Question> questions = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            questions.add(FloorTest.question(random, fresh));
        }
        assertEquals(fresh.decide(questions), loaded.decide(questions));
    }

    @Test
    void aFileThatIsNotOursIsNeitherReadNorReplaced() throws IOException {
        CompiledRuleStore store = new CompiledRuleStore(tmp.resolve("store"), tmp.resolve("config/key"));
        Files.createDirectories(tmp.resolve("store"));
        String key = CompiledRuleStore.key(RuleBase.filesKey(TestRuns.library().baselineRules()));
        Path file = store.fileOf(key);
        byte[] foreign = "someone else's file\n".getBytes();
        Files.write(file, foreign);
        RuleBase.forgetCompiled();
        RuleBase.compile(TestRuns.library(), Variant.baseline(), store);
        assertArrayEquals(foreign, Files.readAllBytes(file));
        assertEquals(0, store.loads.get());
    }

    @Test
    void aDamagedStoredFileIsCompiledAgainAndReplaced() throws IOException {
        CompiledRuleStore store = new CompiledRuleStore(tmp.resolve("store"), tmp.resolve("config/key"));
        RuleBase.forgetCompiled();
        RuleBase.compile(TestRuns.library(), Variant.baseline(), store);
        Path file = files(store).get(0);
        byte[] good = Files.readAllBytes(file);
        byte[] damaged = java.util.Arrays.copyOf(good, good.length / 2);
        Files.write(file, damaged);
        RuleBase.forgetCompiled();
        RuleBase again = RuleBase.compile(TestRuns.library(), Variant.baseline(), store);
        assertEquals(0, store.loads.get());
        assertTrue(again.rules().size() > 50);
        assertTrue(Files.size(file) > damaged.length, "the damaged file of ours was written anew");
    }

    private static List<Path> files(CompiledRuleStore store) throws IOException {
        try (Stream<Path> s = Files.list(store.fileOf("x").getParent())) {
            return s.filter(p -> p.toString().endsWith(".rules")).sorted().toList();
        }
    }

    // ------------------------------------------------------------------ planted files

    static final String MAGIC_1 = "fieldlab-sandbox compiled rules 1\n";
    static final String MAGIC_2 = "fieldlab-sandbox compiled rules 2\n";

    /** Set when a {@link Tripwire} is deserialised: what a gadget chain would run. */
    static volatile boolean tripped;

    /** A serialisable object whose deserialisation has an effect, as a gadget's would. */
    static final class Tripwire implements java.io.Serializable {
        private static final long serialVersionUID = 1L;

        private void readObject(java.io.ObjectInputStream in) throws IOException, ClassNotFoundException {
            in.defaultReadObject();
            tripped = true;
        }
    }

    static byte[] serialised(Object o) throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(o);
        }
        return bytes.toByteArray();
    }

    static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    /** The baseline of the shipped rules with one rule of its own added: "other rules". */
    private RuleLibrary otherRules() throws IOException {
        Path rules = TestRuns.copyTree(Path.of("rules"), tmp.resolve("other-rules"));
        Files.writeString(rules.resolve("baseline/decisions/planted.drl"), """
                package fieldlab.baseline.decisions;
                import nl.fieldlab.sandbox.domain.*;
                rule "PLANTED"
                    @source("not in your rules folder")
                when
                    $q : Question()
                then
                end
                """);
        return RuleLibrary.load(rules);
    }

    @Test
    void otherRulesPlantedUnderTheKeyOfTheRealOnesAreNotReadButCompiledAgain() throws IOException {
        Path dir = tmp.resolve("store");
        CompiledRuleStore store = new CompiledRuleStore(dir, tmp.resolve("config/key"));
        // the other rules' packages, as a store with another key (another user or machine) keeps them
        CompiledRuleStore elsewhere = new CompiledRuleStore(tmp.resolve("elsewhere"), tmp.resolve("config2/key"));
        RuleBase.forgetCompiled();
        assertTrue(RuleBase.compile(otherRules(), Variant.baseline(), elsewhere).rules().containsKey("PLANTED"));
        Path theirs = files(elsewhere).get(0);
        byte[] theirBytes = Files.readAllBytes(theirs);
        int theirHeader = new String(theirBytes, java.nio.charset.StandardCharsets.ISO_8859_1).indexOf('\n',
                MAGIC_2.length()) + 1;
        byte[] theirMacAndBody = java.util.Arrays.copyOfRange(theirBytes, theirHeader, theirBytes.length);
        byte[] theirBody = java.util.Arrays.copyOfRange(theirBytes, theirHeader + 65, theirBytes.length);

        String key = CompiledRuleStore.key(RuleBase.filesKey(TestRuns.library().baselineRules()));
        Path file = store.fileOf(key);
        Files.createDirectories(dir);
        List<byte[]> planted = List.of(
                // as the tester planted it: unsigned, in the format of the version before keyed hashes
                concat((MAGIC_1 + key + "\n").getBytes(), theirBody),
                // their signed file with the real key's header: the hash covers the header, so it no longer holds
                concat((MAGIC_2 + key + "\n").getBytes(), theirMacAndBody),
                // a made-up hash
                concat((MAGIC_2 + key + "\n" + "0".repeat(64) + "\n").getBytes(), theirBody));
        for (byte[] plant : planted) {
            Files.write(file, plant);
            RuleBase.forgetCompiled();
            RuleBase compiled = RuleBase.compile(TestRuns.library(), Variant.baseline(), store);
            assertFalse(compiled.rules().containsKey("PLANTED"), "the planted rules were used");
            assertEquals(0, store.loads.get(), "nothing planted was loaded");
            assertTrue(Files.readString(file, java.nio.charset.StandardCharsets.ISO_8859_1).startsWith(MAGIC_2 + key),
                    "compiled again and stored, signed, in its place");
        }
        RuleBase.forgetCompiled();
        assertFalse(RuleBase.compile(TestRuns.library(), Variant.baseline(), store).rules().containsKey("PLANTED"));
        assertEquals(1, store.loads.get(), "the store's own signed file is read");
    }

    @Test
    void aCraftedSerialisedObjectIsNeverDeserialised() throws IOException {
        Path dir = tmp.resolve("store");
        CompiledRuleStore store = new CompiledRuleStore(dir, tmp.resolve("config/key"));
        String key = CompiledRuleStore.key(RuleBase.filesKey(TestRuns.library().baselineRules()));
        Files.createDirectories(dir);
        byte[] gadget = serialised(new java.util.ArrayList<>(List.of(new Tripwire())));
        for (byte[] plant : List.of(concat((MAGIC_1 + key + "\n").getBytes(), gadget),
                concat((MAGIC_2 + key + "\n" + "ab".repeat(32) + "\n").getBytes(), gadget))) {
            tripped = false;
            Files.write(store.fileOf(key), plant);
            RuleBase.forgetCompiled();
            assertTrue(RuleBase.compile(TestRuns.library(), Variant.baseline(), store).rules().size() > 50);
            assertFalse(tripped, "a planted object was deserialised");
            assertEquals(0, store.loads.get());
        }
    }

    // ------------------------------------------------------------------ the key

    @Test
    void theKeyIsMadeOnFirstUseForTheOwnerAlone() throws IOException {
        Path key = tmp.resolve("config/fieldlab-sandbox/rule-cache.key");
        CompiledRuleStore store = new CompiledRuleStore(tmp.resolve("store"), key);
        assertTrue(store.usable());
        assertEquals(StoreKey.LENGTH, Files.size(key));
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(key)));
        assertEquals("rwx------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(key.getParent())));
        byte[] first = Files.readAllBytes(key);
        assertTrue(new CompiledRuleStore(tmp.resolve("store"), key).usable());
        assertArrayEquals(first, Files.readAllBytes(key), "made once, then read");
    }

    @Test
    void withoutAPrivateKeyTheStoreIsNotUsed() throws IOException {
        Path key = tmp.resolve("config/key");
        assertTrue(new CompiledRuleStore(tmp.resolve("store"), key).usable());
        Files.setPosixFilePermissions(key, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        CompiledRuleStore readable = new CompiledRuleStore(tmp.resolve("store"), key);
        assertFalse(readable.usable(), "a key others can read is no secret");
        RuleBase.forgetCompiled();
        RuleBase.compile(TestRuns.library(), Variant.baseline(), readable);
        assertFalse(Files.exists(tmp.resolve("store")), "nothing stored without a private key");

        Files.setPosixFilePermissions(key, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        Path link = tmp.resolve("config/link");
        Files.createSymbolicLink(link, key);
        assertFalse(new CompiledRuleStore(tmp.resolve("store"), link).usable(), "a link could lead anywhere");
        assertFalse(new CompiledRuleStore(tmp.resolve("store"), tmp.resolve("store/key")).usable(),
                "a key inside the cache folder is as open as the folder");
        Files.setPosixFilePermissions(key.getParent(),
                java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));
        assertFalse(new CompiledRuleStore(tmp.resolve("store"), key).usable(),
                "a key in a folder others can write could be replaced by theirs");
        Files.setPosixFilePermissions(key.getParent(),
                java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
    }

    // ------------------------------------------------------------------ verify

    /**
     * Even an entry that passes the check (signed with this user's key: a key someone read, or a bug) cannot fool
     * verify: run uses it, verify compiles the rules folder and reports the difference, reading nothing from the
     * store. The rules folder gets a comment of its own so that the planted entry is this test's alone.
     */
    @Test
    void verifyNeverReadsTheStore() throws IOException {
        CompiledRuleStore store = CompiledRuleStore.DEFAULT;
        assertTrue(store != null && store.usable(), "the test JVM has a store with a private key (see the pom)");
        String own = "\n// " + java.util.UUID.randomUUID() + "\n";
        Path rules = TestRuns.copyTree(Path.of("rules"), tmp.resolve("rules"));
        Path ww = rules.resolve("baseline/decisions/ww.drl");
        Files.writeString(ww, Files.readString(ww) + own);
        RuleLibrary real = RuleLibrary.load(rules);
        Path otherRules = TestRuns.copyTree(rules, tmp.resolve("other"));
        Path otherWw = otherRules.resolve("baseline/decisions/ww.drl");
        String text = Files.readString(otherWw);
        assertTrue(text.contains("monthlyWage * $q.p(\"ww.replacement-rate.later\")"), "update the test");
        Files.writeString(otherWw, text.replace("monthlyWage * $q.p(\"ww.replacement-rate.later\")",
                "monthlyWage * 0.2"));
        org.kie.internal.builder.KnowledgeBuilder builder =
                org.kie.internal.builder.KnowledgeBuilderFactory.newKnowledgeBuilder();
        for (SourceFile f : RuleLibrary.load(otherRules).baselineRules()) {
            builder.add(org.kie.internal.io.ResourceFactory.newByteArrayResource(f.text().getBytes(
                    java.nio.charset.StandardCharsets.UTF_8)).setSourcePath(f.path()),
                    org.kie.api.io.ResourceType.DRL);
        }
        assertFalse(builder.hasErrors(), builder.getErrors().toString());
        String key = CompiledRuleStore.key(RuleBase.filesKey(real.baselineRules()));
        store.save(key, List.copyOf(builder.getKnowledgePackages()));
        try {
            RuleBase.forgetCompiled();
            nl.fieldlab.sandbox.app.Workbench workbench = new nl.fieldlab.sandbox.app.Workbench(rules.toString(),
                    tmp.resolve("reports").toString(), List.of());
            int before = store.loads.get();
            Path report = tmp.resolve("reports/planted");
            workbench.run(new nl.fieldlab.sandbox.app.Workbench.RunOptions(Path.of("scenarios/smoke.yaml"), report,
                    null, null, 2, null, null, "run"));
            int afterRun = store.loads.get();
            assertTrue(afterRun > before, "run used the entry (it passes the check)");

            nl.fieldlab.sandbox.app.Verifier.Result r = new nl.fieldlab.sandbox.app.Verifier(workbench).verify(report);
            assertEquals(afterRun, store.loads.get(), "verify read nothing from the store");
            assertFalse(r.identical(), "verify compiled the rules folder and found the report is not its result");
            assertTrue(r.edited().isEmpty() && r.rules().isEmpty() && r.rerunError() == null, r.toString());
            assertTrue(r.differing().contains("report.json") && !r.means().isEmpty(), r.toString());
        } finally {
            Files.deleteIfExists(store.fileOf(key));
            RuleBase.forgetCompiled();
        }
    }
}
