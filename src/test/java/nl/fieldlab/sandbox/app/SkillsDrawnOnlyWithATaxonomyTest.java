package nl.fieldlab.sandbox.app;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import nl.fieldlab.sandbox.TestRuns;
import nl.fieldlab.sandbox.scenario.RobustnessSpec;

/**
 * A robustness run draws the skills values only where they act, in a scenario with a skills taxonomy: elsewhere a
 * draw of them would only move every other value's draw (the default scenario's robustness section changed when the
 * two values were added, before this rule).
 */
class SkillsDrawnOnlyWithATaxonomyTest {

    private static final RobustnessSpec ALL = new RobustnessSpec(8, 2, null, Map.of());

    private static List<String> drawn(String scenario, RobustnessSpec spec) {
        return ParameterSpace.of(TestRuns.scenario(scenario), spec).drawn().stream().map(ParameterSpace.Drawn::name)
                .toList();
    }

    @Test
    void aScenarioWithoutSkillsDoesNotDrawThem() {
        List<String> names = drawn("scenarios/smoke.yaml", ALL);
        assertFalse(names.contains("skills.adoption-share"), names.toString());
        assertFalse(names.contains("skills.small-gap-distance"), names.toString());
        assertTrue(names.contains("match.quality-sd"), "other ranged values still are");
    }

    @Test
    void aSkillsScenarioDrawsThemAndABlockThatNamesOneDrawsItAnywhere() {
        List<String> names = drawn("scenarios/house-of-skills.yaml", ALL);
        assertTrue(names.contains("skills.adoption-share") && names.contains("skills.small-gap-distance"),
                names.toString());
        assertTrue(drawn("scenarios/smoke.yaml", new RobustnessSpec(8, 2, List.of("skills.adoption-share"), Map.of()))
                .contains("skills.adoption-share"), "near miss: named in the block");
    }
}
