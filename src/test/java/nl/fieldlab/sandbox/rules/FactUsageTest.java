package nl.fieldlab.sandbox.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import nl.fieldlab.sandbox.TestRuns;
import nl.fieldlab.sandbox.cases.RuleCase;
import nl.fieldlab.sandbox.cases.RuleCaseLoader;
import nl.fieldlab.sandbox.domain.Question;
import nl.fieldlab.sandbox.domain.QuestionType;
import nl.fieldlab.sandbox.domain.WorkerFacts;

/**
 * The simulator asks the rules with only the facts they can read (and ages only by band). That must never change
 * an answer: checked on every rule case, and on every age from 15 to 67 for each case's worker.
 */
class FactUsageTest {

    @Test
    void ageComparedWithParametersIsBanded() {
        Map<String, double[]> values = Map.of("a", new double[] {27}, "b", new double[] {21, 22});
        assertEquals(Set.of(27), FactUsage.ageBreaks("$q : Question( worker.age < p(\"a\") )", values::get));
        assertEquals(Set.of(27), FactUsage.ageBreaks("double x = $q.worker().age() >= $q.p(\"a\") ? 1 : 0;", values::get));
        assertEquals(Set.of(22, 23), FactUsage.ageBreaks("Question( worker.age <= p(\"b\") )", values::get));
    }

    @Test
    void ageUsedOtherwiseIsExact() {
        Map<String, double[]> values = Map.of("a", new double[] {21});
        assertNull(FactUsage.ageBreaks("Question( worker.age < p(\"a\") ) then $q.p(\"share.age-\" + $q.worker().age());",
                values::get));
        assertNull(FactUsage.ageBreaks("Question( worker.age < 30 )", values::get));
        assertNull(FactUsage.ageBreaks("Question( worker.age < p(\"unknown\") )", values::get));
    }

    @Test
    void factsNoRuleReadsAreLeftOut() {
        RuleBase base = RuleBase.compile(TestRuns.library(), Variant.baseline());
        assertTrue(base.usage().reads(QuestionType.BENEFIT, "dailyWage"));
        assertFalse(base.usage().reads(QuestionType.HIRE, "dailyWage"), "no hire rule reads the WW daily wage");
    }

    @TestFactory
    Stream<DynamicTest> relevantFactsGiveTheSameAnswer() {
        RuleLibrary library = TestRuns.library();
        Path cases = Path.of("rules/cases");
        List<RuleCase> all = RuleCaseLoader.load(cases, cases);
        Map<String, RuleBase> bases = new HashMap<>();
        return all.stream().map(c -> DynamicTest.dynamicTest(c.file() + " - " + c.name(), () -> {
            Variant v = new Variant("case", c.exemptions(), c.parameters());
            RuleBase base = bases.computeIfAbsent(v.ruleKey(), k -> RuleBase.compile(library, v));
            for (int age = 15; age <= 67; age++) {
                WorkerFacts w = c.worker().withAge(age);
                Set<String> scope = base.inScope(c.question(), w, c.employer(), c.course(), c.month(), null);
                Question full = new Question(c.question(), c.month(), c.startYear(), w, c.employer(), c.course(),
                        c.formerEmployee(), c.afterTrial(), c.rampUpPct(), c.counterfactualPct(), scope,
                        base.parameters(c.month(), scope));
                Question relevant = new Question(c.question(), c.month(), c.startYear(),
                        base.usage().relevant(c.question(), w), c.employer(), c.course(), c.formerEmployee(),
                        c.afterTrial(), c.rampUpPct(), c.counterfactualPct(), scope,
                        base.parameters(c.month(), scope));
                assertEquals(base.decide(full), base.decide(relevant), c.where() + " at age " + age);
            }
        }));
    }
}
