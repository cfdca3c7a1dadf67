package nl.fieldlab.sandbox.rules;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import org.drools.base.common.DroolsObjectInputStream;
import org.drools.base.common.DroolsObjectOutputStream;
import org.kie.api.definition.KiePackage;

/**
 * Compiled rule packages kept on disk between processes, so that a batch command does not compile the same rules
 * again: one file per set of rule files, named by the hash of its key (the files' paths and contents, the Drools
 * and Java versions, and the classes the rules are compiled against). The newest {@link #KEPT} files of ours are
 * kept.
 *
 * <p>A stored file is compiled code that Java deserialisation would run, so it is read only when it carries a keyed
 * hash (HMAC-SHA256) of its header and contents under a key only this user can read ({@link StoreKey}, outside the
 * cache folder): a file planted in the folder, or copied from another machine or account, fails the check and is
 * compiled again without a byte of it being deserialised. Without a private key the store is not used. A file whose
 * header is not ours is never read, written over or removed.
 *
 * <p>The folder is {@code ~/.cache/fieldlab-sandbox/compiled-rules}, or {@code -Dfieldlab.rule-cache=PATH};
 * {@code -Dfieldlab.rule-cache=off} turns it off. {@code verify} never reads it (it compiles the rules it reruns).
 */
final class CompiledRuleStore {

    /** The header of a file this version writes. */
    private static final String MAGIC = "fieldlab-sandbox compiled rules 2\n";
    /** Headers of files earlier versions wrote (unsigned): ours to replace and prune, never read. */
    private static final List<String> OLDER = List.of("fieldlab-sandbox compiled rules 1\n");
    /** Larger stored files are not read: the shipped rules' largest is about 0.7 MB. */
    static final long MAX_BYTES = 64L * 1024 * 1024;
    private static final int MAC_HEX = 64;

    /** The store of this process, or null when turned off. */
    static final CompiledRuleStore DEFAULT = fromSettings();

    private final Path dir;
    private final StoreKey key;
    /** Package sets this store gave back instead of a compile. */
    final java.util.concurrent.atomic.AtomicInteger loads = new java.util.concurrent.atomic.AtomicInteger();
    /** Stored files refused because their keyed hash did not match (planted, copied or damaged). */
    final java.util.concurrent.atomic.AtomicInteger refused = new java.util.concurrent.atomic.AtomicInteger();

    CompiledRuleStore(Path dir, Path keyFile) {
        this.dir = dir;
        this.key = new StoreKey(keyFile, dir);
    }

    private static CompiledRuleStore fromSettings() {
        String setting = System.getProperty("fieldlab.rule-cache", "");
        if (setting.equals("off")) {
            return null;
        }
        Path dir = setting.isEmpty()
                ? Path.of(System.getProperty("user.home"), ".cache", "fieldlab-sandbox", "compiled-rules")
                : Path.of(setting);
        return new CompiledRuleStore(dir, StoreKey.defaultFile());
    }

    /** The key of a set of rule files: their paths and hashes, and what compiled code depends on. */
    static String key(String files) {
        return files + "|drools " + DroolsObjectOutputStream.class.getPackage().getImplementationVersion() + "|java "
                + System.getProperty("java.version") + "|domain " + DOMAIN;
    }

    /**
     * The packages stored under {@code key}, or null when there are none, they cannot be read, or their keyed hash
     * does not match (nothing of such a file is deserialised).
     */
    List<KiePackage> load(String key) {
        byte[] secret = this.key.bytes();
        if (secret == null) {
            return null;
        }
        Path file = fileOf(key);
        try {
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || Files.size(file) > MAX_BYTES) {
                return null;
            }
            byte[] all;
            try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
                all = in.readNBytes((int) MAX_BYTES + 1);
            }
            byte[] header = header(key);
            int body = header.length + MAC_HEX + 1;
            if (all.length < body || all.length > MAX_BYTES
                    || !Arrays.equals(all, 0, header.length, header, 0, header.length) || all[body - 1] != '\n') {
                return null;
            }
            byte[] stored;
            try {
                stored = HexFormat.of().parseHex(new String(all, header.length, MAC_HEX, StandardCharsets.US_ASCII));
            } catch (IllegalArgumentException e) {
                refused.incrementAndGet();
                return null;
            }
            // the hash covers the header (so an entry cannot move to another key) and every byte deserialised
            if (!java.security.MessageDigest.isEqual(stored, StoreKey.mac(secret, all, 0, header.length,
                    all, body, all.length - body))) {
                refused.incrementAndGet();
                return null;
            }
            try (ObjectInputStream in = new DroolsObjectInputStream(new ByteArrayInputStream(all, body,
                    all.length - body), CompiledRuleStore.class.getClassLoader())) {
                @SuppressWarnings("unchecked")
                List<KiePackage> packages = (List<KiePackage>) in.readObject();
                loads.incrementAndGet();
                return packages;
            }
        } catch (IOException | ClassNotFoundException | RuntimeException | LinkageError e) {
            return null; // compiled again, and stored again over our own unreadable file
        }
    }

    /** Stores packages under {@code key}; a failure to write only costs the next process a compile. */
    void save(String key, List<KiePackage> packages) {
        byte[] secret = this.key.bytes();
        if (secret == null) {
            return;
        }
        Path file = fileOf(key);
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            if (Files.exists(file, LinkOption.NOFOLLOW_LINKS) && !ours(file)) {
                return;
            }
            byte[] header = header(key);
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new DroolsObjectOutputStream(body)) {
                out.writeObject(new ArrayList<>(packages));
            }
            byte[] b = body.toByteArray();
            byte[] mac = StoreKey.mac(secret, header, 0, header.length, b, 0, b.length);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(header.length + MAC_HEX + 1 + b.length);
            bytes.write(header);
            bytes.write((HexFormat.of().formatHex(mac) + "\n").getBytes(StandardCharsets.US_ASCII));
            bytes.write(b);
            tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
            Files.write(tmp, bytes.toByteArray());
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
            prune();
        } catch (IOException | RuntimeException e) {
            // not stored: the next process compiles these rules again
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp); // the temporary file this call created
                } catch (IOException ignored) {
                    // left for the next save to overwrite; it is named as ours
                }
            }
        }
    }

    /** Whether this store is in use: it has a private key (see {@link StoreKey}). */
    boolean usable() {
        return key.bytes() != null;
    }

    private static byte[] header(String key) {
        return (MAGIC + key + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** Files of ours kept at most; the least recently written go first (rules edited long ago). */
    static final int KEPT = 64;

    /** Removes our oldest files beyond {@link #KEPT}; a file without our header is never touched. */
    private void prune() throws IOException {
        List<Path> ours;
        try (java.util.stream.Stream<Path> files = Files.list(dir)) {
            ours = files.filter(p -> p.getFileName().toString().endsWith(".rules") && ours(p)).sorted(
                    java.util.Comparator.comparing((Path p) -> {
                        try {
                            return Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS);
                        } catch (IOException e) {
                            return java.nio.file.attribute.FileTime.fromMillis(0);
                        }
                    }).reversed()).toList();
        }
        for (Path old : ours.subList(Math.min(KEPT, ours.size()), ours.size())) {
            Files.deleteIfExists(old);
        }
    }

    Path fileOf(String key) {
        return dir.resolve(Hashes.sha256(key).substring(0, 32) + ".rules");
    }

    /** A plain file that starts with a header this tool writes (this version's or an earlier one's). */
    private static boolean ours(Path file) {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            List<String> magics = concat(MAGIC, OLDER);
            byte[] start = in.readNBytes(magics.stream().mapToInt(String::length).max().orElse(0));
            for (String magic : magics) {
                byte[] m = magic.getBytes(StandardCharsets.US_ASCII);
                if (start.length >= m.length && Arrays.equals(start, 0, m.length, m, 0, m.length)) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    private static List<String> concat(String first, List<String> rest) {
        List<String> all = new ArrayList<>(rest.size() + 1);
        all.add(first);
        all.addAll(rest);
        return all;
    }

    /** A hash of the classes rules are compiled against (facts and outcomes), so that changed classes miss. */
    private static final String DOMAIN = domainHash();

    private static String domainHash() {
        StringBuilder sb = new StringBuilder();
        for (Class<?> c : List.of(nl.fieldlab.sandbox.domain.Question.class, nl.fieldlab.sandbox.domain.WorkerFacts.class,
                nl.fieldlab.sandbox.domain.EmployerFacts.class, nl.fieldlab.sandbox.domain.CourseFacts.class,
                nl.fieldlab.sandbox.domain.Payment.class, nl.fieldlab.sandbox.domain.Amount.class,
                nl.fieldlab.sandbox.domain.Entitlement.class, nl.fieldlab.sandbox.domain.Obligation.class,
                nl.fieldlab.sandbox.domain.Block.class, nl.fieldlab.sandbox.domain.InGroup.class,
                nl.fieldlab.sandbox.domain.Texts.class, nl.fieldlab.sandbox.domain.Actor.class,
                nl.fieldlab.sandbox.domain.PaymentType.class, nl.fieldlab.sandbox.domain.QuestionType.class,
                nl.fieldlab.sandbox.domain.Status.class, nl.fieldlab.sandbox.domain.Education.class,
                nl.fieldlab.sandbox.domain.Household.class, nl.fieldlab.sandbox.domain.CourseRoute.class,
                nl.fieldlab.sandbox.domain.Credential.class)) {
            try (InputStream in = c.getResourceAsStream(c.getSimpleName() + ".class")) {
                sb.append(c.getName()).append(in == null ? "?" : Hashes.sha256(in.readAllBytes())).append(';');
            } catch (IOException e) {
                sb.append(c.getName()).append("?;");
            }
        }
        return Hashes.sha256(sb.toString());
    }
}
