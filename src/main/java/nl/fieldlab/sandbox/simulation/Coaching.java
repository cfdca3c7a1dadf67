package nl.fieldlab.sandbox.simulation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;
import java.util.function.ToIntFunction;

import nl.fieldlab.sandbox.scenario.Behaviour;

/**
 * Mechanism {@code coaching}: a provider paid per outcome coaches a capped cohort for a few months, picking most of
 * it by predicted job chance (cream-skimming); coached workers reach and win vacancies more often (the boosts are in
 * {@link JobSearch} and {@link Hiring}).
 */
final class Coaching {

    static final String ID = "coaching";

    private final int months;
    private final double creamSkimming;

    Coaching(Behaviour b) {
        months = (int) Math.round(b.get("coaching.months"));
        creamSkimming = b.get("coaching.cream-skimming");
    }

    /** Months a coaching project lasts. */
    int months() {
        return months;
    }

    /** Share of a cohort picked by predicted job chance; the rest is picked at random. */
    double creamSkimming() {
        return creamSkimming;
    }

    /**
     * This month's cohort of {@code size}: the share picked by prediction from the candidates with the highest
     * predicted chance (ties by id), the rest by lottery among the others (lowest draw first).
     */
    <T> List<T> pick(List<T> candidates, ToDoubleFunction<T> predicted, ToDoubleFunction<T> lottery,
            ToIntFunction<T> id, int size) {
        List<T> byChance = new ArrayList<>(candidates);
        byChance.sort(Comparator.comparingDouble((T t) -> -predicted.applyAsDouble(t)).thenComparingInt(id));
        int n = Math.min(size, candidates.size());
        int top = Math.min(n, (int) Math.round(size * creamSkimming));
        List<T> out = new ArrayList<>(byChance.subList(0, top));
        List<T> rest = new ArrayList<>(byChance.subList(top, byChance.size()));
        rest.sort(Comparator.comparingDouble(lottery).thenComparingInt(id));
        out.addAll(rest.subList(0, n - top));
        return out;
    }

    /**
     * The project's predicted chance that a participant is in work after {@code months} without it (the contract's
     * prediction model): the monthly contact and hiring chances compounded.
     */
    static double predictedSuccess(double contact, double hire, int months) {
        return 1 - Math.pow(1 - contact * Math.min(1, hire), months);
    }
}
