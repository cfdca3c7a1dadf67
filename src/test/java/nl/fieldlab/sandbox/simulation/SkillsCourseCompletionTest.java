package nl.fieldlab.sandbox.simulation;

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
 * Mechanism skill-distance: a short skills course adds its skills and no diploma. MBO-2 electromechanical
 * technicians can reach mechatronics firms (MBO 3 asked) only through the one course on offer; after a skills course
 * they are still MBO 2, after a full course into the occupation MBO 3.
 */
class SkillsCourseCompletionTest {

    @TempDir
    Path tmp;

    private static final String SCENARIO = """
            id: skills-course
            description: electromechanical technicians retrain for mechatronics firms
            region: NHN
            start: 2026-01
            months: 24
            seed: 5
            replications: 2
            skills:
              taxonomy: esco-1.2.0-technical
            workers:
              - group: ww-electromechanical
                count: 300
                status: WW
                age: {min: 25, max: 45}
                education: {MBO2: 1.0}
                field: electromechanics
                occupation: electromechanical-engineering-technician
                dailyWage: {min: 120, max: 160}
                workHistoryYears: {min: 5, max: 20}
                monthsUnemployed: {min: 0, max: 3}
            employers:
              - group: mechatronics
                count: 30
                sector: metalektro
                field: mechatronics
                occupation: mechatronics-engineering-technician
                staff: 60
                vacancyRate: 1.0
                requiredEducation: MBO3
                hourlyWage: 19.20
                hoursPerWeek: 38
                contractMonths: 0
            courses:
              - id: mechatronics-course
                field: mechatronics
                %s
                level: MBO3
                months: 3
                route: OTHER
                credential: SECTOR_CERTIFICATE
                price: 2500
            behaviour:
              course.uptake: 1
            variants:
              - name: baseline
            """;

    private Map<String, double[]> run(String teaches) throws IOException {
        Path file = tmp.resolve("course.yaml");
        Files.writeString(file, SCENARIO.formatted(teaches));
        return TestRuns.run(ScenarioLoader.load(file), 2).metrics().get("baseline");
    }

    @Test
    void aSkillsCourseLeavesTheWorkerBelowTheRequiredLevelAndCountsAsOne() throws IOException {
        Map<String, double[]> m = run("skills: [mechatronics, robotics, automation-technology]");
        assertTrue(m.get(Metrics.SKILLS_COURSES_COMPLETED)[0] > 0, "skills courses completed");
        assertTrue(m.get(Metrics.HIRES)[0] > 0, "hires after the course");
        // every hire came after the course (another field one level short is a large gap), still at MBO 2
        assertEquals(m.get(Metrics.HIRES)[0], m.get(Metrics.HIRES_BELOW_REQUIRED_EDUCATION)[0]);
    }

    @Test
    void aFullCourseIntoTheOccupationRaisesTheLevelAsBefore() throws IOException {
        Map<String, double[]> m = run("occupation: mechatronics-engineering-technician");
        assertEquals(0, m.get(Metrics.SKILLS_COURSES_COMPLETED)[0]);
        assertTrue(m.get(Metrics.HIRES)[0] > 0, "hires after the course");
        assertEquals(0, m.get(Metrics.HIRES_BELOW_REQUIRED_EDUCATION)[0], "MBO 3 after the course");
    }
}
