package nl.fieldlab.sandbox.evaluation;

/**
 * The outcomes a pilot measures some months after a person's intake, defined as a CBS-microdata evaluation would
 * read them: in paid work in that month (a job in the employee register, SPOLISBUS), and receiving a benefit in
 * that month (WW, Wajong or bijstand payments). Each is 0 or 1 per person.
 */
public enum Outcome {
    /** In paid work in the month: a job, not a trial placement, which pays no wage. */
    EMPLOYMENT("employment", "in paid work"),
    /** Receiving WW, Wajong or bijstand in the month. */
    BENEFIT("benefit", "receiving a benefit");

    private final String key;
    private final String words;

    Outcome(String key, String words) {
        this.key = key;
        this.words = words;
    }

    /** The name in metric keys and files ("employment"). */
    public String key() {
        return key;
    }

    public String words() {
        return words;
    }

    /** The outcome of that key, or null. */
    public static Outcome named(String key) {
        for (Outcome o : values()) {
            if (o.key.equals(key)) {
                return o;
            }
        }
        return null;
    }
}
