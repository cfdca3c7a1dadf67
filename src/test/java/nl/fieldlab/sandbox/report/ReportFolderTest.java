package nl.fieldlab.sandbox.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.fieldlab.sandbox.input.InputError;
import nl.fieldlab.sandbox.rules.Hashes;

/**
 * The report writer replaces only what is its own: a missing path, an empty folder, or a folder its manifest says
 * this tool wrote. Everything else is refused and the tree on disk is exactly as before.
 */
class ReportFolderTest {

    static final Map<String, String> FILES = Map.of("report.md", "# a report\n", "report.json", "{}\n");

    @TempDir
    Path tmp;

    /** A working directory as users have it: rules, scenarios, a reports folder with a README and reports. */
    Path work;

    @BeforeEach
    void userTree() throws IOException {
        work = Files.createDirectories(tmp.resolve("work"));
        Files.createDirectories(work.resolve("rules/baseline"));
        Files.writeString(work.resolve("rules/baseline/ww.drl"), "rule \"X\" when then end\n");
        Files.createDirectories(work.resolve("scenarios"));
        Files.writeString(work.resolve("scenarios/default.yaml"), "id: default\n");
        Files.createDirectories(work.resolve("reports"));
        Files.writeString(work.resolve("reports/README.md"), "# Reports\n");
        Files.writeString(work.resolve("notes.txt"), "my notes\n");
    }

    static void write(Path dir) {
        ReportFolder.write(dir, FILES, hashes -> manifest(hashes));
    }

    static String manifest(SortedMap<String, String> hashes) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("tool", ReportFolder.TOOL);
        m.put("files", hashes);
        return Json.MAPPER.writeValueAsString(m) + "\n";
    }

    /** Every path under {@code root} with the hash of its bytes (folders as "dir"). */
    static SortedMap<String, String> snapshot(Path root) throws IOException {
        SortedMap<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.toList()) {
                out.put(root.relativize(p).toString(), Files.isDirectory(p) ? "dir" : Hashes.sha256(Files.readAllBytes(p)));
            }
        }
        return out;
    }

    void refused(Path target) throws IOException {
        refused(target, ": it exists and is not a report folder (use a new folder)");
    }

    void refused(Path target, String ending) throws IOException {
        SortedMap<String, String> before = snapshot(tmp);
        InputError e = assertThrows(InputError.class, () -> write(target));
        assertTrue(e.getMessage().startsWith("refusing to write the report to "), e.getMessage());
        assertTrue(e.getMessage().endsWith(ending), e.getMessage());
        assertEquals(before, snapshot(tmp), "nothing on disk changed");
    }

    @Test
    void theWorkingDirectoryIsRefused() throws IOException {
        refused(work);
    }

    @Test
    void theReportsFolderItselfIsRefused() throws IOException {
        write(work.resolve("reports/earlier"));
        refused(work.resolve("reports"));
    }

    @Test
    void theScenariosFolderIsRefused() throws IOException {
        refused(work.resolve("scenarios"));
    }

    @Test
    void anOrdinaryFileIsRefused() throws IOException {
        refused(work.resolve("notes.txt"));
    }

    @Test
    void aReportFolderWithAFileTheUserAddedIsRefused() throws IOException {
        Path dir = work.resolve("reports/mine");
        write(dir);
        Files.writeString(dir.resolve("my-comments.txt"), "keep me\n");
        refused(dir, ": it holds my-comments.txt, which this tool did not write (its manifest.json does not list "
                + "it); move it out of the folder, or use another folder");
    }

    /**
     * The tester's data loss: a folder with a user's notes and a manifest of this tool that lists no files (as
     * reports did before manifests listed their files). Such a folder was taken for the tool's own, and the next
     * run deleted the notes.
     */
    @Test
    void aFolderWhoseManifestListsNoFilesKeepsTheUsersFiles() throws IOException {
        Path dir = Files.createDirectories(work.resolve("reports/old"));
        Files.writeString(dir.resolve("manifest.json"), "{\"tool\":\"fieldlab-sandbox\"}");
        Files.writeString(dir.resolve("notes.md"), "# my notes\n");
        Files.writeString(dir.resolve("budget.csv"), "item,euro\ncoaching,1200\n");
        refused(dir, ": it holds budget.csv and notes.md, which this tool did not write (its manifest.json does not "
                + "list them); move them out of the folder, or use another folder");
    }

    @Test
    void aRefusalNamesAtMostFiveFilesAndCountsTheRest() throws IOException {
        Path dir = Files.createDirectories(work.resolve("reports/many"));
        Files.writeString(dir.resolve("manifest.json"), "{\"tool\":\"fieldlab-sandbox\",\"files\":{}}");
        for (String name : java.util.List.of("a.txt", "b.txt", "c.txt", "d.txt", "e.txt", "f.txt", "g.txt")) {
            Files.writeString(dir.resolve(name), name);
        }
        Files.createDirectories(dir.resolve("sub"));
        refused(dir, ": it holds a.txt, b.txt, c.txt, d.txt, e.txt and 3 more, which this tool did not write (its "
                + "manifest.json does not list them); move them out of the folder, or use another folder");
    }

    @Test
    void aFolderWithAForeignManifestIsRefused() throws IOException {
        Path dir = Files.createDirectories(work.resolve("other"));
        Files.writeString(dir.resolve("manifest.json"), "{\"tool\": \"something-else\"}\n");
        refused(dir);
    }

    @Test
    void aMissingPathAnEmptyFolderAndAnEarlierReportAreWritten() throws IOException {
        Path fresh = work.resolve("reports/new/nested");
        write(fresh);
        assertEquals("# a report\n", Files.readString(fresh.resolve("report.md")));

        Path empty = Files.createDirectories(work.resolve("reports/empty"));
        write(empty);
        assertTrue(Files.exists(empty.resolve("manifest.json")));

        SortedMap<String, String> outside = snapshot(work.resolve("rules"));
        ReportFolder.write(fresh, Map.of("report.md", "# again\n"), ReportFolderTest::manifest);
        assertEquals("# again\n", Files.readString(fresh.resolve("report.md")));
        assertFalse(Files.exists(fresh.resolve("report.json")), "the earlier report is replaced whole");
        assertEquals(outside, snapshot(work.resolve("rules")));
        try (Stream<Path> s = Files.list(fresh.getParent())) {
            assertEquals(java.util.List.of("nested"),
                    s.map(p -> p.getFileName().toString()).sorted().toList(),
                    "no temporary folder and no lock file is left beside the report");
        }
    }

    @Test
    void foldersAndFilesCanBeSharedWithOthers() throws IOException {
        Path dir = work.resolve("reports/shared");
        write(dir);
        assertEquals("rwxr-xr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("report.md"))));
        assertEquals("rw-r--r--",
                PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("manifest.json"))));
    }

    @Test
    void aSecondWriterOfTheSameFolderIsRefusedWhileTheFirstHoldsIt() throws IOException {
        Path dir = work.resolve("reports/busy");
        try (ReportFolder.Claim first = ReportFolder.claim(dir)) {
            InputError e = assertThrows(InputError.class, () -> ReportFolder.claim(dir));
            assertTrue(e.getMessage().contains("another run is writing the report to"), e.getMessage());
            first.write(FILES, ReportFolderTest::manifest);
        }
        assertTrue(Files.exists(dir.resolve("report.md")));
        write(dir); // released: the next run may write it
    }

    @Test
    void theLockIsKeptOutOfTheUsersFoldersAndFollowsTheRealPath() throws IOException {
        Path dir = work.resolve("reports/linked-busy");
        Path link = Files.createSymbolicLink(tmp.resolve("reports-link"), work.resolve("reports"));
        try (ReportFolder.Claim first = ReportFolder.claim(dir)) {
            // the same folder reached through a link to its parent is the same folder
            InputError e = assertThrows(InputError.class, () -> ReportFolder.claim(link.resolve("linked-busy")));
            assertTrue(e.getMessage().contains("another run is writing the report to"), e.getMessage());
            first.write(FILES, ReportFolderTest::manifest);
        }
        try (Stream<Path> s = Files.list(work.resolve("reports"))) {
            assertEquals(java.util.List.of(), s.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".lock")).toList(), "no lock file beside the report");
        }
        assertTrue(Files.isRegularFile(FolderLock.fileFor(work.resolve("reports"), "linked-busy")),
                "the lock file is in the tool's own folder");
    }

    @Test
    void anEmptyLockFileOfAnEarlierVersionIsRemovedAndAnythingElseKept() throws IOException {
        Files.createDirectories(work.resolve("reports/old-a"));
        Files.createDirectories(work.resolve("reports/old-b"));
        Path empty = Files.createFile(work.resolve("reports/.old-a.lock"));
        Path written = Files.writeString(work.resolve("reports/.old-b.lock"), "not ours\n");
        write(work.resolve("reports/old-a"));
        write(work.resolve("reports/old-b"));
        assertFalse(Files.exists(empty), "the empty lock file an earlier version left is gone");
        assertEquals("not ours\n", Files.readString(written), "a file with content is not a lock of ours: kept");
    }

    @Test
    void aRunInAnotherProcessHoldsTheFolderUntilItIsKilled() throws Exception {
        Path dir = work.resolve("reports/shared-between-processes");
        Process other = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dfieldlab.lock-dir=" + FolderLock.folder(), "-cp", System.getProperty("java.class.path"),
                HoldClaim.class.getName(), dir.toString())
                .redirectErrorStream(true).start();
        try (var out = new java.io.BufferedReader(new java.io.InputStreamReader(other.getInputStream()))) {
            assertEquals("held", out.readLine(), "the other process claimed the folder");
            InputError e = assertThrows(InputError.class, () -> ReportFolder.claim(dir));
            assertTrue(e.getMessage().contains("another run is writing the report to"), e.getMessage());
            other.destroyForcibly().waitFor(); // kill -9: the operating system drops its lock
        }
        write(dir);
        assertTrue(Files.exists(dir.resolve("report.md")));
    }

    @Test
    void leftoversOfAKilledRunAreRemovedOrRestoredByTheNextWrite() throws IOException {
        Path dir = work.resolve("reports/killed");
        write(dir);
        // killed while writing: a half-written temporary folder (its manifest, written first, lists its files)
        Path partial = Files.createDirectories(work.resolve("reports/.killed.partial-123"));
        Files.writeString(partial.resolve("manifest.json"), manifest(new TreeMap<>(FILES)));
        Files.writeString(partial.resolve("report.md"), "half");
        // killed between moving the old report aside and moving the new one in
        Path old = work.resolve("reports/.other.old-456");
        write(work.resolve("reports/other"));
        Files.move(work.resolve("reports/other"), old);
        // a user's folder that only looks like a leftover (it holds a folder) is not ours
        Path lookalike = Files.createDirectories(work.resolve("reports/.killed.partial-mine/sub"));

        write(dir);
        assertFalse(Files.exists(partial), "the stale partial folder is gone");
        assertTrue(Files.exists(lookalike), "a folder that holds folders is never removed");

        write(work.resolve("reports/other"));
        assertFalse(Files.exists(old));
        assertTrue(Files.exists(work.resolve("reports/other/report.md")));
    }

    @Test
    void leftoversHoldingFilesNoManifestListsAreNotEmptied() throws IOException {
        Path dir = work.resolve("reports/kept");
        write(dir);
        // a set-aside copy of an earlier report to which a file was added, and a half-written folder without a
        // manifest: what is in them is not known to be this tool's
        Path old = work.resolve("reports/.kept.old-9");
        write(work.resolve("reports/donor"));
        Files.move(work.resolve("reports/donor"), old);
        Files.writeString(old.resolve("notes.txt"), "mine\n");
        Path partial = Files.createDirectories(work.resolve("reports/.kept.partial-9"));
        Files.writeString(partial.resolve("report.md"), "whose?\n");

        write(dir);
        assertEquals("mine\n", Files.readString(old.resolve("notes.txt")), "the user's file is kept");
        assertTrue(Files.exists(old.resolve("report.md")), "a folder whose manifest does not list every file is not "
                + "ours: nothing in it is deleted");
        assertEquals("whose?\n", Files.readString(partial.resolve("report.md")), "nor a file no manifest lists");
    }

    @Test
    void aFileAddedWhileTheRunWroteIsKeptAndTheWriteRefused() throws IOException {
        Path dir = work.resolve("reports/busy-user");
        write(dir);
        String first = Files.readString(dir.resolve("report.md"));
        ReportFolder.atPointOfNoReturn = () -> {
            try {
                Files.writeString(dir.resolve("notes.md"), "added while the run wrote\n");
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
        try {
            InputError e = assertThrows(InputError.class,
                    () -> ReportFolder.write(dir, Map.of("report.md", "# new\n"), ReportFolderTest::manifest));
            assertTrue(e.getMessage().contains("it holds notes.md, which this tool did not write"), e.getMessage());
        } finally {
            ReportFolder.atPointOfNoReturn = () -> {
            };
        }
        assertEquals("added while the run wrote\n", Files.readString(dir.resolve("notes.md")));
        assertEquals(first, Files.readString(dir.resolve("report.md")), "the earlier report is as it was");
        try (Stream<Path> s = Files.list(dir.getParent())) {
            assertEquals(java.util.List.of("busy-user"),
                    s.map(p -> p.getFileName().toString()).filter(n -> n.contains("busy-user")).sorted().toList(),
                    "no temporary folder is left");
        }
    }

    @Test
    void aCancelBeforeThePointOfNoReturnChangesNothing() throws IOException {
        Path dir = work.resolve("reports/cancelled");
        write(dir);
        SortedMap<String, String> before = snapshot(work);
        try (PointOfNoReturn.Command command = PointOfNoReturn.command()) {
            ReportFolder.Claim claim = ReportFolder.claim(dir);
            try (claim) {
                assertTrue(PointOfNoReturn.cancel(), "nothing is in place yet: the cancel is taken");
                assertThrows(java.util.concurrent.CancellationException.class,
                        () -> claim.write(Map.of("report.md", "# new\n"), ReportFolderTest::manifest));
            }
        }
        assertEquals(before, snapshot(work), "the earlier report, and nothing else, is on disk");
    }

    @Test
    void aCancelAfterThePointOfNoReturnIsRefused() throws IOException {
        Path dir = work.resolve("reports/passed");
        boolean[] taken = {true};
        ReportFolder.atPointOfNoReturn = () -> taken[0] = PointOfNoReturn.cancel();
        try (PointOfNoReturn.Command command = PointOfNoReturn.command()) {
            ReportFolder.write(dir, Map.of("report.md", "# new\n"), ReportFolderTest::manifest);
            assertFalse(taken[0], "the new folder is about to replace the old: the cancel is refused");
            assertFalse(PointOfNoReturn.cancelled());
        } finally {
            ReportFolder.atPointOfNoReturn = () -> {
            };
        }
        assertEquals("# new\n", Files.readString(dir.resolve("report.md")));
        try (PointOfNoReturn.Command next = PointOfNoReturn.command()) {
            assertTrue(PointOfNoReturn.cancel(), "the next command can be cancelled again");
        }
    }

    /**
     * A kill between the two moves of a write (the old folder set aside, the new one not yet in place) leaves
     * no folder under the name. Reading the folder by name puts the set-aside one back first.
     */
    @Test
    void aFolderAKillLeftSetAsideIsBackUnderItsNameForAReader() throws IOException {
        Path dir = work.resolve("reports/window");
        ReportFolder.write(dir, Map.of("report.md", "# the earlier report\n"), ReportFolderTest::manifest);
        Path old = work.resolve("reports/.window.old-12345");
        Files.move(dir, old);
        Files.createDirectories(work.resolve("reports/.window.partial-12345")); // the new one, never moved in

        ReportFolder.restoreSetAside(dir);
        assertEquals("# the earlier report\n", Files.readString(dir.resolve("report.md")));
        assertFalse(Files.exists(old));

        ReportFolder.restoreSetAside(dir); // nothing set aside now: nothing happens
        assertEquals("# the earlier report\n", Files.readString(dir.resolve("report.md")));
    }

    @Test
    void aReaderLeavesASetAsideFolderAloneWhileARunHoldsTheLock() throws IOException {
        Path dir = work.resolve("reports/held");
        write(dir);
        Path old = work.resolve("reports/.held.old-1");
        try (ReportFolder.Claim claim = ReportFolder.claim(dir)) {
            Files.move(dir, old); // the run holding the lock is between its two moves
            ReportFolder.restoreSetAside(dir);
            assertTrue(Files.exists(old), "the run's own move is not interfered with");
            assertFalse(Files.exists(dir));
            Files.move(old, dir);
        }
    }

    @Test
    void theIndexListsAReportAKillLeftSetAside() throws IOException {
        Path reports = work.resolve("reports");
        ReportFolder.write(reports.resolve("aside"), FILES, hashes -> "{\"tool\":\"fieldlab-sandbox\","
                + "\"scenarioId\":\"smoke\",\"files\":" + Json.MAPPER.writeValueAsString(hashes) + "}\n");
        Files.move(reports.resolve("aside"), reports.resolve(".aside.old-77"));
        ReportIndex.update(reports);
        assertTrue(Files.readString(reports.resolve("index.md")).contains("[aside](aside/) | smoke"),
                Files.readString(reports.resolve("index.md")));
        assertTrue(Files.exists(reports.resolve("aside/report.md")));
    }

    @Test
    void withinFollowsLinksAndDots() throws IOException {
        Path rules = work.resolve("rules");
        assertTrue(ReportFolder.within(rules.resolve("x"), rules));
        assertTrue(ReportFolder.within(rules, rules));
        assertTrue(ReportFolder.within(work.resolve("reports/../rules/baseline/new/deeper"), rules));
        assertFalse(ReportFolder.within(work.resolve("rules-old/x"), rules), "a sibling with a longer name");
        assertFalse(ReportFolder.within(work.resolve("reports/x"), rules));
        Path link = Files.createSymbolicLink(work.resolve("to-rules"), rules);
        assertTrue(ReportFolder.within(link.resolve("x"), rules), "through a link to the rules folder");
        assertTrue(ReportFolder.within(rules.resolve("x"), link), "to a rules folder named by a link");
    }

    @Test
    void theOldReportIsRestoredWhenTheNextWriteFindsOnlyItsSetAsideCopy() throws IOException {
        Path dir = work.resolve("reports/restored");
        ReportFolder.write(dir, Map.of("report.md", "# first\n"), ReportFolderTest::manifest);
        Files.move(dir, work.resolve("reports/.restored.old-1"));
        ReportFolder.Claim claim = ReportFolder.claim(dir);
        try (claim) {
            assertEquals("# first\n", Files.readString(dir.resolve("report.md")), "restored before writing");
        }
    }

    @Test
    void whyNotReplaceableSaysWhat() throws IOException {
        assertNull(ReportFolder.whyNotReplaceable(work.resolve("nope")));
        assertEquals("it is a file", ReportFolder.whyNotReplaceable(work.resolve("notes.txt")));
        assertEquals("it has no manifest.json written by this tool", ReportFolder.whyNotReplaceable(work));
    }
}
