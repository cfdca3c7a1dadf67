package nl.fieldlab.sandbox.simulation;

import java.util.List;
import java.util.Map;

import nl.fieldlab.sandbox.rules.Decider;
import nl.fieldlab.sandbox.scenario.Scenario;

/**
 * Everything a run of a scenario produced, before statistics: per variant, the metrics of each replication and the
 * mean placements and employment per month.
 *
 * @param scenario    the scenario as run (with any overrides)
 * @param variants    variant names, the baseline first
 * @param metrics     variant -> metric -> value per replication (index = replication)
 * @param placementsByMonth variant -> mean new placements per month over replications
 * @param employedByMonth   variant -> mean number of former job seekers in work per month over replications
 * @param publicCostByMonth variant -> mean net public cost booked per month over replications, in euro
 * @param discountRate the annual discount rate of the present values (NaN when the rules folder has none)
 * @param deciderStats variant -> questions asked and evaluated by the rule engine
 * @param workerMonths worker-months simulated, over all variants and replications
 * @param changedAnswers variant -> the first answers its exemptions changed in the first replication (examples)
 */
public record SimulationResult(
        Scenario scenario,
        List<String> variants,
        Map<String, Map<String, double[]>> metrics,
        Map<String, double[]> placementsByMonth,
        Map<String, double[]> employedByMonth,
        Map<String, double[]> publicCostByMonth,
        double discountRate,
        Map<String, Decider.Stats> deciderStats,
        long workerMonths,
        Map<String, List<ChangedAnswer>> changedAnswers) {
}
