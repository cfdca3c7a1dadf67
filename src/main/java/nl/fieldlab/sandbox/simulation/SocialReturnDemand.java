package nl.fieldlab.sandbox.simulation;

import nl.fieldlab.sandbox.scenario.Behaviour;

/**
 * Mechanism {@code social-return-demand}: an employer with a social-return (SROI) obligation it has not yet met this
 * year counts the credit a hire earns (from the rules) as part of what the hire is worth, so it takes on more of the
 * people whose hire earns credit until the obligation is met.
 */
final class SocialReturnDemand {

    static final String ID = "social-return-demand";

    private final double creditValue;
    private final double[] earned;
    private final int[] yearOf;

    SocialReturnDemand(Behaviour b, int employers) {
        creditValue = b.get("hire.sroi-credit-value");
        earned = new double[employers];
        yearOf = new int[employers];
    }

    /**
     * What a hire's credit is worth to the employer a month over the first year: the credit up to what is still owed
     * this year, times what a euro of credit saves.
     */
    double worth(int employer, int year, double obligation, double credit) {
        if (obligation <= 0 || credit <= 0) {
            return 0;
        }
        double owed = Math.max(0, obligation - earnedIn(employer, year));
        return creditValue * Math.min(credit, owed) / MatchQuality.PROBATION_MONTHS;
    }

    /** Books credit the employer earned in {@code year}. */
    void earn(int employer, int year, double credit) {
        if (credit > 0) {
            earned[employer] = earnedIn(employer, year) + credit;
            yearOf[employer] = year;
        }
    }

    private double earnedIn(int employer, int year) {
        return yearOf[employer] == year ? earned[employer] : 0;
    }
}
