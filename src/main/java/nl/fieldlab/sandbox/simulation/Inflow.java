package nl.fieldlab.sandbox.simulation;

/**
 * Mechanism {@code inflow}: new WW and bijstand entrants arrive each month, per worker group, at the scenario's rate,
 * so that a cap fills over the months of a running fieldlab instead of from the stock in its first months.
 *
 * <p>The entrants of a group in a month are a Poisson count with the group's monthly rate, drawn from the population's
 * seed (not the replication's behaviour streams) and so the same in every variant: a variant changes what happens to
 * the entrants, never who enters. Entrants are numbered after the stock, month by month and group by group, so the
 * stock keeps its ids and its draws.
 */
final class Inflow {

    static final String ID = "inflow";

    private final int[][] entrants;
    private final int[][] firstId;
    private final int total;

    private Inflow(int[][] entrants, int stock) {
        this.entrants = entrants;
        this.firstId = new int[entrants.length][];
        int next = stock;
        for (int m = 0; m < entrants.length; m++) {
            firstId[m] = new int[entrants[m].length];
            for (int g = 0; g < entrants[m].length; g++) {
                firstId[m][g] = next;
                next += entrants[m][g];
            }
        }
        this.total = next - stock;
    }

    /**
     * The entrants of each group in each month of the run.
     *
     * @param perMonth the mean number of entrants a month of each worker group (0: a closed group)
     * @param months   the months of the run
     * @param stock    the people in the population at the start (the entrants' ids follow theirs)
     * @param rng      the population's streams (drawn once for all variants and, for a fixed population, all
     *                 replications)
     */
    static Inflow schedule(double[] perMonth, int months, int stock, Rng rng) {
        int[][] entrants = new int[months][perMonth.length];
        for (int m = 0; m < months; m++) {
            for (int g = 0; g < perMonth.length; g++) {
                entrants[m][g] = rng.poisson(Rng.Stream.INFLOW, g, m, perMonth[g]);
            }
        }
        return new Inflow(entrants, stock);
    }

    /** The entrants of group {@code group} in month {@code month}. */
    int entrants(int month, int group) {
        return entrants[month][group];
    }

    /** The id of the first entrant of {@code group} in {@code month}; its others follow it. */
    int firstId(int month, int group) {
        return firstId[month][group];
    }

    /** All entrants over the run. */
    int total() {
        return total;
    }
}
