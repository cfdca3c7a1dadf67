package nl.fieldlab.sandbox.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
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
import nl.fieldlab.sandbox.domain.Actor;
import nl.fieldlab.sandbox.domain.EmployerFacts;
import nl.fieldlab.sandbox.domain.Question;
import nl.fieldlab.sandbox.domain.QuestionType;
import nl.fieldlab.sandbox.rules.Decider;
import nl.fieldlab.sandbox.rules.RuleBase;
import nl.fieldlab.sandbox.scenario.Scenario;
import nl.fieldlab.sandbox.scenario.ScenarioLoader;

/**
 * Mechanism cooperative-employer (P5, Sociale Coöperatie Kennemerland): a member firm's hire of a worker in scope is
 * the cooperative's (its contract, all member firms' staff), the firm pays a fee and takes no bad-match risk, a member
 * whose placement ends waits on the cooperative's bench at its cost, and the cooperative's money shows as its own.
 */
class CooperativeTest {

    @TempDir
    static Path tmp;
    static Scenario scenario;

    @BeforeAll
    static void kennemerland() throws IOException {
        String text = """
                id: coop
                description: long-term bijstand clients meet member firms of the social cooperative
                region: ZKI
                start: 2026-01
                months: 24
                seed: 13
                replications: 2
                workers:
                  - group: bijstand
                    count: 400
                    status: BIJSTAND
                    age: {min: 25, max: 55}
                    education: {MBO1: 0.5, MBO2: 0.5}
                    field: logistics
                    wageValue: 100
                    monthsUnemployed: {min: 12, max: 36}
                employers:
                  - group: members
                    count: 30
                    sector: logistics
                    field: logistics
                    staff: 40
                    vacancyRate: 0.5
                    requiredEducation: MBO1
                    hourlyWage: 14.71
                    hoursPerWeek: 32
                    contractMonths: 6
                    socialCooperative: true
                  - group: others
                    count: 30
                    sector: logistics
                    field: logistics
                    staff: 60
                    vacancyRate: 0.5
                    requiredEducation: MBO1
                    hourlyWage: 15.20
                    hoursPerWeek: 36
                    contractMonths: 6
                variants:
                  - name: baseline
                  - name: coop
                    supports: [P5]
                """;
        Path file = tmp.resolve("coop.yaml");
        Files.writeString(file, text);
        scenario = ScenarioLoader.load(file);
    }

    static RuleBase rules(String variant) {
        return RuleBase.compile(TestRuns.library(), scenario.variant(variant));
    }

    @Test
    void aMemberFirmsHireIsTheCooperativesWithItsContractAndPooledStaff() {
        List<Question> hires = new ArrayList<>();
        Simulator.observe(scenario, rules("coop"), 0, (q, a) -> {
            if (q.type() == QuestionType.HIRE) {
                synchronized (hires) {
                    hires.add(q);
                }
            }
        }, null);
        List<Question> pooled = hires.stream().filter(q -> q.employer().group().equals("members")).toList();
        assertFalse(pooled.isEmpty());
        for (Question q : pooled) {
            assertEquals(30 * 40, q.employer().staff(), "the staff of all member firms");
            assertEquals(12, q.employer().contractMonths(), "the cooperative's contract (p5.contract-months)");
        }
        assertTrue(hires.stream().filter(q -> q.employer().group().equals("others"))
                .allMatch(q -> q.employer().staff() == 60), "near miss: a firm that is no member hires itself");
        List<Question> base = new ArrayList<>();
        Simulator.observe(scenario, rules("baseline"), 0, (q, a) -> {
            if (q.type() == QuestionType.HIRE && q.employer().group().equals("members")) {
                synchronized (base) {
                    base.add(q);
                }
            }
        }, null);
        assertTrue(!base.isEmpty() && base.stream().allMatch(q -> q.employer().staff() == 40
                && q.employer().contractMonths() == 6), "near miss: without P5 the member firm is the employer");
    }

    @Test
    void theFirmPaysTheEmployerCostPlusTheMarkupAndKeepsNoSubsidyWithoutPassThrough() {
        Market market = Market.of(scenario, Fields.of(scenario)).copy();
        Cooperative c = new Cooperative(rules("coop").supports(), scenario, rules("coop"), market, 400);
        assertEquals(1000 + 0.10 * 2000, c.fee(1000, 2000), 1e-9, "pass-through 1: the subsidy (1000) reaches the firm");
        assertEquals(0.08, c.separation(0.1), 1e-12, "shared coaching: a fifth fewer separations");
        Hiring h = new Hiring(scenario.behaviour());
        Hiring.Offer firmCarries = new Hiring.Offer(1, 2000, 2200, 0, false, false, 0);
        Hiring.Offer coopCarries = new Hiring.Offer(1, 2000, 2200, 0, false, false, 0, true);
        assertEquals(2000, h.worth(coopCarries), 1e-9, "the firm pays no sick hours: worth and cost lose them alike");
        assertTrue(h.worth(firmCarries) < 2000, "near miss: a firm that employs the worker itself expects sickness");
        RuleBase kept = rules("coop").withVariant(scenario.variant("coop").withParameters(
                java.util.Map.of("p5.pass-through", 0.0)));
        Cooperative keeps = new Cooperative(kept.supports(), scenario, kept, Market.of(scenario, Fields.of(scenario))
                .copy(), 400);
        assertEquals(1000 + 200 + 1000, keeps.fee(1000, 2000), 1e-9, "pass-through 0: the cooperative keeps it");
        EmployerFacts firm = market.employers[0].facts;
        EmployerFacts asked = c.employerFor(0, firm, SupportsTest.worker("ZKI").withWageValuePct(100), YearMonth.of(2026, 3));
        assertTrue(c.employs(asked, 0));
        assertSame(asked, c.employerFor(0, firm, SupportsTest.worker("ZKI"), YearMonth.of(2026, 3)));
        assertEquals(0, market.indexOf(asked), "its questions name the member firm's place in the market");
        assertSame(firm, c.employerFor(0, firm, SupportsTest.worker("GA"), YearMonth.of(2026, 3)),
                "near miss: a worker outside its region");
        assertFalse(c.employs(market.employers[30].facts, 30), "near miss: a firm that is no member");
    }

    @Test
    void theCooperativePlacesRotatesAndCarriesItsBench() {
        RuleBase rules = rules("coop");
        RunTotals t = new Run(scenario, Market.of(scenario, Fields.of(scenario)), Simulator.population(scenario, 0),
                new Decider(rules), null, Rng.forReplication(scenario.seed(), 0), -1, null, null, null, () -> false)
                .run();
        var m = t.metrics();
        assertTrue(m.get("support.P5.placements") > 0, "placements");
        assertTrue(m.get("support.P5.benchMonths") > 0, "placements end and members wait on the bench");
        assertTrue(m.get("support.P5.rotations") + m.get("support.P5.dismissals") > 0,
                "a member leaves the bench: placed again or let go");
        assertNotNull(m.get("net.COOPERATIVE"));
        assertTrue(t.paid(Actor.COOPERATIVE, Actor.WORKER, nl.fieldlab.sandbox.domain.PaymentType.WAGE) > 0,
                "the cooperative pays the bench wage");
        assertTrue(t.paid(Actor.EMPLOYER, Actor.COOPERATIVE, nl.fieldlab.sandbox.domain.PaymentType.PLACEMENT_FEE)
                > 0, "the firms pay the markup");
        assertTrue(t.paid(Actor.MUNICIPALITY, Actor.COOPERATIVE, nl.fieldlab.sandbox.domain.PaymentType.IMPLEMENTATION)
                > 0, "the municipality pays the coordination of bijstand entrants");
        RunTotals base = new Run(scenario, Market.of(scenario, Fields.of(scenario)), Simulator.population(scenario, 0),
                new Decider(rules("baseline")), null, Rng.forReplication(scenario.seed(), 0), -1, null, null, null,
                () -> false).run();
        assertEquals(0, base.metrics().get("net.COOPERATIVE"), 1e-9, "near miss: no cooperative employer, no money");
    }
}
