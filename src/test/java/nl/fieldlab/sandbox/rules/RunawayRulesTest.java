package nl.fieldlab.sandbox.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.fieldlab.sandbox.bench.FloorTest;
import nl.fieldlab.sandbox.domain.Question;

/**
 * Rules that run away are stopped and named, in bounded time: a loop in a consequence (by the time budget, with
 * {@code Thread.stop}, or ending the program where that throws), a rule that makes a fact each time it fires (by the
 * firing budget of a question, or of a batch), endless recursion and allocation; a rule that calls System.exit does
 * not compile. Budgets are set low for the test; waits are on
 * the outcome, with a bound far above the budget.
 */
class RunawayRulesTest {

    @TempDir
    Path tmp;

    @AfterEach
    void restore() {
        System.clearProperty(RuleBudget.SECONDS_PROPERTY);
        System.clearProperty(RuleBudget.FIRINGS_PROPERTY);
        System.clearProperty("fieldlab.test.release");
        RuleWatchdog.stopper = original.stopper();
        RuleWatchdog.ender = original.ender();
    }

    private record Watchdog(Consumer<Thread> stopper, Consumer<String> ender) {
    }

    private final Watchdog original = new Watchdog(RuleWatchdog.stopper, RuleWatchdog.ender);

    private RuleBase compile(String drl) throws IOException {
        return RuleBase.compile(RuleLibrary.load(RunawayRules.copyWith(tmp.resolve("rules"), drl)), Variant.baseline(),
                null);
    }

    private static List<Question> questions(RuleBase base, int n) {
        Random random = new Random(3);
        List<Question> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(FloorTest.question(random, base));
        }
        return out;
    }

    /** Decides on another thread and waits for the outcome (at most a generous bound: this is not a timing test). */
    private static RuleRunawayException runaway(RuleBase base, List<Question> questions) throws Exception {
        CompletableFuture<Throwable> outcome = CompletableFuture.supplyAsync(() -> {
            try {
                base.decide(questions);
                return null;
            } catch (Throwable t) {
                return t;
            }
        });
        Throwable t;
        try {
            t = outcome.get(300, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("the batch did not end within 300 s", e);
        }
        assertTrue(t instanceof RuleRunawayException, () -> "expected a runaway, got " + t);
        return (RuleRunawayException) t;
    }

    @Test
    void aRuleThatMakesAFactEachTimeItFiresIsStoppedByTheBudgetOfAQuestion() throws Exception {
        RuleBase base = compile(RunawayRules.FACTS);
        RuleRunawayException e = runaway(base, questions(base, 1));
        assertEquals("RUNAWAY-FACTS", e.rule());
        assertTrue(e.getMessage().startsWith(RunawayRules.FILE + ":10: rule RUNAWAY-FACTS fired more than 1,000 times"
                + " for one question"), e.getMessage());
        // in a batch the firings spread over its questions, and the batch's budget ends them first
        RuleRunawayException many = runaway(base, questions(base, 20));
        assertEquals("RUNAWAY-FACTS", many.rule());
        assertTrue(many.getMessage().contains("rule RUNAWAY-FACTS fired last when the rules had fired 3,000 times for"
                + " 20 questions"), many.getMessage());
    }

    @Test
    void rulesThatFeedEachOtherWithoutAQuestionAreStoppedByTheBudgetOfTheBatch() throws Exception {
        System.setProperty(RuleBudget.FIRINGS_PROPERTY, "50");
        RuleBase base = compile(RunawayRules.FACTS_WITHOUT_QUESTION);
        RuleRunawayException e = runaway(base, questions(base, 30));
        assertEquals("RUNAWAY-FACTS-ANY", e.rule());
        assertTrue(e.getMessage().contains("rule RUNAWAY-FACTS-ANY fired last when the rules had fired 200 times for"
                + " 30 questions"), e.getMessage());
    }

    @Test
    void aConsequenceThatNeverReturnsIsStoppedAfterTheTimeBudget() throws Exception {
        System.setProperty(RuleBudget.SECONDS_PROPERTY, "0.5");
        RuleBase base = compile(RunawayRules.LOOP);
        RuleRunawayException e = runaway(base, questions(base, 5));
        assertEquals("RUNAWAY-LOOP", e.rule());
        assertEquals(RunawayRules.FILE + ":3: rule RUNAWAY-LOOP did not finish within 0.5 s, the time budget of a"
                + " batch of questions (-Dfieldlab.rules.max-batch-seconds sets it); stopped", e.getMessage());
    }

    @Test
    void whereThreadStopThrowsTheProgramEndsWithAMessageNamingTheRule() throws Exception {
        System.setProperty(RuleBudget.SECONDS_PROPERTY, "0.5");
        CompletableFuture<String> ended = new CompletableFuture<>();
        RuleWatchdog.stopper = t -> {
            throw new UnsupportedOperationException("as on Java 20 and later");
        };
        RuleWatchdog.ender = ended::complete; // instead of System.exit
        RuleBase base = compile(RunawayRules.LOOP_UNTIL_RELEASED);
        CompletableFuture<Throwable> outcome = CompletableFuture.supplyAsync(() -> {
            try {
                base.decide(questions(base, 3));
                return null;
            } catch (Throwable t) {
                return t;
            }
        });
        String message = ended.get(300, TimeUnit.SECONDS);
        assertEquals("rule RUNAWAY-LOOP did not finish within 0.5 s (-Dfieldlab.rules.max-batch-seconds sets the"
                + " budget) and cannot be stopped on Java " + System.getProperty("java.version") + "; the program ends"
                + " and nothing was written", message);
        assertFalse(outcome.isDone(), "the rule still runs: nothing could stop it");
        System.setProperty("fieldlab.test.release", "yes");
        Throwable t = outcome.get(300, TimeUnit.SECONDS);
        assertTrue(t instanceof RuleRunawayException && t.getMessage().contains("did not finish within 0.5 s"),
                () -> String.valueOf(t));
    }

    @Test
    void endlessRecursionIsNamed() throws Exception {
        RuleBase base = compile(RunawayRules.RECURSION);
        RuleRunawayException e = runaway(base, questions(base, 2));
        assertEquals("RUNAWAY-RECURSION", e.rule());
        assertTrue(e.getMessage().startsWith(RunawayRules.FILE + ":4: rule RUNAWAY-RECURSION ran out of stack"),
                e.getMessage());
    }

    @Test
    void runningOutOfMemoryInARuleIsNamed() throws Exception {
        RuleBase base = compile(RunawayRules.HUGE_ARRAY);
        RuleRunawayException e = runaway(base, questions(base, 2));
        assertEquals("RUNAWAY-ALLOCATION", e.rule());
        assertTrue(e.getMessage().startsWith(RunawayRules.FILE + ":3: rule RUNAWAY-ALLOCATION ran out of memory"),
                e.getMessage());
    }

    @Test
    void aRuleThatCallsSystemExitDoesNotCompile() throws IOException {
        RuleCompileException e = assertThrows(RuleCompileException.class, () -> compile(RunawayRules.EXIT));
        assertEquals(List.of(RunawayRules.FILE + ":10: rule 'RUNAWAY-EXIT' calls System.exit: a rule may not end the"
                + " program (to stop on an impossible case, throw an exception that says what is wrong)"),
                e.problems());
    }

    @Test
    void theShippedRulesAnswerWithinTheBudget() {
        // the measured needs are far below the defaults (see RuleBudget); a tenth of the firing budget still holds
        System.setProperty(RuleBudget.FIRINGS_PROPERTY, "100");
        RuleBase base = RuleBase.compile(nl.fieldlab.sandbox.TestRuns.library(), Variant.baseline());
        assertEquals(1_000, base.decide(questions(base, 1_000)).size());
    }

    @Test
    void aBudgetThatIsNotANumberIsABadSetting() {
        System.setProperty(RuleBudget.SECONDS_PROPERTY, "soon");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, RuleBudget::current);
        assertEquals("-Dfieldlab.rules.max-batch-seconds: expected seconds, got 'soon'", e.getMessage());
        System.setProperty(RuleBudget.SECONDS_PROPERTY, "0");
        assertThrows(IllegalArgumentException.class, RuleBudget::current);
    }
}
