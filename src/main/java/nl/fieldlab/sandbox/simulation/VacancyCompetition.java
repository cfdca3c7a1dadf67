package nl.fieldlab.sandbox.simulation;

import java.util.function.IntToDoubleFunction;

import nl.fieldlab.sandbox.scenario.Behaviour;

/**
 * Mechanism {@code vacancies}: an open vacancy is contested by applicants from outside the simulated population
 * (job-to-job movers, school leavers, the unemployed who are not modelled), more of them in a slack market than in a
 * tight one; it is filled by an outsider, by a simulated worker who beats the outsiders, or lapses.
 *
 * <p>Outsiders acceptable to the employer arrive at a vacancy as a Poisson count with mean
 * {@code mu = -ln(1 - r) * (T / T_ref) ^ -eta}: {@code r} is the monthly outside fill chance at the reference
 * tightness {@code T_ref}, {@code T} the scenario's vacancies per unemployed and {@code eta} the elasticity of hires
 * to unemployment of a constant-returns Cobb-Douglas matching function (per-vacancy fill rate {@code A * T ^ -eta}).
 * At the reference the outside fill chance is exactly {@code r}, so a scenario that sets no tightness keeps today's
 * vacancy lifetimes. A simulated worker the employer would hire wins against {@code K} acceptable outsiders with
 * chance {@code 1 / (1 + K)} (the employer ranks acceptable candidates; none is favoured), so tightness moves the
 * exit to work of the simulated population, not only how long vacancies stay open.
 *
 * <p>A hire that a subsidy tipped (the employer's draw falls between the chance without and with the subsidy) takes a
 * job someone else would otherwise have had: {@link #counterfactual} says who, from the vacancy's own draws.
 */
final class VacancyCompetition {

    static final String ID = "vacancies";

    /** What would have become of a vacancy without the hire a subsidy tipped. */
    enum Fate {
        /** The employer would have hired no one else in time: the hire is a net new job. */
        NET_NEW,
        /** An applicant from outside the simulated population would have got the job. */
        DISPLACED_OUTSIDER,
        /** Another simulated worker who applied in the same month would have got the job. */
        DISPLACED_INSIDER
    }

    /** How a subsidised hire is counted: deadweight (it would have happened anyway) or by what it displaced. */
    enum Attribution {
        DEADWEIGHT, NET_NEW, DISPLACED_OUTSIDER, DISPLACED_INSIDER
    }

    private final double referenceOutsideFill;
    private final double tightness;
    private final double referenceTightness;
    private final double elasticity;
    private final double lapseRate;
    private final double vacancyElasticity;

    VacancyCompetition(Behaviour b) {
        vacancyElasticity = b.get("market.vacancy-elasticity");
        referenceOutsideFill = b.get("vacancy.external-fill-rate");
        tightness = b.get("market.tightness");
        referenceTightness = b.get("market.reference-tightness");
        elasticity = b.get("market.matching-elasticity");
        lapseRate = b.get("vacancy.lapse-rate");
    }

    /**
     * How many more vacancies employers open than at the reference tightness, and so how much more often a simulated
     * job seeker finds one to apply to: {@code (T / T_ref) ^ elasticity}. A tightness change is split between more
     * vacancies (this factor) and fewer unemployed outsiders per vacancy ({@link #outsidersPerMonth}); the simulated
     * job seekers are a fixed population, so their contacts follow the vacancies.
     */
    double vacancyFactor() {
        return Math.pow(tightness / referenceTightness, vacancyElasticity);
    }

    /** The mean number of acceptable outside applicants a vacancy draws in a month at the scenario's tightness. */
    double outsidersPerMonth() {
        if (referenceOutsideFill <= 0) {
            return 0;
        }
        double atReference = -Math.log1p(-Math.min(referenceOutsideFill, 1 - 1e-12));
        return atReference * Math.pow(tightness / referenceTightness, -elasticity);
    }

    /** The monthly chance that outsiders fill a vacancy no simulated worker took: at least one acceptable outsider. */
    double outsideFillChance() {
        return -Math.expm1(-outsidersPerMonth());
    }

    /**
     * The chance that a simulated worker the employer would hire wins the vacancy against the outsiders, averaged
     * over their Poisson count: {@code E[1/(1+K)] = (1 - e^-mu) / mu}.
     */
    double insiderWinChance() {
        double mu = outsidersPerMonth();
        return mu < 1e-12 ? 1 : -Math.expm1(-mu) / mu;
    }

    /**
     * Whether the simulated worker wins against this month's outsiders.
     *
     * @param outsiders the acceptable outsiders at the vacancy this month ({@link #outsiders})
     * @param rank      the employer's uniform draw ranking the worker among the acceptable candidates
     */
    static boolean insiderWins(int outsiders, double rank) {
        return rank < 1.0 / (1 + outsiders);
    }

    /**
     * The acceptable outsiders at a vacancy this month, by inversion of one uniform draw of the vacancy's stream from
     * its upper end: a draw below the outside fill chance brings at least one, as a draw below the rate closed a
     * vacancy before this mechanism, so the same stream closes the same vacancies at the reference tightness.
     */
    int outsiders(double uniform) {
        double mu = outsidersPerMonth();
        if (mu <= 0) {
            return 0;
        }
        double fromTop = 1 - uniform;
        double p = Math.exp(-mu);
        double cumulative = p;
        int k = 0;
        while (fromTop > cumulative && k < 1000) {
            k++;
            p *= mu / k;
            cumulative += p;
        }
        return k;
    }

    /** Whether any vacancy can lapse (a lapse rate above 0): else no lapse draw is needed. */
    boolean canLapse() {
        return lapseRate > 0;
    }

    /** Whether an employer withdraws a vacancy no one filled this month. */
    boolean lapses(double uniform) {
        return uniform < lapseRate;
    }

    /** Whether the subsidy decided the hire: the draw hires with the subsidy and would not have without it. */
    static boolean tipped(double draw, double chanceWith, double chanceWithout) {
        return draw < chanceWith && draw >= chanceWithout;
    }

    /**
     * What would have become of the vacancy without a tipped hire made in {@code month}. A rival simulated worker who
     * applied in the same month and would have been hired and would have won against the outsiders comes first; else
     * the outsiders already there this month; else the vacancy's own later months decide (its outsider draws and its
     * lapse draws, the ones the run would have used), until the run ends.
     *
     * <p>Later simulated applicants are not followed: the insider displacement counted here is the direct one (a
     * rival turned away in the same month). Over a whole run it shows in the paired baseline as placements the
     * variant does not make.
     *
     * @param rivalWouldHaveWon  a simulated worker who applied this month would have been hired in the hire's place
     * @param outsidersThisMonth the acceptable outsiders at the vacancy this month
     * @param outsiderDraw       the vacancy's outsider uniform draw for a month
     * @param lapseDraw          the vacancy's lapse uniform draw for a month
     * @param lastMonth          the run's last month (inclusive)
     */
    Fate counterfactual(int month, boolean rivalWouldHaveWon, int outsidersThisMonth, IntToDoubleFunction outsiderDraw,
            IntToDoubleFunction lapseDraw, int lastMonth) {
        if (rivalWouldHaveWon) {
            return Fate.DISPLACED_INSIDER;
        }
        if (outsidersThisMonth > 0) {
            return Fate.DISPLACED_OUTSIDER;
        }
        if (lapses(lapseDraw.applyAsDouble(month))) {
            return Fate.NET_NEW;
        }
        for (int m = month + 1; m <= lastMonth; m++) {
            if (outsiders(outsiderDraw.applyAsDouble(m)) > 0) {
                return Fate.DISPLACED_OUTSIDER;
            }
            if (lapses(lapseDraw.applyAsDouble(m))) {
                return Fate.NET_NEW;
            }
        }
        return Fate.NET_NEW;
    }

    /**
     * How a subsidised hire counts: deadweight if the hire would have happened without the subsidy, else by what the
     * job would otherwise have gone to.
     */
    static Attribution attribute(double draw, double chanceWith, double chanceWithout, Fate otherwise) {
        if (!tipped(draw, chanceWith, chanceWithout)) {
            return Attribution.DEADWEIGHT;
        }
        return switch (otherwise) {
            case NET_NEW -> Attribution.NET_NEW;
            case DISPLACED_OUTSIDER -> Attribution.DISPLACED_OUTSIDER;
            case DISPLACED_INSIDER -> Attribution.DISPLACED_INSIDER;
        };
    }
}
