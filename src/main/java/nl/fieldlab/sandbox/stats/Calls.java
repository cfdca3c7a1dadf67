package nl.fieldlab.sandbox.stats;

/**
 * Which differences to the baseline a report may call (state as a finding). Narrative text asks this, never the
 * interval of a metric itself: a call comes from the headline family's corrected tests, and from every seed run
 * agreeing where a scenario asks for a seed check.
 */
public interface Calls {

    /** Whether the difference of {@code metric} between {@code variant} and the baseline is called. */
    boolean called(String variant, String metric);

    /** The reason in words, e.g. "not significant after Holm's correction (p 0.011, adjusted 0.26)". */
    String why(String variant, String metric);

    /**
     * Uncorrected calls: a difference is called when its 95 % interval excludes 0. Only for tests and callers
     * that have no family verdicts yet; a report uses the corrected family.
     */
    static Calls uncorrected(Comparison comparison) {
        return new Calls() {
            @Override
            public boolean called(String variant, String metric) {
                Summary d = comparison.differences().getOrDefault(variant, java.util.Map.of()).get(metric);
                return d != null && d.excludesZero();
            }

            @Override
            public String why(String variant, String metric) {
                return called(variant, metric) ? "the 95 % interval excludes 0 (uncorrected)"
                        : "the 95 % interval includes 0";
            }
        };
    }
}
