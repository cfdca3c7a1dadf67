package nl.fieldlab.sandbox.cluster;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import com.hazelcast.core.HazelcastInstanceNotActiveException;
import com.hazelcast.core.MemberLeftException;
import com.hazelcast.spi.exception.TargetDisconnectedException;
import com.hazelcast.spi.exception.TargetNotMemberException;

import nl.fieldlab.sandbox.app.CommandFailure;
import nl.fieldlab.sandbox.app.ExitCodes;
import nl.fieldlab.sandbox.app.Workbench;
import nl.fieldlab.sandbox.scenario.Scenario;
import nl.fieldlab.sandbox.simulation.RunTotals;
import nl.fieldlab.sandbox.simulation.RunTotalsCodec;
import nl.fieldlab.sandbox.simulation.Simulator;

/**
 * One cluster run's bookkeeping: which (variant, replication) run waits, which is with which member, which result is
 * being checked, and which is accepted from whom. A slot is {@code replication * variants + variant}.
 *
 * <p>Which results are checked: every member's first, so a member that is wrong every time (other code, a changed
 * jar, a lie) is caught on its first answer; and of the others each with probability {@code share} (default 0.1),
 * drawn here with a {@link java.security.SecureRandom} that no member sees. The draw is not made from the run's seed
 * on purpose: every member receives the seed, so a member that knows which results will be checked could lie in the
 * others only. A member that lies in k results it is not caught on the first of escapes with chance (1 - share)^k:
 * 0.9^10 = 35 %, 0.9^30 = 4 %; a member that lies once in a while may escape. The client's own work is share times
 * the run, on all its cores while the members work: 10 % keeps a cluster of a few members worthwhile; raise the share
 * for a cluster you trust less. Checked results are the client's own, so a report never depends on an unchecked
 * member more than the share says.
 */
final class Dispatch {

    /** How often one run may be lost with its member before the cluster is given up on. */
    static final int ATTEMPTS = 5;
    /** Runs a member holds at a time: enough to keep its threads busy while the next result travels. */
    static final int PER_MEMBER = 4;
    /** How soon a lost member is tried again. */
    private static final long RETRY_NANOS = TimeUnit.SECONDS.toNanos(2);

    private final Scenario scenario;
    private final RunTask[] tasks;
    private final List<MemberLink> links;
    private final ClusterKey key;
    private final String rulesHash;
    private final String scenarioHash;
    private final LocalCheck local;
    private final double share;
    private final Random random;
    private final Simulator.Progress progress;
    private final BooleanSupplier cancelled;
    private final ExecutorService connecting;
    private final ClusterSettings settings;
    private final int connectSeconds;
    private final RunTotalsCodec.Shape shape;

    private final RunTotals[] accepted;
    /** The member an accepted result came from, or null when this client ran it (a checked result). */
    private final MemberLink[] from;
    private final int[] attempts;
    private final Deque<Integer> queue = new ArrayDeque<>();
    private final List<Sent> inFlight = new ArrayList<>();
    private final List<Checking> checks = new ArrayList<>();
    private int acceptedCount;

    private record Sent(int slot, MemberLink link, Future<RunResult> future) {
    }

    private record Checking(int slot, MemberLink link, byte[] remote, Future<RunTotals> mine) {
    }

    Dispatch(Scenario scenario, RunTask[] tasks, List<MemberLink> links, ClusterKey key, String rulesHash,
            String scenarioHash, LocalCheck local, double share, Random random, Simulator.Progress progress,
            BooleanSupplier cancelled, ExecutorService connecting, ClusterSettings settings, int connectSeconds) {
        this.scenario = scenario;
        this.tasks = tasks;
        this.links = links;
        this.key = key;
        this.rulesHash = rulesHash;
        this.scenarioHash = scenarioHash;
        this.local = local;
        this.share = share;
        this.random = random;
        this.progress = progress;
        this.cancelled = cancelled;
        this.connecting = connecting;
        this.settings = settings;
        this.connectSeconds = connectSeconds;
        this.shape = RunTotalsCodec.Shape.of(scenario);
        this.accepted = new RunTotals[tasks.length];
        this.from = new MemberLink[tasks.length];
        this.attempts = new int[tasks.length];
    }

    RunTotals[][] run() {
        for (int slot = 0; slot < tasks.length; slot++) {
            queue.add(slot);
        }
        // every listed member is tried first, so that the work is spread over all that answer from the start
        links.forEach(l -> l.connect(connecting, settings.name(), connectSeconds));
        while (links.stream().anyMatch(MemberLink::connecting)) {
            stopIfCancelled();
            sleep();
        }
        if (links.stream().noneMatch(MemberLink::up)) {
            throw new CommandFailure(ExitCodes.BAD_INPUT, "no member of " + settings + " answered within "
                    + connectSeconds + " s (" + members() + "): start members with 'java -jar target/fieldlab.jar "
                    + "member' (see README, Running on a cluster), or set fieldlab.cluster.members");
        }
        progress.phase("simulating " + scenario.variants().size() + " variants x " + scenario.replications()
                + " replications on " + links.stream().filter(MemberLink::up).count() + " members");
        long lastUp = System.nanoTime();
        while (acceptedCount < tasks.length) {
            stopIfCancelled();
            reconnect();
            send();
            collectReplies();
            collectChecks();
            if (links.stream().anyMatch(MemberLink::up)) {
                lastUp = System.nanoTime();
            } else if (!queue.isEmpty() || !inFlight.isEmpty()) {
                boolean allDropped = links.stream().allMatch(l -> l.dropped() != null);
                if (allDropped || System.nanoTime() - lastUp > TimeUnit.SECONDS.toNanos(connectSeconds)) {
                    throw new CommandFailure(ExitCodes.BAD_INPUT, "no good member left on " + settings + " for the "
                            + (queue.size() + inFlight.size()) + " runs still to do: " + members());
                }
            }
            if (acceptedCount < tasks.length) {
                sleep();
            }
        }
        int variants = scenario.variants().size();
        RunTotals[][] totals = new RunTotals[variants][scenario.replications()];
        for (int slot = 0; slot < tasks.length; slot++) {
            totals[slot % variants][slot / variants] = accepted[slot];
        }
        return totals;
    }

    /** Each member gets a few runs at a time, and the next as one finishes: a fast member does more. */
    private void send() {
        for (MemberLink link : links) {
            if (!link.up()) {
                continue;
            }
            long busy = inFlight.stream().filter(p -> p.link() == link).count();
            for (; busy < PER_MEMBER && !queue.isEmpty(); busy++) {
                int slot = queue.poll();
                inFlight.add(new Sent(slot, link, link.submit(tasks[slot])));
            }
        }
    }

    /** A member that was lost is tried again every few seconds: one that comes back takes work again. */
    private void reconnect() {
        for (MemberLink link : links) {
            if (link.dropped() == null && !link.up() && !link.connecting() && link.sinceAttempt() > RETRY_NANOS) {
                link.connect(connecting, settings.name(), Math.min(connectSeconds, 5));
            }
        }
    }

    private void collectReplies() {
        for (Sent p : List.copyOf(inFlight)) {
            // one reply may drop its member, whose other runs then leave the list with their futures cancelled
            if (!p.future().isDone() || !inFlight.contains(p)) {
                continue;
            }
            inFlight.remove(p);
            try {
                received(p, p.future().get());
            } catch (ExecutionException e) {
                failed(p, e.getCause());
            } catch (CancellationException e) {
                queue.addFirst(p.slot());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("interrupted");
            }
        }
    }

    /** A run lost with its member goes back to the queue; any other failure drops the member. */
    private void failed(Sent p, Throwable cause) {
        boolean lost = cause instanceof MemberLeftException || cause instanceof TargetDisconnectedException
                || cause instanceof TargetNotMemberException || cause instanceof HazelcastInstanceNotActiveException
                || !p.link().up();
        if (!lost) {
            queue.addFirst(p.slot());
            drop(p.link(), "failed a task (its console or log says why)");
            return;
        }
        p.link().lost();
        if (++attempts[p.slot()] >= ATTEMPTS) {
            throw new CommandFailure(ExitCodes.BAD_INPUT, "on " + settings + ", " + name(p.slot()) + " was lost with "
                    + "its member " + ATTEMPTS + " times: " + members());
        }
        queue.addFirst(p.slot());
        progress.phase("a member left: " + name(p.slot()) + " sent again to another member");
    }

    private void received(Sent p, RunResult result) {
        MemberLink link = p.link();
        ResultContent c;
        try {
            c = result.open(key, tasks[p.slot()]);
        } catch (RunResult.NotVerified e) {
            queue.addFirst(p.slot());
            drop(link, "its replies do not verify with this client's " + key.describe() + ": give every member a "
                    + "copy of that file (fieldlab.cluster.key-file)");
            return;
        } catch (IOException e) {
            queue.addFirst(p.slot());
            drop(link, "its reply does not read: " + e.getMessage());
            return;
        }
        link.rules(c.rulesHash());
        String problem = switch (c.status()) {
            case RAN -> c.rulesHash().equals(rulesHash) && c.scenarioHash().equals(scenarioHash)
                    && c.version().equals(Workbench.version()) ? null
                            : "answered for other rules, another scenario or another version than this client's";
            case OTHER_RULES -> "has other rules (" + c.rulesHash().substring(0, 12) + ") than this client ("
                    + rulesHash.substring(0, 12) + "): start every member with the same rules folder as the client";
            case OTHER_VERSION -> "runs version " + c.version() + ", this client " + Workbench.version()
                    + ": every member must run the same jar";
            case NOT_VERIFIED -> "could not verify this client's task (changed on the way?)";
            case MALFORMED -> "refused the task: " + c.message();
            case FAILED -> "could not run " + name(p.slot()) + " (its console says why)";
        };
        if (problem != null) {
            queue.addFirst(p.slot());
            drop(link, problem);
            return;
        }
        RunTotals totals;
        try {
            totals = RunTotalsCodec.decode(c.totals(), shape);
        } catch (IOException e) {
            queue.addFirst(p.slot());
            drop(link, "sent totals that do not read: " + e.getMessage());
            return;
        }
        if (link.unchecked() || random.nextDouble() < share) {
            link.checking();
            int v = p.slot() % scenario.variants().size();
            int r = p.slot() / scenario.variants().size();
            checks.add(new Checking(p.slot(), link, c.totals(), local.run(v, r)));
        } else {
            accept(p.slot(), totals, link);
        }
    }

    /** A checked result is this client's own; a member whose result differs is dropped. */
    private void collectChecks() {
        for (Checking c : List.copyOf(checks)) {
            if (!c.mine().isDone()) {
                continue;
            }
            checks.remove(c);
            RunTotals mine;
            try {
                mine = c.mine().get();
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("interrupted");
            }
            if (!Arrays.equals(RunTotalsCodec.encode(mine), c.remote())) {
                drop(c.link(), "its totals for " + name(c.slot()) + " differ from this client's own run of it");
            }
            accept(c.slot(), mine, null);
        }
    }

    private void accept(int slot, RunTotals totals, MemberLink link) {
        if (accepted[slot] != null) {
            throw new IllegalStateException(name(slot) + " was accepted twice");
        }
        accepted[slot] = totals;
        from[slot] = link;
        acceptedCount++;
        progress.update(acceptedCount * scenario.months(), tasks.length * scenario.months());
    }

    /** Drops a member: its runs in hand and its unchecked results go to the others. */
    private void drop(MemberLink link, String why) {
        if (link.dropped() != null) {
            return;
        }
        link.drop(why);
        int moved = 0;
        for (Sent p : List.copyOf(inFlight)) {
            if (p.link() == link) {
                p.future().cancel(true);
                inFlight.remove(p);
                queue.addFirst(p.slot());
                moved++;
            }
        }
        for (int slot = 0; slot < tasks.length; slot++) {
            if (from[slot] == link) {
                accepted[slot] = null;
                from[slot] = null;
                acceptedCount--;
                queue.add(slot);
                moved++;
            }
        }
        progress.phase("dropped member " + link.name() + ": " + why + "; " + moved + " runs sent to the others");
    }

    private String name(int slot) {
        int variants = scenario.variants().size();
        return "variant " + scenario.variants().get(slot % variants).name() + " replication " + slot / variants;
    }

    /** Every listed member and what became of it, for a run that cannot go on. */
    private String members() {
        List<String> out = new ArrayList<>();
        for (MemberLink link : links) {
            out.add(link.name() + " " + (link.dropped() != null ? "dropped: " + link.dropped()
                    : link.up() ? "answers" : link.down()));
        }
        return String.join("; ", out);
    }

    private void stopIfCancelled() {
        if (cancelled.getAsBoolean()) {
            inFlight.forEach(p -> p.future().cancel(true));
            throw new CancellationException();
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
