package nl.fieldlab.sandbox.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.fieldlab.sandbox.TestRuns;
import nl.fieldlab.sandbox.domain.Actor;
import nl.fieldlab.sandbox.domain.CoursePayer;
import nl.fieldlab.sandbox.domain.PaymentType;
import nl.fieldlab.sandbox.domain.Question;
import nl.fieldlab.sandbox.domain.QuestionType;
import nl.fieldlab.sandbox.domain.Status;
import nl.fieldlab.sandbox.rules.Answer;
import nl.fieldlab.sandbox.rules.RuleBase;
import nl.fieldlab.sandbox.rules.Variant;
import nl.fieldlab.sandbox.scenario.Scenario;
import nl.fieldlab.sandbox.scenario.ScenarioLoader;

/**
 * Who pays a course and who collects for it, through the simulation: a firm whose vacancy a worker contacted, and
 * that never employs them, neither pays the course nor collects the grants for it; the fee comes from the payer the
 * worker's group names where the law allows it.
 */
class CoursePayerTest {

    @TempDir
    Path tmp;

    /** Workers at risk in a declining occupation meet metalektro and installation firms with sector funds. */
    private Scenario atRisk(String coursePayer) throws IOException {
        String text = """
                id: at-risk
                description: employed workers at risk meet technical firms with sector training funds
                region: NHN
                start: 2026-01
                months: 24
                seed: 5
                replications: 2
                workers:
                  - group: employed-print-at-risk
                    count: 400
                    status: EMPLOYED
                    age: {min: 30, max: 55}
                    education: {MBO2: 0.6, MBO3: 0.4}
                    field: print-production
                    dailyWage: {min: 120, max: 200}
                    workHistoryYears: {min: 8, max: 30}
                    layoffRate: 0.0
                """ + (coursePayer == null ? "" : "    coursePayer: " + coursePayer + "\n") + """
                employers:
                  - group: mechatronics
                    count: 30
                    sector: metalektro
                    field: mechatronics
                    staff: 80
                    vacancyRate: 1.0
                    requiredEducation: MBO3
                    hourlyWage: 19.20
                    hoursPerWeek: 38
                    contractMonths: 0
                    technical: true
                    shortage: true
                    recognisedTrainingCompany: true
                    trainingFund: AO-METALEKTRO
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
                    recognisedTrainingCompany: true
                    trainingFund: OTIB
                courses:
                  - id: mechatronics-bbl3
                    field: mechatronics
                    level: MBO3
                    months: 15
                    route: BBL
                    credential: DIPLOMA
                    price: 7000
                    shortageOccupation: true
                    practiceHoursPerYear: 610
                    supervisedHoursPerYear: 200
                    developmentPath: true
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
                variants:
                  - name: baseline
                """;
        Path file = tmp.resolve("at-risk-" + coursePayer + ".yaml");
        Files.writeString(file, text);
        return ScenarioLoader.load(file);
    }

    private record Asked(Question q, Answer a) {
    }

    private static List<Asked> courses(Scenario s) {
        RuleBase base = RuleBase.compile(TestRuns.library(), Variant.baseline());
        List<Asked> out = new ArrayList<>();
        Simulator.observe(s, base, 0, (q, a) -> {
            if (q.type() == QuestionType.COURSE) {
                synchronized (out) {
                    out.add(new Asked(q, a));
                }
            }
        }, null);
        return out;
    }

    private static Set<Actor> feePayers(Answer a) {
        Set<Actor> payers = new TreeSet<>();
        a.payments().stream().filter(p -> p.type() == PaymentType.COURSE_FEE && p.amount() > 0)
                .forEach(p -> payers.add(p.payer()));
        return payers;
    }

    @Test
    void aFirmWhoseVacancyLedToACourseNeitherPaysItNorCollectsItsGrants() throws IOException {
        List<Asked> asked = courses(atRisk(null));
        assertTrue(asked.size() > 20, "the workers at risk start courses to move on: " + asked.size());
        long ownInitiative = asked.stream().filter(x -> x.q().worker().coursePayer() == CoursePayer.WORKER).count();
        assertTrue(ownInitiative > 0 && ownInitiative < asked.size(), "courses sought on one's own initiative and "
                + "after a vacancy's contact both occur: " + ownInitiative + " of " + asked.size());
        for (Asked x : asked) {
            assertEquals(null, x.q().employer(), "a course question names a firm that does not employ the worker: "
                    + x.q());
            // a course sought on the worker's own initiative (mechanism learning-while-employed) is theirs to pay;
            // one the employer must enable for keeping the employee is the own employer's
            Set<Actor> payer = x.q().worker().coursePayer() == CoursePayer.WORKER ? Set.of(Actor.WORKER)
                    : Set.of(Actor.EMPLOYER);
            assertEquals(payer, feePayers(x.a()), "who pays: " + x.q());
            for (Answer.PaymentLine p : x.a().payments()) {
                assertTrue(!(p.type() == PaymentType.TRAINING_GRANT && p.payee() == Actor.EMPLOYER),
                        "a grant for the course went to an employer: " + p);
                assertTrue(p.payer() != Actor.TRAINING_FUND, "a sector fund paid for a non-member's course: " + p);
            }
        }
    }

    @Test
    void theGroupsChoiceOfPayerIsWhoPays() throws IOException {
        List<Asked> asked = courses(atRisk("WORKER"));
        assertTrue(asked.size() > 20, "courses asked: " + asked.size());
        for (Asked x : asked) {
            assertEquals(CoursePayer.WORKER, x.q().worker().coursePayer(), "the mapper passes the group's choice");
            assertEquals(Set.of(Actor.WORKER), feePayers(x.a()), "the worker pays: " + x.q());
        }
    }

    @Test
    void aSectorFundThatIsNotTheWorkersFallsBackToWhatTheLawHas() throws IOException {
        // the at-risk worker's own employer is outside the simulation and pays into no known fund
        for (Asked x : courses(atRisk("SECTOR_FUND"))) {
            assertEquals(Set.of(Actor.EMPLOYER), feePayers(x.a()), "the own employer pays, not a fund: " + x.q());
        }
    }

    @Test
    void onlyAnEmployerThatEmploysTheWorkerIsOnACourseQuestion() {
        // the default scenario, smaller and shorter: WW recipients meet training companies (paid apprenticeships)
        Scenario s = TestRuns.scenario("scenarios/default.yaml").scaled(0.2).withMonths(24);
        List<Asked> asked = courses(s);
        long withEmployer = asked.stream().filter(x -> x.q().employer() != null).count();
        assertTrue(withEmployer > 0, "no apprenticeship was asked about, so the check proves nothing");
        assertTrue(asked.size() > withEmployer, "no course out of work was asked about");
        for (Asked x : asked) {
            if (x.q().employer() != null) {
                assertEquals(Status.EMPLOYED, x.q().worker().status(),
                        "an employer on a course question of someone it does not employ: " + x.q());
            }
            for (Answer.PaymentLine p : x.a().payments()) {
                if (p.payee() == Actor.EMPLOYER) {
                    assertTrue(x.q().employer() != null, "an employer collected for a course it has no part in: " + p);
                }
            }
        }
    }
}
