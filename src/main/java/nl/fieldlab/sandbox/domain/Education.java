package nl.fieldlab.sandbox.domain;

/** Highest completed education, ordered from low to high. */
public enum Education {
    /** No diploma. Neither this nor MBO1 is a starting qualification (startkwalificatie: MBO-2 or higher, havo, vwo). */
    NONE,
    MBO1, MBO2, MBO3, MBO4, HBO, WO;

    public int level() {
        return ordinal();
    }

    public boolean atLeast(Education other) {
        return compareTo(other) >= 0;
    }
}
