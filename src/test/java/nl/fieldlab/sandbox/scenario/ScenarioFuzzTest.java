package nl.fieldlab.sandbox.scenario;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;


import nl.fieldlab.sandbox.SchemaCheck;
import nl.fieldlab.sandbox.app.ExitCodes;
import nl.fieldlab.sandbox.app.FileSchema;
import nl.fieldlab.sandbox.app.Workbench;
import nl.fieldlab.sandbox.input.InputError;
import nl.fieldlab.sandbox.input.InputErrors;

/**
 * Mutated copies of the shipped scenarios go through the loader as {@code validate} reads them (with the rule
 * library, the reports folder and the heap): every one is either valid or rejected with a clear error whose every
 * problem names the file and a line; none is an internal error; none takes more than 10 s; and the published JSON
 * Schema ({@code scenarios/scenario.schema.json}) agrees with the loader on it.
 *
 * <p>Each try draws one to four mutations from its own seed ({@link #SEED} + try number), so a failure names the
 * seed that reproduces it. Besides lines removed, doubled, moved, re-indented and cut, values replaced and bytes that
 * are not UTF-8, the mutations nest a value thousands of lists deep, write numbers at the edges of what a double or
 * an int holds, put control characters (terminal escapes, carriage returns, text-direction overrides) into values
 * and keys, and misspell the words of enumerations and of the sets the rules know (OTIB as OTBI). 1,000 tries in {@code mvn test}; {@code mvn test -Pfuzz} runs 10,000 (system property
 * {@code fieldlab.fuzz.tries}). (jqwik was the first choice; its engine asks coding agents not to use it, so the
 * generator is this plain seeded one.)
 */
class ScenarioFuzzTest {

    static final long SEED = 20261202L;
    static final List<String> BASES = List.of("scenarios/default.yaml", "scenarios/smoke.yaml");
    /** Values that have broken loaders before, or might. */
    static final List<String> TOKENS = List.of("", "~", "null", "''", "\"\"", "-1", "0", "-0.5", "1.5", "7.5",
            "1e309", ".nan", ".inf", "-.inf", "abc", "[1, 2]", "{a: 1}", "[]", "{}", "*x", "&x 3", "!!str 5",
            "!!binary aGk=", "99999999999999999999", "2147483648", "1000000000", "true", "yes", "2026-13", "2026-1",
            "0x1F", "0o17", "\"\\u0000\"", "'a'b'", "|", ">", "- a", "? a", "%YAML 1.2", "---", "...", "E99",
            "README.md", "../x", "x".repeat(300), "\"" + "y".repeat(30_000) + "\"", "[E1, E1]", "{min: 9, max: 1}",
            "{MBO2: 0.7, MBO3: 0.7}", "placemnts", "#", "\t", "\u00e9", "\ud83d\ude00");
    /** Numbers at the edges: of a double, of an int and a long, and far outside any plausible range. */
    static final List<String> HUGE = List.of("1e308", "-1e308", "1.7976931348623157e308", "4.9e-324", "-0.0",
            "1e9", "-6", "-2147483649", "2147483647", "9223372036854775807", "9223372036854775808", "-1e-300",
            "123456789.123456789", "1_000", "0x7fffffff", "1e3000");
    /** Double-quoted YAML values that spell control characters. */
    static final List<String> CONTROL = List.of("\"\\e[31mred\"", "\"\\e[2J\\e[H\"", "\"a\\rb\"",
            "\"a\\nb\"", "\"\\x07\"", "\"\\u202Eevil\"", "\"\\u2066x\\u2069\"", "\"\\0\"",
            "\"\\x9b31m\"", "\"\\u2028\"", "\"\\t\"");
    /** Words of the scenario's enumerations and of the sets the rules know, which a typo turns into nothing. */
    static final List<String> WORDS = List.of("WW", "BIJSTAND", "WAJONG", "EMPLOYED", "MBO2", "MBO3", "HBO",
            "SINGLE", "COUPLE", "OTIB", "AO-METALEKTRO", "VSO", "PRAKTIJKROUTE", "WAJONG-DGA", "BBL", "BOL",
            "DIPLOMA", "CERTIFICATE", "FIXED", "PER_REPLICATION", "NHN", "ZKI", "baseline", "E1", "E2");

    @TempDir
    Path dir;

    record Mutation(int kind, int line, int token, int amount) {
    }

    static int tries() {
        return Integer.getInteger("fieldlab.fuzz.tries", 1000);
    }

    static List<Mutation> draw(SplittableRandom random) {
        List<Mutation> out = new ArrayList<>();
        int n = 1 + random.nextInt(4);
        for (int i = 0; i < n; i++) {
            out.add(new Mutation(random.nextInt(15), random.nextInt(10_000), random.nextInt(TOKENS.size()),
                    random.nextInt(256)));
        }
        return out;
    }

    @Test
    void everyMutationIsValidOrAClearError() throws IOException {
        Workbench workbench = new Workbench("rules", dir.resolve("reports").toString(), List.of());
        workbench.rules(); // compile the baseline first, so that the 10 s limit times the loader alone
        List<String> texts = new ArrayList<>();
        for (String b : BASES) {
            texts.add(Files.readString(Path.of(b)));
        }
        Path file = dir.resolve("fuzzed.yaml");
        int valid = 0;
        int rejected = 0;
        long slowest = 0;
        for (int t = 0; t < tries(); t++) {
            long seed = SEED + t;
            SplittableRandom random = new SplittableRandom(seed);
            int base = random.nextInt(BASES.size());
            List<Mutation> mutations = draw(random);
            Files.write(file, mutate(texts.get(base), mutations));
            String what = "seed " + seed + " (" + BASES.get(base) + ", " + mutations + ")";
            long t0 = System.nanoTime();
            boolean ok = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> check(workbench, file, what),
                    () -> "took more than 10 s: " + what);
            slowest = Math.max(slowest, System.nanoTime() - t0);
            if (ok) {
                valid++;
            } else {
                rejected++;
            }
        }
        System.out.printf(java.util.Locale.ROOT, "scenario fuzz: %d tries, %d valid, %d rejected with file:line, "
                + "0 internal errors, slowest %.0f ms%n", tries(), valid, rejected, slowest / 1e6);
    }

    /**
     * True when the file is valid; false when it is rejected as it must be; fails otherwise. The published JSON
     * Schema agrees: it accepts every file the loader accepts, and rejects every file the loader rejects for its
     * shape (a field, a type, a required value).
     */
    static boolean check(Workbench workbench, Path file, String what) {
        List<String> schema = SchemaCheck.problems(FileSchema.SCENARIO, file);
        try {
            workbench.readScenario(file);
            assertTrue(schema == null || schema.isEmpty(),
                    () -> "the loader accepts what the JSON Schema refuses, " + what + ": " + schema);
            return true;
        } catch (RuntimeException e) {
            if (ExitCodes.of(e) != ExitCodes.BAD_INPUT) {
                fail("internal error for " + what + ": " + e, e);
            }
            List<InputError> problems = e instanceof InputErrors many ? many.problems()
                    : e instanceof InputError one ? List.of(one) : List.of();
            assertTrue(!problems.isEmpty(), () -> "not an input error for " + what + ": " + e);
            for (InputError p : problems) {
                assertTrue(p.file() != null && p.file().endsWith("fuzzed.yaml") && p.line() > 0,
                        () -> "a rejection without file:line for " + what + ": " + p.getMessage());
                assertFalse(p.getMessage().contains("Exception"), p::getMessage);
            }
            List<String> messages = problems.stream().map(InputError::getMessage).toList();
            if (schema != null && SchemaCheck.anyShapeProblem(messages)) {
                assertFalse(schema.isEmpty(), () -> "the JSON Schema accepts what the loader refuses for its shape, "
                        + what + ": " + messages);
            }
            return false;
        }
    }

    /** Applies the mutations to the text, line by line; some write bytes that are not UTF-8. */
    static byte[] mutate(String text, List<Mutation> mutations) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        byte[] raw = null;
        for (Mutation m : mutations) {
            int at = m.line() % Math.max(1, lines.size());
            String line = lines.get(at);
            String token = TOKENS.get(m.token());
            switch (m.kind()) {
                case 0 -> lines.remove(at);
                case 1 -> lines.add(at, line);
                case 2 -> lines.set(at, replaceValue(line, token));
                case 3 -> lines.set(at, "\t" + line);
                case 4 -> lines.set(at, " ".repeat(1 + m.amount() % 3) + line);
                case 5 -> lines.set(at, line.replaceFirst("^ {1,2}", ""));
                case 6 -> lines.subList(at, lines.size()).clear();
                case 7 -> {
                    int other = (at + 1 + m.amount()) % lines.size();
                    lines.set(at, lines.get(other));
                    lines.set(other, line);
                }
                case 8 -> lines.set(at, dropChar(line, m.amount()));
                case 9 -> lines.add(at, line.replaceAll("\\S.*", "") + "extra" + m.amount() + ": " + token);
                case 10 -> raw = new byte[] {(byte) (0x80 + m.amount() % 0x40), (byte) m.amount()};
                case 11 -> lines.set(at, replaceValue(line, nested(m.amount(), m.token())));
                case 12 -> lines.set(at, replaceValue(line, HUGE.get(m.token() % HUGE.size())));
                case 13 -> lines.set(at, m.amount() % 4 == 0
                        ? line.replaceAll("\\S.*", "") + CONTROL.get(m.token() % CONTROL.size()) + ": 1"
                        : replaceValue(line, CONTROL.get(m.token() % CONTROL.size())));
                default -> lines.set(at, misspell(line, WORDS.get(m.token() % WORDS.size()), m.amount()));
            }
            if (lines.isEmpty()) {
                lines.add("");
            }
        }
        byte[] out = String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
        if (raw == null) {
            return out;
        }
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(out, 0, out.length / 2);
        b.write(raw, 0, raw.length);
        b.write(out, out.length / 2, out.length - out.length / 2);
        return b.toByteArray();
    }

    /** Lists or flow mappings nested 2 to about 20,000 deep: a reader that recurses overflows its stack. */
    static String nested(int amount, int token) {
        int depth = 2 + amount * amount / 3 + (amount % 7 == 0 ? 20_000 - amount : 0);
        return token % 2 == 0 ? "[".repeat(depth) + "]".repeat(depth) : "{a: ".repeat(depth) + "1" + "}".repeat(depth);
    }

    /** The line with a word misspelt where it stands as a value (or the word itself misspelt, put there). */
    static String misspell(String line, String word, int amount) {
        char[] w = word.toCharArray();
        int i = amount % w.length;
        String typo = switch (amount % 3) {
            case 0 -> word.substring(0, i) + word.substring(i + 1); // a letter dropped
            case 1 -> { // two letters swapped
                int j = Math.min(w.length - 1, i + 1);
                char c = w[i];
                w[i] = w[j];
                w[j] = c;
                yield new String(w);
            }
            default -> word.substring(0, i) + (Character.isDigit(w[i]) ? 'O' : '0') + word.substring(i + 1);
        };
        if (typo.isEmpty() || typo.equals(word)) {
            typo = word + "X";
        }
        int colon = line.indexOf(": ");
        return colon >= 0 && line.substring(colon + 2).strip().equals(word) ? line.substring(0, colon + 2) + typo
                : replaceValue(line, typo);
    }

    static String replaceValue(String line, String token) {
        int colon = line.indexOf(": ");
        return colon < 0 ? line + " " + token : line.substring(0, colon + 2) + token;
    }

    static String dropChar(String line, int amount) {
        String t = line.stripLeading();
        if (t.isEmpty()) {
            return line;
        }
        int i = amount % t.length();
        return line.substring(0, line.length() - t.length()) + t.substring(0, i) + t.substring(i + 1);
    }
}
