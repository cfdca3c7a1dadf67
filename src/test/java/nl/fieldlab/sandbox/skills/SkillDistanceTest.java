package nl.fieldlab.sandbox.skills;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The distance is the share of the job's essential skills the worker lacks, and it names them. */
class SkillDistanceTest {

    private static final Taxonomy T = Taxonomy.shipped("esco-1.2.0-technical");
    private static final SkillSet JOB = T.skillsOf(List.of("electricity", "splice-cable", "bind-wire",
            "install-electric-switches"));
    private static final SkillSet WORKER = T.skillsOf(List.of("electricity", "splice-cable", "stack-goods"));

    @Test
    void halfTheJobsSkillsMissingIsDistanceOneHalfAndNamesThem() {
        SkillDistance.Gap g = SkillDistance.of(WORKER, JOB);
        assertEquals(0.5, g.d(), 1e-12);
        assertEquals(List.of("bind-wire", "install-electric-switches"), g.missing().ids());
        assertEquals(4, g.of());
    }

    @Test
    void skillsTheJobDoesNotAskForNeitherHelpNorHurt() {
        SkillSet more = WORKER.plus(T.skillsOf(List.of("lift-heavy-weights", "operate-forklift")));
        assertEquals(0.5, SkillDistance.of(more, JOB).d(), 1e-12);
    }

    @Test
    void theSameOccupationIsNoDistanceAndAnotherIsFar() {
        SkillSet electrician = T.occupations().get("electrician").essential();
        assertEquals(0, SkillDistance.of(electrician, electrician).d());
        // ESCO's lists barely overlap across occupations: a shop assistant has none of an electrician's
        assertEquals(1, SkillDistance.of(T.occupations().get("shop-assistant").essential(), electrician).d());
    }
}
