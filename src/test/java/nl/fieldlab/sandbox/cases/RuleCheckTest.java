package nl.fieldlab.sandbox.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.fieldlab.sandbox.TestRuns;
import nl.fieldlab.sandbox.rules.RuleLibrary;

/** The shipped rule library passes its own checks; a broken one is caught. */
class RuleCheckTest {

    static final Path RULES = Path.of("rules");

    private static RuleCheck.Report shipped;

    /** The check of the shipped library with all its cases, computed once for the tests that need it. */
    static synchronized RuleCheck.Report shipped() {
        if (shipped == null) {
            RuleLibrary library = RuleLibrary.load(RULES);
            List<RuleCase> cases = RuleCaseLoader.load(RULES.resolve("cases"), RULES.resolve("cases"));
            shipped = RuleCheck.check(library, cases, new RuleCaseRunner(library).run(cases));
        }
        return shipped;
    }

    /** The check of a library without running cases (coverage errors then name every rule; tests ignore them). */
    static RuleCheck.Report withoutCases(Path rules) {
        return RuleCheck.check(RuleLibrary.load(rules), List.of(), List.of());
    }

    @Test
    void shippedRulesHaveNoErrors() {
        RuleCheck.Report report = shipped();
        assertTrue(report.ok(), () -> "rule check errors:\n" + String.join("\n", report.errors()));
    }

    @Test
    void shippedRulesWarnAboutMissingIndexation() {
        // bijstand norms for 2026-01 are not confirmed (brief §7): the check says so instead of staying silent
        RuleCheck.Report report = shipped();
        assertTrue(report.warnings().stream().anyMatch(w -> w.contains("'bijstand.norm.single'") && w.contains("2026-01")),
                () -> "warnings:\n" + String.join("\n", report.warnings()));
        assertFalse(report.warnings().stream().anyMatch(w -> w.contains("'wml.hourly.adult'")),
                () -> "the minimum wage has every half-year from 2024-01 to 2026-01:\n"
                        + String.join("\n", report.warnings()));
    }

    @Test
    void everyShippedExemptionSaysWhoCanGrantItAndAMissingRouteIsAWarning(@TempDir Path tmp) throws IOException {
        RuleLibrary shipped = TestRuns.library();
        shipped.exemptions().forEach(e -> assertTrue(e.legalRoute() != null && !e.legalRoute().source().isBlank(),
                e.id() + " declares no legal route"));
        assertFalse(shipped().warnings().stream().anyMatch(w -> w.contains("legalRoute")));

        Path rules = TestRuns.copyTree(Path.of("rules"), tmp.resolve("rules"));
        Path e3 = rules.resolve("exemptions/E3-learning-account.yaml");
        String text = Files.readString(e3);
        int start = text.indexOf("legalRoute:");
        int end = text.indexOf("\nsuspends:", start);
        assertTrue(start >= 0 && end > start, "update the test: E3's legalRoute block moved");
        Files.writeString(e3, text.substring(0, start) + text.substring(end + 1));
        RuleCheck.Report report = withoutCases(rules);
        assertTrue(report.warnings().stream().anyMatch(w -> w.contains("exemption E3 declares no legalRoute")),
                () -> "warnings:\n" + String.join("\n", report.warnings()));
    }

    @Test
    void aProvincialSubsidyWhoseDefaultScopeLeavesItsProvinceIsAWarning() {
        // E3's default region MRA includes Flevoland; its route is a subsidy of Provincie Noord-Holland (issue 25)
        assertTrue(shipped().warnings().stream().anyMatch(w -> w.endsWith("E3: its scope reaches FL, outside the "
                + "area of its legal route (GA, GV, NHN, ZKI, ZW): a provincial subsidy reaches its own province only")),
                () -> "warnings:\n" + String.join("\n", shipped().warnings()));
        // near miss: E9 and E10 stay in NHN, inside the province
        assertFalse(shipped().warnings().stream().anyMatch(w -> w.contains("E9: its scope") || w.contains("E10: its")));
    }

    @Test
    void anExemptionThatCanPauseTheWwClockSaysItNeedsAChangeOfTheWw() {
        // No provision stops the WW duration during training (WW art. 42-43; art. 76 keeps the right, not the clock),
        // and neither WW art. 130 nor Wet SUWI art. 82a lets an experiment reach it: a UWV policy rule cannot do it.
        List<nl.fieldlab.sandbox.rules.Exemption> pausing = TestRuns.library().exemptions().stream()
                .filter(e -> e.parameters().keySet().stream().anyMatch(k -> k.contains("clock-pause"))).toList();
        assertFalse(pausing.isEmpty(), "update the test: no shipped exemption can pause the WW clock any more");
        // The pause is off by default, so the route of the exemption as simulated may be a lesser instrument; the
        // pause then is a part of its own, and that part needs a change of the WW (LegalRoute's parts).
        for (var e : pausing) {
            var route = e.legalRoute();
            boolean whole = route.kind() == nl.fieldlab.sandbox.rules.LegalRoute.Kind.NATIONAL_LAW
                    && route.who().contains("art. 42-43");
            var pause = route.parts().stream().filter(p -> p.covers().contains("pause")).toList();
            assertTrue(whole || !pause.isEmpty(), e.id() + ": neither the route nor a part covers the pause");
            for (var p : pause) {
                assertEquals(nl.fieldlab.sandbox.rules.LegalRoute.Kind.NATIONAL_LAW, p.kind(),
                        e.id() + ": " + p.covers());
                assertTrue(p.who().contains("art. 42-43"), e.id() + ": " + p.who());
            }
        }
    }

    @Test
    void aMisspeltTargetGroupAndAGroupNobodySetsAreErrors(@TempDir Path tmp) throws IOException {
        Path rules = tmp.resolve("rules");
        copy(RULES, rules);
        edit(rules.resolve("baseline/decisions/wage-cost-subsidy.drl"),
                t -> t.replaceFirst("group == \"LKS_TARGET\"", "group == \"LKS_TARGT\""));
        // the no-risk cover group loses its only setter: its tests read a group nobody sets
        edit(rules.resolve("baseline/classification/no-risk-policy.drl"),
                t -> t.replace("new InGroup($q, \"NO_RISK_WHOLE_EMPLOYMENT\")", "new InGroup($q, \"SROI_TARGET\")"));

        RuleCheck.Report report = withoutCases(rules);

        String errors = String.join("\n", report.errors());
        assertTrue(errors.contains("names target group 'LKS_TARGT', which") && errors.contains("did you mean"),
                errors);
        assertTrue(errors.contains("target group 'NO_RISK_WHOLE_EMPLOYMENT' is tested but no rule sets it"), errors);
        assertFalse(shipped().errors().stream().anyMatch(e -> e.contains("target group")),
                "the shipped rules name only declared groups, each set and tested");
    }

    @Test
    void exemptionSuspendingAnUnknownRuleIsAnError(@TempDir Path tmp) throws IOException {
        Path rules = tmp.resolve("rules");
        copy(RULES, rules);
        edit(rules.resolve("exemptions/E2-longer-trial-placement.yaml"),
                t -> t.replace("suspends:\n", "suspends:\n  - TRIAL-NO-SUCH-RULE\n"));

        RuleCheck.Report report = withoutCases(rules);

        assertFalse(report.ok());
        assertTrue(report.errors().stream().anyMatch(e -> e.contains("E2-longer-trial-placement.yaml:")
                && e.contains("suspends 'TRIAL-NO-SUCH-RULE', which is not a baseline rule id")),
                () -> "errors:\n" + String.join("\n", report.errors()));
    }

    @Test
    void conflictingOverridesAndMissingSourcesAreErrors(@TempDir Path tmp) throws IOException {
        Path rules = tmp.resolve("rules");
        copy(RULES, rules);
        // E3 (COURSE, MRA) and E9 (HIRE, NHN) do not overlap; widening E3 to HIRE in NHN makes an override of the
        // jobs-agreement LKV in each of them clash.
        edit(rules.resolve("exemptions/E9-fieldlab-wage-cost-advantage.yaml"), t -> t.replace("parameters:\n",
                "parameters:\n  lkv.jobs-agreement.rate-per-hour: {value: 3.05, unit: EUR/hour, source: \"test\"}\n"));
        Path e3 = rules.resolve("exemptions/E3-learning-account.yaml");
        String text = Files.readString(e3, StandardCharsets.UTF_8);
        text = text.replace("questions: [COURSE]", "questions: [COURSE, HIRE]").replace("regions: [MRA]", "regions: [MRA, NHN]")
                .replace("parameters:\n", "parameters:\n"
                        + "  lkv.jobs-agreement.rate-per-hour: {value: 2.00, unit: EUR/hour, source: \"test\"}\n"
                        + "  e3.blank: {value: 1, unit: share, source: \" \"}\n");
        Files.writeString(e3, text, StandardCharsets.UTF_8);

        RuleCheck.Report report = withoutCases(rules);

        assertTrue(report.errors().stream().anyMatch(e -> e.contains("override 'lkv.jobs-agreement.rate-per-hour'")
                && e.contains("E3") && e.contains("E9")), () -> "errors:\n" + String.join("\n", report.errors()));
        assertTrue(report.errors().stream().anyMatch(e -> e.contains("'e3.blank'") && e.contains("has no source")),
                () -> "errors:\n" + String.join("\n", report.errors()));
    }

    @Test
    void everySourceIdTheShippedRulesCiteResolvesAndEveryListedSourceIsCited() throws IOException {
        RuleCheck.Report report = shipped();
        List<String> sourceErrors = report.errors().stream()
                .filter(e -> e.contains(": cites S") || e.contains(" is cited by no rule")
                        || e.contains("sources.yaml: not found"))
                .toList();
        assertTrue(sourceErrors.isEmpty(), () -> "source errors:\n" + String.join("\n", sourceErrors));
        assertTrue(Files.readString(RULES.resolve("sources.yaml")).lines().filter(l -> l.matches("  S[0-9]+[a-z]?:"))
                .count() >= 50, "rules/sources.yaml lists the sources");
    }

    @Test
    void aSourceIdThatSourcesYamlDoesNotListIsAnErrorWithItsFileAndLine(@TempDir Path tmp) throws IOException {
        Path rules = tmp.resolve("rules");
        copy(RULES, rules);
        Path wml = rules.resolve("parameters/minimum-wage.yaml");
        String text = Files.readString(wml, StandardCharsets.UTF_8);
        String value = "{from: 2024-01, value: 13.27, source: \"";
        int at = text.indexOf(value);
        assertTrue(at > 0, "update the test: the 2024-01 minimum wage moved");
        int line = text.substring(0, at).split("\n", -1).length;
        Files.writeString(wml, text.replace(value, value + "S98 and S4a; "), StandardCharsets.UTF_8);

        RuleCheck.Report report = withoutCases(rules);

        for (String id : List.of("S98", "S4a")) {
            assertTrue(report.errors().stream().anyMatch(e -> e.contains("minimum-wage.yaml:" + line + ": cites " + id
                    + ", which") && e.contains("sources.yaml does not list")),
                    () -> "errors:\n" + String.join("\n", report.errors()));
        }
    }

    /** The lead merges the helpers' lists (ids S100-S249) into the register: a three-digit id resolves like any. */
    @Test
    void aThreeDigitSourceIdListedAndCitedResolves(@TempDir Path tmp) throws IOException {
        Path rules = tmp.resolve("rules");
        copy(RULES, rules);
        Path register = rules.resolve("sources.yaml");
        Files.writeString(register, Files.readString(register, StandardCharsets.UTF_8) + "  S249:\n"
                + "    title: \"Werkloosheidswet\"\n    issuer: wetgever\n    date: not given\n"
                + "    identifier: \"BWBR0004045 art. 47\"\n    kind: official\n    status: resolved\n",
                StandardCharsets.UTF_8);
        Path ww = rules.resolve("parameters/ww.yaml");
        String text = Files.readString(ww, StandardCharsets.UTF_8);
        String cited = "source: \"Werkloosheidswet art. 47 lid 1 (S77; BWBR0004045, read in a 2017 consolidated text):"
                + " 0.7 x";
        assertTrue(text.contains(cited), "update the test: the later earnings offset's source changed");
        Files.writeString(ww, text.replace(cited, cited.replace("(S77;", "(S77, S249;")), StandardCharsets.UTF_8);

        RuleCheck.Report report = withoutCases(rules);

        assertTrue(report.errors().stream().noneMatch(e -> e.contains("S249")),
                () -> "errors:\n" + String.join("\n", report.errors()));
        assertEquals("S249: Werkloosheidswet; wetgever; BWBR0004045 art. 47 (official)",
                nl.fieldlab.sandbox.rules.RuleLibrary.load(rules).sources().get("S249").describe());
    }

    @Test
    void aSourceNothingCitesIsAnError(@TempDir Path tmp) throws IOException {
        Path rules = tmp.resolve("rules");
        copy(RULES, rules);
        Path register = rules.resolve("sources.yaml");
        String before = Files.isRegularFile(register) ? Files.readString(register, StandardCharsets.UTF_8)
                : "sources:\n";
        int line = before.split("\n", -1).length;
        Files.writeString(register, before + "  S97:\n    title: \"A page nobody cites\"\n    issuer: test\n"
                + "    date: not given\n    identifier: \"https://example.org/\"\n    kind: secondary\n"
                + "    status: resolved\n", StandardCharsets.UTF_8);

        RuleCheck.Report report = withoutCases(rules);

        assertTrue(report.errors().stream().anyMatch(e -> e.contains("sources.yaml:" + line + ": source S97 is cited by"
                + " no rule")), () -> "errors:\n" + String.join("\n", report.errors()));
    }

    @Test
    void aCitationOfTheDomainBriefIsAnErrorAndADutchLetterIsNot(@TempDir Path tmp) throws IOException {
        Path rules = tmp.resolve("rules");
        copy(RULES, rules);
        Path drl = rules.resolve("baseline/decisions/minimum-wage.drl");
        List<String> lines = Files.readAllLines(drl, StandardCharsets.UTF_8);
        int source = -1;
        for (int i = 0; i < lines.size() && source < 0; i++) {
            if (lines.get(i).contains("@source(\"") && lines.get(i - 1).contains("rule \"WML-ADULT\"")) {
                source = i;
            }
        }
        assertTrue(source > 0, "update the test: WML-ADULT's @source moved");
        lines.set(source, lines.get(source).replace("\")", "; brief §7; Kamerbrief van 19 maart 2014\")"));
        Files.write(drl, lines, StandardCharsets.UTF_8);
        int line = source + 1;

        RuleCheck.Report report = withoutCases(rules);

        List<String> brief = report.errors().stream().filter(e -> e.contains("minimum-wage.drl:")
                && e.contains("cites the domain brief")).toList();
        assertEquals(List.of("minimum-wage.drl:" + line + ": cites the domain brief ('brief §7')"),
                brief.stream().map(e -> e.substring(e.indexOf("minimum-wage.drl:"), e.indexOf(", which no reader")))
                        .toList(), () -> "errors:\n" + String.join("\n", report.errors()));
    }

    @Test
    void aRulesFolderWithoutASourceRegisterCannotResolveItsIds(@TempDir Path tmp) throws IOException {
        Path rules = tmp.resolve("rules");
        copy(RULES, rules);
        Files.deleteIfExists(rules.resolve("sources.yaml"));

        RuleCheck.Report report = withoutCases(rules);

        assertTrue(report.errors().stream().anyMatch(e -> e.contains("sources.yaml: not found, so the ")
                && e.contains("S16")), () -> "errors:\n" + String.join("\n", report.errors()));
    }

    /** Rewrites a file of a copied rules folder. */
    private static void edit(Path file, java.util.function.UnaryOperator<String> change) throws IOException {
        Files.writeString(file, change.apply(Files.readString(file, StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
