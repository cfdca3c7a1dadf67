package nl.fieldlab.sandbox.input;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads a file a user named, as bytes, only when it is a regular file (a link is followed to one) and never more
 * than a limit. A device ({@code /dev/zero}, {@code /dev/urandom}), a named pipe or a socket has no size to check
 * and may never end, so it is refused before it is opened; the read itself also stops one byte past the limit, so a
 * file that grows between the size check and the read cannot exhaust the heap either.
 */
public final class InputFile {

    private InputFile() {
    }

    /**
     * The bytes of {@code path}.
     *
     * @param maxBytes the most a file of this kind may hold
     * @param expected what the file should be, in words, for the message when it is not a regular file (e.g.
     *                 "a YAML file")
     * @throws InputError when the file is missing, not a regular file, unreadable or too large
     */
    public static byte[] read(Path path, long maxBytes, String expected) {
        if (!Files.exists(path)) {
            throw new InputError(path, 0, null, "file not found");
        }
        if (Files.isDirectory(path)) {
            throw new InputError(path, 0, null, "cannot read file: it is a folder; expected " + expected);
        }
        if (!Files.isRegularFile(path)) {
            throw new InputError(path, 0, null, "cannot read file: not a regular file (a device, a named pipe or a "
                    + "socket); expected " + expected);
        }
        try {
            long size = Files.size(path);
            if (size > maxBytes) {
                throw tooLarge(path, size, maxBytes);
            }
            try (InputStream in = Files.newInputStream(path)) {
                byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
                if (bytes.length > maxBytes) {
                    throw tooLarge(path, bytes.length, maxBytes);
                }
                return bytes;
            }
        } catch (NoSuchFileException e) {
            throw new InputError(path, 0, null, "file not found");
        } catch (AccessDeniedException e) {
            throw new InputError(path, 0, null, "cannot read file: permission denied");
        } catch (IOException e) {
            throw new InputError(path, 0, null, "cannot read file: " + (e.getMessage() == null ? "input/output error"
                    : e.getMessage()));
        }
    }

    private static InputError tooLarge(Path path, long size, long maxBytes) {
        return new InputError(path, 0, null, String.format(Locale.ROOT, "file is %.1f MB; input files are at most %d MB",
                size / 1048576.0, maxBytes / 1048576));
    }
}
