package nl.fieldlab.sandbox.rules;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.Set;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The secret key that signs the compiled rules kept on disk ({@link CompiledRuleStore}): 32 random bytes in a file
 * only this user can read, outside the cache folder, made on first use. A file planted in the cache folder cannot
 * carry a valid keyed hash without it.
 *
 * <p>The file is {@code $XDG_CONFIG_HOME/fieldlab-sandbox/rule-cache.key} (default {@code ~/.config/...}), or
 * {@code -Dfieldlab.rule-cache.key=PATH}. It is used only when it is private: a plain file (not a link) owned by
 * this user with no permissions for group or others, in a folder of this user's that others cannot write, and not
 * inside the cache folder. When it is not (or the file system has no POSIX permissions), the cache is not used:
 * every process compiles its rules, which costs time only.
 */
final class StoreKey {

    static final int LENGTH = 32;
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE);
    private static final Set<PosixFilePermission> OWNER_ONLY_FOLDER = EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);

    private final Path file;
    private final Path cacheDir;
    private boolean tried;
    private byte[] bytes;
    private String whyNot;

    StoreKey(Path file, Path cacheDir) {
        this.file = file;
        this.cacheDir = cacheDir;
    }

    /** The key file of this process: {@code -Dfieldlab.rule-cache.key}, else under the user's config folder. */
    static Path defaultFile() {
        String setting = System.getProperty("fieldlab.rule-cache.key", "");
        if (!setting.isEmpty()) {
            return Path.of(setting);
        }
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path config = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg)
                : Path.of(System.getProperty("user.home"), ".config");
        return config.resolve("fieldlab-sandbox").resolve("rule-cache.key");
    }

    /** The key, made on first use; null when it cannot be kept private (see {@link #whyNot()}). */
    synchronized byte[] bytes() {
        if (!tried) {
            tried = true;
            try {
                bytes = loadOrCreate();
            } catch (IOException | RuntimeException e) {
                bytes = null;
                whyNot = "cannot read or make " + file + ": " + e.getMessage();
            }
        }
        return bytes;
    }

    /** Why the cache is not used, or null when it is. */
    synchronized String whyNot() {
        bytes();
        return whyNot;
    }

    private byte[] loadOrCreate() throws IOException {
        Path key = file.toAbsolutePath().normalize();
        Path cache = cacheDir.toAbsolutePath().normalize();
        if (key.startsWith(cache)) {
            return refuse("the key file lies inside the cache folder");
        }
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return refuse("this file system has no owner-only permissions");
        }
        Path folder = key.getParent();
        if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
            Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FOLDER));
        }
        String folderProblem = problem(folder, true);
        if (folderProblem != null) {
            return refuse(folder + ": " + folderProblem);
        }
        if (Files.exists(cache) && folder.toRealPath().startsWith(cache.toRealPath())) {
            return refuse("the key file lies inside the cache folder");
        }
        if (!Files.exists(key, LinkOption.NOFOLLOW_LINKS)) {
            create(key);
        }
        String keyProblem = problem(key, false);
        if (keyProblem != null) {
            return refuse(key + ": " + keyProblem);
        }
        byte[] read;
        try (InputStream in = Files.newInputStream(key, LinkOption.NOFOLLOW_LINKS)) {
            read = in.readNBytes(LENGTH + 1);
        }
        return read.length == LENGTH ? read : refuse(key + ": expected " + LENGTH + " bytes");
    }

    /** Why a path cannot hold or be the key: a link, another owner, permissions for others; null when fine. */
    private static String problem(Path p, boolean folder) throws IOException {
        PosixFileAttributes a = Files.readAttributes(p, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (a.isSymbolicLink()) {
            return "is a link";
        }
        if (folder ? !a.isDirectory() : !a.isRegularFile()) {
            return folder ? "is not a folder" : "is not a plain file";
        }
        if (!a.owner().getName().equals(System.getProperty("user.name"))) {
            return "belongs to " + a.owner().getName();
        }
        Set<PosixFilePermission> perms = a.permissions();
        if (folder ? perms.contains(PosixFilePermission.GROUP_WRITE) || perms.contains(PosixFilePermission.OTHERS_WRITE)
                : !OWNER_ONLY_FILE.containsAll(perms)) {
            return "others may " + (folder ? "write it" : "read or write it") + " ("
                    + PosixFilePermissions.toString(perms) + ")";
        }
        return null;
    }

    /**
     * Writes a new random key: into an owner-only temporary file first, then linked under its name, which fails
     * when another process made one meanwhile (that one is used), so no process ever reads half a key.
     */
    private static void create(Path key) throws IOException {
        byte[] fresh = new byte[LENGTH];
        new SecureRandom().nextBytes(fresh);
        Path tmp = Files.createTempFile(key.getParent(), key.getFileName().toString(), ".tmp",
                PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE));
        try {
            Files.write(tmp, fresh);
            try {
                Files.createLink(key, tmp);
            } catch (FileAlreadyExistsException e) {
                // another process made the key first: use theirs
            } catch (UnsupportedOperationException | IOException e) {
                if (!Files.exists(key, LinkOption.NOFOLLOW_LINKS)) {
                    Files.move(tmp, key); // no hard links here: a rename, which fails when the name exists
                }
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private byte[] refuse(String why) {
        whyNot = why;
        return null;
    }

    /** HMAC-SHA256 of two byte ranges under {@code secret}. */
    static byte[] mac(byte[] secret, byte[] a, int aOffset, int aLength, byte[] b, int bOffset, int bLength) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update(a, aOffset, aLength);
            mac.update(b, bOffset, bLength);
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }
}
