package nl.fieldlab.sandbox.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

import nl.fieldlab.sandbox.app.CommandFailure;

/** The member list, port and check share are checked with a message naming the setting and the entry. */
class ClusterSettingsTest {

    private static ClusterSettings members(String list) {
        return new ClusterSettings("c", list, 5701, "", "0.1");
    }

    @Test
    void membersAreReadAsListed() {
        assertEquals(List.of(new ClusterSettings.Address("10.0.0.1", 5701), new ClusterSettings.Address("node-2", 5702),
                new ClusterSettings.Address("::1", 5703)), members(" 10.0.0.1, node-2:5702 ,[::1]:5703,10.0.0.1:5701")
                        .members());
        assertEquals("[::1]:5703", new ClusterSettings.Address("::1", 5703).toString());
    }

    @Test
    void aBadEntryIsNamed() {
        for (String[] c : new String[][] {
                {"127.0.0.1:99999", "fieldlab.cluster.members: '127.0.0.1:99999': the port must be a number from 1 to 65535"},
                {"127.0.0.1:http", "fieldlab.cluster.members: '127.0.0.1:http': the port must be a number from 1 to 65535"},
                {"::1", "fieldlab.cluster.members: '::1': write an IPv6 address as [address]:port"},
                {"a b:5701", "fieldlab.cluster.members: 'a b:5701': expected host:port, e.g. 10.0.0.1:5701"},
                {" , ", "fieldlab.cluster.members: no member listed (expected host:port,host:port)"}}) {
            assertEquals(c[1], assertThrows(CommandFailure.class, () -> members(c[0]).members()).getMessage(), c[0]);
        }
        assertEquals("fieldlab.cluster.check-share: 'most' is not a share from 0 to 1 (default 0.1)", assertThrows(
                CommandFailure.class, () -> new ClusterSettings("c", "h:1", 1, "", "most").checkShare()).getMessage());
        assertEquals("fieldlab.cluster.port: 70000 is not a port (1 to 65535)", assertThrows(CommandFailure.class,
                () -> new ClusterSettings("c", "h:1", 70000, "", "0").port()).getMessage());
    }
}
