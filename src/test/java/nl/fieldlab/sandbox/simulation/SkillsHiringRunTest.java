package nl.fieldlab.sandbox.simulation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.fieldlab.sandbox.TestRuns;
import nl.fieldlab.sandbox.scenario.ScenarioLoader;

/**
 * Mechanism hiring-signal through a run: electricians without the MBO-3 diploma (ESCO's electrician, all of its
 * essential skills) apply to installation firms that ask for MBO 3. On the diploma an MBO-1 worker is a large gap
 * (a course first) and an MBO-2 worker a small one; on the skills passport both are no gap at all.
 */
class SkillsHiringRunTest {

    @TempDir
    Path tmp;

    private static final String SCENARIO = """
            id: skills-hiring
            description: electricians without the diploma, hired on the diploma or on a skills passport
            region: NHN
            start: 2026-01
            months: 12
            seed: 11
            replications: 4
            skills:
              taxonomy: esco-1.2.0-technical
            workers:
              - group: electricians-no-diploma
                count: 200
                status: WW
                age: {min: 25, max: 50}
                education: {MBO1: 0.5, MBO2: 0.5}
                field: electrical
                occupation: electrician
                dailyWage: {min: 110, max: 160}
                workHistoryYears: {min: 5, max: 20}
                monthsUnemployed: {min: 0, max: 3}
            employers:
              - group: installation
                count: 20
                sector: installation
                field: electrical
                occupation: electrician
                staff: 30
                vacancyRate: 0.5
                requiredEducation: MBO3
                hourlyWage: 18.50
                hoursPerWeek: 38
                contractMonths: 12
            courses:
              - id: electrician-bbl3
                field: electrical
                occupation: electrician
                level: MBO3
                months: 18
                route: BBL
                credential: DIPLOMA
                price: 7500
            behaviour:
              skills.adoption-share: %s
            variants:
              - name: baseline
              - name: hire-on-skills
                hiring: {signal: SKILLS}
            """;

    private Map<String, Map<String, double[]>> run(double adoption) throws IOException {
        Path file = tmp.resolve("skills-" + adoption + ".yaml");
        Files.writeString(file, SCENARIO.formatted(adoption));
        return TestRuns.run(ScenarioLoader.load(file), 2).metrics();
    }

    @Test
    void employersThatSeeThePassportHireMoreWorkersWithoutTheDiplomaInEveryReplication() throws IOException {
        Map<String, Map<String, double[]>> m = run(1);
        double[] base = m.get("baseline").get(Metrics.HIRES_BELOW_REQUIRED_EDUCATION);
        double[] skills = m.get("hire-on-skills").get(Metrics.HIRES_BELOW_REQUIRED_EDUCATION);
        for (int rep = 0; rep < base.length; rep++) {
            assertTrue(skills[rep] > base[rep], "replication " + rep + ": " + skills[rep] + " against " + base[rep]);
        }
        // every one of them has the electrician's essential skills: no distance at hire under either signal
        assertEquals(0, m.get("hire-on-skills").get(Metrics.SKILL_DISTANCE_AT_HIRE)[0]);
    }

    @Test
    void withNoEmployerAdoptingThePassportTheSwitchAloneChangesNothing() throws IOException {
        Map<String, Map<String, double[]>> m = run(0);
        Map<String, double[]> base = m.get("baseline");
        Map<String, double[]> skills = m.get("hire-on-skills");
        assertEquals(base.keySet(), skills.keySet());
        base.forEach((metric, values) -> assertArrayEquals(values, skills.get(metric), metric));
        assertTrue(base.get(Metrics.HIRES_BELOW_REQUIRED_EDUCATION)[0] > 0, "the diploma lets some in too (MBO 2)");
    }

    @Test
    void theReportNamesTheTaxonomyAndEachVariantsSignalAndASkillslessReportHasNoSuchSection() throws IOException {
        Path file = tmp.resolve("skills-report.yaml");
        Files.writeString(file, SCENARIO.formatted(0.37));
        var sections = TestRuns.report(TestRuns.run(ScenarioLoader.load(file), 2)).sections();
        var skills = sections.stream().filter(x -> x.id().equals("skills")).findFirst().orElseThrow();
        assertTrue(skills.paragraphs().get(0).startsWith("Skills come from ESCO 1.2.0 (esco-1.2.0-technical)"),
                skills.paragraphs().get(0));
        assertEquals(java.util.List.of(java.util.List.of("baseline", "diploma", ""),
                java.util.List.of("hire-on-skills", "skills passport", "all")), skills.rows());
        var smoke = TestRuns.report(TestRuns.run(TestRuns.scenario("scenarios/smoke.yaml"), 2)).sections();
        assertTrue(smoke.stream().noneMatch(x -> x.id().equals("skills")), "near miss: no taxonomy, no section");
    }
}
