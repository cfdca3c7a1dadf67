package nl.fieldlab.sandbox.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import nl.fieldlab.sandbox.TestRuns;
import nl.fieldlab.sandbox.scenario.Behaviour;
import nl.fieldlab.sandbox.scenario.Scenario;

/**
 * Mechanism vacancies in a run: every subsidised hire is deadweight, a displaced outsider, a displaced insider or a
 * net new job, over all public payments to employers and per exemption; and a slack market displaces more.
 */
class SubsidisedHireAttributionRunTest {

    static final String[] SPLITS = Metrics.SUBSIDISED_SPLITS.toArray(String[]::new);

    static double sum(Map<String, double[]> metrics, String prefix, int replication) {
        double s = 0;
        for (String split : SPLITS) {
            s += metrics.get(prefix + split)[replication];
        }
        return s;
    }

    @Test
    void theSplitAddsUpToTheSubsidisedHiresOverAllPaymentsAndPerExemption() {
        Scenario coop = TestRuns.scenario("scenarios/social-cooperative-kennemerland.yaml");
        Scenario s = coop.with(coop.seed(), 2, coop.behaviour(), coop.variants());
        Map<String, double[]> e4 = TestRuns.run(s, 2).metrics().get("E4");
        for (int r = 0; r < 2; r++) {
            double all = e4.get(Metrics.SUBSIDISED_HIRES)[r];
            double own = e4.get(Metrics.SUBSIDISED_HIRES + ".E4")[r];
            assertTrue(own > 0, "E4's wage subsidy reaches hires: " + own);
            assertTrue(own <= all, own + " <= " + all);
            assertEquals(all, sum(e4, Metrics.SUBSIDISED_HIRES, r), 1e-9);
            assertEquals(own, sum(e4, Metrics.SUBSIDISED_HIRES + ".E4", r), 1e-9);
            // a wage subsidy both tips hires and pays for hires that would have happened anyway
            assertTrue(e4.get(Metrics.SUBSIDISED_HIRES + ".E4.deadweight")[r] > 0);
            assertTrue(e4.get(Metrics.SUBSIDISED_HIRES + ".E4.deadweight")[r] < own);
        }
    }

    /**
     * The chance without the payments is the one the employer would have weighed: a payment with no weight in the
     * decision (mechanism hiring-response) tips no hire, so every hire E9's wage-cost advantage paid for is deadweight.
     */
    @Test
    void aPaymentThatDoesNotWeighInTheDecisionTipsNoHire() {
        Scenario lkv = TestRuns.scenario("scenarios/evidence/older-lkv.yaml");
        Map<String, Double> b = new HashMap<>(lkv.behaviour().overrides());
        // E9 is a province's subsidy mirroring the LKV: it weighs as a wage-cost subsidy (and the LKV as itself)
        b.put("hire.response.WAGE_COST_ADVANTAGE", 0.0);
        b.put("hire.response.WAGE_COST_SUBSIDY", 0.0);
        Scenario s = lkv.with(lkv.seed(), 2, Behaviour.with(b), lkv.variants());
        Map<String, double[]> e9 = TestRuns.run(s, 2).metrics().get("E9");
        for (int r = 0; r < 2; r++) {
            double own = e9.get(Metrics.SUBSIDISED_HIRES + ".E9")[r];
            assertTrue(own > 0, "E9 pays for hires: " + own);
            assertEquals(own, e9.get(Metrics.SUBSIDISED_HIRES + ".E9.deadweight")[r], 1e-9,
                    "a weightless payment tipped a hire");
        }
    }

    /** Mean over the replications of (displaced outsiders + insiders) / subsidised hires, at a tightness. */
    static double displacedShare(double tightness) {
        Scenario d = TestRuns.scenario("scenarios/default.yaml");
        Map<String, Double> b = new HashMap<>(d.behaviour().overrides());
        b.put("market.tightness", tightness);
        Scenario s = d.with(d.seed(), 2, Behaviour.with(b), List.of(d.variants().get(0)));
        Map<String, double[]> m = TestRuns.run(s, 2).metrics().get(d.variants().get(0).name());
        double displaced = 0;
        double all = 0;
        for (int r = 0; r < 2; r++) {
            displaced += m.get(Metrics.SUBSIDISED_HIRES + ".displacedOutsiders")[r]
                    + m.get(Metrics.SUBSIDISED_HIRES + ".displacedInsiders")[r];
            all += m.get(Metrics.SUBSIDISED_HIRES)[r];
            assertEquals(m.get(Metrics.SUBSIDISED_HIRES)[r], sum(m, Metrics.SUBSIDISED_HIRES, r), 1e-9);
        }
        assertTrue(all > 100, "enough subsidised hires to compare: " + all);
        return displaced / all;
    }

    /** Crepon et al. (QJE 2013): displacement is larger where unemployment is high (the sign only). */
    @Test
    void aSlackMarketDisplacesALargerShareOfSubsidisedHiresThanATightOne() {
        double slack = displacedShare(0.3);
        double tight = displacedShare(3.0);
        assertTrue(slack > tight, "slack " + slack + " > tight " + tight);
    }
}
