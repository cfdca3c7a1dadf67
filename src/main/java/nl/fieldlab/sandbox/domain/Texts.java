package nl.fieldlab.sandbox.domain;

import java.math.BigDecimal;

/**
 * Numbers in the words of a rule's block or payment text, taken from the parameter values in force, so that a
 * what-if that changes a share also changes what the explanation says: {@code Texts.pct($q.p("ww.rate.initial"))}.
 */
public final class Texts {

    private Texts() {
    }

    /** A share as a percentage: 0.25 is "25 %", 0.875 is "87.5 %". */
    public static String pct(double share) {
        return num(100 * share) + " %";
    }

    /** A number without trailing zeros: 3.0 is "3", 87.50 is "87.5". */
    public static String num(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return String.valueOf(value);
        }
        return new BigDecimal(value).setScale(4, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
