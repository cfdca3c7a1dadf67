package nl.fieldlab.sandbox.rules;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A file of the rule library as it was read: its path relative to the rules folder, its text and its hash. */
public record SourceFile(String path, String text, String sha256) {

    private static final java.util.Map<String, DrlModel> MODELS = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(java.util.Map.Entry<String, DrlModel> eldest) {
                    return size() > 512;
                }
            });

    /** The file's rules and functions as Drools' parser reads them (DRL files only), parsed once per text. */
    public DrlModel model() {
        return MODELS.computeIfAbsent(sha256, k -> DrlModel.parse(text));
    }

    /** {@code p("key")} and {@code $q.p("key")} in DRL text: a rule reading a parameter. */
    private static final Pattern PARAMETER = Pattern.compile("\\bp\\(\\s*\"([^\"]+)\"\\s*\\)");

    /** A parameter a DRL file reads, and the line where it does. */
    public record ParameterReference(String key, int line) {
    }

    /** The parameters this file's rules read, in order, with their lines. */
    public List<ParameterReference> parameterReferences() {
        List<ParameterReference> out = new ArrayList<>();
        Matcher m = PARAMETER.matcher(text);
        while (m.find()) {
            out.add(new ParameterReference(m.group(1), lineAt(text, m.start())));
        }
        return out;
    }

    /** The parameter keys a piece of DRL text reads. */
    public static void parameterKeys(String drl, java.util.Collection<String> into) {
        Matcher m = PARAMETER.matcher(drl);
        while (m.find()) {
            into.add(m.group(1));
        }
    }

    public static SourceFile of(String path, byte[] bytes) {
        return new SourceFile(path, new String(bytes, StandardCharsets.UTF_8), Hashes.sha256(bytes));
    }

    /** The 1-based line of a character offset in {@code text}. */
    public static int lineAt(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
