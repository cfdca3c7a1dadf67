package nl.fieldlab.sandbox.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceNotActiveException;
import com.hazelcast.core.IExecutorService;
import com.hazelcast.core.MemberLeftException;
import com.hazelcast.spi.exception.TargetDisconnectedException;
import com.hazelcast.spi.exception.TargetNotMemberException;

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
 * Runs a scenario's (variant, replication) runs on the cluster as a Hazelcast client and returns their totals by
 * index. A run lost with its member (killed, disconnected) is sent again to another member: runs depend only on
 * their inputs, so the totals, and the report, are the same however the work was spread.
 */
public final class ClusterRun implements Workbench.Remote {

    /** How often one run is sent before the cluster is given up on. */
    static final int ATTEMPTS = 5;

    private final ClusterSettings settings;
    private final int connectSeconds;

    public ClusterRun(ClusterSettings settings) {
        this(settings, 15);
    }

    /** A client that gives up when no member answers within {@code connectSeconds}. */
    ClusterRun(ClusterSettings settings, int connectSeconds) {
        this.settings = settings;
        this.connectSeconds = connectSeconds;
    }

    @Override
    public String describe() {
        return settings.toString();
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
        String hash = Hashes.sha256(bytes);
        progress.phase("joining " + settings);
        HazelcastInstance client = connect();
        try {
            IExecutorService executor = client.getExecutorService(ClusterSettings.EXECUTOR);
            int variants = s.variants().size();
            int reps = s.replications();
            RunTotals[][] totals = new RunTotals[variants][reps];
            List<Sent> pending = new ArrayList<>();
            for (int r = 0; r < reps; r++) {
                for (int v = 0; v < variants; v++) {
                    RunTask task = new RunTask(rules.hash(), Workbench.version(), file.getFileName().toString(),
                            bytes, hash, s.seed(), reps, whatIf, v, r);
                    pending.add(new Sent(task, executor.submit(task), 1));
                }
            }
            int total = variants * reps * s.months();
            int done = 0;
            progress.phase("simulating " + variants + " variants x " + reps + " replications on "
                    + client.getCluster().getMembers().size() + " members");
            while (!pending.isEmpty()) {
                if (cancelled.getAsBoolean()) {
                    pending.forEach(p -> p.future().cancel(true));
                    throw new CancellationException();
                }
                List<Sent> next = new ArrayList<>();
                for (Sent p : pending) {
                    if (!p.future().isDone()) {
                        next.add(p);
                        continue;
                    }
                    try {
                        RunTask t = p.task();
                        totals[t.variant()][t.replication()] = p.future().get();
                        done += s.months();
                        progress.update(done, total);
                    } catch (ExecutionException e) {
                        next.add(again(p, e.getCause(), executor));
                        progress.phase("a member left: " + p.task() + " sent again to another member");
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new CancellationException("interrupted");
                    }
                }
                pending = next;
                if (!pending.isEmpty()) {
                    sleep();
                }
            }
            return totals;
        } finally {
            client.shutdown();
        }
    }

    private record Sent(RunTask task, Future<RunTotals> future, int attempt) {
    }

    /** Sends a run lost with its member again; any other failure ends the run with the member's message. */
    private static Sent again(Sent p, Throwable cause, IExecutorService executor) {
        boolean lost = cause instanceof MemberLeftException || cause instanceof TargetDisconnectedException
                || cause instanceof TargetNotMemberException || cause instanceof HazelcastInstanceNotActiveException;
        if (!lost) {
            throw new CommandFailure(cause instanceof Member.ClusterMismatch ? ExitCodes.BAD_INPUT : ExitCodes.INTERNAL,
                    "on the cluster, " + p.task() + ": " + cause.getMessage());
        }
        if (p.attempt() >= ATTEMPTS) {
            throw new CommandFailure(ExitCodes.INTERNAL, "on the cluster, " + p.task() + " was lost with its member "
                    + ATTEMPTS + " times: " + cause.getMessage());
        }
        try {
            return new Sent(p.task(), executor.submit(p.task()), p.attempt() + 1);
        } catch (RuntimeException e) {
            throw new CommandFailure(ExitCodes.INTERNAL, "on the cluster, no member left to run " + p.task() + ": "
                    + e.getMessage());
        }
    }

    private HazelcastInstance connect() {
        ClientConfig config = new ClientConfig();
        config.setClusterName(settings.name());
        config.setProperty("hazelcast.logging.type", "slf4j");
        config.getNetworkConfig().setAddresses(new ArrayList<>(settings.members()));
        config.getConnectionStrategyConfig().getConnectionRetryConfig()
                .setClusterConnectTimeoutMillis(connectSeconds * 1000L);
        try {
            return HazelcastClient.newHazelcastClient(config);
        } catch (RuntimeException e) {
            throw new CommandFailure(ExitCodes.BAD_INPUT, "no member of " + settings + " answered within "
                    + connectSeconds + " s: start "
                    + "members with 'java -jar target/fieldlab.jar member' (see README, Running on a cluster), or set "
                    + "fieldlab.cluster.members");
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted");
        }
    }
}
