package nl.fieldlab.sandbox.cluster;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import nl.fieldlab.sandbox.rules.RuleBases;
import nl.fieldlab.sandbox.rules.RuleLibrary;
import nl.fieldlab.sandbox.scenario.Scenario;
import nl.fieldlab.sandbox.simulation.RunTotals;
import nl.fieldlab.sandbox.simulation.Simulator;

/**
 * Runs chosen (variant, replication) runs on the client itself, as a member would with the client's rules, so that
 * what a member sent can be compared with what it should have sent. The plan is made on the first check only.
 */
final class LocalCheck implements AutoCloseable {

    private final Scenario scenario;
    private final RuleLibrary rules;
    private final ExecutorService pool;
    private Simulator.Plan plan;

    LocalCheck(Scenario scenario, RuleLibrary rules) {
        this.scenario = scenario;
        this.rules = rules;
        this.pool = Executors.newFixedThreadPool(Simulator.defaultThreads(), r -> {
            Thread t = new Thread(r, "fieldlab-cluster-check");
            t.setDaemon(true);
            return t;
        });
    }

    Future<RunTotals> run(int variant, int replication) {
        return pool.submit(() -> plan().run(variant, replication, () -> false, () -> {
        }));
    }

    private synchronized Simulator.Plan plan() {
        if (plan == null) {
            plan = new Simulator.Plan(scenario, Simulator.deciders(scenario,
                    new RuleBases(rules).forVariants(scenario.variants(), Simulator.defaultThreads())));
        }
        return plan;
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
