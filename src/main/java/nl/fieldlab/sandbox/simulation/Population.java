package nl.fieldlab.sandbox.simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import nl.fieldlab.sandbox.domain.CoursePayer;
import nl.fieldlab.sandbox.domain.Education;
import nl.fieldlab.sandbox.domain.Household;
import nl.fieldlab.sandbox.domain.Status;
import nl.fieldlab.sandbox.scenario.Range;
import nl.fieldlab.sandbox.scenario.Scenario;
import nl.fieldlab.sandbox.scenario.WorkerGroup;

/** Draws the synthetic population of a scenario from its random streams. */
public final class Population {

    private Population() {
    }

    /** Attribute slots of the POPULATION stream. */
    private static final int AGE = 0, BIRTHDAY = 1, EDUCATION = 2, HOUSEHOLD = 3, WAGE_VALUE = 4, DAILY_WAGE = 5,
            HISTORY = 6, UNEMPLOYED = 7, MEANS = 8, DISABLED = 9, YOUNG_CHILD = 10, SLOTS = 11;

    /**
     * The stock of every group, then (mechanism inflow) the entrants month by month and group by group: the stock
     * keeps its ids and draws whatever the inflow, and an entrant's attributes are drawn as the stock's are, from its
     * own id's slots, except that its spell out of work starts in its entry month.
     */
    public static Person[] draw(Scenario s, Fields fields, Rng rng) {
        List<Person> out = new ArrayList<>(s.workerCount());
        int sinceYear = Math.max(0, s.start().getYear() - 2016);
        for (int g = 0; g < s.workers().size(); g++) {
            WorkerGroup wg = s.workers().get(g);
            for (int k = 0; k < wg.count(); k++) {
                out.add(person(out.size(), g, wg, s, fields, rng, sinceYear, 0, false));
            }
        }
        for (int m = 0; m < s.months(); m++) {
            for (int g = 0; g < s.workers().size(); g++) {
                WorkerGroup wg = s.workers().get(g);
                for (int k = wg.entrantsIn(m); k > 0; k--) {
                    out.add(person(out.size(), g, wg, s, fields, rng, sinceYear, m, true));
                }
            }
        }
        return out.toArray(new Person[0]);
    }

    private static Person person(int id, int g, WorkerGroup wg, Scenario s, Fields fields, Rng rng, int sinceYear,
            int entryMonth, boolean entrant) {
        long e = (long) id * SLOTS;
        int age = draw(rng, e + AGE, wg.age(), 30);
        // nobody has worked longer than since age 16
        int history = Math.min(draw(rng, e + HISTORY, wg.workHistoryYears(), 0), Math.max(0, age - 16));
        Household household = pick(rng, e + HOUSEHOLD, wg.household(), Household.SINGLE);
        return new Person(
                id, g, wg.status(),
                wg.region() == null ? s.region() : wg.region(),
                age,
                rng.between(Rng.Stream.POPULATION, e + BIRTHDAY, 0, 1, 12),
                household,
                pick(rng, e + EDUCATION, wg.education(), Education.MBO2),
                fields.index(wg.field()),
                draw(rng, e + WAGE_VALUE, wg.wageValue(), 100),
                draw(rng, e + DAILY_WAGE, wg.dailyWage(), 0),
                history,
                Math.min(history, sinceYear),
                // an entrant's spell out of work starts when it enters
                entrant ? 0 : draw(rng, e + UNEMPLOYED, wg.monthsUnemployed(), 0),
                rng.uniform(Rng.Stream.POPULATION, e + MEANS, 0) < share(wg.meansTestShare(), 1),
                rng.uniform(Rng.Stream.POPULATION, e + DISABLED, 0) < share(wg.disabledShare(), 0),
                // a second draw of the disability slot, so that every other draw stays as it was
                rng.uniform(Rng.Stream.POPULATION, e + DISABLED, 1) < share(wg.illnessBenefitBeforeShare(), 0),
                wg.background() == null ? "NONE" : wg.background(),
                share(wg.layoffRate(), 0),
                household == Household.SINGLE_PARENT
                        && rng.uniform(Rng.Stream.POPULATION, e + YOUNG_CHILD, 0) < wg.childUnder12ShareOrDefault(),
                wg.coursePayer() == null ? CoursePayer.DEFAULT : wg.coursePayer(),
                entryMonth);
    }

    private static int draw(Rng rng, long entity, Range r, int orElse) {
        if (r == null) {
            return orElse;
        }
        return rng.between(Rng.Stream.POPULATION, entity, 0, r.min(), r.max());
    }

    private static double share(Double v, double orElse) {
        return v == null ? orElse : v;
    }

    private static <K extends Enum<K>> K pick(Rng rng, long entity, Map<K, Double> shares, K orElse) {
        if (shares == null || shares.isEmpty()) {
            return orElse;
        }
        double u = rng.uniform(Rng.Stream.POPULATION, entity, 0);
        double cum = 0;
        K last = orElse;
        // iterate in enum order so that the draw does not depend on the order keys were written in
        for (K k : shares.keySet().iterator().next().getDeclaringClass().getEnumConstants()) {
            Double p = shares.get(k);
            if (p == null || p == 0) {
                continue;
            }
            cum += p;
            last = k;
            if (u < cum) {
                return k;
            }
        }
        return last;
    }

    /** Whether a status means the worker lives on a benefit at the start. */
    static boolean onBenefit(Status s) {
        return s == Status.WW || s == Status.BIJSTAND || s == Status.WAJONG;
    }
}
