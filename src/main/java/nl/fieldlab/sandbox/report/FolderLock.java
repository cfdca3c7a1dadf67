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
 * An exclusive lock on {@code .NAME.lock} beside the folder, held while a run that will write it is going. The
 * operating system releases it when the process ends, also on kill -9. The empty lock file stays: deleting it
 * would let a second writer lock a file that no longer has the name. Within this process a second claim is
 * refused before the file is opened at all, because closing any channel of a file can release the process's
 * lock on it.
 */
final class FolderLock implements AutoCloseable {
    private static final Set<Path> HELD = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private FolderLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    static FolderLock take(Path parent, String name, Path shown) throws IOException {
        Path file = parent.resolve("." + name + ".lock");
        InputError busy = new InputError("another run is writing the report to " + InputError.display(shown)
                + "; wait until it finishes or use another folder");
        if (!HELD.add(file)) {
            throw busy;
        }
        try {
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
            ReportFolder.permit(file, ReportFolder.filePermissions());
            return new FolderLock(file, channel, lock);
        } catch (IOException | RuntimeException e) {
            HELD.remove(file);
            throw e;
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
