package nl.fieldlab.sandbox.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.core.HazelcastInstance;

import nl.fieldlab.sandbox.TestRuns;
import nl.fieldlab.sandbox.app.Analyses;
import nl.fieldlab.sandbox.app.CommandFailure;
import nl.fieldlab.sandbox.app.WhatIf;
import nl.fieldlab.sandbox.app.Workbench;
import nl.fieldlab.sandbox.rules.Hashes;
import nl.fieldlab.sandbox.rules.RuleLibrary;
import nl.fieldlab.sandbox.scenario.Scenario;
import nl.fieldlab.sandbox.simulation.Simulator;

/**
 * Four members started as separate JVMs on this machine, all in one cluster and sharing one key file: two honest
 * ones (A, B), one with another rules folder (R) and one that lies about its totals (L, {@link RogueMember}). A run
 * through them writes the report a local run writes, byte for byte: with A and B, after B was killed mid-run, with
 * A left, and with R and L beside A (both dropped by name). A member listens on its listed address only and a client
 * talks to its listed members only; what a foreign client sends (Java or reflective objects, tasks without the key)
 * is refused before anything in it is read or run; fields from the wire are checked by name.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterTest {

    @TempDir
    static Path tmp;

    static final Map<Integer, Process> members = new LinkedHashMap<>();
    static int a;
    static int b;
    static int r;
    static int l;
    static String name;
    static Path key;
    static Path otherRules;
    static Workbench workbench;

    @BeforeAll
    static void startFourMembers() throws Exception {
        a = freePort();
        b = freePort();
        r = freePort();
        l = freePort();
        name = "fieldlab-test-" + a;
        key = tmp.resolve("config/cluster.key");
        ClusterKey.of(key); // made once here, as a user copies one file to every machine
        otherRules = TestRuns.copyTree(TestRuns.RULES, tmp.resolve("other-rules"));
        Path drl = otherRules.resolve("baseline/decisions/ww.drl");
        Files.writeString(drl, Files.readString(drl) + "\n// a local edit\n");
        String all = list(a, b, r, l);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        for (int port : new int[] {a, b, r}) {
            Path rules = port == r ? otherRules : TestRuns.RULES.toAbsolutePath();
            List<String> command = new ArrayList<>(List.of(java, port == r ? "-Xmx512m" : "-Xmx1g", "-cp",
                    System.getProperty("java.class.path"), "-Dfieldlab.rules=" + rules));
            command.addAll(TestRuns.ruleCacheFlags());
            command.addAll(List.of("-Dfieldlab.reports=" + tmp.resolve("member-reports-" + port),
                    "-Dfieldlab.cluster.name=" + name, "-Dfieldlab.cluster.members=" + all,
                    "-Dfieldlab.cluster.port=" + port, "-Dfieldlab.cluster.key-file=" + key,
                    "nl.fieldlab.sandbox.FieldlabApplication", "member"));
            members.put(port, new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log(port).toFile()).start());
        }
        List<String> rogue = new ArrayList<>(List.of(java, "-Xmx512m", "-cp", System.getProperty("java.class.path")));
        rogue.addAll(TestRuns.ruleCacheFlags());
        rogue.addAll(List.of(RogueMember.class.getName(), TestRuns.RULES.toAbsolutePath().toString(), name, all,
                String.valueOf(l), key.toString()));
        members.put(l, new ProcessBuilder(rogue).redirectErrorStream(true).redirectOutput(log(l).toFile()).start());
        // waits on the condition: a member that ends says why at once; a live one may take long on a busy machine
        // (over 90 s was seen beside another build), so only a hang of 10 minutes fails
        long until = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        for (int port : members.keySet()) {
            while (!(Files.exists(log(port)) && Files.readString(log(port)).contains("Waiting for work"))) {
                String said = Files.exists(log(port)) ? Files.readString(log(port)) : "no output";
                assertTrue(members.get(port).isAlive(), "member on port " + port + " ended: " + said);
                assertTrue(System.nanoTime() < until, "member on port " + port + " did not start: " + said);
                Thread.sleep(200);
            }
        }
        workbench = new Workbench(TestRuns.RULES.toString(), tmp.resolve("reports").toString(), List.of());
    }

    @AfterAll
    static void stopMembers() {
        members.values().forEach(Process::destroyForcibly);
    }

    // ------------------------------------------------------------------ honest members

    @Test
    @Order(1)
    void twoMembersWriteTheLocalReport() throws IOException {
        assertSameReport("scenarios/smoke.yaml", "smoke-two", null, null, new ClusterRun(settings(a, b)));
    }

    @Test
    @Order(1)
    void theSessionsWhatIfChangesGoWithTheRuns() throws IOException {
        workbench.whatIf(WhatIf.none().withParameter(WhatIf.ALL_VARIANTS, "trial.uwv.max-months", 3.0)
                .withBehaviour("hire.trial-offer-rate", 0.8));
        try {
            assertSameReport("scenarios/smoke.yaml", "smoke-what-if", null, null, new ClusterRun(settings(a, b)));
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
                        new Analyses.Run(2, Simulator.Progress.NONE, () -> false, new ClusterRun(settings(a, b))));
                Path x = analyses.writeSweep(local, tmp.resolve("sweep-local-" + parameter), "sweep", 2, 0);
                Path y = analyses.writeSweep(remote, tmp.resolve("sweep-cluster-" + parameter), "sweep", 2, 0);
                assertEquals(Files.readString(x.resolve("sweep.csv")), Files.readString(y.resolve("sweep.csv")),
                        parameter);
            }
        } finally {
            workbench.whatIf(WhatIf.none());
        }
    }

    // ------------------------------------------------------------------ 1. listening and connecting

    @Test
    @Order(1)
    void aMemberListensOnItsListedAddressOnly() throws IOException {
        if (Files.exists(Path.of("/proc/net/tcp"))) {
            List<InetAddress> listening = listening(a);
            assertFalse(listening.isEmpty(), "member A listens on port " + a);
            assertTrue(listening.stream().allMatch(InetAddress::isLoopbackAddress), "A listens on " + listening);
        }
        List<String> reached = new ArrayList<>();
        for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            for (InetAddress ad : Collections.list(ni.getInetAddresses())) {
                if (!ad.isLoopbackAddress() && !ad.isLinkLocalAddress() && reaches(ad, a)) {
                    reached.add(ad.getHostAddress());
                }
            }
        }
        assertEquals(List.of(), reached, "member A answers on this machine's other addresses");
        assertTrue(reaches(InetAddress.getLoopbackAddress(), a), "member A answers on its listed address");
    }

    @Test
    @Order(1)
    void aMemberListNamingNoAddressOfThisMachineIsRefused() {
        CommandFailure f = assertThrows(CommandFailure.class, () -> Member.start(workbench,
                new ClusterSettings(name, "203.0.113.9:5701,203.0.113.10:5701", 5701, key.toString(), "0.1"),
                line -> {
                }));
        assertEquals("fieldlab.cluster.members: none of the listed members is this machine on port 5701 (listed: "
                + "203.0.113.9:5701, 203.0.113.10:5701): list this machine's address with fieldlab.cluster.port once; "
                + "the member listens there only", f.getMessage());
    }

    @Test
    @Order(1)
    void aClientTalksToItsListedMembersOnly() throws IOException {
        Map<Integer, Long> before = clientsSeen();
        assertSameReport("scenarios/smoke.yaml", "smoke-a-only", null, null, new ClusterRun(settings(a)));
        Map<Integer, Long> after = clientsSeen();
        assertTrue(after.get(a) > before.get(a), "A saw the client");
        for (int port : new int[] {b, r, l}) {
            assertEquals(before.get(port), after.get(port), "member " + port + " is in the cluster, not in the list, "
                    + "and was not connected to:\n" + Files.readString(log(port)));
        }
    }

    // ------------------------------------------------------------------ 2. only the project's own types

    @Test
    @Order(1)
    void whatAForeignClientSendsIsRefusedBeforeItIsRead() throws Exception {
        Path marker = tmp.resolve("foreign-marker");
        ClientConfig plain = new ClientConfig(); // Hazelcast's defaults: Java and reflective serialisation
        plain.setClusterName(name);
        plain.getNetworkConfig().addAddress("127.0.0.1:" + a);
        HazelcastInstance foreign = HazelcastClient.newHazelcastClient(plain);
        try {
            var target = foreign.getCluster().getMembers().stream().filter(m -> m.getAddress().getPort() == a)
                    .findFirst().orElseThrow();
            for (Callable<String> task : List.<Callable<String>>of(new Probe.MapTask(marker),
                    new Probe.CalledTask(marker), new Probe.ReflectedTask(marker))) {
                Exception e = assertThrows(Exception.class, () -> foreign.getExecutorService(ClusterSettings.EXECUTOR)
                        .submitToMember(task, target).get(60, TimeUnit.SECONDS), task.getClass().getSimpleName());
                // Java serialisation refuses the class by name; the reflective form is read as a generic record,
                // never as the class it names, which then is not a task
                assertTrue(String.valueOf(e.getMessage()).matches(task instanceof Probe.ReflectedTask
                        ? ".*DeserializedGenericRecord.*" : ".*Resolving class nl\\.fieldlab\\.sandbox\\.cluster\\.Probe.* is not allowed.*"),
                        e.toString());
            }
        } finally {
            foreign.shutdown();
        }
        assertFalse(Files.exists(marker), () -> "the member read or ran what it was sent: " + read(marker));
    }

    // ------------------------------------------------------------------ 3. no work without the key

    @Test
    @Order(1)
    void aTaskSealedWithAnotherKeyIsRefusedUnread() throws Exception {
        ClusterKey ours = ClusterKey.of(key);
        ClusterKey theirs = ClusterKey.of(tmp.resolve("elsewhere/cluster.key"));
        byte[] notYaml = "workers: [this is not a scenario".getBytes(StandardCharsets.UTF_8);
        TaskContent content = new TaskContent(new byte[16], TestRuns.library().hash(), Workbench.version(),
                "foreign.yaml", notYaml, Hashes.sha256(notYaml), 1, 1, WhatIf.none(), 0, 0);
        RunTask task = RunTask.seal(content, theirs);
        ResultContent reply = send(task).open(ours, task);
        assertEquals(ResultContent.Status.NOT_VERIFIED, reply.status());
        assertEquals("the task does not verify with the key of 127.0.0.1:" + a + " (rules "
                + TestRuns.library().hash().substring(0, 12) + ")", reply.message());
        String log = Files.readString(log(a));
        assertTrue(log.contains("refused a task that does not verify with this member's key"), log);
        assertFalse(log.contains("foreign.yaml"), "nothing in the task was read:\n" + log);

        // a client whose key file is another one gets nothing from the members, and is told why
        ClusterSettings keyless = new ClusterSettings(name, list(a), a, tmp.resolve("elsewhere/cluster.key")
                .toString(), "0.1");
        Path file = Path.of("scenarios/smoke.yaml");
        CommandFailure f = assertThrows(CommandFailure.class, () -> new ClusterRun(keyless).run(
                TestRuns.scenario(file.toString()), file, WhatIf.none(), TestRuns.library(), Simulator.Progress.NONE,
                () -> false));
        assertTrue(f.getMessage().contains("127.0.0.1:" + a + " dropped: its replies do not verify with this "
                + "client's key " + theirs.fingerprint()), f.getMessage());
    }

    // ------------------------------------------------------------------ 4. rogue members

    @Test
    @Order(1)
    void roguesBesideAnHonestMemberAreDroppedByNameAndTheReportIsTheLocalOne() throws IOException {
        List<String> phases = new CopyOnWriteArrayList<>();
        ClusterRun remote = new ClusterRun(settings(a, r, l));
        // 12 replications: each of the three members gets runs from the start (four each)
        assertSameReport("scenarios/smoke.yaml", "smoke-rogues", recording(phases, null), 12, remote);
        String rules = TestRuns.library().hash().substring(0, 12);
        String others = RuleLibrary.load(otherRules).hash().substring(0, 12);
        Map<String, String> dropped = remote.dropped();
        assertEquals(2, dropped.size(), dropped.toString());
        assertEquals("has other rules (" + others + ") than this client (" + rules + "): start every member with "
                + "the same rules folder as the client", dropped.get("127.0.0.1:" + r + " (rules " + others + ")"));
        String liar = dropped.get("127.0.0.1:" + l + " (rules " + rules + ")");
        assertTrue(liar != null && liar.matches("its totals for variant (baseline|E2) replication \\d+ differ from "
                + "this client's own run of it"), dropped.toString());
        assertTrue(remote.droppedSummary().contains("Cluster: dropped member 127.0.0.1:" + l), remote.droppedSummary());
        assertTrue(phases.stream().anyMatch(p -> p.startsWith("dropped member 127.0.0.1:" + l)), phases.toString());
        // 5. what travels back names a member by address and rules hash prefix, never by a path of its machine
        String told = dropped + " " + phases;
        assertFalse(told.contains(otherRules.toString()) || told.contains(tmp.toString()), told);
        assertTrue(Files.readString(log(r)).contains(otherRules.toString()), "the path stays on R's console");
    }

    // ------------------------------------------------------------------ 5. fields from the wire

    @Test
    @Order(1)
    void aShortRulesHashIsRefusedByName() throws Exception {
        ClusterKey ours = ClusterKey.of(key);
        byte[] smoke = Files.readAllBytes(Path.of("scenarios/smoke.yaml"));
        RunTask task = RunTask.seal(new TaskContent(new byte[16], "abc", Workbench.version(), "smoke.yaml", smoke,
                Hashes.sha256(smoke), 42, 3, WhatIf.none(), 0, 0), ours);
        ResultContent reply = send(task).open(ours, task);
        assertEquals(ResultContent.Status.MALFORMED, reply.status());
        assertEquals("rules hash: expected 64 hex digits, got 3 characters", reply.message());
    }

    // ------------------------------------------------------------------ a member lost, the last one, none

    @Test
    @Order(2)
    void theDefaultScenarioGivesTheLocalReportWhenAMemberIsKilledMidRun() throws IOException {
        AtomicBoolean killed = new AtomicBoolean();
        List<String> phases = new CopyOnWriteArrayList<>();
        Simulator.Progress killOnFirstResult = recording(phases, (done, total) -> {
            if (done < total && killed.compareAndSet(false, true)) {
                members.get(b).destroyForcibly();
            }
        });
        // 6 of its 20 replications: B holds four of the 24 runs when it dies, in under a third of the time
        assertSameReport("scenarios/default.yaml", "default-killed", killOnFirstResult, 6,
                new ClusterRun(settings(a, b)));
        assertTrue(killed.get(), "a member was killed mid-run");
        assertTrue(phases.stream().anyMatch(p -> p.contains("sent again")), "runs lost with the member were sent "
                + "again: " + phases);
    }

    @Test
    @Order(3)
    void theMemberLeftWritesTheLocalReport() throws IOException {
        assertSameReport("scenarios/smoke.yaml", "smoke-one", null, null, new ClusterRun(settings(a, b)));
    }

    @Test
    @Order(4)
    void aClientWithOtherRulesIsRefused() throws IOException {
        Path other = TestRuns.copyTree(TestRuns.RULES, tmp.resolve("client-rules"));
        Path drl = other.resolve("baseline/decisions/ww.drl");
        Files.writeString(drl, Files.readString(drl) + "\n// another local edit\n");
        RuleLibrary edited = RuleLibrary.load(other);
        Path file = Path.of("scenarios/smoke.yaml");
        CommandFailure f = assertThrows(CommandFailure.class, () -> new ClusterRun(settings(a), 2).run(
                TestRuns.scenario(file.toString()), file, WhatIf.none(), edited, Simulator.Progress.NONE, () -> false));
        assertTrue(f.getMessage().startsWith("no good member left on cluster '" + name + "'"), f.getMessage());
        assertTrue(f.getMessage().contains("same rules folder"), f.getMessage());
    }

    @Test
    @Order(5)
    void aClusterWithNoMemberSaysSo() {
        ClusterSettings nobody = new ClusterSettings("fieldlab-nobody", "127.0.0.1:1", 1, key.toString(), "0.1");
        Path file = Path.of("scenarios/smoke.yaml");
        CommandFailure f = assertThrows(CommandFailure.class, () -> new ClusterRun(nobody, 2).run(
                TestRuns.scenario(file.toString()), file, WhatIf.none(), TestRuns.library(), Simulator.Progress.NONE,
                () -> false));
        assertTrue(f.getMessage().startsWith("no member of cluster 'fieldlab-nobody' at 127.0.0.1:1 answered"),
                f.getMessage());
    }

    // ------------------------------------------------------------------ helpers

    private static void assertSameReport(String scenario, String name, Simulator.Progress progress,
            Integer replications, ClusterRun remote) throws IOException {
        Path file = Path.of(scenario);
        Path local = tmp.resolve(name + "-local");
        Path cluster = tmp.resolve(name + "-cluster");
        workbench.rerun(new Workbench.RunOptions(file, local, null, replications, 2, null, () -> false, "run"));
        workbench.rerun(new Workbench.RunOptions(file, cluster, null, replications, 2, progress, () -> false,
                "run --cluster").on(remote));
        assertArrayEquals(Files.readAllBytes(local.resolve("report.json")), Files.readAllBytes(cluster.resolve(
                "report.json")), name + ": report.json differs between the local and the cluster run");
        assertEquals(Files.readString(local.resolve("report.md")), Files.readString(cluster.resolve("report.md")));
    }

    /** What a client with the cluster key gets back from member A for a task made by hand. */
    private static RunResult send(RunTask task) throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        MemberLink link = new MemberLink(new ClusterSettings.Address("127.0.0.1", a));
        try {
            link.connect(pool, name, 30);
            while (link.connecting()) {
                Thread.sleep(50);
            }
            assertTrue(link.up(), link.down());
            return link.submit(task).get(60, TimeUnit.SECONDS);
        } finally {
            link.close();
            pool.shutdownNow();
        }
    }

    private static Simulator.Progress recording(List<String> phases, BiConsumer<Integer, Integer> onUpdate) {
        return new Simulator.Progress() {
            @Override
            public void update(int done, int total) {
                if (onUpdate != null) {
                    onUpdate.accept(done, total);
                }
            }

            @Override
            public void phase(String what) {
                phases.add(what);
            }
        };
    }

    private static ClusterSettings settings(int... ports) {
        return new ClusterSettings(name, list(ports), ports[0], key.toString(), "0.1");
    }

    private static String list(int... ports) {
        return Arrays.stream(ports).mapToObj(p -> "127.0.0.1:" + p).collect(Collectors.joining(","));
    }

    private static Path log(int port) {
        return tmp.resolve("member-" + port + ".log");
    }

    /** How often each member told its console a client connected. */
    private static Map<Integer, Long> clientsSeen() throws IOException {
        Map<Integer, Long> out = new LinkedHashMap<>();
        for (int port : members.keySet()) {
            out.put(port, Files.readString(log(port)).lines().filter(x -> x.contains("a client connected from"))
                    .count());
        }
        return out;
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return e.getMessage();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static boolean reaches(InetAddress address, int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(address, port), 2000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The local addresses listening on {@code port}, from the kernel's socket tables (Linux). */
    private static List<InetAddress> listening(int port) throws IOException {
        List<InetAddress> out = new ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            if (!Files.exists(Path.of(table))) {
                continue;
            }
            for (String line : Files.readAllLines(Path.of(table)).subList(1, Files.readAllLines(Path.of(table))
                    .size())) {
                String[] f = line.strip().split("\\s+");
                String[] local = f[1].split(":");
                if (!f[3].equals("0A") || Integer.parseInt(local[1], 16) != port) {
                    continue;
                }
                // the kernel writes each 32-bit word of the address in host (little-endian) order
                byte[] raw = new BigInteger(local[0], 16).toByteArray();
                byte[] words = new byte[local[0].length() / 2];
                System.arraycopy(raw, Math.max(0, raw.length - words.length), words,
                        Math.max(0, words.length - raw.length), Math.min(raw.length, words.length));
                byte[] ip = new byte[words.length];
                for (int w = 0; w < words.length; w += 4) {
                    for (int k = 0; k < 4; k++) {
                        ip[w + k] = words[w + 3 - k];
                    }
                }
                out.add(InetAddress.getByAddress(ip));
            }
        }
        return out;
    }
}
