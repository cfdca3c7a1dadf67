package nl.fieldlab.sandbox.cluster;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.client.config.ClientConnectionStrategyConfig;
import com.hazelcast.client.impl.connection.tcp.RoutingMode;
import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.IExecutorService;

/**
 * A client's connection to one listed member: a Hazelcast client of its own that connects to that address only
 * (single-member routing, no reconnecting elsewhere), so the client never talks to a member that is not in its list,
 * even one that joined the cluster. A link that is lost is tried again; one that is dropped is not.
 */
final class MemberLink implements AutoCloseable {

    private final ClusterSettings.Address address;
    private volatile HazelcastInstance client;
    private volatile IExecutorService executor;
    private volatile Member target;
    private volatile CompletableFuture<Void> connecting;
    private volatile String down;
    private volatile long lastAttempt;
    /** The rules hash prefix of its sealed replies: part of its name once known. */
    private volatile String rules;
    private volatile boolean closed;
    private String dropped;
    private int checks;
    private boolean everUp;

    MemberLink(ClusterSettings.Address address) {
        this.address = address;
    }

    /** Its address as listed. */
    String address() {
        return address.toString();
    }

    /** Its name in messages: address, and rules hash prefix once it has answered. */
    String name() {
        return address + (rules == null ? "" : " (rules " + rules + ")");
    }

    void rules(String rulesHash) {
        this.rules = rulesHash.substring(0, 12);
    }

    /** Starts connecting in the background unless it is connected, connecting, dropped or closed. */
    void connect(ExecutorService pool, String clusterName, int seconds) {
        if (closed || dropped != null || up() || (connecting != null && !connecting.isDone())) {
            return;
        }
        lastAttempt = System.nanoTime();
        connecting = CompletableFuture.runAsync(() -> open(clusterName, seconds), pool);
    }

    boolean connecting() {
        return connecting != null && !connecting.isDone();
    }

    /** Nanoseconds since the last attempt began. */
    long sinceAttempt() {
        return System.nanoTime() - lastAttempt;
    }

    private void open(String clusterName, int seconds) {
        InetSocketAddress at = new InetSocketAddress(address.host(), address.port());
        if (at.isUnresolved()) {
            down = "its host name does not resolve";
            return;
        }
        // a plain connection first: a member that is not there is known at once, not after the client's retries
        try (Socket probe = new Socket()) {
            probe.connect(at, Math.min(seconds, 3) * 1000);
        } catch (IOException e) {
            down = "did not answer";
            return;
        }
        ClientConfig config = new ClientConfig();
        config.setClusterName(clusterName);
        config.setProperty("hazelcast.logging.type", "slf4j");
        config.getNetworkConfig().addAddress(address.toString());
        config.getNetworkConfig().getClusterRoutingConfig().setRoutingMode(RoutingMode.SINGLE_MEMBER);
        config.getConnectionStrategyConfig().setReconnectMode(ClientConnectionStrategyConfig.ReconnectMode.OFF);
        config.getConnectionStrategyConfig().getConnectionRetryConfig().setClusterConnectTimeoutMillis(seconds * 1000L);
        Wire.allowOnlyOwnTypes(config.getSerializationConfig());
        HazelcastInstance c;
        try {
            c = HazelcastClient.newHazelcastClient(config);
        } catch (RuntimeException e) {
            down = "did not answer as a member of cluster '" + clusterName + "'";
            return;
        }
        Member found = null;
        for (Member m : c.getCluster().getMembers()) {
            try {
                if (m.getAddress().getPort() == at.getPort() && m.getAddress().getInetAddress().equals(at.getAddress())) {
                    found = m;
                }
            } catch (UnknownHostException e) {
                // a member whose address does not resolve is not this one
            }
        }
        if (found == null) {
            c.shutdown();
            down = "answered, but not as a member at that address";
            return;
        }
        target = found;
        executor = c.getExecutorService(ClusterSettings.EXECUTOR);
        client = c;
        if (closed) { // the run ended while this connected
            close();
            return;
        }
        down = null;
        everUp = true;
    }

    boolean up() {
        HazelcastInstance c = client;
        return c != null && dropped == null && c.getLifecycleService().isRunning();
    }

    boolean everUp() {
        return everUp;
    }

    /** Why it is not connected, when it is not. */
    String down() {
        return down != null ? down : everUp ? "left mid-run" : "did not answer";
    }

    Future<RunResult> submit(RunTask task) {
        return executor.submitToMember(task, target);
    }

    /** Whether its next result is checked whatever the draw: until one of its results has been checked. */
    boolean unchecked() {
        return checks == 0;
    }

    void checking() {
        checks++;
    }

    /** Its member was lost: it takes no work until it is connected again. */
    void lost() {
        HazelcastInstance c = client;
        client = null;
        if (c != null) {
            c.shutdown();
        }
    }

    /** Takes it out of this command's runs for good, for {@code why}. */
    void drop(String why) {
        if (dropped == null) {
            dropped = why;
        }
        close();
    }

    String dropped() {
        return dropped;
    }

    @Override
    public void close() {
        closed = true;
        lost();
    }
}
