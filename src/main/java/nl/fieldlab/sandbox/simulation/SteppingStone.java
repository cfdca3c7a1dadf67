package nl.fieldlab.sandbox.simulation;

import nl.fieldlab.sandbox.scenario.Behaviour;

/**
 * Mechanism {@code stepping-stone}: a side job on a benefit changes the chance of reaching a regular job while it
 * lasts, by a factor that depends on how long the worker had been out of work when it began. Started early in the
 * spell it locks in (time and effort go to the part-time job, and part-time work is searched for and kept instead of
 * full-time work); started later it is a stepping stone (contacts, a reference, a foot in an employer's door). The
 * evidence has both signs, so either factor may lie on either side of 1 and a higher earnings disregard (E6), which
 * brings more side jobs, can raise or lower exits to work depending on who takes them.
 */
final class SteppingStone {

    static final String ID = "stepping-stone";

    private final double early;
    private final double late;
    private final double fromMonth;

    SteppingStone(Behaviour b) {
        early = b.get("sidejob.contact-factor.early");
        late = b.get("sidejob.contact-factor.late");
        fromMonth = b.get("sidejob.stepping-stone-from-month");
    }

    /**
     * The factor on the monthly chance of reaching a regular vacancy for a worker in a side job that began after
     * {@code monthsOutOfWorkAtStart} months out of work.
     */
    double contactFactor(int monthsOutOfWorkAtStart) {
        return monthsOutOfWorkAtStart >= fromMonth ? late : early;
    }

    /** The factor for a worker with or without a side job this month (1 without one). */
    double contactFactor(Spells.SideJob sideJob) {
        return sideJob == null ? 1 : contactFactor(sideJob.monthsOutOfWorkAtStart());
    }
}
