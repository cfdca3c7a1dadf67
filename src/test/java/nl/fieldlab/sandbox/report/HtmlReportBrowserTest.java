package nl.fieldlab.sandbox.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Opens the smoke run's {@code report.html} in headless Chromium: every chart must be laid out with a non-zero size
 * and the page must raise no errors. Fails (does not skip) without {@code /usr/bin/chromium}: CI installs it.
 */
class HtmlReportBrowserTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path OUT = Path.of("target", "browser-test");
    static final Path PAGE = OUT.resolve(HtmlReport.FILE_NAME);
    static final Path SCREENSHOT = OUT.resolve("report.png");
    static final long TIMEOUT_SECONDS = 60;
    static final long MIN_SCREENSHOT_BYTES = 20_000;

    @BeforeAll
    static void writePage() throws IOException {
        Report r = HtmlReportTest.smokeReport();
        Files.createDirectories(OUT);
        Files.writeString(PAGE, new HtmlReport().render(r, HtmlReportTest.manifest(r, HtmlReportTest.CREATED_AT)),
                StandardCharsets.UTF_8);
    }

    @Test
    void everyChartRendersAndThePageRaisesNoErrors() throws Exception {
        String dom = chromium(List.of("--dump-dom"));
        Matcher body = Pattern.compile("<body\\b[^>]*>").matcher(dom);
        assertTrue(body.find(), "Chromium dumped no <body>:\n" + head(dom));
        String tag = body.group();
        int expected = attribute(tag, "data-charts-expected");
        int rendered = attribute(tag, "data-charts-rendered");
        int errors = attribute(tag, "data-errors");
        assertTrue(expected > 0, "the page announces its charts: " + tag);
        assertEquals(expected, rendered, "charts laid out with a non-zero size");
        assertEquals(0, errors, "script and resource errors on the page");
    }

    /** Every table fits the page at a desktop and a narrow width: no last column cut off or scrolled away. */
    @Test
    void tablesFitThePageAt1400And800Pixels() throws Exception {
        for (int width : new int[] {1400, 800}) {
            String dom = chromium(List.of("--dump-dom", "--window-size=" + width + ",3000"));
            Matcher body = Pattern.compile("<body\\b[^>]*>").matcher(dom);
            assertTrue(body.find(), "Chromium dumped no <body>:\n" + head(dom));
            String tag = body.group();
            assertEquals(0, attribute(tag, "data-tables-overflowing"), width + " px: tables wider than the page in "
                    + tag.replaceAll(".*data-tables-overflowing-in=\"([^\"]*)\".*", "$1"));
        }
    }

    /** Printing (to PDF) gives a document: the print stylesheet lays the tables out at print size. */
    @Test
    void printsToPdf() throws Exception {
        Path pdf = OUT.resolve("report.pdf");
        Files.deleteIfExists(pdf);
        chromium(List.of("--print-to-pdf=" + pdf.toAbsolutePath(), "--no-pdf-header-footer"));
        assertTrue(Files.exists(pdf) && Files.size(pdf) > MIN_SCREENSHOT_BYTES, "no PDF or an empty one: " + pdf);
        byte[] start = java.util.Arrays.copyOf(Files.readAllBytes(pdf), 5);
        assertEquals("%PDF-", new String(start, StandardCharsets.US_ASCII));
    }

    @Test
    void screenshotShowsThePage() throws Exception {
        Files.deleteIfExists(SCREENSHOT);
        chromium(List.of("--screenshot=" + SCREENSHOT.toAbsolutePath(), "--window-size=1280,3000",
                "--hide-scrollbars"));
        assertTrue(Files.exists(SCREENSHOT), "Chromium wrote no screenshot to " + SCREENSHOT);
        long size = Files.size(SCREENSHOT);
        assertTrue(size > MIN_SCREENSHOT_BYTES, "screenshot is only " + size + " bytes: is the page blank?");
    }

    /** Runs headless Chromium on the page with a fresh profile; returns what it printed on standard output. */
    private static String chromium(List<String> extra) throws Exception {
        if (!Files.isExecutable(CHROMIUM)) {
            fail(CHROMIUM + " is missing: the HTML report's browser check needs Chromium "
                    + "(Debian: apt-get install -y chromium)");
        }
        Path profile = Files.createTempDirectory("fieldlab-chromium-");
        Path stdout = Files.createTempFile("fieldlab-chromium-", ".out");
        Path stderr = Files.createTempFile("fieldlab-chromium-", ".err");
        try {
            List<String> cmd = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox",
                    "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile,
                    "--virtual-time-budget=3000"));
            cmd.addAll(extra);
            cmd.add(PAGE.toAbsolutePath().toUri().toString());
            Process p = new ProcessBuilder(cmd).redirectOutput(stdout.toFile()).redirectError(stderr.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                fail("Chromium did not finish within " + TIMEOUT_SECONDS + " s:\n" + head(Files.readString(stderr)));
            }
            if (p.exitValue() != 0) {
                fail("Chromium exited with " + p.exitValue() + ":\n" + head(Files.readString(stderr)));
            }
            return Files.readString(stdout, StandardCharsets.UTF_8);
        } finally {
            org.springframework.util.FileSystemUtils.deleteRecursively(profile);
            Files.deleteIfExists(stdout);
            Files.deleteIfExists(stderr);
        }
    }

    private static int attribute(String tag, String name) {
        Matcher m = Pattern.compile("\\b" + name + "=\"(\\d+)\"").matcher(tag);
        if (!m.find()) {
            fail("<body> has no " + name + " (did the page's script run?): " + tag);
        }
        return Integer.parseInt(m.group(1));
    }

    private static String head(String text) {
        return text.length() > 4000 ? text.substring(0, 4000) + "..." : text;
    }
}
