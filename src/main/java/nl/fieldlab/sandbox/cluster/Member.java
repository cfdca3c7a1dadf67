package nl.fieldlab.sandbox.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;

import nl.fieldlab.sandbox.app.Workbench;
import nl.fieldlab.sandbox.rules.RuleBase;
import nl.fieldlab.sandbox.scenario.Scenario;
import nl.fieldlab.sandbox.simulation.Simulator;

/**
 * A cluster member: a Hazelcast member that runs (variant, replication) tasks with the rules of its own rules
 * folder. It refuses a task from a client whose rules or version differ. Members run the rules they are sent tasks
 * for, so they belong on a trusted network (Hazelcast's Community Edition has no authentication or TLS).
 */
public final class Member {

    /** The workbench of the member running in this process (tasks find their rules here), or null. */
    private static volatile Member serving;

    private final Workbench workbench;
    private final HazelcastInstance instance;
    /** Plans by the task's scenario key; only the latest few, so a long-lived member's memory stays bounded. */
    private final Map<String, Simulator.Plan> plans = new LinkedHashMap<>(4, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Simulator.Plan> eldest) {
            return size() > 2;
        }
    };

    private Member(Workbench workbench, HazelcastInstance instance) {
        this.workbench = workbench;
        this.instance = instance;
    }

    /** Starts a member of the configured cluster in this process; it runs until the process ends. */
    public static Member start(Workbench workbench, ClusterSettings settings) {
        Config config = new Config();
        config.setClusterName(settings.name());
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.logging.type", "slf4j");
        config.setProperty("hazelcast.shutdownhook.policy", "GRACEFUL");
        config.getNetworkConfig().setPort(settings.port()).setPortAutoIncrement(false);
        JoinConfig join = config.getNetworkConfig().getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true).setMembers(settings.members());
        config.getExecutorConfig(ClusterSettings.EXECUTOR).setPoolSize(Simulator.defaultThreads());
        workbench.library(); // load the rules before joining: a member with broken rules never takes work
        Member m = new Member(workbench, Hazelcast.newHazelcastInstance(config));
        serving = m;
        return m;
    }

    public HazelcastInstance instance() {
        return instance;
    }

    /** Where this member listens, as host:port. */
    public String address() {
        var a = instance.getCluster().getLocalMember().getAddress();
        return a.getHost() + ":" + a.getPort();
    }

    public int clusterSize() {
        return instance.getCluster().getMembers().size();
    }

    static Member serving() {
        Member m = serving;
        if (m == null) {
            throw new IllegalStateException("this process is not a fieldlab member");
        }
        return m;
    }

    /** Refuses a task from a client with other rules or another version. */
    void check(String rulesHash, String version) {
        String mine = workbench.library().hash();
        if (!mine.equals(rulesHash)) {
            throw new ClusterMismatch("member " + address() + " has rules " + mine.substring(0, 12) + " ("
                    + workbench.rulesDir().toAbsolutePath() + ") and the client " + rulesHash.substring(0, 12)
                    + ": start every member with the same rules folder as the client");
        }
        if (!Workbench.version().equals(version)) {
            throw new ClusterMismatch("member " + address() + " runs version " + Workbench.version()
                    + " and the client " + version + ": every member must run the same jar");
        }
    }

    /** The plan of a task's scenario: loaded, compiled and drawn once per member, then shared by its tasks. */
    Simulator.Plan plan(RunTask t) {
        String key = t.scenarioHash() + "|" + t.seed() + "|" + t.replications() + "|" + t.whatIf();
        synchronized (plans) {
            Simulator.Plan p = plans.get(key);
            if (p == null) {
                p = build(t);
                plans.put(key, p);
            }
            return p;
        }
    }

    private Simulator.Plan build(RunTask t) {
        // only the name: the file goes into the folder this member makes for it, and nowhere else
        Path name = Path.of(t.fileName()).getFileName();
        if (name == null || name.toString().equals("..")) {
            throw new ClusterMismatch("the scenario sent to " + address() + " has no file name");
        }
        try {
            Path dir = Files.createTempDirectory("fieldlab-member-");
            Path file = dir.resolve(name.toString());
            try {
                Files.write(file, t.scenarioFile());
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
            throw new IllegalStateException("member " + address() + " could not read the scenario: " + e.getMessage());
        }
    }

    /** A client and a member disagree on the rules or the version. */
    public static final class ClusterMismatch extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public ClusterMismatch(String message) {
            super(message);
        }
    }
}
