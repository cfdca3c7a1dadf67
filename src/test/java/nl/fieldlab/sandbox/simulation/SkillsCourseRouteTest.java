package nl.fieldlab.sandbox.simulation;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.fieldlab.sandbox.TestRuns;
import nl.fieldlab.sandbox.rules.RuleBase;
import nl.fieldlab.sandbox.scenario.Scenario;
import nl.fieldlab.sandbox.scenario.ScenarioLoader;

/**
 * Mechanism hiring-signal: an employer that sees the passport sends a large gap to the shortest course that teaches
 * the missing skills, and the proposal names them; on the diploma the same worker is sent to the course into the
 * field as before. Electromechanical technicians lack 16 of a mechatronics technician's 28 essential skills
 * (d = 0.57), a large gap once the small-gap distance is 0.5.
 */
class SkillsCourseRouteTest {

    @TempDir
    Path tmp;

    private static final String SCENARIO = """
            id: skills-route
            description: electromechanical technicians and a skills course for mechatronics firms
            region: NHN
            start: 2026-01
            months: 12
            seed: 3
            replications: 2
            skills:
              taxonomy: esco-1.2.0-technical
            workers:
              - group: ww-electromechanical
                count: 40
                status: WW
                age: {min: 25, max: 45}
                education: {MBO3: 1.0}
                field: electromechanics
                occupation: electromechanical-engineering-technician
                dailyWage: {min: 120, max: 160}
                workHistoryYears: {min: 5, max: 20}
                monthsUnemployed: {min: 0, max: 3}
            employers:
              - group: mechatronics
                count: 20
                sector: metalektro
                field: mechatronics
                occupation: mechatronics-engineering-technician
                staff: 60
                vacancyRate: 2.0
                requiredEducation: MBO4
                hourlyWage: 19.20
                hoursPerWeek: 38
                contractMonths: 0
            courses:
              - id: mechatronics-bbl4
                field: mechatronics
                occupation: mechatronics-engineering-technician
                level: MBO4
                months: 24
                route: BBL
                credential: DIPLOMA
                price: 9000
              - id: mechatronics-skills
                field: mechatronics
                skills: [assemble-mechatronic-units, physics, test-mechatronic-units, computer-engineering,
                         quality-standards, follow-standards-for-machinery-safety, robotics, interpret-circuit-diagrams,
                         install-mechatronic-equipment, automation-technology, electrical-engineering,
                         mechanical-engineering, simulate-mechatronic-design-concepts, electronics, control-engineering,
                         mechatronics]
                level: MBO3
                months: 3
                route: OTHER
                credential: SECTOR_CERTIFICATE
                price: 2500
            behaviour:
              course.uptake: 1
              skills.small-gap-distance: 0.5
              skills.adoption-share: 1
            variants:
              - name: baseline
              - name: hire-on-skills
                hiring: {signal: SKILLS}
            """;

    private List<String> courseProposals(String variant) throws IOException {
        Path file = tmp.resolve("route.yaml");
        Files.writeString(file, SCENARIO);
        Scenario s = ScenarioLoader.load(file);
        RuleBase rules = TestRuns.compile(s).get(variant);
        List<String> out = new ArrayList<>();
        for (int worker = 0; worker < 10; worker++) {
            Simulator.trace(s, rules, 0, worker, (month, kind, detail, mechanism, q, a) -> {
                if (kind.equals("COURSE proposed")) {
                    out.add(detail);
                }
            });
        }
        return out;
    }

    @Test
    void onThePassportTheShortCourseThatClosesTheNamedGapIsProposed() throws IOException {
        List<String> proposals = courseProposals("hire-on-skills");
        assertTrue(proposals.stream().anyMatch(d -> d.contains("course mechatronics-skills: closes 16 of 28 essential "
                + "skills of mechatronics engineering technician (")), proposals.toString());
        assertTrue(proposals.stream().noneMatch(d -> d.contains("course mechatronics-bbl4")), proposals.toString());
    }

    @Test
    void onTheDiplomaTheCourseIntoTheFieldIsProposedAsBefore() throws IOException {
        List<String> proposals = courseProposals("baseline");
        assertTrue(proposals.stream().anyMatch(d -> d.contains("course mechatronics-bbl4")), proposals.toString());
        assertFalse(proposals.stream().anyMatch(d -> d.contains("course mechatronics-skills: closes")),
                "near miss: " + proposals);
    }
}
