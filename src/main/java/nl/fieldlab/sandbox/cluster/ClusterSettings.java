package nl.fieldlab.sandbox.cluster;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import nl.fieldlab.sandbox.app.CommandFailure;
import nl.fieldlab.sandbox.app.ExitCodes;

/**
 * Where the cluster is and how it is trusted: its name, the members (TCP/IP, multicast off; a member listens only on
 * its own address in this list, a client talks only to the members in it), the port a member listens on, the key
 * file every member and client share, and the share of results a client recomputes itself. Set in
 * {@code application.properties}, or per run with {@code -Dfieldlab.cluster.members=host:port,...} or the
 * environment variable {@code FIELDLAB_CLUSTER_MEMBERS}. Values are checked when the cluster is used, so that a
 * plain run never fails on them.
 */
@Component
public class ClusterSettings {

    /** The executor members run tasks on. */
    static final String EXECUTOR = "fieldlab-runs";

    private final String name;
    private final String members;
    private final int port;
    private final String keyFile;
    private final String checkShare;

    public ClusterSettings(@Value("${fieldlab.cluster.name:fieldlab}") String name,
            @Value("${fieldlab.cluster.members:127.0.0.1:5701}") String members,
            @Value("${fieldlab.cluster.port:5701}") int port,
            @Value("${fieldlab.cluster.key-file:}") String keyFile,
            @Value("${fieldlab.cluster.check-share:0.1}") String checkShare) {
        this.name = name;
        this.members = members;
        this.port = port;
        this.keyFile = keyFile;
        this.checkShare = checkShare;
    }

    public String name() {
        return name;
    }

    /** The members as listed, each checked: {@code host:port}, {@code [v6]:port}, or {@code host} on this port. */
    public List<Address> members() {
        List<Address> out = new ArrayList<>();
        for (String entry : Arrays.stream(members.split(",")).map(String::strip).filter(m -> !m.isEmpty()).toList()) {
            Address a = Address.parse(entry, port);
            if (!out.contains(a)) {
                out.add(a);
            }
        }
        if (out.isEmpty()) {
            throw bad("fieldlab.cluster.members: no member listed (expected host:port,host:port)");
        }
        return out;
    }

    public int port() {
        if (port < 1 || port > 65535) {
            throw bad("fieldlab.cluster.port: " + port + " is not a port (1 to 65535)");
        }
        return port;
    }

    /**
     * The shared key: {@code fieldlab.cluster.key-file}, else {@code cluster.key} in the user's configuration
     * folder ({@code $XDG_CONFIG_HOME/fieldlab-sandbox}, or {@code ~/.config/fieldlab-sandbox}).
     */
    public Path keyFile() {
        if (keyFile != null && !keyFile.isBlank()) {
            return Path.of(keyFile.strip());
        }
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path config = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg)
                : Path.of(System.getProperty("user.home"), ".config");
        return config.resolve("fieldlab-sandbox").resolve("cluster.key");
    }

    /** The share of results a client recomputes itself (see {@link ClusterRun}), from 0 to 1. */
    public double checkShare() {
        double share;
        try {
            share = Double.parseDouble(checkShare.strip());
        } catch (NumberFormatException e) {
            share = Double.NaN;
        }
        if (!(share >= 0 && share <= 1)) {
            throw bad("fieldlab.cluster.check-share: '" + checkShare + "' is not a share from 0 to 1 (default 0.1)");
        }
        return share;
    }

    static CommandFailure bad(String message) {
        return new CommandFailure(ExitCodes.BAD_INPUT, message);
    }

    @Override
    public String toString() {
        return "cluster '" + name + "' at " + members.strip().replaceAll("\\s*,\\s*", ", ");
    }

    /** A member's address as listed. */
    public record Address(String host, int port) {

        static Address parse(String entry, int defaultPort) {
            String host = entry;
            String portText = null;
            if (entry.startsWith("[")) {
                int close = entry.indexOf(']');
                if (close < 0) {
                    throw bad("fieldlab.cluster.members: '" + entry + "': no ']' after the IPv6 address");
                }
                host = entry.substring(1, close);
                String rest = entry.substring(close + 1);
                if (!rest.isEmpty()) {
                    if (!rest.startsWith(":")) {
                        throw bad("fieldlab.cluster.members: '" + entry + "': expected [address]:port");
                    }
                    portText = rest.substring(1);
                }
            } else if (entry.indexOf(':') >= 0) {
                if (entry.indexOf(':') != entry.lastIndexOf(':')) {
                    throw bad("fieldlab.cluster.members: '" + entry + "': write an IPv6 address as [address]:port");
                }
                host = entry.substring(0, entry.indexOf(':'));
                portText = entry.substring(entry.indexOf(':') + 1);
            }
            if (host.isEmpty() || !host.matches("[A-Za-z0-9.:%_-]+")) {
                throw bad("fieldlab.cluster.members: '" + entry + "': expected host:port, e.g. 10.0.0.1:5701");
            }
            int port = defaultPort;
            if (portText != null) {
                try {
                    port = Integer.parseInt(portText);
                } catch (NumberFormatException e) {
                    port = -1;
                }
            }
            if (port < 1 || port > 65535) {
                throw bad("fieldlab.cluster.members: '" + entry + "': the port must be a number from 1 to 65535");
            }
            return new Address(host, port);
        }

        @Override
        public String toString() {
            return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
        }
    }
}
