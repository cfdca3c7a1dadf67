package nl.fieldlab.sandbox.simulation;

import java.time.YearMonth;
import java.util.List;

import nl.fieldlab.sandbox.domain.Status;
import nl.fieldlab.sandbox.rules.Exemption;

/**
 * The outcomes a pilot of an exemption would measure, some months after each eligible person's intake ({@link
 * Intake}), summed per arm: in paid work that month (a simulated job, or a job outside the simulated employers;
 * a trial placement pays no wage and does not count), and receiving a benefit that month (WW, Wajong or bijstand).
 * Every run measures them for the scenario's exemptions, so that a variant's outcomes can be set against the
 * baseline's for the same people; a pilot run also splits them by the arm its assignment draws.
 *
 * <p>Layout per exemption: {@code [eligible treated, eligible control]}, then for arm (treated, control), month
 * after intake ({@link #MONTHS}) and field (observed, employed, on a benefit) the count of people.
 */
final class PilotOutcomes {

    /** Months after intake at which outcomes are measured (rules/evaluation/design-parameters.yaml lists them). */
    static final int[] MONTHS = {6, 12, 24, 36};
    static final int OBSERVED = 0;
    static final int EMPLOYED = 1;
    static final int ON_BENEFIT = 2;
    private static final int FIELDS = 3;
    /** The length of one exemption's counts. */
    static final int LENGTH = 2 + 2 * MONTHS.length * FIELDS;

    private final List<Exemption> measured;
    private final int[][] intake;
    private final boolean[][] treated;
    private final double[][] counts;
    /** per exemption and employer, hires of people eligible for it in the first {@link #HIRE_WINDOW} months */
    private final double[][] hires;

    /** The months from the start in which an employer's hires of eligible people count (randomisation by employer). */
    static final int HIRE_WINDOW = 12;

    PilotOutcomes(List<Exemption> measured, Person[] people, YearMonth[] monthOf, Assignment assignment,
            int employers) {
        this.measured = List.copyOf(measured);
        this.hires = new double[measured.size()][employers];
        this.intake = new int[measured.size()][people.length];
        this.treated = new boolean[measured.size()][people.length];
        this.counts = new double[measured.size()][LENGTH];
        for (int x = 0; x < measured.size(); x++) {
            Exemption ex = measured.get(x);
            for (int i = 0; i < people.length; i++) {
                intake[x][i] = Intake.month(ex, people[i], monthOf);
                treated[x][i] = assignment.treatedArm(ex, people[i]);
                if (intake[x][i] >= 0) {
                    counts[x][treated[x][i] ? 0 : 1]++;
                }
            }
        }
    }

    /** The index of a count: arm (0 treated, 1 control), month index {@code j} in {@link #MONTHS}, field. */
    static int index(int arm, int j, int field) {
        return 2 + (arm * MONTHS.length + j) * FIELDS + field;
    }

    /** Counts the outcomes of month {@code m}, at its end, for everyone whose intake was one of {@link #MONTHS} ago. */
    void observe(int m, Worker[] workers) {
        for (int x = 0; x < intake.length; x++) {
            int[] in = intake[x];
            for (int i = 0; i < in.length; i++) {
                if (in[i] < 0) {
                    continue;
                }
                int j = monthIndex(m - in[i]);
                if (j < 0) {
                    continue;
                }
                Worker w = workers[i];
                int arm = treated[x][i] ? 0 : 1;
                counts[x][index(arm, j, OBSERVED)]++;
                counts[x][index(arm, j, EMPLOYED)] += employed(w) ? 1 : 0;
                counts[x][index(arm, j, ON_BENEFIT)] += onBenefit(w) ? 1 : 0;
            }
        }
    }

    /** Counts a hire by {@code employer} of person {@code id} in month {@code m}, for each exemption it is eligible for. */
    void hired(int id, int employer, int m) {
        if (employer < 0 || m >= HIRE_WINDOW) {
            return;
        }
        for (int x = 0; x < intake.length; x++) {
            if (intake[x][id] >= 0 && intake[x][id] <= m) {
                hires[x][employer]++;
            }
        }
    }

    /** In paid work: a simulated job, or a job outside the simulated employers; not a trial placement. */
    static boolean employed(Worker w) {
        return w.active && (w.employed() || !w.inTrial() && w.status == Status.EMPLOYED);
    }

    /** Receiving WW, Wajong or bijstand this month. */
    static boolean onBenefit(Worker w) {
        return w.active && w.benefit != null;
    }

    /** Hands the counts to the run's totals. */
    void into(RunTotals totals) {
        for (int x = 0; x < measured.size(); x++) {
            totals.pilot.put(measured.get(x).id(), counts[x].clone());
            totals.pilotHires.put(measured.get(x).id(), hires[x].clone());
        }
    }

    private static int monthIndex(int k) {
        for (int j = 0; j < MONTHS.length; j++) {
            if (MONTHS[j] == k) {
                return j;
            }
        }
        return -1;
    }
}
