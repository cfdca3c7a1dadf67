package nl.fieldlab.sandbox.cluster;

import java.util.Arrays;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Where the cluster is: its name, the members to join (TCP/IP, multicast off) and the port a member listens on. Set
 * in {@code application.properties}, or per run with {@code -Dfieldlab.cluster.members=host:port,...} or the
 * environment variable {@code FIELDLAB_CLUSTER_MEMBERS}.
 */
@Component
public class ClusterSettings {

    /** The executor members run tasks on. */
    static final String EXECUTOR = "fieldlab-runs";

    private final String name;
    private final List<String> members;
    private final int port;

    public ClusterSettings(@Value("${fieldlab.cluster.name:fieldlab}") String name,
            @Value("${fieldlab.cluster.members:127.0.0.1:5701}") String members,
            @Value("${fieldlab.cluster.port:5701}") int port) {
        this.name = name;
        this.members = Arrays.stream(members.split(",")).map(String::strip).filter(m -> !m.isEmpty()).toList();
        this.port = port;
    }

    public String name() {
        return name;
    }

    public List<String> members() {
        return members;
    }

    public int port() {
        return port;
    }

    @Override
    public String toString() {
        return "cluster '" + name + "' at " + String.join(", ", members);
    }
}
