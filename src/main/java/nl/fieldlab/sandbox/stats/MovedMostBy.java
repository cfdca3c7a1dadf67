package nl.fieldlab.sandbox.stats;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;

/**
 * Which drawn value moved a result most across the draws: each value's Spearman rank correlation with the result,
 * a two-sided p-value from {@code t = rho sqrt((N-2)/(1-rho^2))} on N-2 degrees of freedom, Holm's step-down
 * correction across the drawn values, and the value with the largest |rho| among those whose adjusted p-value is
 * below {@link HeadlineFamily#ALPHA}. With 32 draws and 20 values a value is named only at about |rho| >= 0.52: it
 * names one only when it clearly dominates.
 *
 * @param named   the value named, or null when none passes Holm's bar
 * @param largest the value with the largest |rho| (named or not), or null when no correlation is defined
 * @param each    value -> its correlation, in the order given
 * @param tooFewDraws fewer than {@link #MIN_DRAWS} draws: nothing is computed or named
 */
public record MovedMostBy(String named, String largest, Map<String, Correlation> each, boolean tooFewDraws) {

    /** One value's rank correlation with the result, its p-value and its Holm-adjusted p-value. */
    public record Correlation(double rho, double p, double holm) {
    }

    /**
     * Fewest draws on which a value is named: below 10 a rank correlation takes few distinct values (4 draws: 24
     * orderings, so |rho| = 1 by chance once in 12) and its t approximation is not to be trusted.
     */
    public static final int MIN_DRAWS = 10;

    /** From each drawn value's draws (name -> N values) and the result of each draw (N values). */
    public static MovedMostBy of(Map<String, double[]> drawn, double[] result) {
        int n = result.length;
        if (n < MIN_DRAWS) {
            Map<String, Correlation> none = new LinkedHashMap<>();
            drawn.keySet().forEach(name -> none.put(name, new Correlation(Double.NaN, Double.NaN, Double.NaN)));
            return new MovedMostBy(null, null, none, true);
        }
        Map<String, Correlation> each = new LinkedHashMap<>();
        List<String> defined = new ArrayList<>();
        Map<String, Double> rho = new LinkedHashMap<>();
        Map<String, Double> p = new LinkedHashMap<>();
        SpearmansCorrelation spearman = new SpearmansCorrelation();
        drawn.forEach((name, x) -> {
            double r = n < 3 ? Double.NaN : spearman.correlation(x, result);
            rho.put(name, r);
            p.put(name, pValue(r, n));
            if (!Double.isNaN(r)) {
                defined.add(name);
            }
        });
        // Holm: the i-th smallest p (0-based) times (m - i), kept monotone, capped at 1
        int m = defined.size();
        List<String> byP = new ArrayList<>(defined);
        byP.sort(Comparator.comparingDouble(p::get));
        Map<String, Double> holm = new LinkedHashMap<>();
        double running = 0;
        for (int i = 0; i < m; i++) {
            running = Math.max(running, Math.min(1, (m - i) * p.get(byP.get(i))));
            holm.put(byP.get(i), running);
        }
        String named = null;
        String largest = null;
        for (String name : drawn.keySet()) {
            double adjusted = holm.getOrDefault(name, Double.NaN);
            each.put(name, new Correlation(rho.get(name), p.get(name), adjusted));
            if (Double.isNaN(rho.get(name))) {
                continue;
            }
            if (largest == null || Math.abs(rho.get(name)) > Math.abs(rho.get(largest))) {
                largest = name;
            }
            boolean larger = named == null || Math.abs(rho.get(name)) > Math.abs(rho.get(named));
            if (adjusted < HeadlineFamily.ALPHA && larger) {
                named = name;
            }
        }
        return new MovedMostBy(named, largest, each, false);
    }

    /** Two-sided p-value of a rank correlation over n pairs (NaN when undefined). */
    static double pValue(double rho, int n) {
        if (Double.isNaN(rho) || n < 3) {
            return Double.NaN;
        }
        if (Math.abs(rho) >= 1) {
            return 0;
        }
        double t = rho * Math.sqrt((n - 2) / (1 - rho * rho));
        return 2 * new TDistribution(null, n - 2).cumulativeProbability(-Math.abs(t));
    }

    /** As {@code search.in-course-factor.exempt (+0.66)} or {@code no single value (largest: x, +0.31)}. */
    public String text() {
        if (named != null) {
            return named + " (" + signed(each.get(named).rho()) + ")";
        }
        if (tooFewDraws) {
            return "too few draws to name one (fewer than " + MIN_DRAWS + ")";
        }
        return largest == null ? "no single value" : "no single value (largest: " + largest + ", "
                + signed(each.get(largest).rho()) + ")";
    }

    static String signed(double v) {
        return String.format(Locale.ROOT, "%+.2f", v);
    }
}
