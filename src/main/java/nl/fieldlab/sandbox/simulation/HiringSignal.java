package nl.fieldlab.sandbox.simulation;

import nl.fieldlab.sandbox.scenario.Behaviour;
import nl.fieldlab.sandbox.scenario.HiringSpec;
import nl.fieldlab.sandbox.scenario.Scenario;
import nl.fieldlab.sandbox.skills.Taxonomy;

/**
 * Mechanism {@code hiring-signal}: what an employer sees of a candidate. Under the diploma (every employer today) it
 * sees field and education level and judges the gap by them; in a variant that hires on skills, an employer of the
 * named groups that adopts it (a share {@code skills.adoption-share}, drawn once per employer and replication) sees a
 * skills passport instead: the candidate's skills against the job's essential skills, exactly. An employer whose
 * occupation the taxonomy marks as regulated keeps the diploma, since a passport cannot replace a licence.
 */
final class HiringSignal {

    static final String ID = "hiring-signal";

    private final boolean[] seesSkills;

    HiringSignal(Behaviour b, Scenario scenario, String variant, Market market, Rng rng) {
        seesSkills = new boolean[market.employers.length];
        if (!scenario.skills().active()) {
            return;
        }
        HiringSpec hiring = scenario.skills().hiring(variant);
        double share = b.get("skills.adoption-share");
        Taxonomy taxonomy = scenario.skills().taxonomy();
        for (Market.EmployerState e : market.employers) {
            var group = scenario.employers().get(e.group);
            seesSkills[e.index] = hiring.onSkills(group.group())
                    && !taxonomy.occupations().get(group.occupation()).regulated()
                    && rng.uniform(Rng.Stream.SKILLS_ADOPTION, e.index, 0) < share;
        }
    }

    /** Whether {@code employer} judges candidates on their skills passport in this run. */
    boolean seesSkills(int employer) {
        return seesSkills[employer];
    }
}
