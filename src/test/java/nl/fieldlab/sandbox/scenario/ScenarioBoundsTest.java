package nl.fieldlab.sandbox.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.fieldlab.sandbox.app.Workbench;
import nl.fieldlab.sandbox.input.InputError;
import nl.fieldlab.sandbox.input.InputErrors;

/**
 * The ranges of a scenario's values: what the tester found accepted (a wage of 1e308, negative practice hours, a
 * misspelt training fund or background, 20,000 one-worker groups) is refused with the nearest valid value, and what
 * real use needs (every shipped scenario, 1,000,000 workers, 10,000 replications, 240 months) still loads.
 */
class ScenarioBoundsTest {

    static final String SMOKE = "scenarios/smoke.yaml";

    @TempDir
    Path dir;

    Path smokeWith(String from, String to) throws IOException {
        String text = Files.readString(Path.of(SMOKE));
        assertTrue(text.contains(from), from);
        Path f = dir.resolve("s.yaml");
        Files.writeString(f, text.replace(from, to));
        return f;
    }

    static String problems(InputError e) {
        return e instanceof InputErrors many ? String.join("\n", many.problems().stream().map(InputError::getMessage)
                .toList()) : e.getMessage();
    }

    @Test
    void aWageOf1e308IsRefusedWithTheMostThereIs() throws IOException {
        InputError e = assertThrows(InputError.class,
                () -> ScenarioLoader.load(smokeWith("hourlyWage: 18.00", "hourlyWage: 1e308")));
        assertTrue(problems(e).contains("s.yaml:35: employers[0].hourlyWage: expected 1 to 500 euro an hour, got "
                + "1.0E308 (at most 500)"), problems(e));
    }

    @Test
    void negativePracticeHoursAreRefusedWithTheLeastThereIs() throws IOException {
        InputError e = assertThrows(InputError.class, () -> ScenarioLoader.load(smokeWith("    kansberoep: true\n",
                "    kansberoep: true\n    practiceHoursPerYear: -610\n")));
        assertTrue(problems(e).contains("courses[0].practiceHoursPerYear: expected 0 to 2,080 hours a year, got -610 "
                + "(at least 0)"), problems(e));
    }

    @Test
    void twentyThousandOneWorkerGroupsAreRefusedAtOnce() throws IOException {
        StringBuilder groups = new StringBuilder("workers:\n");
        for (int i = 0; i < 20_000; i++) {
            groups.append("  - {group: g").append(i).append(", count: 1, status: WW, age: 30, education: {MBO2: 1}, ")
                    .append("field: x}\n");
        }
        Path f = smokeWith("workers:\n", groups.toString());
        InputError e = assertThrows(InputError.class, () -> ScenarioLoader.load(f));
        assertTrue(problems(e).contains("workers: 20,002 worker groups; at most 200 (a report lists each one)"),
                problems(e));
    }

    @Test
    void wordsTheRulesDoNotUseAreRefusedWithTheNearest() throws IOException {
        Workbench workbench = new Workbench("rules", dir.resolve("reports").toString(), List.of());
        InputError fund = assertThrows(InputError.class, () -> workbench.readScenario(smokeWith(
                "    practiceStatementPlan: true\n", "    practiceStatementPlan: true\n    trainingFund: OTBI\n")));
        assertTrue(problems(fund).contains("employers[0].trainingFund: no rule knows trainingFund 'OTBI' (did you "
                + "mean 'OTIB'?)"), problems(fund));
        InputError background = assertThrows(InputError.class, () -> workbench.readScenario(smokeWith(
                "    field: retail\n    wageValue", "    field: retail\n    background: VS0\n    wageValue")));
        assertTrue(problems(background).contains("workers[1].background: no rule knows background 'VS0' (did you mean"
                + " 'VSO'"), problems(background));
    }

    @Test
    void aBoundProblemDoesNotHideTheOthers() throws IOException {
        Path f = smokeWith("hourlyWage: 18.00", "hourlyWage: -3");
        Files.writeString(f, Files.readString(f).replace("group: bijstand", "group: ww"));
        InputError e = assertThrows(InputError.class, () -> ScenarioLoader.load(f));
        assertTrue(problems(e).contains("employers[0].hourlyWage: expected 1 to 500 euro an hour, got -3 (at least 1)"),
                problems(e));
        assertTrue(problems(e).contains("workers[1].group: group 'ww' is used twice"), problems(e));
    }

    @Test
    void realUseFitsTheBounds() throws IOException {
        Scenario big = ScenarioLoader.load(smokeWith("count: 60", "count: 1000000"));
        assertEquals(1_000_040, big.workerCount());
        Path f = smokeWith("replications: 3", "replications: 10000");
        Files.writeString(f, Files.readString(f).replace("months: 6\n", "months: 240\n"));
        Scenario many = ScenarioLoader.load(f);
        assertEquals(10_000, many.replications());
        assertEquals(240, many.months());
    }

    @Test
    void everyShippedScenarioAndTableLoadsAgainstTheRules() throws IOException {
        Workbench workbench = new Workbench("rules", dir.resolve("reports").toString(), List.of());
        List<Path> files;
        try (Stream<Path> s = Files.walk(Path.of("scenarios"))) {
            files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        int scenarios = 0;
        for (Path p : files) {
            String name = p.getFileName().toString();
            if (name.equals("evidence.yaml")) {
                assertFalse(EvidenceTable.load(p).rows().isEmpty());
            } else if (name.equals("calibration.yaml")) {
                assertFalse(CalibrationTargets.load(p).targets().isEmpty());
            } else {
                workbench.readScenario(p);
                scenarios++;
            }
        }
        assertTrue(scenarios >= 12, "scenarios read: " + scenarios);
    }

    @Test
    void anEvidenceRowWithANegativeHorizonOrAnUnknownCountIsRefused() throws IOException {
        String table = Files.readString(Path.of("scenarios/evidence.yaml"));
        Path f = dir.resolve("evidence.yaml");
        Files.writeString(f, table.replaceFirst("horizon-months: 48", "horizon-months: -48")
                .replaceFirst("per: coached", "per: couched"));
        InputError e = assertThrows(InputError.class, () -> EvidenceTable.load(f));
        assertTrue(problems(e).contains("horizon-months: expected 1 to 600 months, got -48 (at least 1)"), problems(e));
        assertTrue(problems(e).contains("check.per: expected workers, coached, group:<GROUP> or "
                + "participants:<EXEMPTION>, got 'couched'"), problems(e));
    }
}
