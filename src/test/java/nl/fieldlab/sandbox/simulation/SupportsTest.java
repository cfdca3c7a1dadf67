package nl.fieldlab.sandbox.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.YearMonth;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import nl.fieldlab.sandbox.TestRuns;
import nl.fieldlab.sandbox.domain.Actor;
import nl.fieldlab.sandbox.domain.CoursePayer;
import nl.fieldlab.sandbox.domain.Education;
import nl.fieldlab.sandbox.domain.EmployerFacts;
import nl.fieldlab.sandbox.domain.Household;
import nl.fieldlab.sandbox.domain.QuestionType;
import nl.fieldlab.sandbox.domain.Status;
import nl.fieldlab.sandbox.domain.WorkerFacts;
import nl.fieldlab.sandbox.rules.ExemptionScope;
import nl.fieldlab.sandbox.rules.ProcessSupport;

/** A variant's process supports in a run: who falls in their scope, their caps, and their cost booked once. */
class SupportsTest {

    static final ProcessSupport P1 = TestRuns.library().supports().get("P1");
    static final YearMonth MONTH = YearMonth.of(2026, 3);

    static WorkerFacts worker(String region) {
        return new WorkerFacts(52, Status.WW, Household.SINGLE, Education.MBO2, "metal-production", region, 100, 0, 10,
                9, 0, 0, 12, true, false, false, "NONE", false, 0, 1, CoursePayer.DEFAULT);
    }

    static EmployerFacts employer(boolean technical) {
        return new EmployerFacts("g", "metalektro", "electrical", "NHN", 50, 18, 38, 12, technical, technical, false,
                "NONE", false, false, 0);
    }

    @Test
    void theWorkAmbassadorCoversTechnicalHiresInItsRegionOnly() {
        Supports s = new Supports(List.of(P1), 10);
        assertEquals(List.of(P1), s.inScope(QuestionType.HIRE, worker("NHN"), employer(true), null, MONTH, 0));
        assertEquals(List.of(), s.inScope(QuestionType.HIRE, worker("GA"), employer(true), null, MONTH, 0),
                "near miss: another region");
        assertEquals(List.of(), s.inScope(QuestionType.HIRE, worker("NHN"), employer(false), null, MONTH, 0),
                "near miss: a job that is not technical");
        assertEquals(List.of(), s.inScope(QuestionType.COURSE, worker("NHN"), employer(true), null, MONTH, 0),
                "near miss: a course");
        assertEquals(List.of(), s.inScope(QuestionType.HIRE, worker("NHN"), employer(true), null,
                YearMonth.of(2029, 1), 0), "near miss: after its period");
    }

    @Test
    void aParticipantIsChargedOnceAndOnlyWhenTheSupportCoveredASchemeOfTheCase() {
        Supports s = new Supports(List.of(P1), 10);
        RunTotals totals = new RunTotals(12, List.of());
        s.started(List.of(P1), Set.of("slim"), 3, 0, totals);
        assertEquals(null, totals.supportParticipants.get("P1"), "a scheme it does not cover: it did nothing");
        s.started(List.of(P1), Set.of("lkv", "no-risk"), 3, 0, totals);
        s.started(List.of(P1), Set.of("lkv"), 3, 5, totals);
        assertEquals(1, totals.supportParticipants.get("P1"), "the same worker again is the same participant");
        assertEquals(P1.costPerParticipant(), totals.supportCost.get("P1"), 1e-9);
        assertEquals(List.of(P1), s.joined(3));
        assertEquals(List.of(), s.joined(4));
        assertEquals(-P1.costPerParticipant(), totals.metrics().get(Metrics.NET_PREFIX + Actor.PROVINCE.name()),
                1e-9, "the province pays it");
    }

    @Test
    void aFullParticipantsCapTakesNoOneNew() {
        ExemptionScope capped = new ExemptionScope(Set.of(), Set.of(), Set.of(), 0, 0, false, null, null, 0, 0, 2,
                false);
        ProcessSupport two = new ProcessSupport("P2", "two places", ProcessSupport.Kind.CASE_SUPPORT, Actor.EMPLOYER,
                List.of("all"), 0.5, 1, capped, 100, Actor.MUNICIPALITY, "test", "P2.yaml");
        Supports s = new Supports(List.of(two), 10);
        RunTotals totals = new RunTotals(12, List.of());
        for (int worker = 0; worker < 3; worker++) {
            List<ProcessSupport> in = s.inScope(QuestionType.HIRE, worker("NHN"), employer(true), null, MONTH, worker);
            s.started(in, Set.of("lkv"), worker, 0, totals);
        }
        assertEquals(2, totals.supportParticipants.get("P2"));
        assertEquals(200, totals.supportCost.get("P2"), 1e-9);
        assertEquals(List.of(two), s.inScope(QuestionType.HIRE, worker("NHN"), employer(true), null, MONTH, 1),
                "one who takes part keeps its help");
        assertTrue(s.inScope(QuestionType.HIRE, worker("NHN"), employer(true), null, MONTH, 2).isEmpty(), "full");
    }
}
