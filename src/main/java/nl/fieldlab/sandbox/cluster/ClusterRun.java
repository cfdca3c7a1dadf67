package nl.fieldlab.sandbox.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.cluster.Member;
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
 * index. Each member holds a few runs at a time and gets the next as one finishes, so faster members do more and a
 * member that joins mid-run takes work. A run lost with its member (killed, disconnected) is sent again to another
 * member: runs depend only on their inputs, so the totals, and the report, are the same however the work was
 * spread.
 */
public final class ClusterRun implements Workbench.Remote {

    /** How often one run is sent before the cluster is given up on. */
    static final int ATTEMPTS = 5;
    /** Runs a member holds at a time: enough to keep its threads busy while the next result travels. */
    static final int PER_MEMBER = 4;

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
            Deque<Queued> queue = new ArrayDeque<>();
            for (int r = 0; r < reps; r++) {
                for (int v = 0; v < variants; v++) {
                    queue.add(new Queued(new RunTask(rules.hash(), Workbench.version(), file.getFileName().toString(),
                            bytes, hash, s.seed(), reps, whatIf, v, r), 1));
                }
            }
            List<Sent> inFlight = new ArrayList<>();
            int total = variants * reps * s.months();
            int done = 0;
            progress.phase("simulating " + variants + " variants x " + reps + " replications on "
                    + client.getCluster().getMembers().size() + " members");
            long alone = 0;
            while (!queue.isEmpty() || !inFlight.isEmpty()) {
                if (cancelled.getAsBoolean()) {
                    inFlight.forEach(p -> p.future().cancel(true));
                    throw new CancellationException();
                }
                // each member gets a few runs at a time, and the next as one finishes: a fast member does more
                Set<Member> members = client.getCluster().getMembers();
                for (Member m : members) {
                    long busy = inFlight.stream().filter(p -> p.member().equals(m)).count();
                    for (; busy < PER_MEMBER && !queue.isEmpty(); busy++) {
                        Queued q = queue.poll();
                        inFlight.add(new Sent(q.task(), executor.submitToMember(q.task(), m), q.attempt(), m));
                    }
                }
                alone = members.isEmpty() ? (alone == 0 ? System.nanoTime() : alone) : 0;
                if (alone != 0 && System.nanoTime() - alone > TimeUnit.SECONDS.toNanos(connectSeconds)) {
                    throw new CommandFailure(ExitCodes.INTERNAL, "on the cluster, no member left to run the "
                            + (queue.size() + inFlight.size()) + " runs still to do");
                }
                List<Sent> still = new ArrayList<>();
                for (Sent p : inFlight) {
                    if (!p.future().isDone()) {
                        still.add(p);
                        continue;
                    }
                    try {
                        RunTask t = p.task();
                        totals[t.variant()][t.replication()] = p.future().get();
                        done += s.months();
                        progress.update(done, total);
                    } catch (ExecutionException e) {
                        queue.addFirst(again(p, e.getCause()));
                        progress.phase("a member left: " + p.task() + " sent again to another member");
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new CancellationException("interrupted");
                    }
                }
                inFlight = still;
                if (!queue.isEmpty() || !inFlight.isEmpty()) {
                    sleep();
                }
            }
            return totals;
        } finally {
            client.shutdown();
        }
    }

    /** A run waiting for a member, and how often it has been sent. */
    private record Queued(RunTask task, int attempt) {
    }

    private record Sent(RunTask task, Future<RunTotals> future, int attempt, Member member) {
    }

    /** A run lost with its member goes back to the queue; any other failure ends the run with the member's message. */
    private static Queued again(Sent p, Throwable cause) {
        boolean lost = cause instanceof MemberLeftException || cause instanceof TargetDisconnectedException
                || cause instanceof TargetNotMemberException || cause instanceof HazelcastInstanceNotActiveException;
        if (!lost) {
            throw new CommandFailure(cause instanceof nl.fieldlab.sandbox.cluster.Member.ClusterMismatch
                    ? ExitCodes.BAD_INPUT : ExitCodes.INTERNAL, "on the cluster, " + p.task() + ": " + cause.getMessage());
        }
        if (p.attempt() >= ATTEMPTS) {
            throw new CommandFailure(ExitCodes.INTERNAL, "on the cluster, " + p.task() + " was lost with its member "
                    + ATTEMPTS + " times: " + cause.getMessage());
        }
        return new Queued(p.task(), p.attempt() + 1);
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
