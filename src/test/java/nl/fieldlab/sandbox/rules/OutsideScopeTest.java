package nl.fieldlab.sandbox.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.fieldlab.sandbox.TestRuns;
import nl.fieldlab.sandbox.bench.FloorTest;
import nl.fieldlab.sandbox.domain.EmployerFacts;
import nl.fieldlab.sandbox.domain.Question;
import nl.fieldlab.sandbox.domain.WorkerFacts;

/**
 * A variant's decider hands the questions none of its exemptions covers to the baseline's decider: that is only
 * right where the baseline answers them as the variant's own rules would.
 */
public class OutsideScopeTest {

    static final int QUESTIONS = 2_000;

    @Test
    void outsideItsScopeEveryShippedExemptionAnswersAsTheBaseline() {
        RuleLibrary library = TestRuns.library();
        RuleBase baseline = RuleBase.compile(library, Variant.baseline());
        Decider reference = new Decider(baseline);
        for (Exemption e : library.exemptions()) {
            RuleBase variant = RuleBase.compile(library, new Variant(e.id(), List.of(e.id()), Map.of()));
            assertTrue(variant.answersOutsideScopeLike(baseline), e.id());
            Random random = new Random(e.id().hashCode());
            List<Question> outside = new ArrayList<>();
            List<Question> inside = new ArrayList<>();
            for (int i = 0; i < QUESTIONS; i++) {
                Question q = moved(FloorTest.question(random, variant),
                        List.of("NHN", "MRA", "ZKI").get(random.nextInt(3)), random.nextBoolean() ? 0 : 2_000_000);
                int rampUp = random.nextBoolean() ? 100 : 50 + random.nextInt(50);
                int counterfactual = random.nextBoolean() ? 0 : random.nextInt(60);
                outside.add(new Question(q.type(), q.month(), q.startYear(), variant.usage().relevant(q.type(),
                        q.worker()), q.employer(), q.course(), q.formerEmployee(), q.afterTrial(), rampUp,
                        counterfactual, Set.of(), variant.parameters(q.month(), Set.of())));
                if (!variant.inScope(q.type(), q.worker(), q.employer(), q.course(), q.month(), null).isEmpty()) {
                    inside.add(new Question(q.type(), q.month(), q.startYear(), variant.usage().relevant(q.type(),
                        q.worker()), q.employer(), q.course(), q.formerEmployee(), q.afterTrial(), rampUp,
                        counterfactual, Set.of(e.id()), variant.parameters(q.month(), Set.of(e.id()))));
                }
            }
            List<Answer> own = variant.decide(outside);
            List<Answer> base = baseline.decide(outside.stream().map(reference::asAsked).toList());
            for (int i = 0; i < QUESTIONS; i++) {
                Question q = outside.get(i);
                assertEquals(own.get(i), base.get(i), () -> e.id() + ": " + q + " worker " + q.worker());
            }
            // the near miss: in scope the same questions get other answers, so the comparison can fail
            List<Answer> covered = variant.decide(inside);
            List<Answer> uncovered = baseline.decide(inside.stream().map(reference::asAsked).toList());
            int differ = 0;
            for (int i = 0; i < inside.size(); i++) {
                if (!covered.get(i).equals(uncovered.get(i))) {
                    differ++;
                }
            }
            assertTrue(differ > 0, e.id() + " changed no answer in its scope either");
        }
    }

    /** The same question about a worker (and employer) in another region, the employer with an SROI contract. */
    private static Question moved(Question q, String region, double sroi) {
        WorkerFacts w = q.worker();
        WorkerFacts moved = new WorkerFacts(w.age(), w.status(), w.household(), w.education(), w.field(), region,
                w.wageValuePct(), w.dailyWage(), w.workHistoryYears(), w.yearsWorkedSince2016(), w.weeksWorkedLast36(),
                w.yearsWorkedLast5(), w.monthsUnemployed(), w.meetsMeansTest(), w.disabled(),
                w.illnessBenefitBefore(), w.background(), w.childUnder12(), w.earnings(), w.earningsSince(),
                w.coursePayer());
        EmployerFacts e = q.employer();
        EmployerFacts there = e == null ? null : new EmployerFacts(e.group(), e.sector(), e.field(), region,
                e.staff(), e.hourlyWage(), e.hoursPerWeek(), e.contractMonths(), e.technical(), e.shortage(),
                e.recognisedTrainingCompany(), e.trainingFund(), e.socialCooperative(), e.practiceStatementPlan(),
                sroi);
        return new Question(q.type(), q.month(), q.startYear(), moved, there, q.course(), q.formerEmployee(),
                q.afterTrial(), q.rampUpPct(), q.counterfactualPct(), q.exemptions(), q.params());
    }

    @Test
    void otherBaselineParametersOrMunicipalChoicesAreNotShared() {
        RuleLibrary library = TestRuns.library();
        RuleBase baseline = RuleBase.compile(library, Variant.baseline());
        RuleBase e1 = RuleBase.compile(library, new Variant("E1", List.of("E1"), Map.of()));
        assertTrue(e1.answersOutsideScopeLike(baseline));
        RuleBase e1Longer = e1.withVariant(new Variant("E1 longer", List.of("E1"), Map.of("ww.base-duration-months", 4.0)));
        assertFalse(e1Longer.answersOutsideScopeLike(baseline), "a baseline parameter the baseline does not share");
        assertTrue(e1Longer.answersOutsideScopeLike(baseline.withVariant(
                new Variant("baseline longer", List.of(), Map.of("ww.base-duration-months", 4.0)))));
        // an exemption's own parameter is read by its rules only, so overriding it still shares the baseline's
        String own = library.exemption("E1").parameters().keySet().stream()
                .filter(k -> !library.parameters().contains(k)).findFirst().orElseThrow();
        assertTrue(e1.withVariant(new Variant("E1 other", List.of("E1"), Map.of(own, 1.0)))
                .answersOutsideScopeLike(baseline));
        assertFalse(e1.answersOutsideScopeLike(e1), "a rule base with exemptions is no baseline");
        assertThrows(IllegalArgumentException.class, () -> new Decider(e1Longer, new Decider(baseline)));
    }

    @Test
    void anExemptionRuleWithoutItsQuestionOrABaselineRuleReadingAnExemptionsParameterIsNotShared(@TempDir Path tmp)
            throws Exception {
        Path rules = TestRuns.copyTree(Path.of("rules"), tmp.resolve("rules"));
        Path e2 = rules.resolve("exemptions/E2-longer-trial-placement.drl");
        Files.writeString(e2, Files.readString(e2) + """

                // fires for every question in a session, whatever its scope
                rule "E2-NO-QUESTION"
                    @source("test: a rule that names no question")
                when
                    InGroup( group == "UWV_BENEFIT" )
                then
                end
                """);
        RuleLibrary edited = RuleLibrary.load(rules);
        RuleBase baseline = RuleBase.compile(edited, Variant.baseline());
        assertFalse(RuleBase.compile(edited, new Variant("E2", List.of("E2"), Map.of()))
                .answersOutsideScopeLike(baseline));
        assertTrue(RuleBase.compile(edited, new Variant("E1", List.of("E1"), Map.of()))
                .answersOutsideScopeLike(baseline), "E1 has no such rule");

        Path rules2 = TestRuns.copyTree(Path.of("rules"), tmp.resolve("rules2"));
        Path trial = rules2.resolve("baseline/decisions/trial-placement.drl");
        assertTrue(Files.exists(trial), "update the test: no " + trial);
        Files.writeString(trial, Files.readString(trial) + """

                rule "TRIAL-READS-E2"
                    @source("test: a baseline rule reading an exemption's parameter")
                when
                    $q : Question( type == QuestionType.TRIAL_PLACEMENT, has("e2.trial.max-months") )
                then
                end
                """);
        RuleLibrary reading = RuleLibrary.load(rules2);
        assertFalse(RuleBase.compile(reading, new Variant("E2", List.of("E2"), Map.of()))
                .answersOutsideScopeLike(RuleBase.compile(reading, Variant.baseline())));
    }
}
