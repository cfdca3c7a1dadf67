package nl.fieldlab.sandbox.scenario;

import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * What a scenario is checked against beyond its own file, so that {@code validate} rejects at load time what a
 * run would reject later.
 *
 * @param exemptions   the rule library's exemptions: id to the parameter values each sets (null: not checked)
 * @param parameterKnown whether a parameter key is one the rule library knows (null: not checked)
 * @param municipalParameter whether a parameter key is a municipality's own policy choice (null: not checked)
 * @param metricProblem what is wrong with a metric name an expectation uses, given the scenario's worker groups,
 *                     or null when it names a metric a run reports (null: not checked)
 * @param idTaken      why a scenario id cannot name a report folder (a name the reports folder uses for something
 *                     else), or null when it can
 * @param footprint    what a run of the scenario needs: memory in bytes and the heap available
 * @param statePensionAge the rules' state pension age in a month, or null when the library has none (null: not
 *                     checked)
 * @param regionProblem what is wrong with a region code (not a labour-market region of the rules), or null when it
 *                     is one (null: not checked)
 * @param parameterProblem what is wrong with a value of a rule parameter (outside its range), or null when nothing
 *                     is (null: not checked)
 * @param textProblem  what is wrong with the value of a text fact the rules compare with a known set of words
 *                     ({@code worker.background}, {@code employer.trainingFund}), or null (null: not checked)
 * @param supports     the rule library's process-support ids (null: not checked)
 * @param parameterOwner the exemption or process support that declares a parameter key as its own, or null for a
 *                     baseline key (null: not checked)
 * @param scopeProblems what is wrong with a scenario's scope of an exemption (outside its legal route's area,
 *                     widening what its rules are written for), each with its field relative to the scope; empty when
 *                     nothing is (null: not checked)
 * @param supportById  the rule library's process support by id, or null for an unknown id (null: not checked): a
 *                     course or employer group that names a case sprint, and a variant's instrument, are checked
 *                     against its kind, output and regions
 */
public record ScenarioContext(Map<String, Map<String, Double>> exemptions, Predicate<String> parameterKnown,
        Predicate<String> municipalParameter,
        BiFunction<String, Set<String>, String> metricProblem, Function<String, String> idTaken,
        Function<Scenario, Footprint> footprint, Function<java.time.YearMonth, Double> statePensionAge,
        Function<String, String> regionProblem, BiFunction<String, Double, String> parameterProblem,
        BiFunction<String, String, String> textProblem, Set<String> supports,
        Function<String, String> parameterOwner,
        BiFunction<String, nl.fieldlab.sandbox.rules.ScopeOverride,
                java.util.List<nl.fieldlab.sandbox.rules.RouteArea.Problem>> scopeProblems,
        Function<String, nl.fieldlab.sandbox.rules.ProcessSupport> supportById) {

    /** A context that checks no parameter values, text facts, process supports, parameter owners or scopes. */
    public ScenarioContext(Map<String, Map<String, Double>> exemptions, Predicate<String> parameterKnown,
            Predicate<String> municipalParameter, BiFunction<String, Set<String>, String> metricProblem,
            Function<String, String> idTaken, Function<Scenario, Footprint> footprint,
            Function<java.time.YearMonth, Double> statePensionAge, Function<String, String> regionProblem) {
        this(exemptions, parameterKnown, municipalParameter, metricProblem, idTaken, footprint, statePensionAge,
                regionProblem, null, null, null, null, null, null);
    }

    /** Memory a run needs and the heap it has. */
    public record Footprint(long bytesNeeded, long heapBytes) {
    }

    /** Checks only what the file itself says (tests, fuzzing). */
    public static ScenarioContext none() {
        return new ScenarioContext(null, null, null, null, id -> null, null, null, null);
    }
}
