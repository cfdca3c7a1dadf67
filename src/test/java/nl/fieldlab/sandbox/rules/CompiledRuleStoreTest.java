package nl.fieldlab.sandbox.rules;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
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

/** Rules compiled in one process and loaded from the store in the next decide alike; foreign files stay. */
class CompiledRuleStoreTest {

    @TempDir
    Path tmp;

    @AfterEach
    void forget() {
        RuleBase.forgetCompiled();
    }

    @Test
    void storedRulesDecideAsFreshlyCompiledOnes() throws IOException {
        CompiledRuleStore store = new CompiledRuleStore(tmp.resolve("store"));
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
        CompiledRuleStore store = new CompiledRuleStore(tmp.resolve("store"));
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
        CompiledRuleStore store = new CompiledRuleStore(tmp.resolve("store"));
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
}
