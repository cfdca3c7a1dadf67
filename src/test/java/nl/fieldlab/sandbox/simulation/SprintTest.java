package nl.fieldlab.sandbox.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.fieldlab.sandbox.TestRuns;
import nl.fieldlab.sandbox.domain.Question;
import nl.fieldlab.sandbox.domain.QuestionType;
import nl.fieldlab.sandbox.rules.Answer;
import nl.fieldlab.sandbox.rules.Decider;
import nl.fieldlab.sandbox.rules.RuleBase;
import nl.fieldlab.sandbox.rules.Variant;
import nl.fieldlab.sandbox.scenario.Scenario;
import nl.fieldlab.sandbox.scenario.ScenarioLoader;

/**
 * Mechanism case-sprint (the Techport case sprint, P3 and P4): the sprint is paid once at its start, and its output
 * exists only from its end and only in a variant that names it: the co-designed course, or carved jobs for a lower
 * wage value, which the rules judge by the wage value measured in the carved job.
 */
class SprintTest {

    @TempDir
    static Path tmp;
    static Scenario scenario;

    /**
     * A question's month is the start of its parameter period (the calendar year, by the rules' dates), so the
     * simulation tests lengthen the sprints to 13 months, ending in 2027-02: nothing of theirs may be asked in the
     * period of 2026.
     */
    static final YearMonth SECOND_PERIOD = YearMonth.of(2027, 1);

    @BeforeAll
    static void ijmond() throws IOException {
        String text = """
                id: sprint
                description: bijstand and WW clients meet installation and mechatronics firms in IJmond
                region: ZKI
                start: 2026-01
                months: 18
                seed: 11
                replications: 2
                workers:
                  - group: bijstand
                    count: 300
                    status: BIJSTAND
                    age: {min: 25, max: 55}
                    education: {NONE: 0.5, MBO1: 0.5}
                    field: retail
                    wageValue: {min: 50, max: 90}
                    monthsUnemployed: {min: 6, max: 24}
                  - group: ww
                    count: 200
                    status: WW
                    age: {min: 25, max: 60}
                    education: {MBO1: 0.5, MBO2: 0.5}
                    field: metal-production
                    dailyWage: {min: 120, max: 180}
                    workHistoryYears: {min: 5, max: 25}
                    monthsUnemployed: {min: 0, max: 4}
                employers:
                  - group: installation
                    count: 40
                    sector: installation
                    field: electrical
                    staff: 30
                    vacancyRate: 1.0
                    requiredEducation: MBO2
                    hourlyWage: 18.00
                    hoursPerWeek: 36
                    contractMonths: 12
                    technical: true
                    shortage: true
                    carving: {by: P4, share: 0.25, taskValue: 0.7, requiredEducation: NONE, hourlyWage: 14.71}
                  - group: mechatronics
                    count: 30
                    sector: metalektro
                    field: mechatronics
                    staff: 60
                    vacancyRate: 1.0
                    requiredEducation: MBO2
                    hourlyWage: 19.00
                    hoursPerWeek: 38
                    contractMonths: 12
                    technical: true
                    shortage: true
                courses:
                  - id: installer-certificate
                    field: electrical
                    level: MBO2
                    months: 9
                    route: BBL
                    credential: CERTIFICATE
                    price: 3500
                    shortageOccupation: true
                  - id: route
                    field: mechatronics
                    level: MBO2
                    months: 6
                    route: OTHER
                    credential: SECTOR_CERTIFICATE
                    price: 2400
                    shortageOccupation: true
                    offeredBy: P3
                    completion: 0.75
                variants:
                  - name: baseline
                  - name: sprint-route
                    supports: [P3]
                  - name: sprint-carving
                    supports: [P4]
                  - name: long-route
                    supports: [P3]
                    parameters: {p3.months: 13}
                  - name: long-carving
                    supports: [P4]
                    parameters: {p4.months: 13}
                """;
        Path file = tmp.resolve("sprint.yaml");
        Files.writeString(file, text);
        scenario = ScenarioLoader.load(file);
    }

    record Asked(Question q, Answer a) {
    }

    static List<Asked> asked(String variant, QuestionType type) {
        Variant v = scenario.variant(variant);
        RuleBase base = RuleBase.compile(TestRuns.library(), v);
        List<Asked> out = new ArrayList<>();
        Simulator.observe(scenario, base, 0, (q, a) -> {
            if (q.type() == type) {
                synchronized (out) {
                    out.add(new Asked(q, a));
                }
            }
        }, null);
        return out;
    }

    @Test
    void theRouteIsOfferedFromTheSprintsEndAndOnlyInTheVariantWithIt() {
        Fields fields = Fields.of(scenario);
        Market market = Market.of(scenario, fields).copy();
        RuleBase rules = RuleBase.compile(TestRuns.library(), scenario.variant("sprint-route"));
        Sprints sprints = new Sprints(rules.supports(), scenario, rules, market);
        RunTotals totals = new RunTotals(12, List.of());
        int mechatronics = fields.index("mechatronics");
        for (int m = 0; m < 4; m++) {
            sprints.month(m, totals);
            assertEquals(-1, market.courseInto(mechatronics, nl.fieldlab.sandbox.domain.Education.MBO2),
                    "month " + m + ": the sprint has not ended");
        }
        sprints.month(4, totals);
        assertEquals("route", market.courses[market.courseInto(mechatronics,
                nl.fieldlab.sandbox.domain.Education.MBO2)].id(), "offered from month 4 (2026-05)");
        assertEquals(-1, Market.of(scenario, fields).copy().courseInto(mechatronics,
                nl.fieldlab.sandbox.domain.Education.MBO2), "near miss: a run without the sprint");

        List<Asked> with = asked("long-route", QuestionType.COURSE).stream()
                .filter(x -> x.q().course().id().equals("route")).toList();
        assertFalse(with.isEmpty(), "the route is asked about after the sprint");
        assertTrue(with.stream().noneMatch(x -> x.q().month().isBefore(SECOND_PERIOD)),
                "not before the 13-month sprint's end: " + with.get(0).q().month());
        assertTrue(asked("baseline", QuestionType.COURSE).stream().noneMatch(x -> x.q().course().id().equals("route")),
                "near miss: the baseline has no sprint, so no route");
    }

    @Test
    void theSprintIsPaidOnceAtItsStartByItsPayer() {
        RunTotals t = run("sprint-route");
        assertEquals(51000, t.supportCost.get("P3"), 1e-9);
        assertEquals(51000, t.metrics().get("support.P3.cost"), 1e-9);
        assertTrue(t.metrics().get("support.P3.courseStarts") > 0, "the route started");
        RunTotals base = run("baseline");
        assertFalse(base.metrics().containsKey("support.P3.cost"), "near miss: no sprint, no cost");
    }

    @Test
    void aQuarterOfTheCarvingGroupsNewVacanciesAreCarvedFromTheSprintsEnd() {
        Fields fields = Fields.of(scenario);
        Market market = Market.of(scenario, fields).copy();
        RuleBase rules = RuleBase.compile(TestRuns.library(), scenario.variant("sprint-carving"));
        Sprints sprints = new Sprints(rules.supports(), scenario, rules, market);
        RunTotals totals = new RunTotals(12, List.of());
        Rng rng = Rng.forReplication(scenario.seed(), 0);
        Market.EmployerState installer = market.employers[0];
        Market.EmployerState mechatronics = market.employers[40];
        int n = 4000;
        for (int m = 0; m < 4; m++) {
            sprints.month(m, totals);
            for (int k = 0; k < 50; k++) {
                assertFalse(sprints.carves(installer, market.open(installer, m), m, rng), "month " + m
                        + ": the sprint has not ended");
            }
        }
        assertEquals(51000, totals.supportCost.get("P4"), 1e-9, "paid once, in month 0");
        sprints.month(4, totals);
        int carved = 0;
        for (int k = 0; k < n; k++) {
            if (sprints.carves(installer, market.open(installer, 4 + k % 8), 4 + k % 8, rng)) {
                carved++;
            }
            assertFalse(sprints.carves(mechatronics, market.open(mechatronics, 4), 4, rng),
                    "near miss: a group without carving");
        }
        double se = Math.sqrt(0.25 * 0.75 / n);
        assertEquals(0.25, carved / (double) n, 3 * se, carved + " of " + n);
        assertEquals(51000, totals.supportCost.get("P4"), 1e-9, "still paid once");
        assertEquals(-51000, totals.metrics().get("net.PROVINCE"), 1e-6, "the province pays it");
    }

    @Test
    void aCarvedJobIsJudgedByTheWageValueMeasuredInIt() {
        List<Asked> hires = asked("long-carving", QuestionType.HIRE);
        List<Asked> carved = hires.stream().filter(x -> x.q().employer().hourlyWage() == 14.71
                && x.q().employer().group().equals("installation")).toList();
        assertFalse(carved.isEmpty(), "carved jobs are proposed after the sprint");
        for (Asked x : carved) {
            assertFalse(x.q().month().isBefore(SECOND_PERIOD), "no carved job before the 13-month sprint's end");
            assertEquals(nl.fieldlab.sandbox.domain.Status.BIJSTAND, x.q().worker().status(),
                    "carved jobs are for a lower wage value: the WW workers (wage value 100) get none");
            int v = x.q().worker().wageValuePct();
            assertTrue(v >= 71 || v == 100, "a bijstand worker of wage value 50-90 measured in a 0.7 task: " + v);
        }
        assertTrue(carved.stream().anyMatch(x -> x.q().worker().wageValuePct() == 100
                && x.a().groups().stream().noneMatch(g -> g.group().equals("LKS_TARGET"))), "full wage value in the carved job: no LKS target");
        assertTrue(asked("baseline", QuestionType.HIRE).stream().noneMatch(x -> x.q().employer().hourlyWage() == 14.71
                && x.q().employer().group().equals("installation")), "near miss: no carved job without the sprint");
    }

    @Test
    void theRoutesOwnCompletionReplacesTheDefaultInProportion() {
        CourseCompletion c = new CourseCompletion(scenario.behaviour());
        assertEquals(0.75, c.chance(0, false, 0.75), 1e-12);
        assertEquals(c.chance(0.5, false) * 0.75 / c.chance(0, false), c.chance(0.5, false, 0.75), 1e-12,
                "lowered by the search duty as any course");
        assertEquals(c.chance(0.5, false), c.chance(0.5, false, Double.NaN), 1e-12, "near miss: no own share");
    }

    static RunTotals run(String variant) {
        RuleBase rules = RuleBase.compile(TestRuns.library(), scenario.variant(variant));
        Fields fields = Fields.of(scenario);
        return new Run(scenario, Market.of(scenario, fields), Simulator.population(scenario, 0), new Decider(rules),
                null, Rng.forReplication(scenario.seed(), 0), -1, null, null, null, () -> false).run();
    }
}
