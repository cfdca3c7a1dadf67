package nl.fieldlab.sandbox.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Writes {@code index.md} in the reports folder: one row per report folder (an immediate subfolder with a
 * {@code manifest.json}), newest first, then by folder name. Folders whose manifest cannot be read are left out, so
 * one broken report never hides the others.
 */
public final class ReportIndex {

    public static final String FILE_NAME = "index.md";
    /** How much of the rules hash to show: enough to tell rule sets apart at a glance. */
    static final int HASH_PREFIX = 12;

    private ReportIndex() {
    }

    /** One report folder, as its manifest describes it. */
    record Entry(String folder, String scenario, List<String> variants, String seed, String replications,
            String createdAt, Instant created, String rulesSha256, String command) {
    }

    /**
     * Scans the immediate subfolders of {@code reportsDir} and (re)writes {@code reportsDir/index.md}.
     *
     * @return the index file
     */
    public static Path update(Path reportsDir) {
        try {
            Files.createDirectories(reportsDir);
            Path index = reportsDir.resolve(FILE_NAME);
            if (Files.exists(index, java.nio.file.LinkOption.NOFOLLOW_LINKS) && !ours(index)) {
                return null; // somebody else's index.md: leave it alone
            }
            // a report a killed run left set aside is back under its name before it is listed
            ReportFolder.restoreSetAsideIn(reportsDir);
            List<Entry> entries = scan(reportsDir);
            Path tmp = Files.createTempFile(reportsDir, "." + FILE_NAME, ".tmp");
            try {
                Files.writeString(tmp, render(entries), StandardCharsets.UTF_8);
                ReportFolder.permit(tmp, ReportFolder.filePermissions());
                Files.move(tmp, index, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
            return index;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot update " + reportsDir.resolve(FILE_NAME) + ": " + e.getMessage(),
                    e);
        }
    }

    /** Whether an existing index.md is one this tool wrote (a plain file that starts as {@link #render} does). */
    static boolean ours(Path index) {
        if (!Files.isRegularFile(index, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        try (var in = Files.newBufferedReader(index, StandardCharsets.UTF_8)) {
            String first = in.readLine();
            in.readLine();
            String third = in.readLine();
            return "# Reports".equals(first) && third != null && third.startsWith("Generated from each report folder");
        } catch (IOException | java.io.UncheckedIOException e) {
            return false;
        }
    }

    /** The readable report folders, newest first, then by name. */
    static List<Entry> scan(Path reportsDir) throws IOException {
        List<Entry> out = new ArrayList<>();
        try (Stream<Path> children = Files.list(reportsDir)) {
            for (Path dir : children.toList()) {
                String name = dir.getFileName().toString();
                Path manifest = dir.resolve(ReportWriter.MANIFEST_JSON);
                if (name.startsWith(".") || !Files.isDirectory(dir) || !Files.isRegularFile(manifest)) {
                    continue;
                }
                Entry e = read(name, manifest);
                if (e != null) {
                    out.add(e);
                }
            }
        }
        out.sort(Comparator.comparing(Entry::created, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(Entry::folder));
        return out;
    }

    /** The entry for one folder, or null when its manifest is not a readable JSON object. */
    private static Entry read(String folder, Path manifest) {
        JsonNode m;
        try {
            m = Json.MAPPER.readTree(Files.readString(manifest, StandardCharsets.UTF_8));
        } catch (IOException | JacksonException | UncheckedIOException e) {
            return null;
        }
        if (m == null || !m.isObject()) {
            return null;
        }
        List<String> variants = new ArrayList<>();
        JsonNode vs = m.path("variants");
        if (vs.isArray()) {
            for (JsonNode v : vs) {
                String name = v.isObject() ? text(v, "name") : v.isString() ? v.asString() : "";
                if (!name.isEmpty()) {
                    variants.add(name);
                }
            }
        }
        String createdAt = text(m, "createdAt");
        Instant created;
        try {
            created = createdAt.isEmpty() ? null : Instant.parse(createdAt);
        } catch (DateTimeParseException e) {
            created = null;
        }
        String rules = text(m, "rulesSha256");
        return new Entry(folder, text(m, "scenarioId"), variants, text(m, "seed"), text(m, "replications"),
                createdAt, created, rules.length() > HASH_PREFIX ? rules.substring(0, HASH_PREFIX) : rules,
                text(m, "command"));
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() || v.isContainer() ? "" : v.asString();
    }

    static String render(List<Entry> entries) {
        StringBuilder md = new StringBuilder("# Reports\n\n");
        md.append("Generated from each report folder's `manifest.json`, newest first; see [README.md](README.md) "
                + "for what a report folder holds.\n\n");
        if (entries.isEmpty()) {
            return md.append("No reports yet.\n").toString();
        }
        md.append("| report | scenario | variants | seed | replications | created | rules sha256 | command |\n");
        md.append("|---|---|---|---:|---:|---|---|---|\n");
        for (Entry e : entries) {
            md.append("| [").append(cell(e.folder()).replace("[", "\\[").replace("]", "\\]")).append("](")
                    .append(link(e.folder())).append(") | ").append(cell(e.scenario())).append(" | ")
                    .append(cell(String.join(", ", e.variants()))).append(" | ").append(cell(e.seed())).append(" | ")
                    .append(cell(e.replications())).append(" | ").append(cell(e.createdAt())).append(" | ")
                    .append(e.rulesSha256().isEmpty() ? "" : "`" + cell(e.rulesSha256()) + "`").append(" | ")
                    .append(code(e.command())).append(" |\n");
        }
        return Printable.text(md.toString());
    }

    /** Text from a manifest (anyone may have written it) as a table cell: see {@link ReportWriter#cellText}. */
    private static String cell(String s) {
        return ReportWriter.cellText(s);
    }

    private static String code(String s) {
        if (s.isEmpty()) {
            return "";
        }
        String c = cell(s);
        return c.contains("`") ? c : "`" + c + "`";
    }

    /** A relative link to the folder, percent-encoded where Markdown needs it. */
    private static String link(String folder) {
        try {
            return new URI(null, null, folder + "/", null).getRawPath().replace("(", "%28").replace(")", "%29");
        } catch (URISyntaxException e) {
            return folder.replace(" ", "%20") + "/";
        }
    }
}
