package nl.fieldlab.sandbox.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
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
 * {@code manifest.json} names this tool and lists every other file in it. Anything else (the working directory, the
 * reports folder, a user's folder or file, a report folder a user added a file to) is refused and left as it was;
 * nothing a manifest of this tool does not list is ever deleted.
 *
 * <p>Writing goes to a temporary sibling {@code .NAME.partial-*}, manifest first (so that even a half-written one
 * lists what it may hold); every file and the folder are flushed to the disk before the folder is moved into place,
 * so that an operating-system crash leaves the old report or the new one, never an empty one. The old folder is
 * moved aside to {@code .NAME.old-*}, the new one moved to its name, the parent folder flushed, and the old one
 * deleted. Java has no atomic exchange of two folders: a process killed between the two moves leaves no folder
 * under the name, only the set-aside one; every command that writes or reads a folder by name restores it first
 * ({@link #restoreSetAside}), under the folder's lock ({@link FolderLock}, kept in the tool's own folder), which
 * also keeps two runs from writing one folder at once. Leftovers of a killed run are recognised by their names and their manifests and
 * removed or restored by the next write.
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
    /** Foreign files a refusal names before it counts the rest. */
    private static final int NAMED = 5;

    /**
     * Runs when a write has passed its point of no return, just before the old folder is moved aside: tests stand
     * in for a signal or a kill at that moment. Does nothing otherwise.
     */
    static volatile Runnable atPointOfNoReturn = () -> {
    };

    private ReportFolder() {
    }

    /**
     * The one-line refusal for a target that is not ours: the files in it that this tool did not write, and what to
     * do, when it is a folder of ours that a user added to; otherwise that it is not a report folder.
     */
    public static String refusal(Path dir) {
        List<String> foreign = foreignEntries(dir);
        if (!foreign.isEmpty()) {
            return "refusing to write the report to " + InputError.display(dir) + ": it holds " + notOurs(foreign)
                    + "; move " + (foreign.size() == 1 ? "it" : "them") + " out of the folder, or use another folder";
        }
        return "refusing to write the report to " + InputError.display(dir)
                + ": it exists and is not a report folder (use a new folder)";
    }

    /**
     * Why {@code dir} may not be replaced by a folder this tool writes, in words, or null when it may: it does not
     * exist, it is an empty folder, or it is a folder this tool wrote and holds nothing its manifest does not list.
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
        if (entries(dir).isEmpty()) {
            return null;
        }
        if (ownManifest(dir) == null) {
            return "it has no manifest.json written by this tool";
        }
        List<String> foreign = foreignEntries(dir);
        return foreign.isEmpty() ? null : "it holds " + notOurs(foreign);
    }

    /**
     * The entries of a folder with a manifest of this tool that the manifest does not list (a user's notes, a
     * subfolder), by name, sorted; empty when there are none or the folder has no such manifest.
     */
    public static List<String> foreignEntries(Path dir) {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return List.of();
        }
        JsonNode manifest = ownManifest(dir);
        if (manifest == null) {
            return List.of();
        }
        Set<String> listed = listedFiles(manifest);
        List<String> foreign = new ArrayList<>();
        for (Path p : entries(dir)) {
            String name = p.getFileName().toString();
            if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                foreign.add(Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) ? name + "/" : name);
            } else if (!name.equals(ReportWriter.MANIFEST_JSON) && !listed.contains(name)) {
                foreign.add(name);
            }
        }
        foreign.sort(null);
        return foreign;
    }

    /**
     * The entries of {@link #foreignEntries} in words: "budget.csv and notes.md, which this tool did not write (its
     * manifest.json does not list them)".
     */
    public static String notOurs(List<String> names) {
        List<String> shown = names.subList(0, Math.min(NAMED, names.size()));
        String list = shown.size() == 1 ? shown.get(0)
                : String.join(", ", shown.subList(0, shown.size() - 1)) + (names.size() > NAMED ? ", " : " and ")
                        + shown.get(shown.size() - 1) + (names.size() > NAMED ? " and " + (names.size() - NAMED)
                                + " more" : "");
        boolean one = names.size() == 1;
        return list + ", which this tool did not write (its manifest.json does not list " + (one ? "it" : "them")
                + ")";
    }

    /**
     * Whether {@code path} is {@code root} or lies inside it, after following links in the part of each path that
     * exists ({@code rules/../rules/x} and a link to the rules folder are inside it).
     */
    public static boolean within(Path path, Path root) {
        return real(path).startsWith(real(root));
    }

    /** The path with its existing part resolved to the real one (links followed), the rest appended as written. */
    private static Path real(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        Path existing = abs;
        java.util.Deque<String> rest = new java.util.ArrayDeque<>();
        while (existing != null && !Files.exists(existing)) {
            if (existing.getFileName() != null) {
                rest.push(existing.getFileName().toString());
            }
            existing = existing.getParent();
        }
        Path out;
        try {
            out = existing == null ? abs.getRoot() : existing.toRealPath();
        } catch (IOException e) {
            out = existing;
        }
        for (String part : rest) {
            out = out.resolve(part);
        }
        return out;
    }

    /**
     * Claims {@code dir} for writing: takes its lock (so that a second run for the same folder is refused at once,
     * not after it has simulated), restores or removes what a killed run left, and checks that the folder is ours to
     * replace.
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
            FolderLock lock = FolderLock.take(parent, target.getFileName().toString(), dir);
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

    /**
     * For a command that reads the folder {@code dir} by name: when a run was killed between moving the old folder
     * aside and moving the new one in, puts the set-aside folder back under its name, so that the folder reads as
     * it was. Does nothing when the folder is there, nothing was set aside, or a run holds the folder's lock (that
     * run restores it, or finishes its move).
     */
    public static void restoreSetAside(Path dir) {
        Path target = dir.toAbsolutePath().normalize();
        Path parent = target.getParent();
        if (parent == null || Files.exists(target, LinkOption.NOFOLLOW_LINKS) || !Files.isDirectory(parent)
                || setAside(parent, target).isEmpty()) {
            return;
        }
        FolderLock lock;
        try {
            lock = FolderLock.take(parent, target.getFileName().toString(), dir);
        } catch (InputError | IOException | UncheckedIOException e) {
            return; // a run holds it, or the folder cannot be locked (read-only): leave it to the next write
        }
        try (lock) {
            restore(target, setAside(parent, target));
        } catch (IOException e) {
            // the set-aside folder stays where it is; the next write restores it
        }
    }

    /** {@link #restoreSetAside} for every folder under {@code parent} that a killed run left set aside. */
    public static void restoreSetAsideIn(Path parent) {
        java.util.TreeSet<String> names = new java.util.TreeSet<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(parent, ".*" + OLD + "*")) {
            for (Path p : s) {
                String n = p.getFileName().toString();
                int at = n.lastIndexOf(OLD);
                if (at > 1) {
                    names.add(n.substring(1, at));
                }
            }
        } catch (IOException | java.nio.file.DirectoryIteratorException e) {
            return;
        }
        names.forEach(name -> restoreSetAside(parent.resolve(name)));
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
        private final FolderLock lock;

        private Claim(Path shown, Path target, FolderLock lock) {
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
         * @throws java.util.concurrent.CancellationException when the command was cancelled before the new folder
         *                                                    replaced the old (nothing changed then)
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
                List<String> written = new ArrayList<>();
                try {
                    permit(tmp, FOLDER);
                    // the manifest first: a folder a kill leaves half-written lists what it may hold
                    written.add(ReportWriter.MANIFEST_JSON);
                    writeDurably(tmp.resolve(ReportWriter.MANIFEST_JSON), manifestJson);
                    for (Map.Entry<String, String> f : files.entrySet()) {
                        written.add(f.getKey());
                        writeDurably(tmp.resolve(f.getKey()), f.getValue());
                    }
                    syncFolder(tmp);
                    PointOfNoReturn.pass();
                    atPointOfNoReturn.run();
                    replace(tmp, target, shown);
                } finally {
                    deleteNamed(tmp, written);
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

    /**
     * Writes one text file with normal permissions (readable by others, so reports can be shared) and flushes it to
     * the disk before returning.
     */
    private static void writeDurably(Path file, String text) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                LinkOption.NOFOLLOW_LINKS)) {
            permit(file, FILE);
            ByteBuffer bytes = StandardCharsets.UTF_8.encode(text);
            while (bytes.hasRemaining()) {
                ch.write(bytes);
            }
            ch.force(true);
        }
    }

    /**
     * Flushes a folder's entries (names, renames) to the disk. Linux and macOS can; where a folder cannot be opened
     * for this (Windows), the file system orders it itself.
     */
    private static void syncFolder(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // not supported here; nothing more can be done
        }
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

    /**
     * Moves the complete folder {@code tmp} to {@code target}: the old folder aside, the new one in, the parent
     * flushed, the old one deleted. The old folder is checked again once set aside, where nobody else writes: a file
     * a user put in it since the claim sends it back, untouched, and the write is refused.
     */
    private static void replace(Path tmp, Path target, Path shown) throws IOException {
        Path parent = target.getParent();
        Path old = null;
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            old = Files.createTempDirectory(parent, "." + target.getFileName() + OLD);
            Files.delete(old);
            Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
            if (whyNotReplaceable(old) != null) {
                Files.move(old, target, StandardCopyOption.ATOMIC_MOVE);
                throw new InputError(refusal(shown));
            }
        }
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (old != null) {
                Files.move(old, target, StandardCopyOption.ATOMIC_MOVE);
            }
            throw e;
        }
        syncFolder(parent);
        if (old != null) {
            deleteOurs(old);
        }
    }

    /**
     * Under the lock: restores the previous folder when a killed run had moved it aside but not put the new one in
     * place, and removes the half-written and set-aside folders killed runs left. A leftover is removed only when
     * it is wholly ours (see {@link #whyNotReplaceable}); one that holds anything else is left as it is.
     */
    private static void recoverLeftovers(Path parent, Path target) throws IOException {
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            restore(target, setAside(parent, target));
        }
        List<Path> leftovers = new ArrayList<>(setAside(parent, target));
        leftovers.addAll(leftovers(parent, target, PARTIAL));
        for (Path p : leftovers) {
            if (whyNotReplaceable(p) == null) {
                deleteOurs(p);
            }
        }
    }

    /** Moves the newest set-aside folder that is ours back to {@code target}. */
    private static void restore(Path target, List<Path> setAside) throws IOException {
        Path newest = null;
        for (Path p : setAside) {
            if (whyNotReplaceable(p) == null && (newest == null
                    || Files.getLastModifiedTime(p).compareTo(Files.getLastModifiedTime(newest)) > 0)) {
                newest = p;
            }
        }
        if (newest != null) {
            Files.move(newest, target, StandardCopyOption.ATOMIC_MOVE);
            syncFolder(target.getParent());
        }
    }

    /** The folders a killed run set aside for {@code target} ({@code .NAME.old-*}) that hold only files. */
    private static List<Path> setAside(Path parent, Path target) {
        return leftovers(parent, target, OLD);
    }

    private static List<Path> leftovers(Path parent, Path target, String kind) {
        String prefix = "." + target.getFileName() + kind;
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(parent, "." + target.getFileName() + "*")) {
            for (Path p : s) {
                if (p.getFileName().toString().startsWith(prefix) && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)
                        && onlyFiles(p)) {
                    out.add(p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + InputError.display(parent) + ": " + e.getMessage(), e);
        }
        out.sort(null);
        return out;
    }

    /**
     * Deletes what this tool wrote into a folder of its own making (a set-aside or half-written one): the files its
     * manifest of this tool lists and the manifest, then the folder if nothing else is left in it. Anything else is
     * left where it is.
     */
    private static void deleteOurs(Path dir) throws IOException {
        JsonNode manifest = ownManifest(dir);
        List<String> names = new ArrayList<>(manifest == null ? Set.of() : listedFiles(manifest));
        if (manifest != null) {
            names.add(ReportWriter.MANIFEST_JSON);
        }
        deleteNamed(dir, names);
    }

    /** Deletes the plain files {@code names} in {@code dir}, then {@code dir} when that leaves it empty. */
    private static void deleteNamed(Path dir, List<String> names) throws IOException {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        for (String name : names) {
            Path p = dir.resolve(name);
            if (p.getParent().equals(dir) && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                Files.delete(p);
            }
        }
        if (entries(dir).isEmpty()) {
            Files.delete(dir);
        }
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

    /** The folder's manifest.json when it is a JSON object that names this tool, else null. */
    private static JsonNode ownManifest(Path dir) {
        JsonNode root = readManifest(dir.resolve(ReportWriter.MANIFEST_JSON));
        return root != null && TOOL.equals(root.path("tool").asString("")) ? root : null;
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

    /** The file names a manifest lists (plain names only: a listed path is never one of this folder's files). */
    private static Set<String> listedFiles(JsonNode root) {
        Set<String> out = new java.util.TreeSet<>();
        JsonNode files = root.path("files");
        if (files.isObject()) {
            for (String name : files.propertyNames()) {
                if (!name.isEmpty() && !name.contains("/") && !name.contains("\\") && !name.equals(".")
                        && !name.equals("..")) {
                    out.add(name);
                }
            }
        }
        return out;
    }
}
