package nl.fieldlab.sandbox.cluster;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import nl.fieldlab.sandbox.rules.Hashes;

/**
 * The secret a client and its members share: 32 random bytes, written as hex to a file only its owner can read,
 * made on first use and copied by hand to every member machine. A client seals each task with it and a member each
 * reply (HMAC-SHA256 over the bytes as sent, under a tag naming what they are), so a member runs only tasks from a
 * holder of the key and a client reads only replies from one. It authenticates; it does not encrypt.
 */
public final class ClusterKey {

    static final int MAC_BYTES = 32;
    private static final int KEY_BYTES = 32;
    private static final String ALGORITHM = "HmacSHA256";

    private final Path file;
    private final SecretKeySpec key;
    private final String fingerprint;

    private ClusterKey(Path file, byte[] key) {
        this.file = file;
        this.key = new SecretKeySpec(key, ALGORITHM);
        byte[] id = new byte[key.length + 1];
        System.arraycopy(key, 0, id, 1, key.length);
        this.fingerprint = Hashes.sha256(id).substring(0, 8);
    }

    /** The key in {@code file}, which is made (owner-only) when it does not exist yet. */
    public static ClusterKey of(Path file) {
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            return read(file);
        } catch (IOException e) {
            throw ClusterSettings.bad("cluster key file " + file + ": cannot be read or made: " + e.getMessage()
                    + " (set fieldlab.cluster.key-file)");
        }
    }

    /** Where the key lives, for messages to this machine's user (never sent to another machine). */
    public Path file() {
        return file;
    }

    /** A short name of the key that reveals nothing of it: two machines with the same key show the same one. */
    public String fingerprint() {
        return fingerprint;
    }

    /** The key in words for this machine's user. */
    public String describe() {
        return "key " + fingerprint + " in " + file;
    }

    byte[] mac(String tag, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            mac.update(tag.getBytes(StandardCharsets.US_ASCII));
            mac.update((byte) 0);
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
        }
    }

    /** Whether {@code mac} seals {@code body} under {@code tag} with this key (compared in constant time). */
    boolean verifies(String tag, byte[] body, byte[] mac) {
        return body != null && mac != null && mac.length == MAC_BYTES && MessageDigest.isEqual(mac(tag, body), mac);
    }

    private static void create(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        boolean posix = Files.getFileStore(Files.exists(dir) ? dir : existingAncestor(dir))
                .supportsFileAttributeView(PosixFileAttributeView.class);
        FileAttribute<?>[] dirOwnerOnly = posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"))}
                : new FileAttribute<?>[0];
        FileAttribute<?>[] fileOwnerOnly = posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
                : new FileAttribute<?>[0];
        Files.createDirectories(dir, dirOwnerOnly);
        byte[] key = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(key);
        // written in full under another name, then linked in: a process that starts at the same moment either
        // makes the file or finds it complete, and both then read the same key
        Path tmp = Files.createTempFile(dir, ".cluster-key-", ".tmp", fileOwnerOnly);
        try {
            try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.WRITE)) {
                out.write((HexFormat.of().formatHex(key) + "\n").getBytes(StandardCharsets.US_ASCII));
            }
            try {
                Files.createLink(file, tmp);
            } catch (FileAlreadyExistsException e) {
                // made by another process meanwhile: that one is the key
            } catch (UnsupportedOperationException e) {
                Files.move(tmp, file);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static Path existingAncestor(Path dir) {
        Path p = dir;
        while (p != null && !Files.exists(p)) {
            p = p.getParent();
        }
        return p == null ? Path.of("").toAbsolutePath() : p;
    }

    private static ClusterKey read(Path file) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        if (!attributes.isRegularFile() || attributes.size() > 4096) {
            throw ClusterSettings.bad("cluster key file " + file + ": not a key (a file of 64 hex digits, as "
                    + "'member' or 'run --cluster' makes it)");
        }
        PosixFileAttributeView posix = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (posix != null) {
            Set<PosixFilePermission> p = posix.readAttributes().permissions();
            if (p.contains(PosixFilePermission.GROUP_READ) || p.contains(PosixFilePermission.GROUP_WRITE)
                    || p.contains(PosixFilePermission.OTHERS_READ) || p.contains(PosixFilePermission.OTHERS_WRITE)) {
                throw ClusterSettings.bad("cluster key file " + file + ": other users can read or change it; make it "
                        + "yours alone: chmod 600 " + file);
            }
        }
        String text = Files.readString(file, StandardCharsets.ISO_8859_1).strip();
        if (!text.matches("[0-9a-fA-F]{" + 2 * KEY_BYTES + "}")) {
            throw ClusterSettings.bad("cluster key file " + file + ": not a key (a file of 64 hex digits, as "
                    + "'member' or 'run --cluster' makes it)");
        }
        return new ClusterKey(file, HexFormat.of().parseHex(text.toLowerCase(java.util.Locale.ROOT)));
    }
}
