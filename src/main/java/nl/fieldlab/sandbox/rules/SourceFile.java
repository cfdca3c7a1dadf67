package nl.fieldlab.sandbox.rules;

import java.nio.charset.StandardCharsets;

/** A file of the rule library as it was read: its path relative to the rules folder, its text and its hash. */
public record SourceFile(String path, String text, String sha256) {

    public static SourceFile of(String path, byte[] bytes) {
        return new SourceFile(path, new String(bytes, StandardCharsets.UTF_8), Hashes.sha256(bytes));
    }
}
