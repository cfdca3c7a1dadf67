package nl.fieldlab.sandbox.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

import nl.fieldlab.sandbox.input.InputError;
import nl.fieldlab.sandbox.rules.Hashes;
import tools.jackson.databind.JsonNode;

/**
 * A folder this tool writes (a report, an analysis, a benchmark), and the only code that replaces or deletes one.
 *
 * <p>A folder may be replaced only when it does not exist, is empty, or is itself a folder this tool wrote: its
 * {@code manifest.json} names this tool and lists every file in it. Anything else (the working directory, the
 * reports folder, a user's folder or file) is refused and left as it was. Writing goes to a temporary sibling
 * {@code .NAME.partial-*} that is moved into place when complete, under a lock file {@code .NAME.lock} so that two
 * runs never write one folder at once; leftovers of a run that was killed are recognised by their names and their
 * contents (files this tool writes, nothing else) and removed or restored by the next write.
 */
public final class ReportFolder {

    /** The name manifests give the tool. */
    public static final String TOOL = "fieldlab-sandbox";
    /** Names under the reports folder that are its own files, never a report folder. */
    public static final List<String> RESERVED = List.of("README.md", ReportIndex.FILE_NAME);

    private static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwxr-xr-x");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-r--r--");
    private static final String PARTIAL = ".partial-";
    private static final String OLD = ".old-";

    private ReportFolder() {
    }

    /** The one-line refusal for a target that is not ours. */
    public static String refusal(Path dir) {
        return "refusing to write the report to " + InputError.display(dir)
                + ": it exists and is not a report folder (use a new folder)";
    }

    /**
     * Why {@code dir} may not be replaced by a folder this tool writes, in words, or null when it may: it does not
     * exist, it is an empty folder, or it is a folder this tool wrote.
     */
    public static String whyNotReplaceable(Path dir) {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        if (Files.isSymbolicLink(dir)) {
            return "it is a link";
        }
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return "it is a file";
        }
        List<Path> entries = entries(dir);
        if (entries.isEmpty()) {
            return null;
        }
        Path manifest = dir.resolve(ReportWriter.MANIFEST_JSON);
        JsonNode root = readManifest(manifest);
        if (root == null || !TOOL.equals(root.path("tool").asString(""))) {
            return "it has no manifest.json written by this tool";
        }
        Set<String> listed = listedFiles(root);
        for (Path p : entries) {
            String name = p.getFileName().toString();
            if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                return "it holds " + name + ", which this tool did not write";
            }
            if (!name.equals(ReportWriter.MANIFEST_JSON) && !listed.contains(name)
                    && !(listed.isEmpty() && legacyName(name))) {
                return "it holds " + name + ", which this tool did not write";
            }
        }
        return null;
    }

    /**
     * Claims {@code dir} for writing: takes its lock (so that a second run for the same folder is refused at once,
     * not after it has simulated) and checks that the folder is ours to replace.
     *
     * @throws InputError when {@code dir} is not ours to replace, or another run is writing it
     */
    public static Claim claim(Path dir) {
        Path target = dir.toAbsolutePath().normalize();
        Path parent = target.getParent();
        if (parent == null || whyNotReplaceable(target) != null) {
            throw new InputError(refusal(dir));
        }
        try {
            Files.createDirectories(parent);
            Lock lock = Lock.take(parent, target.getFileName().toString(), dir);
            try {
                recoverLeftovers(parent, target);
                if (whyNotReplaceable(target) != null) {
                    throw new InputError(refusal(dir));
                }
                return new Claim(dir, target, lock);
            } catch (RuntimeException | IOException e) {
                lock.close();
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report to " + InputError.display(dir) + ": "
                    + e.getMessage(), e);
        }
    }

    /** Writes {@code files} and a manifest as the folder {@code dir}, whole or not at all (claim, write, release). */
    public static void write(Path dir, Map<String, String> files, Function<SortedMap<String, String>, String> manifest) {
        try (Claim c = claim(dir)) {
            c.write(files, manifest);
        }
    }

    /** A folder claimed for writing: write it once, then close to release the lock. */
    public static final class Claim implements AutoCloseable {
        private final Path shown;
        private final Path target;
        private final Lock lock;

        private Claim(Path shown, Path target, Lock lock) {
            this.shown = shown;
            this.target = target;
            this.lock = lock;
        }

        public Path dir() {
            return shown;
        }

        /**
         * Writes {@code files} and a manifest into the claimed folder, whole or not at all.
         *
         * @param manifest the manifest's JSON, given the SHA-256 of every other file by name
         */
        public void write(Map<String, String> files, Function<SortedMap<String, String>, String> manifest) {
            SortedMap<String, String> hashes = new TreeMap<>();
            files.forEach((name, text) -> hashes.put(name, Hashes.sha256(text)));
            String manifestJson = manifest.apply(hashes);
            try {
                if (whyNotReplaceable(target) != null) {
                    throw new InputError(refusal(shown));
                }
                Path tmp = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + PARTIAL);
                try {
                    permit(tmp, FOLDER);
                    for (Map.Entry<String, String> f : files.entrySet()) {
                        writeFile(tmp.resolve(f.getKey()), f.getValue());
                    }
                    writeFile(tmp.resolve(ReportWriter.MANIFEST_JSON), manifestJson);
                    replace(tmp, target);
                } finally {
                    deleteOurs(tmp);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the report to " + InputError.display(shown) + ": "
                        + e.getMessage(), e);
            }
        }

        @Override
        public void close() {
            try {
                lock.close();
            } catch (IOException e) {
                // the lock goes with the process anyway
            }
        }
    }

    /** Writes one text file with normal permissions (readable by others, so reports can be shared). */
    static void writeFile(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
        permit(file, FILE);
    }

    static void permit(Path p, Set<PosixFilePermission> perms) throws IOException {
        try {
            Files.setPosixFilePermissions(p, perms);
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: its defaults apply
        }
    }

    static Set<PosixFilePermission> filePermissions() {
        return FILE;
    }

    private static void replace(Path tmp, Path target) throws IOException {
        Path old = null;
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            old = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + OLD);
            Files.delete(old);
            Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
        }
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (old != null) {
                Files.move(old, target, StandardCopyOption.ATOMIC_MOVE);
            }
            throw e;
        }
        if (old != null) {
            deleteOurs(old);
        }
    }

    /**
     * Under the lock: restores the previous folder when a killed run had moved it aside but not put the new one in
     * place, and removes the half-written and set-aside folders killed runs left.
     */
    private static void recoverLeftovers(Path parent, Path target) throws IOException {
        String name = target.getFileName().toString();
        List<Path> old = new ArrayList<>();
        List<Path> partial = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(parent, "." + name + "*")) {
            for (Path p : s) {
                String n = p.getFileName().toString();
                if (!Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) || !onlyFiles(p)) {
                    continue;
                }
                if (n.startsWith("." + name + OLD)) {
                    old.add(p);
                } else if (n.startsWith("." + name + PARTIAL)) {
                    partial.add(p);
                }
            }
        }
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS) && old.size() == 1
                && whyNotReplaceable(old.get(0)) == null) {
            Files.move(old.get(0), target, StandardCopyOption.ATOMIC_MOVE);
            old.clear();
        }
        for (Path p : old) {
            deleteOurs(p);
        }
        for (Path p : partial) {
            deleteOurs(p);
        }
    }

    /** Deletes a folder this tool made (a temporary or set-aside one): its plain files, then the folder. */
    private static void deleteOurs(Path dir) throws IOException {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        for (Path p : entries(dir)) {
            if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                Files.delete(p);
            }
        }
        Files.delete(dir);
    }

    private static boolean onlyFiles(Path dir) {
        return entries(dir).stream().allMatch(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS));
    }

    private static List<Path> entries(Path dir) {
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            s.forEach(out::add);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + InputError.display(dir) + ": " + e.getMessage(), e);
        }
        return out;
    }

    private static JsonNode readManifest(Path manifest) {
        if (!Files.isRegularFile(manifest, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        try {
            if (Files.size(manifest) > 16L << 20) {
                return null;
            }
            JsonNode root = Json.MAPPER.readTree(Files.readString(manifest, StandardCharsets.UTF_8));
            return root != null && root.isObject() ? root : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static Set<String> listedFiles(JsonNode root) {
        Set<String> out = new java.util.HashSet<>();
        JsonNode files = root.path("files");
        if (files.isObject()) {
            out.addAll(files.propertyNames());
        }
        return out;
    }

    /** Reports written before manifests listed their files held only these kinds of file. */
    private static boolean legacyName(String name) {
        return name.endsWith(".md") || name.endsWith(".json") || name.endsWith(".csv") || name.endsWith(".html");
    }

    /**
     * An exclusive lock on {@code .NAME.lock} beside the folder, held while a run that will write it is going. The
     * operating system releases it when the process ends, also on kill -9. The empty lock file stays: deleting it
     * would let a second writer lock a file that no longer has the name. Within this process a second claim is
     * refused before the file is opened at all, because closing any channel of a file can release the process's
     * lock on it.
     */
    private static final class Lock implements AutoCloseable {
        private static final Set<Path> HELD = java.util.concurrent.ConcurrentHashMap.newKeySet();

        private final Path file;
        private final FileChannel channel;
        private final FileLock lock;

        private Lock(Path file, FileChannel channel, FileLock lock) {
            this.file = file;
            this.channel = channel;
            this.lock = lock;
        }

        static Lock take(Path parent, String name, Path shown) throws IOException {
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
                permit(file, FILE);
                return new Lock(file, channel, lock);
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
}
