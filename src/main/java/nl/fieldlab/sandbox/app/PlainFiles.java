package nl.fieldlab.sandbox.app;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Reads the files of a folder someone else may have made (a report sent to you) as data only: plain files, never
 * a link (which could lead anywhere, e.g. to a 3 GB file or your keys), a device or a pipe, and at most so many
 * bytes each.
 */
final class PlainFiles {

    private PlainFiles() {
    }

    /** Why a file was not read: missing, a link, not a plain file, or too large. */
    static final class NotRead extends Exception {
        NotRead(String why) {
            super(why, null, false, false);
        }
    }

    /** The bytes of {@code file}, read only when it is a plain file (not a link) of at most {@code max} bytes. */
    static byte[] read(Path file, long max) throws NotRead {
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            throw new NotRead("missing");
        } catch (IOException e) {
            throw new NotRead("cannot read: " + e.getMessage());
        }
        if (a.isSymbolicLink()) {
            throw new NotRead("a link; only plain files are read");
        }
        if (!a.isRegularFile()) {
            throw new NotRead("not a plain file");
        }
        if (a.size() > max) {
            throw new NotRead(tooLarge(a.size(), max));
        }
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
            if (bytes.length > max) {
                throw new NotRead(tooLarge(bytes.length, max)); // it grew since
            }
            return bytes;
        } catch (IOException e) {
            throw new NotRead("cannot read: " + e.getMessage());
        }
    }

    private static String tooLarge(long size, long max) {
        return String.format(java.util.Locale.ROOT, "%.1f MB, more than the %d MB read at most", size / 1048576.0,
                max / 1048576);
    }
}
