package nl.fieldlab.sandbox.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;

import nl.fieldlab.sandbox.app.CommandFailure;
import nl.fieldlab.sandbox.app.ExitCodes;
import nl.fieldlab.sandbox.app.WhatIf;
import nl.fieldlab.sandbox.app.Workbench;
import nl.fieldlab.sandbox.rules.Hashes;
import nl.fieldlab.sandbox.rules.RuleLibrary;
import nl.fieldlab.sandbox.scenario.Scenario;
import nl.fieldlab.sandbox.simulation.RunTotals;
import nl.fieldlab.sandbox.simulation.Simulator;

/**
 * Runs a scenario's (variant, replication) runs on the listed members as a client and returns their totals by index.
 * Each member holds a few runs at a time and gets the next as one finishes, so faster members do more. Every task is
 * sealed with the cluster key and every reply must verify with it and answer that task with this client's rules,
 * scenario and version. The client also runs some results itself and compares them byte for byte: each member's
 * first result, and a share of the others drawn at random ({@code fieldlab.cluster.check-share}, see
 * {@link Dispatch}). A member whose reply does not verify, who has other rules or another version, or whose result
 * differs is dropped, by name, with its runs, and its earlier unchecked results, sent to the others; a run lost with
 * its member (killed, disconnected) is sent again. Runs depend only on their inputs, so the totals, and the report,
 * are the same however the work was spread. The run fails only when no good member is left.
 */
public final class ClusterRun implements Workbench.Remote {

    private final ClusterSettings settings;
    private final int connectSeconds;
    private final List<ClusterSettings.Address> listed;
    private final double share;
    private final ClusterKey key;
    /** Members dropped in this command's runs, with why: a sweep's later points do not use them again. */
    private final Map<String, String> dropped = new LinkedHashMap<>();
    private final Map<String, String> droppedAddresses = new LinkedHashMap<>();

    public ClusterRun(ClusterSettings settings) {
        this(settings, 15);
    }

    /**
     * A client that gives up when no member answers within {@code connectSeconds}. Its settings and key are read
     * now, so that a setting or key file that is wrong stops a command before it starts any run.
     */
    ClusterRun(ClusterSettings settings, int connectSeconds) {
        this.settings = settings;
        this.connectSeconds = connectSeconds;
        this.listed = settings.members();
        this.share = settings.checkShare();
        this.key = ClusterKey.of(settings.keyFile());
    }

    @Override
    public String describe() {
        return settings.toString();
    }

    /** The members dropped so far, each with why ({@code address (rules prefix)} -> reason). */
    public Map<String, String> dropped() {
        return Map.copyOf(dropped);
    }

    /** One line per dropped member for the user, or nothing when none was. */
    public String droppedSummary() {
        StringBuilder sb = new StringBuilder();
        dropped.forEach((who, why) -> sb.append("Cluster: dropped member ").append(who).append(": ").append(why)
                .append('\n'));
        return sb.toString();
    }

    @Override
    public RunTotals[][] run(Scenario s, Path file, WhatIf whatIf, RuleLibrary rules, Simulator.Progress progress,
            BooleanSupplier cancelled) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new CommandFailure(ExitCodes.BAD_INPUT, file + ": cannot read the scenario to send: " + e.getMessage());
        }
        byte[] runId = new byte[TaskContent.RUN_ID_BYTES];
        SecureRandom random = new SecureRandom();
        random.nextBytes(runId);
        int variants = s.variants().size();
        int reps = s.replications();
        RunTask[] tasks = new RunTask[variants * reps];
        for (int r = 0; r < reps; r++) {
            for (int v = 0; v < variants; v++) {
                tasks[r * variants + v] = RunTask.seal(new TaskContent(runId, rules.hash(), Workbench.version(),
                        file.getFileName().toString(), bytes, Hashes.sha256(bytes), s.seed(), reps, whatIf, v, r), key);
            }
        }
        progress.phase("joining " + settings);
        List<MemberLink> links = new ArrayList<>();
        for (ClusterSettings.Address a : listed) {
            MemberLink link = new MemberLink(a);
            String before = droppedAddresses.get(a.toString());
            if (before != null) {
                link.drop(before);
            }
            links.add(link);
        }
        ExecutorService connecting = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fieldlab-cluster-connect");
            t.setDaemon(true);
            return t;
        });
        try (LocalCheck check = new LocalCheck(s, rules)) {
            Dispatch d = new Dispatch(s, tasks, links, key, rules.hash(), Hashes.sha256(bytes), check, share, random,
                    progress, cancelled, connecting, settings, connectSeconds);
            try {
                return d.run();
            } finally {
                for (MemberLink link : links) {
                    if (link.dropped() != null && !droppedAddresses.containsKey(link.address())) {
                        dropped.put(link.name(), link.dropped());
                        droppedAddresses.put(link.address(), link.dropped());
                    }
                }
            }
        } finally {
            links.forEach(MemberLink::close);
            connecting.shutdownNow();
        }
    }
}
