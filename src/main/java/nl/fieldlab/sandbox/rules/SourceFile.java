package nl.fieldlab.sandbox.rules;

import java.nio.charset.StandardCharsets;

/** A file of the rule library as it was read: its path relative to the rules folder, its text and its hash. */
public record SourceFile(String path, String text, String sha256) {

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
