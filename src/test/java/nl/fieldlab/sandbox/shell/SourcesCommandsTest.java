package nl.fieldlab.sandbox.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.fieldlab.sandbox.app.ExitCodes;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Where the tool shows a rule's or an exemption's source, the reader also gets what the source ids stand for: the
 * report lists the sources its rules cite, {@code rules list --exemption} shows each part of an exemption's legal
 * route with its article and resolves its sources, and {@code schema sources} prints the register's schema. The
 * register is read here as a reader reads it, from rules/sources.yaml.
 */
class SourcesCommandsTest extends ShellTestSupport {

    private static final Pattern ID = Pattern.compile("(?<![A-Za-z0-9_/-])S[0-9]{1,3}[a-z]?(?![A-Za-z0-9])");

    @TempDir
    Path tmp;

    /** The register's entries: id -> its fields. */
    static Map<String, JsonNode> register() {
        try {
            JsonNode root = YAMLMapper.builder().build().readTree(Files.readString(Path.of("rules/sources.yaml")));
            Map<String, JsonNode> out = new LinkedHashMap<>();
            root.get("sources").properties().forEach(e -> out.put(e.getKey(), e.getValue()));
            return out;
        } catch (IOException e) {
            throw new AssertionError("rules/sources.yaml: " + e.getMessage());
        }
    }

    /** id -> title. */
    static Map<String, String> titles() {
        Map<String, String> out = new LinkedHashMap<>();
        register().forEach((id, s) -> out.put(id, s.get("title").asString()));
        return out;
    }

    /** The source ids a text names. */
    static List<String> ids(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = ID.matcher(text);
        while (m.find()) {
            if (!out.contains(m.group())) {
                out.add(m.group());
            }
        }
        return out;
    }

    @Test
    void theReportListsTheSourcesItsRulesCiteInMarkdownAndHtml() throws IOException {
        Path out = tmp.resolve("smoke");
        ok("run scenarios/smoke.yaml --out " + out);
        String md = Files.readString(out.resolve("report.md"));
        String html = Files.readString(out.resolve("report.html"));
        Map<String, JsonNode> register = register();

        int at = md.indexOf("\n## Sources the rules cite\n");
        assertTrue(at >= 0, "report.md has a section of sources:\n" + md);
        int end = md.indexOf("\n## ", at + 5);
        String section = md.substring(at, end < 0 ? md.length() : end);
        assertTrue(section.contains("| id | title | issuer | date | identifier | kind |"), section);
        // WML-WAGE prices every hire; the minimum-wage act it cites is listed with its BWB id, in both formats
        String wml = ids(ruleSource("baseline/decisions/minimum-wage.drl", "WML-WAGE")).get(0);
        JsonNode s = register.get(wml);
        assertTrue(section.contains("| " + wml + " | " + s.get("title").asString() + " |"), section);
        assertTrue(section.contains(s.get("identifier").asString().replace("|", "/")), section);
        assertTrue(html.contains(">" + wml + "</td>") && html.contains(s.get("title").asString()),
                "report.html lists it too");
        // every row's id resolves
        for (String row : section.split("\n")) {
            if (row.matches("\\| S[0-9]+[a-z]? \\|.*")) {
                String id = row.substring(2, row.indexOf(" |", 2));
                assertTrue(register.containsKey(id), id);
            }
        }
    }

    @Test
    void rulesListExemptionShowsEachPartOfTheLegalRouteAndResolvesItsSources() {
        String out = ok("rules list --exemption E1").output();
        int route = out.indexOf("Legal route: ");
        assertTrue(route >= 0, out);
        String routeText = out.substring(route, out.indexOf("\nSuspends: ", route));
        assertTrue(routeText.contains("WW art. 42"), "the clock pause needs a change of the WW:\n" + routeText);
        assertTrue(routeText.contains("Part: ") && routeText.contains("change of national law"), routeText);
        Map<String, String> titles = titles();
        int resolved = 0;
        for (String id : ids(routeText)) {
            assertTrue(routeText.contains(id + ": " + titles.get(id)), id + " resolved in:\n" + routeText);
            resolved++;
        }
        assertTrue(resolved >= 3, routeText);
    }

    @Test
    void theSourceRegisterHasASchema() {
        CommandLine.Outcome o = run("schema sources");
        assertEquals(ExitCodes.OK, o.exitCode(), o.error());
        assertTrue(o.output().contains("\"identifier\""), o.output());
    }

    /** A rule's @source text, read from its file. */
    private static String ruleSource(String file, String rule) throws IOException {
        List<String> lines = Files.readAllLines(Path.of("rules").resolve(file));
        for (int i = 0; i + 1 < lines.size(); i++) {
            if (lines.get(i).strip().equals("rule \"" + rule + "\"")) {
                return lines.get(i + 1);
            }
        }
        throw new AssertionError("no rule " + rule + " in " + file);
    }
}
