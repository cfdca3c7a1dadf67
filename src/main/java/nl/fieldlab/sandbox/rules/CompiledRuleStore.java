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
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.drools.base.common.DroolsObjectInputStream;
import org.drools.base.common.DroolsObjectOutputStream;
import org.kie.api.definition.KiePackage;

/**
 * Compiled rule packages kept on disk between processes, so that a batch command does not compile the same rules
 * again: one file per set of rule files, named by the hash of its key (the files' paths and contents, the Drools
 * and Java versions, and the classes the rules are compiled against). A file holds its key in a header; one whose
 * header is not ours is never read, written over or removed, and one that fails to load is compiled again. The
 * newest {@link #KEPT} files of ours are kept.
 *
 * <p>The folder is {@code ~/.cache/fieldlab-sandbox/compiled-rules}, or {@code -Dfieldlab.rule-cache=PATH};
 * {@code -Dfieldlab.rule-cache=off} turns it off. The cache holds compiled code of the user's own rules, written by
 * this tool; it is as trusted as the rules folder it came from.
 */
final class CompiledRuleStore {

    private static final String MAGIC = "fieldlab-sandbox compiled rules 1\n";

    /** The store of this process, or null when turned off. */
    static final CompiledRuleStore DEFAULT = fromSettings();

    private final Path dir;
    /** Package sets this store gave back instead of a compile. */
    final java.util.concurrent.atomic.AtomicInteger loads = new java.util.concurrent.atomic.AtomicInteger();

    CompiledRuleStore(Path dir) {
        this.dir = dir;
    }

    private static CompiledRuleStore fromSettings() {
        String setting = System.getProperty("fieldlab.rule-cache", "");
        if (setting.equals("off")) {
            return null;
        }
        Path dir = setting.isEmpty()
                ? Path.of(System.getProperty("user.home"), ".cache", "fieldlab-sandbox", "compiled-rules")
                : Path.of(setting);
        return new CompiledRuleStore(dir);
    }

    /** The key of a set of rule files: their paths and hashes, and what compiled code depends on. */
    static String key(String files) {
        return files + "|drools " + DroolsObjectOutputStream.class.getPackage().getImplementationVersion() + "|java "
                + System.getProperty("java.version") + "|domain " + DOMAIN;
    }

    /** The packages stored under {@code key}, or null when there are none (or they cannot be read). */
    List<KiePackage> load(String key) {
        Path file = fileOf(key);
        try {
            if (!Files.isRegularFile(file)) {
                return null;
            }
            byte[] all = Files.readAllBytes(file);
            byte[] header = (MAGIC + key + "\n").getBytes(StandardCharsets.UTF_8);
            if (all.length < header.length || !Arrays.equals(all, 0, header.length, header, 0, header.length)) {
                return null;
            }
            try (ObjectInputStream in = new DroolsObjectInputStream(new ByteArrayInputStream(all, header.length,
                    all.length - header.length), CompiledRuleStore.class.getClassLoader())) {
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
        Path file = fileOf(key);
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            if (Files.exists(file) && !ours(file)) {
                return;
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            bytes.write((MAGIC + key + "\n").getBytes(StandardCharsets.UTF_8));
            try (ObjectOutputStream out = new DroolsObjectOutputStream(bytes)) {
                out.writeObject(new ArrayList<>(packages));
            }
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

    /** Files of ours kept at most; the least recently written go first (rules edited long ago). */
    static final int KEPT = 64;

    /** Removes our oldest files beyond {@link #KEPT}; a file without our header is never touched. */
    private void prune() throws IOException {
        List<Path> ours;
        try (java.util.stream.Stream<Path> files = Files.list(dir)) {
            ours = files.filter(p -> p.getFileName().toString().endsWith(".rules") && ours(p)).sorted(
                    java.util.Comparator.comparing((Path p) -> {
                        try {
                            return Files.getLastModifiedTime(p);
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

    private static boolean ours(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] magic = MAGIC.getBytes(StandardCharsets.UTF_8);
            return Arrays.equals(in.readNBytes(magic.length), magic);
        } catch (IOException e) {
            return false;
        }
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
