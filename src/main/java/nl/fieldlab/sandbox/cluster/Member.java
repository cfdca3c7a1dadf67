package nl.fieldlab.sandbox.cluster;

import java.io.IOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import com.hazelcast.client.Client;
import com.hazelcast.client.ClientListener;
import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;

import nl.fieldlab.sandbox.app.Workbench;
import nl.fieldlab.sandbox.rules.Hashes;
import nl.fieldlab.sandbox.rules.RuleBase;
import nl.fieldlab.sandbox.scenario.Scenario;
import nl.fieldlab.sandbox.simulation.RunTotals;
import nl.fieldlab.sandbox.simulation.RunTotalsCodec;
import nl.fieldlab.sandbox.simulation.Simulator;

/**
 * A cluster member: a Hazelcast member that listens only on its own address in the member list and runs the
 * (variant, replication) tasks a holder of the cluster key sends, with the rules of its own rules folder. It checks a
 * task's seal before it reads anything in it, then every field, then that the client's rules and version are its own;
 * its replies are sealed too and name it by address and rules hash prefix only. What it tells this machine's user
 * (refusals, clients, failures with their local detail) goes to its console.
 */
public final class Member {

    /** The members running in this process, by Hazelcast instance name: how a task finds the member it runs on. */
    private static final Map<String, Member> SERVING = new ConcurrentHashMap<>();

    private final Workbench workbench;
    private final ClusterKey key;
    private final Consumer<String> console;
    private final HazelcastInstance instance;
    private final String address;
    private final String rules;
    private final String version = Workbench.version();
    /** Plans by the task's scenario key; only the latest few, so a long-lived member's memory stays bounded. */
    private final Map<String, Simulator.Plan> plans = new LinkedHashMap<>(4, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Simulator.Plan> eldest) {
            return size() > 2;
        }
    };
    /** When each kind of refusal was last told to the console, and how many came since. */
    private final Map<String, long[]> told = new LinkedHashMap<>();

    private Member(Workbench workbench, ClusterKey key, Consumer<String> console, HazelcastInstance instance) {
        this.workbench = workbench;
        this.key = key;
        this.console = console;
        this.instance = instance;
        var a = instance.getCluster().getLocalMember().getAddress();
        this.address = new ClusterSettings.Address(a.getHost(), a.getPort()).toString();
        // read once: a task refused costs the member no file access
        this.rules = workbench.library().hash();
    }

    /** Starts a member of the configured cluster in this process; it runs until the process ends or it is shut down. */
    public static Member start(Workbench workbench, ClusterSettings settings, Consumer<String> console) {
        List<ClusterSettings.Address> members = settings.members();
        String own = ownAddress(members, settings.port());
        ClusterKey key = ClusterKey.of(settings.keyFile());
        Config config = new Config();
        config.setClusterName(settings.name());
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.logging.type", "slf4j");
        config.setProperty("hazelcast.shutdownhook.policy", "GRACEFUL");
        // only the address the member list gives this machine: not every interface it has
        config.setProperty("hazelcast.socket.bind.any", "false");
        config.getNetworkConfig().setPort(settings.port()).setPortAutoIncrement(false);
        config.getNetworkConfig().getInterfaces().setEnabled(true).setInterfaces(List.of(own));
        config.getNetworkConfig().getRestApiConfig().setEnabled(false);
        config.getJetConfig().setEnabled(false);
        JoinConfig join = config.getNetworkConfig().getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true).setMembers(members.stream().map(Object::toString).toList());
        config.getExecutorConfig(ClusterSettings.EXECUTOR).setPoolSize(Simulator.defaultThreads());
        Wire.allowOnlyOwnTypes(config.getSerializationConfig());
        workbench.rules(); // compile the rules before joining: a member with broken rules never takes work
        HazelcastInstance instance = Hazelcast.newHazelcastInstance(config);
        Member m = new Member(workbench, key, console, instance);
        SERVING.put(instance.getName(), m);
        instance.getClientService().addClientListener(new ClientListener() {
            @Override
            public void clientConnected(Client client) {
                m.say("client", "a client connected from " + client.getSocketAddress());
            }

            @Override
            public void clientDisconnected(Client client) {
                // its connection ended: nothing to tell
            }
        });
        return m;
    }

    /**
     * The address in {@code members} that is this machine's, with {@code port}: the one interface the member binds.
     */
    private static String ownAddress(List<ClusterSettings.Address> members, int port) {
        java.util.Set<String> mine = new java.util.LinkedHashSet<>();
        for (ClusterSettings.Address a : members) {
            if (a.port() != port) {
                continue;
            }
            try {
                InetAddress ip = InetAddress.getByName(a.host());
                if (ip.isLoopbackAddress() || NetworkInterface.getByInetAddress(ip) != null) {
                    mine.add(ip.getHostAddress());
                }
            } catch (UnknownHostException | SocketException e) {
                // not a name this machine resolves: not this machine
            }
        }
        if (mine.size() != 1) {
            throw ClusterSettings.bad("fieldlab.cluster.members: " + (mine.isEmpty() ? "none of the listed members is"
                    : mine.size() + " of the listed members are") + " this machine on port " + port
                    + " (listed: " + String.join(", ", members.stream().map(Object::toString).toList())
                    + "): list this machine's address with fieldlab.cluster.port once; the member listens there only");
        }
        return mine.iterator().next();
    }

    static Member named(String instanceName) {
        return instanceName == null ? null : SERVING.get(instanceName);
    }

    public HazelcastInstance instance() {
        return instance;
    }

    /** Where this member listens, as host:port. */
    public String address() {
        return address;
    }

    public ClusterKey key() {
        return key;
    }

    public int clusterSize() {
        return instance.getCluster().getMembers().size();
    }

    /** Leaves the cluster. */
    public void stop() {
        SERVING.remove(instance.getName());
        if (instance.getLifecycleService().isRunning()) {
            instance.shutdown();
        }
    }

    /** This member's name in what it sends: its address and rules hash prefix, never a local path. */
    private String name() {
        return address + " (rules " + rules.substring(0, 12) + ")";
    }

    /** Runs a task: seal first, then every field, then rules and version, then the run itself. */
    RunResult serve(RunTask task) {
        if (!key.verifies(RunTask.TAG, task.body(), task.mac())) {
            say("seal", "refused a task that does not verify with this member's key " + key.fingerprint()
                    + " (a client without the cluster key file, or with another one)");
            return reply(task, ResultContent.Status.NOT_VERIFIED, "the task does not verify with the key of "
                    + name(), "", null);
        }
        TaskContent t;
        try {
            t = TaskContent.decode(task.body());
        } catch (IOException e) {
            say("malformed", "refused a task: " + e.getMessage());
            return reply(task, ResultContent.Status.MALFORMED, e.getMessage(), "", null);
        }
        if (!rules.equals(t.rulesHash())) {
            say("rules", "refused work from a client with rules " + t.rulesHash().substring(0, 12) + ": this member has "
                    + rules.substring(0, 12) + " from " + workbench.rulesDir().toAbsolutePath());
            return reply(task, ResultContent.Status.OTHER_RULES, "member " + name() + " has other rules than the "
                    + "client (" + t.rulesHash().substring(0, 12) + ")", t.scenarioHash(), null);
        }
        if (!version.equals(t.version())) {
            say("version", "refused work from a client of version " + t.version() + ": this member runs " + version);
            return reply(task, ResultContent.Status.OTHER_VERSION, "member " + name() + " runs version "
                    + version + ", the client " + t.version(), t.scenarioHash(), null);
        }
        if (!Hashes.sha256(t.scenario()).equals(t.scenarioHash())) {
            return reply(task, ResultContent.Status.MALFORMED, "scenario: its content does not match its hash",
                    t.scenarioHash(), null);
        }
        try {
            Simulator.Plan plan = plan(t);
            if (t.variant() >= plan.scenario().variants().size()) {
                return reply(task, ResultContent.Status.MALFORMED, "variant: " + t.variant() + " is not one of the "
                        + plan.scenario().variants().size(), t.scenarioHash(), null);
            }
            RunTotals totals = plan.run(t.variant(), t.replication(), () -> false, () -> {
            });
            return reply(task, ResultContent.Status.RAN, "", t.scenarioHash(), RunTotalsCodec.encode(totals));
        } catch (RuntimeException e) {
            // the detail may hold this machine's paths: it stays on this machine
            say("failed", "could not run " + t + ": " + e.getMessage());
            return reply(task, ResultContent.Status.FAILED, "member " + name() + " could not run " + t
                    + " (its console says why)", t.scenarioHash(), null);
        }
    }

    private RunResult reply(RunTask task, ResultContent.Status status, String message, String scenarioHash,
            byte[] totals) {
        byte[] answered = task.mac() != null && task.mac().length == ClusterKey.MAC_BYTES ? task.mac()
                : new byte[ClusterKey.MAC_BYTES];
        return RunResult.seal(new ResultContent(answered, status, message, rules, scenarioHash, version,
                totals == null ? new byte[0] : totals), key);
    }

    /** The plan of a task's scenario: loaded, compiled and drawn once per member, then shared by its tasks. */
    private Simulator.Plan plan(TaskContent t) {
        String planKey = t.scenarioHash() + "|" + t.seed() + "|" + t.replications() + "|" + t.whatIf();
        synchronized (plans) {
            Simulator.Plan p = plans.get(planKey);
            if (p == null) {
                say("plan", "running " + t.fileName() + " (scenario " + t.scenarioHash().substring(0, 12)
                        + ", seed " + t.seed() + ") for a client");
                p = build(t);
                plans.put(planKey, p);
            }
            return p;
        }
    }

    private Simulator.Plan build(TaskContent t) {
        try {
            // the file goes into a folder this member makes for it, under its name alone, and nowhere else
            Path dir = Files.createTempDirectory("fieldlab-member-");
            Path file = dir.resolve(t.fileName());
            try {
                Files.write(file, t.scenario());
                Scenario base = workbench.readScenario(file);
                Scenario s = t.whatIf().applyTo(base);
                s = s.with(t.seed(), t.replications(), s.behaviour(), s.variants());
                Map<String, RuleBase> bases = workbench.rules().forVariants(s.variants(), Simulator.defaultThreads());
                return new Simulator.Plan(s, Simulator.deciders(s, bases));
            } finally {
                Files.deleteIfExists(file);
                Files.deleteIfExists(dir);
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not write the scenario it was sent: " + e.getMessage());
        }
    }

    /**
     * Tells the console, at most once a minute for each kind of notice (with how many came meanwhile), so that a
     * flood of tasks cannot flood it.
     */
    private void say(String kind, String line) {
        long now = System.nanoTime();
        String text = null;
        synchronized (told) {
            long[] last = told.computeIfAbsent(kind, k -> new long[] {now - 61_000_000_000L, 0});
            if (kind.equals("plan") || kind.equals("client") || now - last[0] > 60_000_000_000L) {
                text = line + (last[1] > 0 ? " (and " + last[1] + " more like it since the last notice)" : "");
                last[0] = now;
                last[1] = 0;
            } else {
                last[1]++;
            }
        }
        if (text != null) {
            console.accept(text);
        }
    }
}
