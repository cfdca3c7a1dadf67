package nl.fieldlab.sandbox.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.commons.math3.distribution.NormalDistribution;

import nl.fieldlab.sandbox.evaluation.Design;
import nl.fieldlab.sandbox.evaluation.Estimators;
import nl.fieldlab.sandbox.evaluation.Moments;
import nl.fieldlab.sandbox.evaluation.PowerCalc;
import nl.fieldlab.sandbox.rules.Exemption;
import nl.fieldlab.sandbox.rules.Variant;
import nl.fieldlab.sandbox.scenario.Scenario;
import nl.fieldlab.sandbox.simulation.Assignment;
import nl.fieldlab.sandbox.simulation.Rng;
import nl.fieldlab.sandbox.simulation.RunTotals;
import nl.fieldlab.sandbox.simulation.Simulator;
import nl.fieldlab.sandbox.stats.Summary;

/**
 * A pilot run inside the simulator: for each replication, the population of the pilot's own seed ({@code
 * Rng.derive(seed, PILOT, 0)}) is drawn, a lottery splits the eligible half and half, and the exemption is offered to
 * the treated arm only, its caps in force. The estimate is the difference in means on the primary outcome; the
 * truth is the same arm's outcome against the baseline run of the same people (common random numbers), and the
 * control arm's change against the baseline is the spillover. Over the replications: the empirical power (Wilson
 * interval), the bias (t interval) and its root mean square error. Randomisation by employer is simulated the same
 * way with employers as units ({@link #employer}); a stepped wedge, a difference in differences and a regression
 * discontinuity are analytic only in this version.
 */
final class PilotPlan {

    /** The lottery's share offered the exemption. */
    static final double SHARE = 0.5;

    /**
     * One exemption and design: what the simulated pilot showed, or why it was not simulated.
     *
     * @param treated  people (lottery) or employers (by employer) in the treated arm, a replication
     * @param perEmployer whether the outcome is hires per employer (randomisation by employer); otherwise a share
     */
    record Row(String exemption, Design design, String lawful, String estimator, int month, double treated,
            double control, double controlMean, Summary estimate, double powerEmpirical, double powerLow,
            double powerHigh, double powerAnalytic, Summary bias, double rmse, Summary spillover, String note,
            boolean perEmployer) {
    }

    private PilotPlan() {
    }

    /**
     * Simulates a lottery pilot of {@code ex} over {@code replications} replications.
     *
     * @param plan the plan of a scenario whose variants are the baseline (0) and {@code ex} alone (1)
     * @param j    the index of the month in the measured months
     */
    static Row lottery(Simulator.Plan plan, Exemption ex, int replications, int threads, int j, int month,
            double alpha, String lawful, String estimator) {
        long seed = Rng.derive(plan.scenario().seed(), Rng.Purpose.PILOT, 0);
        double[][] out = parallel(replications, threads, r -> replication(plan, ex, seed, r, j, alpha));
        return summarise(out, ex, Design.LOTTERY, lawful, estimator, month, alpha, false);
    }

    /**
     * Simulates a pilot of {@code ex} that draws half the employers: only questions at a drawn employer may carry
     * the exemption. The outcome is each employer's hires of eligible people in the first 12 months; the estimate
     * is the difference of the arms' means (employers as units, t at J - 2 df); the truth is the drawn employers'
     * hires against the same employers in the baseline run; the spillover the undrawn employers' change
     * (substitution). Every simulated employer counts, in the scope's regions or not.
     */
    static Row employer(Simulator.Plan plan, Exemption ex, int replications, int threads, double alpha, String lawful,
            String estimator) {
        long seed = Rng.derive(plan.scenario().seed(), Rng.Purpose.PILOT, 0);
        double[][] out = parallel(replications, threads, r -> {
            Assignment.ByEmployer draw = new Assignment.ByEmployer(SHARE, Rng.forReplication(seed, r));
            double[] base = plan.pilot(0, r, seed, draw).pilotHires(ex.id());
            double[] pilot = plan.pilot(1, r, seed, draw).pilotHires(ex.id());
            List<Double> t = new ArrayList<>();
            List<Double> c = new ArrayList<>();
            double truth = 0;
            double spill = 0;
            for (int j = 0; j < pilot.length; j++) {
                boolean drawn = draw.drawn(ex, j);
                (drawn ? t : c).add(pilot[j]);
                if (drawn) {
                    truth += pilot[j] - base[j];
                } else {
                    spill += pilot[j] - base[j];
                }
            }
            if (t.size() < 2 || c.size() < 2) {
                return new double[] {Double.NaN, Double.NaN, Double.NaN, 0, t.size(), c.size(), Double.NaN, Double.NaN};
            }
            Estimators.Estimate e = Estimators.clusterDifference(t.stream().mapToDouble(d -> d).toArray(),
                    c.stream().mapToDouble(d -> d).toArray());
            Moments b = Moments.of(base);
            return new double[] {e.theta(), truth / t.size(), spill / c.size(), e.rejects(alpha) ? 1 : 0, t.size(),
                    c.size(), c.stream().mapToDouble(d -> d).average().orElse(Double.NaN), b.sd()};
        });
        return summarise(out, ex, Design.EMPLOYER, lawful, estimator, 12, alpha, true);
    }

    /** Runs {@code replication} for each replication on {@code threads} threads, in replication order. */
    private static double[][] parallel(int replications, int threads,
            java.util.function.IntFunction<double[]> replication) {
        double[][] out = new double[replications][];
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        try {
            List<Future<double[]>> futures = new ArrayList<>();
            for (int r = 0; r < replications; r++) {
                int rep = r;
                futures.add(pool.submit(() -> replication.apply(rep)));
            }
            for (int r = 0; r < replications; r++) {
                out[r] = futures.get(r).get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CommandFailure(ExitCodes.CANCELLED, "plan-pilot: interrupted");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return out;
    }

    /**
     * The row from {estimate, truth, spillover, rejected, n treated, n control, control mean, outcome SD} per
     * replication; the analytic power at the mean truth uses the outcome SD: of a share (lottery, normal) or across
     * employers in the baseline (by employer, t at J - 2 df).
     */
    private static Row summarise(double[][] out, Exemption ex, Design design, String lawful, String estimator,
            int month, double alpha, boolean perEmployer) {
        int replications = out.length;
        double[] theta = new double[replications];
        double[] bias = new double[replications];
        double[] spill = new double[replications];
        double rejected = 0;
        double nT = 0;
        double nC = 0;
        double controlMean = 0;
        double sd = 0;
        double sq = 0;
        for (int r = 0; r < replications; r++) {
            double[] o = out[r];
            theta[r] = o[0];
            bias[r] = o[0] - o[1];
            spill[r] = o[2];
            rejected += o[3];
            nT += o[4] / replications;
            nC += o[5] / replications;
            controlMean += o[6] / replications;
            sd += o[7] / replications;
            sq += bias[r] * bias[r] / replications;
        }
        double[] wilson = wilson(rejected, replications, alpha);
        Summary truth = Summary.of(subtract(theta, bias));
        double analytic = perEmployer
                ? PowerCalc.power(truth.mean(), sd * Math.sqrt(1 / nT + 1 / nC), alpha, nT + nC - 2)
                : PowerCalc.power(truth.mean(), PowerCalc.lotterySe(sd, sd, nT, nC), alpha, PowerCalc.NORMAL);
        return new Row(ex.id(), design, lawful, estimator, month, nT, nC, controlMean, Summary.of(theta),
                rejected / replications, wilson[0], wilson[1], analytic, Summary.of(bias), Math.sqrt(sq),
                Summary.of(spill), "", perEmployer);
    }

    /** {estimate, truth, spillover, rejected, n treated, n control, control mean, its SD} of one replication. */
    private static double[] replication(Simulator.Plan plan, Exemption ex, long seed, int r, int j, double alpha) {
        Assignment lottery = new Assignment.Lottery(SHARE, Rng.forReplication(seed, r));
        RunTotals base = plan.pilot(0, r, seed, lottery);
        RunTotals pilot = plan.pilot(1, r, seed, lottery);
        Moments[] p = arms(pilot, ex.id(), j);
        Moments[] b = arms(base, ex.id(), j);
        Estimators.Estimate e = Estimators.differenceInMeans(p[0], p[1]);
        double truth = p[0].mean() - b[0].mean();
        double spill = p[1].mean() - b[1].mean();
        double pc = p[1].mean();
        return new double[] {e.theta(), truth, spill, e.rejects(alpha) ? 1 : 0, p[0].n(), p[1].n(), pc,
                Math.sqrt(pc * (1 - pc))};
    }

    /** The treated and control arms' moments of the primary outcome (a 0/1 outcome: the sum of squares is the sum). */
    private static Moments[] arms(RunTotals t, String ex, int j) {
        Moments[] out = new Moments[2];
        for (int arm = 0; arm < 2; arm++) {
            double[] c = t.pilotCounts(ex, arm, j);
            out[arm] = new Moments(c[0], c[1], c[1]);
        }
        return out;
    }

    /** Wilson's interval for {@code k} of {@code n} at level {@code 1 - alpha} (Wilson 1927, JASA 22:209-212). */
    static double[] wilson(double k, int n, double alpha) {
        double z = new NormalDistribution(null, 0, 1).inverseCumulativeProbability(1 - alpha / 2);
        double p = k / n;
        double centre = (p + z * z / (2 * n)) / (1 + z * z / n);
        double half = z / (1 + z * z / n) * Math.sqrt(p * (1 - p) / n + z * z / (4.0 * n * n));
        return new double[] {Math.max(0, centre - half), Math.min(1, centre + half)};
    }

    private static double[] subtract(double[] a, double[] b) {
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            d[i] = a[i] - b[i];
        }
        return d;
    }

    /** The scenario of a pilot of {@code ex}: the baseline and {@code ex} alone (with the parameters of a variant naming it). */
    static Scenario scenarioFor(Scenario s, Exemption ex, int replications) {
        Map<String, Double> parameters = Map.of();
        for (Variant v : s.variants()) {
            if (v.exemptions().equals(List.of(ex.id()))) {
                parameters = v.parameters();
                break;
            }
        }
        return s.with(s.seed(), replications, s.behaviour(), List.of(Variant.baseline(),
                new Variant(ex.id(), List.of(ex.id()), parameters)));
    }
}
