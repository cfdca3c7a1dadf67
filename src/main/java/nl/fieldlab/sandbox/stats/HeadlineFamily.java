package nl.fieldlab.sandbox.stats;

import java.util.List;

import nl.fieldlab.sandbox.simulation.Metrics;

/**
 * The headline family: the few differences to the baseline on which a report states verdicts. Their tests are
 * corrected together for multiplicity; every other metric in a report is exploratory. This is the one place that
 * says which metrics are in the family: the verdicts, the robustness section and the pilot section all read it.
 */
public final class HeadlineFamily {

    /** One member: the metric, its label in a report, and the factor from the metric's unit to the label's. */
    public record Member(String metric, String label, double scale) {
    }

    public static final List<Member> MEMBERS = List.of(
            new Member(Metrics.PLACEMENTS, "placements", 1),
            new Member(Metrics.MONTHS_IN_WORK, "work-years", 1.0 / 12),
            new Member(Metrics.EMPLOYED_AT_HORIZON, "employed at the horizon", 1),
            new Member(Metrics.PUBLIC_COST, "net public cost (EUR)", 1),
            new Member(Metrics.SOCIAL_COST, "social cost (EUR)", 1),
            new Member(Metrics.PUBLIC_COST_PV, "net public cost, present value (EUR)", 1));

    /** The family-wise error rate (Holm) or false discovery rate (Benjamini-Hochberg) a verdict is held to. */
    public static final double ALPHA = 0.05;

    /**
     * The fewest replications on which a verdict is stated. Below 10 the t-test's normality (costs are skewed) and
     * the estimate of the standard deviation are not to be trusted, and Holm's bar at 24 tests is |t| above 21.9
     * at 3 replications against 4.27 at 10.
     */
    public static final int MIN_REPLICATIONS = 10;

    private HeadlineFamily() {
    }

    /** Whether a metric is a member of the family. */
    public static boolean contains(String metric) {
        return MEMBERS.stream().anyMatch(m -> m.metric().equals(metric));
    }
}
