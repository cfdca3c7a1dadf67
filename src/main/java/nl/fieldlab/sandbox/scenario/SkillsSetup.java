package nl.fieldlab.sandbox.scenario;

import java.util.Map;
import java.util.TreeMap;

import nl.fieldlab.sandbox.skills.Taxonomy;

/**
 * A scenario's skills: the taxonomy its groups and courses take skills from (null: none, and the diploma proxy
 * alone sets every gap) and how each variant's employers hire.
 *
 * @param hiring by variant name; a variant not named hires on the diploma
 */
public record SkillsSetup(Taxonomy taxonomy, Map<String, HiringSpec> hiring) {

    public static final SkillsSetup NONE = new SkillsSetup(null, Map.of());

    public SkillsSetup {
        hiring = Map.copyOf(new TreeMap<>(hiring));
    }

    /** Whether the scenario has a taxonomy. */
    public boolean active() {
        return taxonomy != null;
    }

    /** How employers hire in the variant named {@code variant}. */
    public HiringSpec hiring(String variant) {
        return hiring.getOrDefault(variant, HiringSpec.DIPLOMA);
    }
}
