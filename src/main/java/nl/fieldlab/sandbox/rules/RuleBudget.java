package nl.fieldlab.sandbox.rules;

/**
 * How much work one batch of questions may cost the rule engine before it is stopped as a runaway: rules are code,
 * and a rule that loops, inserts a fact each time it fires or never returns would otherwise hang a run for ever.
 *
 * <p>Sized well above what the shipped rules need. Measured on the four shipped scenarios (4 replications, batches of
 * up to 1,000 questions) and the 317 rule cases: at most 24 firings for one question, at most 9.4 per question on
 * average over a batch of 100 or more, and at most 3.4 s for one batch on two busy cores (load 9). So a question may
 * fire {@value #DEFAULT_FIRINGS} rules (40 times the most seen), a batch of {@code n} questions
 * {@code n * firings / 10 + firings} (over 10 times the most seen), and a batch may take {@value #DEFAULT_SECONDS} s.
 *
 * @param firingsPerQuestion rules one question may fire ({@code -Dfieldlab.rules.max-firings})
 * @param batchSeconds       seconds one batch may take ({@code -Dfieldlab.rules.max-batch-seconds})
 */
public record RuleBudget(int firingsPerQuestion, double batchSeconds) {

    public static final String FIRINGS_PROPERTY = "fieldlab.rules.max-firings";
    public static final String SECONDS_PROPERTY = "fieldlab.rules.max-batch-seconds";
    static final int DEFAULT_FIRINGS = 1_000;
    static final int DEFAULT_SECONDS = 60;

    public RuleBudget {
        if (firingsPerQuestion < 1) {
            throw new IllegalArgumentException("-D" + FIRINGS_PROPERTY + ": expected a whole number of at least 1, got "
                    + firingsPerQuestion);
        }
        if (!(batchSeconds > 0) || batchSeconds > 86_400) {
            throw new IllegalArgumentException("-D" + SECONDS_PROPERTY + ": expected seconds above 0 and at most 86400,"
                    + " got " + batchSeconds);
        }
    }

    /** The budget set by the system properties now (read per batch, so that a test or a session can change it). */
    public static RuleBudget current() {
        String firings = System.getProperty(FIRINGS_PROPERTY);
        String seconds = System.getProperty(SECONDS_PROPERTY);
        if (firings == null && seconds == null) {
            return DEFAULT;
        }
        return new RuleBudget(firings == null ? DEFAULT_FIRINGS : parse(FIRINGS_PROPERTY, firings, true).intValue(),
                seconds == null ? DEFAULT_SECONDS : parse(SECONDS_PROPERTY, seconds, false).doubleValue());
    }

    private static final RuleBudget DEFAULT = new RuleBudget(DEFAULT_FIRINGS, DEFAULT_SECONDS);

    private static Number parse(String property, String value, boolean whole) {
        try {
            return whole ? (Number) Integer.parseInt(value.strip()) : (Number) Double.parseDouble(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("-D" + property + ": expected " + (whole ? "a whole number" : "seconds")
                    + ", got '" + value + "'");
        }
    }

    /** Firings a batch of {@code questions} may take in all. */
    public long batchFirings(int questions) {
        return (long) questions * firingsPerQuestion / 10 + firingsPerQuestion;
    }

    /** The time budget as written for a message: "60", "0.5". */
    public String secondsText() {
        return batchSeconds == Math.rint(batchSeconds) ? String.valueOf((long) batchSeconds)
                : String.valueOf(batchSeconds);
    }

    long batchNanos() {
        return (long) (batchSeconds * 1e9);
    }
}
