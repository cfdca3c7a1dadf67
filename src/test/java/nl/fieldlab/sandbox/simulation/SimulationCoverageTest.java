package nl.fieldlab.sandbox.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import nl.fieldlab.sandbox.TestRuns;
import nl.fieldlab.sandbox.domain.WorkerFacts;
import nl.fieldlab.sandbox.rules.RuleBase;
import nl.fieldlab.sandbox.rules.RuleInfo;
import nl.fieldlab.sandbox.rules.Variant;
import nl.fieldlab.sandbox.scenario.Scenario;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * A simulation of the shipped scenarios feeds the rules what they read: every field of {@link WorkerFacts} takes more
 * than one value, and every baseline rule fires in some simulation or is listed as case-only with the reason
 * ({@code src/test/resources/case-only-rules.yaml}).
 */
class SimulationCoverageTest {

    static final Path CASE_ONLY = Path.of("src/test/resources/case-only-rules.yaml");

    static final Map<String, Set<Object>> VALUES = new TreeMap<>();
    static final Set<String> FIRED = new TreeSet<>();

    @BeforeAll
    static void simulate() {
        // the default scenario at 40 % of its size: every group, employer and course is there, in a third of the time
        Scenario s = TestRuns.scenario("scenarios/default.yaml").scaled(0.4);
        record Run(Scenario scenario, Variant variant) {
        }
        List<Run> runs = new ArrayList<>();
        s.variants().forEach(v -> runs.add(new Run(s, v)));
        // every exemption alone too, in a region of its scope, so that rules reached only through its path are seen
        TestRuns.library().exemptions().forEach(e -> runs.add(new Run(e.scope().regions().isEmpty()
                || e.scope().regions().contains(s.region()) ? s : s.inRegion(e.scope().regions().iterator().next()),
                new Variant(e.id(), List.of(e.id()), Map.of()))));
        // the seed scenarios, whose municipalities make their own policy choices (Amsterdam's flat-rate LKS)
        // and the BBL evidence experiment, whose apprentices include the 18- to 20-year-olds of the BBL wage scale: in
        // the default scenario only a rare Wajong recipient of that age is taken on as an apprentice
        // and the aviation work-to-work seed, whose route (P2) sets training costs off against the transition payment
        for (String seed : List.of("learning-account-mra", "case-sprint-techport", "social-cooperative-kennemerland",
                "evidence/bbl", "aviation-work-to-work-schiphol")) {
            Scenario other = TestRuns.scenario("scenarios/" + seed + ".yaml").scaled(0.3);
            other.variants().forEach(v -> runs.add(new Run(other, v)));
        }
        for (RecordComponent c : WorkerFacts.class.getRecordComponents()) {
            VALUES.put(c.getName(), new HashSet<>());
        }
        runs.parallelStream().forEach(r -> {
            RuleBase base = RuleBase.compile(TestRuns.library(), r.variant());
            Simulator.observe(r.scenario(), base, 0, (q, a) -> fired(a.fired()), SimulationCoverageTest::record);
        });
    }

    static synchronized void fired(List<String> rules) {
        FIRED.addAll(rules);
    }

    static synchronized void record(WorkerFacts f) {
        try {
            for (RecordComponent c : WorkerFacts.class.getRecordComponents()) {
                VALUES.get(c.getName()).add(c.getAccessor().invoke(f));
            }
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void everyWorkerFactTakesMoreThanOneValue() {
        Map<String, Integer> single = new LinkedHashMap<>();
        VALUES.forEach((field, values) -> {
            if (values.size() < 2) {
                single.put(field, values.size());
            }
        });
        assertEquals(Map.of(), single, "facts a simulation of the default scenario never varies: " + single);
    }

    @Test
    void everyBaselineRuleFiresInASimulationOrIsListedAsCaseOnlyWithTheReason() throws IOException {
        JsonNode listed = YAMLMapper.builder().build().readTree(Files.readString(CASE_ONLY));
        Map<String, String> caseOnly = new TreeMap<>();
        listed.properties().forEach(e -> caseOnly.put(e.getKey(), e.getValue().asString()));
        caseOnly.forEach((rule, reason) -> assertTrue(reason != null && reason.length() > 20,
                rule + ": give the reason it fires only in rule cases"));

        Map<String, RuleInfo> baseline = RuleBase.compile(TestRuns.library(), Variant.baseline()).rules();
        List<String> silent = new ArrayList<>();
        List<String> listedButFiring = new ArrayList<>();
        for (String rule : baseline.keySet()) {
            boolean fired = FIRED.contains(rule);
            if (!fired && !caseOnly.containsKey(rule)) {
                silent.add(rule);
            }
            if (fired && caseOnly.containsKey(rule)) {
                listedButFiring.add(rule);
            }
        }
        assertEquals(List.of(), silent, "baseline rules no simulation fires and no reason is given for");
        assertEquals(List.of(), listedButFiring, "listed as case-only but fired in a simulation: take them off");
        Set<String> unknown = new TreeSet<>(caseOnly.keySet());
        unknown.removeAll(baseline.keySet());
        assertEquals(Set.of(), unknown, "case-only list names rules that do not exist");
    }
}
