package nl.fieldlab.sandbox.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import nl.fieldlab.sandbox.TestRuns;
import nl.fieldlab.sandbox.app.Analyses;
import nl.fieldlab.sandbox.app.CommandFailure;
import nl.fieldlab.sandbox.app.WhatIf;
import nl.fieldlab.sandbox.app.Workbench;
import nl.fieldlab.sandbox.rules.RuleLibrary;
import nl.fieldlab.sandbox.scenario.Scenario;
import nl.fieldlab.sandbox.simulation.Simulator;

/**
 * Two members started as separate JVMs on this machine: a run through them writes the report a local run writes,
 * byte for byte, with both members, after one was killed mid-run, and with the one left; a client with other rules
 * is refused.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterTest {

    @TempDir
    static Path tmp;

    static final List<Process> members = new ArrayList<>();
    static ClusterSettings settings;
    static Workbench workbench;

    @BeforeAll
    static void startTwoMembers() throws Exception {
        int a = freePort();
        int b = freePort();
        String list = "127.0.0.1:" + a + ",127.0.0.1:" + b;
        settings = new ClusterSettings("fieldlab-test-" + a, list, a);
        for (int port : new int[] {a, b}) {
            Path log = tmp.resolve("member-" + port + ".log");
            members.add(new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx1g", "-cp", System.getProperty("java.class.path"),
                    "-Dfieldlab.rules=" + TestRuns.RULES.toAbsolutePath(),
                    "-Dfieldlab.rule-cache=" + System.getProperty("fieldlab.rule-cache", "off"),
                    "-Dfieldlab.reports=" + tmp.resolve("member-reports-" + port),
                    "-Dfieldlab.cluster.name=" + settings.name(), "-Dfieldlab.cluster.members=" + list,
                    "-Dfieldlab.cluster.port=" + port, "nl.fieldlab.sandbox.FieldlabApplication", "member")
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start());
        }
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        for (int port : new int[] {a, b}) {
            Path log = tmp.resolve("member-" + port + ".log");
            while (!(Files.exists(log) && Files.readString(log).contains("Waiting for work"))) {
                assertTrue(System.nanoTime() < until, "member on port " + port + " did not start: "
                        + (Files.exists(log) ? Files.readString(log) : "no output"));
                Thread.sleep(200);
            }
        }
        workbench = new Workbench(TestRuns.RULES.toString(), tmp.resolve("reports").toString(), List.of());
    }

    @AfterAll
    static void stopMembers() {
        members.forEach(Process::destroyForcibly);
    }

    @Test
    @Order(1)
    void twoMembersWriteTheLocalReport() throws IOException {
        assertSameReport("scenarios/smoke.yaml", "smoke-two", null);
    }

    @Test
    @Order(1)
    void theSessionsWhatIfChangesGoWithTheRuns() throws IOException {
        workbench.whatIf(WhatIf.none().withParameter(WhatIf.ALL_VARIANTS, "trial.uwv.max-months", 3.0)
                .withBehaviour("hire.trial-offer-rate", 0.8));
        try {
            assertSameReport("scenarios/smoke.yaml", "smoke-what-if", null);
        } finally {
            workbench.whatIf(WhatIf.none());
        }
    }

    @Test
    @Order(1)
    void aSweepOnTheClusterGivesTheLocalSweep() throws IOException {
        workbench.loadScenario(Path.of("scenarios/smoke.yaml"));
        workbench.whatIf(WhatIf.none().withBehaviour("hire.trial-offer-rate", 0.7));
        try {
            Analyses analyses = new Analyses(workbench);
            for (String parameter : List.of("e2.trial.max-months", "hire.trial-offer-rate")) {
                Scenario s = workbench.scenarioFor(null);
                // months 2 to 4; a probability (sweeps are held to a parameter's range) 0.2 to 0.4
                double scale = parameter.startsWith("hire.") ? 0.1 : 1;
                Analyses.Sweep local = analyses.sweep(s, parameter, 2 * scale, 4 * scale, 2, "placements",
                        new Analyses.Run(2, Simulator.Progress.NONE, () -> false));
                Analyses.Sweep remote = analyses.sweep(s, parameter, 2 * scale, 4 * scale, 2, "placements",
                        new Analyses.Run(2, Simulator.Progress.NONE, () -> false, new ClusterRun(settings)));
                Path a = analyses.writeSweep(local, tmp.resolve("sweep-local-" + parameter), "sweep", 2, 0);
                Path b = analyses.writeSweep(remote, tmp.resolve("sweep-cluster-" + parameter), "sweep", 2, 0);
                assertEquals(Files.readString(a.resolve("sweep.csv")), Files.readString(b.resolve("sweep.csv")),
                        parameter);
            }
        } finally {
            workbench.whatIf(WhatIf.none());
        }
    }

    @Test
    @Order(2)
    void theDefaultScenarioGivesTheLocalReportWhenAMemberIsKilledMidRun() throws IOException {
        AtomicBoolean killed = new AtomicBoolean();
        List<String> phases = new CopyOnWriteArrayList<>();
        Simulator.Progress killOnFirstResult = new Simulator.Progress() {
            @Override
            public void update(int done, int total) {
                if (done < total && killed.compareAndSet(false, true)) {
                    members.get(1).destroyForcibly();
                }
            }

            @Override
            public void phase(String what) {
                phases.add(what);
            }
        };
        assertSameReport("scenarios/default.yaml", "default-killed", killOnFirstResult);
        assertTrue(killed.get(), "a member was killed mid-run");
        assertTrue(phases.stream().anyMatch(p -> p.contains("sent again")), "runs lost with the member were sent "
                + "again: " + phases);
    }

    @Test
    @Order(3)
    void theMemberLeftWritesTheLocalReport() throws IOException {
        assertSameReport("scenarios/smoke.yaml", "smoke-one", null);
    }

    @Test
    @Order(4)
    void aClientWithOtherRulesIsRefused() throws IOException {
        Path other = TestRuns.copyTree(TestRuns.RULES, tmp.resolve("other-rules"));
        Path drl = other.resolve("baseline/decisions/ww.drl");
        Files.writeString(drl, Files.readString(drl) + "\n// a local edit\n");
        RuleLibrary edited = RuleLibrary.load(other);
        Path file = Path.of("scenarios/smoke.yaml");
        CommandFailure f = assertThrows(CommandFailure.class, () -> new ClusterRun(settings).run(
                TestRuns.scenario(file.toString()), file, WhatIf.none(), edited, Simulator.Progress.NONE, () -> false));
        assertTrue(f.getMessage().contains("same rules folder"), f.getMessage());
    }

    @Test
    @Order(5)
    void aClusterWithNoMemberSaysSo() {
        ClusterSettings nobody = new ClusterSettings("fieldlab-nobody", "127.0.0.1:1", 1);
        Path file = Path.of("scenarios/smoke.yaml");
        CommandFailure f = assertThrows(CommandFailure.class, () -> new ClusterRun(nobody, 2).run(
                TestRuns.scenario(file.toString()), file, WhatIf.none(), TestRuns.library(), Simulator.Progress.NONE,
                () -> false));
        assertTrue(f.getMessage().contains("no member of cluster 'fieldlab-nobody' at 127.0.0.1:1 answered"),
                f.getMessage());
    }

    private static void assertSameReport(String scenario, String name, Simulator.Progress progress)
            throws IOException {
        Path file = Path.of(scenario);
        Path local = tmp.resolve(name + "-local");
        Path remote = tmp.resolve(name + "-cluster");
        workbench.rerun(new Workbench.RunOptions(file, local, null, null, 2, null, () -> false, "run"));
        workbench.rerun(new Workbench.RunOptions(file, remote, null, null, 2, progress, () -> false, "run --cluster")
                .on(new ClusterRun(settings)));
        assertArrayEquals(Files.readAllBytes(local.resolve("report.json")), Files.readAllBytes(remote.resolve(
                "report.json")), name + ": report.json differs between the local and the cluster run");
        assertEquals(Files.readString(local.resolve("report.md")), Files.readString(remote.resolve("report.md")));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
