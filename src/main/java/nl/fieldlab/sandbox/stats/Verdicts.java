package nl.fieldlab.sandbox.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * The calls a report states: the headline family's corrected calls of the scenario's own run, kept only where every
 * seed-check run (if any) calls the same difference in the same direction. Every other difference is exploratory.
 *
 * @param family the verdicts of the run with the scenario's own seed
 * @param seeds  the verdicts of every seed run, the first being the scenario's own; null with one seed
 */
public record Verdicts(FamilyVerdicts family, SeedAgreement seeds) implements Calls {

    /** Holm's correction over the comparison's family, one seed. */
    public static Verdicts of(Comparison comparison) {
        return new Verdicts(FamilyVerdicts.of(comparison, Correction.HOLM), null);
    }

    @Override
    public boolean called(String variant, String metric) {
        return family.called(variant, metric) && (seeds == null || seeds.agreed(variant, metric));
    }

    /** The direction of a called difference: +1, -1, or 0 when it is not called. */
    public int direction(String variant, String metric) {
        if (!called(variant, metric)) {
            return 0;
        }
        return family.call(variant, metric) == FamilyVerdicts.Call.CALLED_UP ? 1 : -1;
    }

    /** The mark a report puts after a difference: " *" where it is called, else nothing. */
    public String mark(String variant, String metric) {
        return called(variant, metric) ? " *" : "";
    }

    /** The verdict in a word or two: "higher", "lower", "not called", "too few replications", "not tested". */
    public String verdict(String variant, String metric) {
        FamilyVerdicts.Call call = family.call(variant, metric);
        if (call == null) {
            return "exploratory";
        }
        return switch (call) {
            case CALLED_UP, CALLED_DOWN -> called(variant, metric)
                    ? (call == FamilyVerdicts.Call.CALLED_UP ? "higher" : "lower") : "not confirmed by every seed";
            case NOT_CALLED -> "not called";
            case TOO_FEW_REPLICATIONS -> "too few replications";
            case NOT_TESTED -> "not tested";
        };
    }

    @Override
    public String why(String variant, String metric) {
        FamilyVerdicts.Cell cell = family.cell(variant, metric);
        if (cell == null) {
            return "exploratory: not in the headline family, so no verdict";
        }
        String tests = "p " + p(cell.test().p()) + ", adjusted " + p(cell.pAdjusted());
        switch (cell.call()) {
            case NOT_TESTED:
                return "not tested: the variant ran the baseline's paths (its exemptions reached nobody or changed "
                        + "no answer)";
            case TOO_FEW_REPLICATIONS:
                return tooFewText();
            case NOT_CALLED:
                return "not significant after " + family.correction().label() + " (" + tests + ")";
            default:
                break;
        }
        String after = (cell.call() == FamilyVerdicts.Call.CALLED_UP ? "higher" : "lower") + " after "
                + family.correction().label() + " (" + tests + ")";
        if (seeds == null) {
            return after;
        }
        if (seeds.agreed(variant, metric)) {
            return after + ", and in every one of the " + seeds.runs().size() + " runs with independent seeds";
        }
        List<String> with = new ArrayList<>();
        for (int j = 0; j < seeds.runs().size(); j++) {
            if (seeds.runs().get(j).called(variant, metric)) {
                with.add(Long.toString(seeds.seeds().get(j)));
            }
        }
        if (with.size() == seeds.runs().size()) {
            return "called with opposite signs by the runs with independent seeds, so not called";
        }
        return "called with seed" + (with.size() == 1 ? " " : "s ") + String.join(", ", with) + " only, so not called";
    }

    /** Whether there were enough replications to state verdicts. */
    public boolean enoughReplications() {
        return family.enoughReplications();
    }

    /** "3 replications, below the 10 a verdict needs". */
    public String tooFewText() {
        return family.replications() + " replication" + (family.replications() == 1 ? "" : "s") + ", below the "
                + HeadlineFamily.MIN_REPLICATIONS + " a verdict needs";
    }

    /** The seeds of the runs, the scenario's own first; one seed without a seed check. */
    public int seedRuns() {
        return seeds == null ? 1 : seeds.runs().size();
    }

    /** A p-value in a report: two significant digits, "< 0.0001" below that, "" when it is not a number. */
    public static String p(double p) {
        if (Double.isNaN(p)) {
            return "";
        }
        if (p < 0.0001) {
            return "< 0.0001";
        }
        return new java.math.BigDecimal(p).round(new java.math.MathContext(2)).stripTrailingZeros()
                .toPlainString();
    }

}
