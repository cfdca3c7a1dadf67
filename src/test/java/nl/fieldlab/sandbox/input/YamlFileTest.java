package nl.fieldlab.sandbox.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.fieldlab.sandbox.scenario.ScenarioLoader;

/**
 * The one YAML reader against input that is not a plausible file: nesting deep enough to overflow a recursive
 * reader, devices and pipes that never end, a file of someone else's whose content must not be repeated, and
 * control characters that a terminal would obey. Each ends in an InputError that names the file, at once.
 */
class YamlFileTest {

    /**
     * A guard against a hang, not a timing: reading a pipe or a device never ends, refusing it takes a file-system
     * call (the bound is wide for a busy machine).
     */
    static final Duration AT_ONCE = Duration.ofSeconds(120);

    @TempDir
    Path dir;

    @Test
    void twentyThousandNestedListsAreAnErrorAtTheirLineNotAStackOverflow() {
        InputError e = assertThrows(InputError.class,
                () -> YamlFile.parse(Path.of("deep.yaml"), "id: x\na: " + "[".repeat(20_000) + "]".repeat(20_000)));
        assertEquals(2, e.line());
        assertTrue(e.getMessage().startsWith("deep.yaml:2: lists and mappings nest more than 50 deep"), e.getMessage());
    }

    @Test
    void twentyThousandNestedFlowMappingsAreAnError() {
        InputError e = assertThrows(InputError.class, () -> YamlFile.parse(Path.of("deep.yaml"),
                "a: " + "{a: ".repeat(20_000) + "1" + "}".repeat(20_000)));
        assertTrue(e.getMessage().contains("nest more than 50 deep"), e.getMessage());
    }

    @Test
    void fiftyLevelsAreReadAndFiftyOneAreNot() {
        // the root mapping is the first level
        YamlFile ok = YamlFile.parse(Path.of("ok.yaml"), "a: " + "[".repeat(49) + "]".repeat(49));
        assertTrue(ok.tree().get("a").isArray());
        InputError e = assertThrows(InputError.class,
                () -> YamlFile.parse(Path.of("deep.yaml"), "a: " + "[".repeat(50) + "]".repeat(50)));
        assertTrue(e.getMessage().contains("nest more than 50 deep"), e.getMessage());
    }

    @Test
    void aliasesCannotBuildWhatTheParserWouldRefuse() {
        String anchor = "a: &a " + "[".repeat(45) + "1" + "]".repeat(45) + "\n";
        String nest = "b: " + "[".repeat(10) + "*a" + "]".repeat(10) + "\n";
        InputError e = assertThrows(InputError.class, () -> YamlFile.parse(Path.of("alias.yaml"), anchor + nest));
        assertTrue(e.getMessage().contains("nest more than 50 deep (through aliases)"), e.getMessage());
    }

    @Test
    void devicesAreRefusedBeforeAnyRead() {
        for (String device : new String[] {"/dev/zero", "/dev/urandom"}) {
            InputError e = assertTimeoutPreemptively(AT_ONCE,
                    () -> assertThrows(InputError.class, () -> YamlFile.open(Path.of(device))));
            assertTrue(e.getMessage().startsWith(device + ": cannot read file: not a regular file"), e.getMessage());
        }
    }

    @Test
    void aNamedPipeIsRefusedRatherThanWaitedOn() throws IOException, InterruptedException {
        Path pipe = dir.resolve("scenario.yaml");
        Process p = new ProcessBuilder("mkfifo", pipe.toString()).redirectErrorStream(true).start();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0, "mkfifo made the pipe");
        InputError e = assertTimeoutPreemptively(AT_ONCE,
                () -> assertThrows(InputError.class, () -> ScenarioLoader.load(pipe)));
        assertTrue(e.getMessage().contains("not a regular file (a device, a named pipe or a socket)"), e.getMessage());
    }

    @Test
    void aFolderIsNamedAsOne() {
        InputError e = assertThrows(InputError.class, () -> YamlFile.open(dir));
        assertTrue(e.getMessage().contains("cannot read file: it is a folder"), e.getMessage());
    }

    @Test
    void aScenarioLinkedToAnotherKindOfFileDoesNotRepeatItsContent() throws IOException {
        Path secret = dir.resolve("passwd");
        Files.writeString(secret, "root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n");
        Path link = Files.createSymbolicLink(dir.resolve("scenario.yaml"), secret);
        InputError e = assertThrows(InputError.class, () -> ScenarioLoader.load(link));
        assertTrue(e.getMessage().contains("got text (the file is not a YAML mapping; is it the right file?)"),
                e.getMessage());
        assertFalse(e.getMessage().contains("root"), e.getMessage());
        assertFalse(e.getMessage().contains("daemon"), e.getMessage());
    }

    @Test
    void aValueIsQuotedCutShort() throws IOException {
        Path f = dir.resolve("s.yaml");
        Files.writeString(f, Files.readString(Path.of("scenarios/smoke.yaml"))
                .replace("status: WW", "status: " + "W".repeat(5_000)));
        InputError e = assertThrows(InputError.class, () -> ScenarioLoader.load(f));
        assertTrue(e.getMessage().contains("got '" + "W".repeat(40) + "...'"), e.getMessage());
        assertFalse(e.getMessage().contains("W".repeat(41)), e.getMessage());
    }

    @Test
    void aTerminalEscapeInAScenarioIsRefusedAndNotRepeatedRaw() throws IOException {
        Path f = dir.resolve("s.yaml");
        Files.writeString(f, Files.readString(Path.of("scenarios/smoke.yaml"))
                .replace("group: bijstand", "group: \"\\e[2J\\e[31mbijstand\"")
                .replace("seed: 7\n", "seed: 7\n\"\\e]0;title\\a\": 1\n"));
        InputError e = assertThrows(InputError.class, () -> ScenarioLoader.load(f));
        assertTrue(e.getMessage().contains("workers[1].group: escape character (terminal control) U+001B at "
                + "character 1; names are plain text on one line"), e.getMessage());
        assertTrue(e.getMessage().contains("key '\\u001B]0;title\\u0007'"), e.getMessage());
        assertFalse(e.getMessage().contains("\u001B"), "no raw escape reaches the terminal: " + e.getMessage());
        assertFalse(e.getMessage().contains("\u0007"), e.getMessage());
    }

    @Test
    void freeTextKeepsItsLinesButNotACarriageReturn() throws IOException {
        Path f = dir.resolve("s.yaml");
        String smoke = Files.readString(Path.of("scenarios/smoke.yaml"));
        Files.writeString(f, smoke.replace("description: Tiny smoke test", "description: \"two\\nlines\\tand a tab\""
                + "\n# Tiny smoke test").replace("group. \n", "group.\n"));
        assertEquals("two\nlines\tand a tab", ScenarioLoader.load(f).description());
        Files.writeString(f, smoke.replace("description: Tiny smoke test", "description: \"over\\rwritten\"\n#"));
        InputError e = assertThrows(InputError.class, () -> ScenarioLoader.load(f));
        assertTrue(e.getMessage().contains("description: line break U+000D at character 5"), e.getMessage());
    }
}
