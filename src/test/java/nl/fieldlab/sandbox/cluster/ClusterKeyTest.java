package nl.fieldlab.sandbox.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.fieldlab.sandbox.app.CommandFailure;
import nl.fieldlab.sandbox.app.ExitCodes;

/** The cluster key file: made owner-only on first use, the same key read back, and refused when others can read it. */
class ClusterKeyTest {

    @TempDir
    Path tmp;

    @Test
    void madeOnFirstUseForItsOwnerAloneAndReadBackTheSame() throws IOException {
        Path file = tmp.resolve("config/fieldlab-sandbox/cluster.key");
        ClusterKey made = ClusterKey.of(file);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())));
        assertTrue(Files.readString(file).strip().matches("[0-9a-f]{64}"));
        ClusterKey again = ClusterKey.of(file);
        assertEquals(made.fingerprint(), again.fingerprint());
        byte[] body = "a task".getBytes();
        assertArrayEquals(made.mac("t", body), again.mac("t", body));
        assertTrue(again.verifies("t", body, made.mac("t", body)));
        assertFalse(again.verifies("other tag", body, made.mac("t", body)), "a seal is for one kind of message");
        ClusterKey other = ClusterKey.of(tmp.resolve("other.key"));
        assertFalse(other.verifies("t", body, made.mac("t", body)), "another key does not verify it");
        try (var files = Files.list(file.getParent())) {
            assertEquals(1, files.count(), "no temporary file is left beside the key");
        }
    }

    @Test
    void aKeyOthersCanReadIsRefused() throws IOException {
        Path file = tmp.resolve("cluster.key");
        ClusterKey.of(file);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        CommandFailure f = assertThrows(CommandFailure.class, () -> ClusterKey.of(file));
        assertEquals(ExitCodes.BAD_INPUT, f.exitCode());
        assertEquals("cluster key file " + file + ": other users can read or change it; make it yours alone: "
                + "chmod 600 " + file, f.getMessage());
    }

    @Test
    void aFileThatIsNotAKeyIsRefused() throws IOException {
        Path file = Files.writeString(tmp.resolve("cluster.key"), "my password\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        CommandFailure f = assertThrows(CommandFailure.class, () -> ClusterKey.of(file));
        assertTrue(f.getMessage().endsWith(": not a key (a file of 64 hex digits, as 'member' or 'run --cluster' "
                + "makes it)"), f.getMessage());
        Path dir = Files.createDirectories(tmp.resolve("a-folder"));
        assertThrows(CommandFailure.class, () -> ClusterKey.of(dir));
    }
}
