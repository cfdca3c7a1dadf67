package nl.fieldlab.sandbox.simulation;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import nl.fieldlab.sandbox.domain.Actor;
import nl.fieldlab.sandbox.domain.PaymentType;

/** What one run (one replication of one variant) counted and booked. */
public final class RunTotals {

    private static final int A = Actor.values().length;
    private static final int T = PaymentType.values().length;

    int seekers;
    int placements;
    long monthsToPlacement;
    int employedAtHorizon;
    int retentionEligible;
    int retained6m;
    int trialsStarted;
    int trialsConverted;
    int coursesStarted;
    int coursesCompleted;
    int vacanciesFilled;
    int vacanciesFilledExternally;
    long vacancyMonthsOpen;
    int vacanciesUnfilled;
    final int[] placementsByMonth;
    final int[] employedByMonth;
    final int[] placementsByGroup;
    final int[] seekersByGroup;
    /** euro paid, by payer, payee and payment type */
    private final double[] ledger = new double[A * A * T];
    private final Map<String, Integer> blocked = new TreeMap<>();

    RunTotals(int months, int groups) {
        placementsByMonth = new int[months];
        employedByMonth = new int[months];
        placementsByGroup = new int[groups];
        seekersByGroup = new int[groups];
    }

    void book(Actor payer, Actor payee, PaymentType type, double amount) {
        ledger[(payer.ordinal() * A + payee.ordinal()) * T + type.ordinal()] += amount;
    }

    void blocked(String rule) {
        blocked.merge(rule, 1, Integer::sum);
    }

    public double paid(Actor payer, Actor payee, PaymentType type) {
        return ledger[(payer.ordinal() * A + payee.ordinal()) * T + type.ordinal()];
    }

    public int[] placementsByMonth() {
        return placementsByMonth.clone();
    }

    public int[] employedByMonth() {
        return employedByMonth.clone();
    }

    /** The run's metrics by name (see {@link Metrics}); per-group metrics use the scenario's group ids. */
    public Map<String, Double> metrics(java.util.List<String> groups) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put(Metrics.PLACEMENTS, (double) placements);
        m.put(Metrics.PLACEMENT_RATE, seekers == 0 ? Double.NaN : placements / (double) seekers);
        m.put(Metrics.MONTHS_TO_PLACEMENT, placements == 0 ? Double.NaN : monthsToPlacement / (double) placements);
        m.put(Metrics.EMPLOYED_AT_HORIZON, (double) employedAtHorizon);
        m.put(Metrics.RETENTION_6M, retentionEligible == 0 ? Double.NaN : retained6m / (double) retentionEligible);
        m.put(Metrics.TRIALS_STARTED, (double) trialsStarted);
        m.put(Metrics.TRIALS_CONVERTED, (double) trialsConverted);
        m.put(Metrics.COURSES_STARTED, (double) coursesStarted);
        m.put(Metrics.COURSES_COMPLETED, (double) coursesCompleted);
        m.put(Metrics.RETRAINING_COST, byType(PaymentType.COURSE_FEE));
        m.put(Metrics.BENEFIT_PAYMENTS, byCategory(PaymentType.Category.BENEFIT));
        m.put(Metrics.SUBSIDIES_PAID, byCategory(PaymentType.Category.SUBSIDY));
        double publicCost = 0;
        for (Actor a : Actor.values()) {
            if (a.isPublic()) {
                publicCost -= net(a);
            }
        }
        m.put(Metrics.PUBLIC_COST, publicCost);
        m.put(Metrics.PUBLIC_COST_PER_PLACEMENT, placements == 0 ? Double.NaN : publicCost / placements);
        m.put(Metrics.EMPLOYER_COST, -net(Actor.EMPLOYER));
        m.put(Metrics.BLOCKED, (double) blocked.values().stream().mapToInt(Integer::intValue).sum());
        m.put(Metrics.VACANCIES_UNFILLED, (double) vacanciesUnfilled);
        for (Actor a : Actor.values()) {
            m.put(Metrics.NET_PREFIX + a.name(), net(a));
        }
        for (Actor a : Actor.values()) {
            double cost = 0;
            for (Actor other : Actor.values()) {
                cost += paid(a, other, PaymentType.COURSE_FEE) + paid(a, other, PaymentType.TRAINING_GRANT)
                        - paid(other, a, PaymentType.TRAINING_GRANT);
            }
            if (cost != 0) {
                m.put(Metrics.RETRAINING_PREFIX + a.name(), cost);
            }
        }
        for (int g = 0; g < groups.size(); g++) {
            m.put("group." + groups.get(g) + "." + Metrics.PLACEMENT_RATE,
                    seekersByGroup[g] == 0 ? Double.NaN : placementsByGroup[g] / (double) seekersByGroup[g]);
        }
        blocked.forEach((rule, n) -> m.put(Metrics.BLOCKED_PREFIX + rule, (double) n));
        return m;
    }

    /** Net position of an actor: received minus paid, over all payment types. */
    public double net(Actor actor) {
        double net = 0;
        for (Actor other : Actor.values()) {
            for (PaymentType t : PaymentType.values()) {
                net += paid(other, actor, t) - paid(actor, other, t);
            }
        }
        return net;
    }

    private double byType(PaymentType type) {
        double sum = 0;
        for (Actor a : Actor.values()) {
            for (Actor b : Actor.values()) {
                sum += paid(a, b, type);
            }
        }
        return sum;
    }

    private double byCategory(PaymentType.Category c) {
        double sum = 0;
        for (PaymentType t : PaymentType.values()) {
            if (t.category() == c) {
                sum += byType(t);
            }
        }
        return sum;
    }
}
