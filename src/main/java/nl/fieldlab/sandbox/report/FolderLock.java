package nl.fieldlab.sandbox.report;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;

import nl.fieldlab.sandbox.input.InputError;

/**
 * An exclusive lock on a report folder, held while a run that will write it is going. The operating system releases
 * it when the process ends, also on kill -9.
 *
 * <p>The lock file lives in the tool's own folder ({@code ~/.cache/fieldlab-sandbox/locks}, or
 * {@code -Dfieldlab.lock-dir=PATH}), named by a hash of the report folder's real path, not beside the report:
 * there a hidden {@code .NAME.lock} stayed beside every report folder and every folder a user gave to {@code --out}.
 * The empty lock file stays: deleting it would let a second writer lock a file that no longer has the name. Within
 * this process a second claim is refused before the file is opened at all, because closing any channel of a file
 * can release the process's lock on it.
 */
final class FolderLock implements AutoCloseable {
    private static final Set<Path> HELD = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private static final Set<java.nio.file.attribute.PosixFilePermission> OWNER_ONLY =
            java.nio.file.attribute.PosixFilePermissions.fromString("rwx------");

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private FolderLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /** The folder of the lock files: {@code -Dfieldlab.lock-dir}, or {@code ~/.cache/fieldlab-sandbox/locks}. */
    static Path folder() {
        String setting = System.getProperty("fieldlab.lock-dir", "");
        return setting.isBlank() ? Path.of(System.getProperty("user.home"), ".cache", "fieldlab-sandbox", "locks")
                : Path.of(setting);
    }

    /** The lock file of the folder {@code name} in {@code parent}: one per real path, whatever link led there. */
    static Path fileFor(Path parent, String name) throws IOException {
        String real = parent.toRealPath().resolve(name).toString();
        return folder().resolve(nl.fieldlab.sandbox.rules.Hashes.sha256(real.getBytes(
                java.nio.charset.StandardCharsets.UTF_8)).substring(0, 32) + ".lock");
    }

    static FolderLock take(Path parent, String name, Path shown) throws IOException {
        Path file = fileFor(parent, name);
        InputError busy = new InputError("another run is writing the report to " + InputError.display(shown)
                + "; wait until it finishes or use another folder");
        if (!HELD.add(file)) {
            throw busy;
        }
        try {
            Path folder = file.getParent();
            if (!Files.isDirectory(folder)) {
                Files.createDirectories(folder);
                ReportFolder.permit(folder, OWNER_ONLY);
            }
            if (Files.isSymbolicLink(file)) {
                throw new InputError(InputError.display(file) + " is a link; remove it and run again");
            }
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    LinkOption.NOFOLLOW_LINKS);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                throw busy;
            }
            removeOldLockBeside(parent, name);
            return new FolderLock(file, channel, lock);
        } catch (IOException | RuntimeException e) {
            HELD.remove(file);
            throw e;
        }
    }

    /**
     * Versions before December 2026 kept the lock as an empty {@code .NAME.lock} beside the folder. Holding the lock
     * now, the old file is removed when it is what those versions left: an empty plain file, not a link.
     */
    private static void removeOldLockBeside(Path parent, String name) {
        Path old = parent.resolve("." + name + ".lock");
        try {
            if (Files.isRegularFile(old, LinkOption.NOFOLLOW_LINKS) && Files.size(old) == 0) {
                Files.delete(old);
            }
        } catch (IOException e) {
            // a read-only folder keeps it; it does no harm
        }
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
            channel.close();
        } finally {
            HELD.remove(file);
        }
    }
}
