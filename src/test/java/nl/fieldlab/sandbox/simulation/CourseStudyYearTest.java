package nl.fieldlab.sandbox.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.fieldlab.sandbox.TestRuns;
import nl.fieldlab.sandbox.domain.Actor;
import nl.fieldlab.sandbox.domain.PaymentType;
import nl.fieldlab.sandbox.domain.Question;
import nl.fieldlab.sandbox.rules.Answer;
import nl.fieldlab.sandbox.rules.RuleBase;
import nl.fieldlab.sandbox.rules.Variant;
import nl.fieldlab.sandbox.scenario.Scenario;
import nl.fieldlab.sandbox.scenario.ScenarioLoader;

/**
 * A course's later study years are paid by whoever pays when they fall due, through the simulation: a worker whose own
 * employer pays the first year and who is laid off in it pays the second year on WW (the former employer does not),
 * and the state's funding of the MBO school, like the fees, stops when the course ends early.
 */
class CourseStudyYearTest {

    @TempDir
    static Path tmp;

    private static Scenario scenario;
    private static Scenario lateStart;
    private static RuleBase baseline;
    private static RuleBase e3;

    /** One worker's traced path: events and the payments booked for them, by simulated month. */
    private record Event(int month, String kind) {
    }

    private record Paid(int month, int spellMonth, Answer.PaymentLine line) {
    }

    private static final class Path1 implements Trace {
        final List<Event> events = new ArrayList<>();
        final List<Paid> paid = new ArrayList<>();

        @Override
        public void event(int month, String kind, String detail, String mechanism, Question question, Answer answer) {
            events.add(new Event(month, kind));
        }

        @Override
        public void paid(int month, int spellMonth, Answer.PaymentLine line) {
            paid.add(new Paid(month, spellMonth, line));
        }

        int first(String kind) {
            return events.stream().filter(e -> e.kind().equals(kind)).mapToInt(Event::month).min().orElse(-1);
        }

        /** The course fees and grants booked, for a failure message. */
        List<Paid> training() {
            return paid.stream().filter(p -> p.line().type().category() == PaymentType.Category.TRAINING).toList();
        }

        double total(PaymentType type, Actor payer, int fromMonth) {
            return paid.stream().filter(p -> p.line().type() == type && p.line().payer() == payer
                    && p.month() >= fromMonth).mapToDouble(p -> p.line().amount()).sum();
        }
    }

    /**
     * Workers at risk whose own employer pays their course, laid off often, meeting firms that hire (so that some
     * leave their course for a job) and offer an 18-month BBL level-3 course: two study years, EUR 715 each.
     */
    @BeforeAll
    static void scenarios() throws IOException {
        scenario = scenario("study-years", "NHN", "2026-01", "0.06", "OWN_EMPLOYER");
        // E3's learning account (MRA, 2026-01 to 2028-12) for workers who pay their own course, starting in its last
        // year: the second study year of a course begun in 2028 falls due after the exemption's period
        lateStart = scenario("late-start", "GA", "2028-01", "0.0", "WORKER");
        baseline = RuleBase.compile(TestRuns.library(), Variant.baseline());
        e3 = RuleBase.compile(TestRuns.library(), new Variant("E3", List.of("E3"), java.util.Map.of()));
    }

    private static Scenario scenario(String id, String region, String start, String layoffRate, String payer)
            throws IOException {
        String text = """
                id: %s
                description: at-risk workers in a BBL course of two study years
                region: %s
                start: %s
                months: 36
                seed: 11
                replications: 2
                workers:
                  - group: employed-print-at-risk
                    count: 300
                    status: EMPLOYED
                    age: {min: 30, max: 55}
                    education: {MBO2: 1.0}
                    field: print-production
                    dailyWage: {min: 120, max: 200}
                    workHistoryYears: {min: 8, max: 30}
                    layoffRate: %s
                    coursePayer: %s
                employers:
                  - group: installation
                    count: 30
                    sector: installation
                    field: electrical
                    staff: 40
                    vacancyRate: 1.0
                    requiredEducation: MBO3
                    hourlyWage: 18.50
                    hoursPerWeek: 38
                    contractMonths: 12
                    technical: true
                    shortage: true
                    recognisedTrainingCompany: false
                    trainingFund: OTIB
                  - group: print
                    count: 10
                    sector: retail
                    field: print-production
                    staff: 20
                    vacancyRate: 0.5
                    requiredEducation: MBO2
                    hourlyWage: 16.00
                    hoursPerWeek: 38
                    contractMonths: 12
                    technical: false
                    shortage: false
                    recognisedTrainingCompany: false
                    trainingFund: NONE
                courses:
                  - id: electrician-bbl3
                    field: electrical
                    level: MBO3
                    months: 18
                    route: BBL
                    credential: DIPLOMA
                    price: 7500
                    shortageOccupation: true
                    kansberoep: true
                    practiceHoursPerYear: 610
                    supervisedHoursPerYear: 200
                    developmentPath: true
                behaviour:
                  takeup.exemption.awareness: 1   # the study years' payments are the point here, not who knows E3
                variants:
                  - name: baseline
                """.formatted(id, region, start, layoffRate, payer);
        Path file = tmp.resolve(id + ".yaml");
        Files.writeString(file, text);
        return ScenarioLoader.load(file);
    }

    private static Path1 trace(Scenario s, RuleBase rules, int worker) {
        Path1 p = new Path1();
        Simulator.trace(s, rules, 0, worker, p);
        return p;
    }

    /** The first worker (in id order) whose path {@code wanted} accepts, or null after {@code limit} workers. */
    private static Path1 firstWorker(java.util.function.Predicate<Path1> wanted, int limit) {
        return firstWorker(scenario, baseline, wanted, limit);
    }

    private static Path1 firstWorker(Scenario s, RuleBase rules, java.util.function.Predicate<Path1> wanted,
            int limit) {
        for (int id = 0; id < limit; id++) {
            Path1 p = trace(s, rules, id);
            if (wanted.test(p)) {
                return p;
            }
        }
        return null;
    }

    @Test
    void aWorkerLaidOffInTheFirstStudyYearPaysTheSecondNotTheFormerEmployer() {
        // laid off after the course began and before its second study year (course month 13) began, still in the
        // course when that year began (asked again then); since dismissals are announced with a notice period, a
        // layoff in the first study year of a course that also completes within 36 months is rare in this population
        Path1 p = firstWorker(x -> {
            int start = x.first("course started");
            int laidOff = x.first("laid off");
            return start >= 0 && laidOff > start && laidOff < start + 12 && x.first("course re-assessed") >= start + 12;
        }, 300);
        assertNotNull(p, "no worker was laid off during the first study year of a course they completed");
        int start = p.first("course started");
        assertEquals(715, p.total(PaymentType.COURSE_FEE, Actor.EMPLOYER, start) - p.total(PaymentType.COURSE_FEE,
                Actor.EMPLOYER, start + 1), 0.005, "the own employer pays the first study year");
        assertEquals(0, p.total(PaymentType.COURSE_FEE, Actor.EMPLOYER, start + 1), 0.005,
                "the former employer paid a study year that fell due after the layoff: " + p.training());
        assertEquals(715, p.total(PaymentType.COURSE_FEE, Actor.WORKER, start + 12), 0.005,
                "on WW the worker pays the second study year (no UWV training budget for WW)");
    }

    @Test
    void theStatesFundingOfTheSchoolStopsWhenTheCourseEndsEarly() {
        // left the course for a job during the first study year
        Path1 p = firstWorker(x -> {
            int start = x.first("course started");
            int dropped = x.first("course dropped");
            return start >= 0 && dropped > start && dropped < start + 12;
        }, 300);
        assertNotNull(p, "no worker left a course during its first study year");
        int start = p.first("course started");
        // the school's funding: 7,500 less the fees of two study years (1,430), 3,035 a study year
        assertEquals(3035, p.total(PaymentType.TRAINING_GRANT, Actor.STATE, start), 0.005,
                "the state funded the school for study years the worker never began: " + p.training());
        assertEquals(0, p.total(PaymentType.COURSE_FEE, Actor.EMPLOYER, start + 1)
                + p.total(PaymentType.COURSE_FEE, Actor.WORKER, start + 1), 0.005, "a fee after the dropout");
        // the hire of the dropout month, not the worker's first hire (which may precede the course)
        int dropped = p.first("course dropped");
        assertTrue(p.events.stream().anyMatch(e -> e.kind().equals("hired") && e.month() == dropped),
                "the course was left for a job");
    }

    @Test
    void anExemptionInForceWhenTheCourseBeganPaysItsLaterStudyYears() {
        // a course begun in 2028 under E3 and completed: its second study year falls due in 2029; a worker who claimed
        // the learning account for the first study year (mechanism take-up: not every worker knows it or asks)
        Path1 p = firstWorker(lateStart, e3, x -> {
            int start = x.first("course started");
            return start >= 0 && start < 12 && x.first("course completed") > start
                    && x.total(PaymentType.TRAINING_GRANT, Actor.PROVINCE, start) > 0;
        }, 300);
        assertNotNull(p, "no worker completed a course begun in 2028");
        int start = p.first("course started");
        assertEquals(715, p.total(PaymentType.COURSE_FEE, Actor.WORKER, start + 12), 0.005,
                "the worker pays the second study year: " + p.training());
        assertEquals(715, p.total(PaymentType.TRAINING_GRANT, Actor.PROVINCE, start + 12), 0.005,
                "the learning account granted in 2028 pays the second study year, due after E3's period: "
                        + p.training());
    }
}
