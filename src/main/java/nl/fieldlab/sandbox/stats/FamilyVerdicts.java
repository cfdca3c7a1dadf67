package nl.fieldlab.sandbox.stats;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The headline family's tests of one run, corrected together: for each variant and member, the paired difference,
 * its test, the adjusted p and the call. The tests of all variants form one family (m = members x tested variants),
 * because a report states the verdicts of all its variants at once.
 */
public final class FamilyVerdicts {

    /** What a family cell says. */
    public enum Call {
        /** higher than the baseline, after the correction */
        CALLED_UP,
        /** lower than the baseline, after the correction */
        CALLED_DOWN,
        /** not significant after the correction */
        NOT_CALLED,
        /** fewer replications than {@link HeadlineFamily#MIN_REPLICATIONS}: no verdict is stated */
        TOO_FEW_REPLICATIONS,
        /**
         * the variant's family differences are exactly 0 in every replication: under common random numbers it ran
         * the baseline's paths (its exemptions reached nobody or changed no answer), so it is no hypothesis, and
         * counting it would only raise the bar for the others
         */
        NOT_TESTED;

        public boolean called() {
            return this == CALLED_UP || this == CALLED_DOWN;
        }
    }

    /** One variant and member: the difference to the baseline, its test, the adjusted p and the call. */
    public record Cell(Summary diff, PairedTest test, double pAdjusted, Call call) {
    }

    private final Map<String, Map<String, Cell>> cells;
    private final Correction correction;
    private final int size;
    private final int replications;

    private FamilyVerdicts(Map<String, Map<String, Cell>> cells, Correction correction, int size, int replications) {
        this.cells = cells;
        this.correction = correction;
        this.size = size;
        this.replications = replications;
    }

    public static FamilyVerdicts of(Comparison comparison, Correction correction) {
        return of(comparison.differences(), correction);
    }

    /**
     * The verdicts over {@code differences} (variant -> metric -> paired difference; metrics outside the family are
     * ignored, and a variant lacking a member is an error of the caller).
     */
    public static FamilyVerdicts of(Map<String, Map<String, Summary>> differences, Correction correction) {
        List<String> variants = new ArrayList<>(differences.keySet());
        List<String> tested = new ArrayList<>();
        int replications = 0;
        for (String v : variants) {
            boolean identical = true;
            for (HeadlineFamily.Member member : HeadlineFamily.MEMBERS) {
                Summary d = member(differences, v, member.metric());
                replications = Math.max(replications, d.n());
                identical &= d.n() >= 2 && d.mean() == 0 && d.sd() == 0;
            }
            if (!identical) {
                tested.add(v);
            }
        }
        double[] p = new double[tested.size() * HeadlineFamily.MEMBERS.size()];
        int k = 0;
        for (String v : tested) {
            for (HeadlineFamily.Member member : HeadlineFamily.MEMBERS) {
                p[k++] = PairedTest.of(member(differences, v, member.metric())).p();
            }
        }
        double[] adjusted = correction.adjust(p);
        int size = (int) java.util.Arrays.stream(p).filter(x -> !Double.isNaN(x)).count();
        Map<String, Map<String, Cell>> cells = new LinkedHashMap<>();
        k = 0;
        for (String v : variants) {
            Map<String, Cell> row = new LinkedHashMap<>();
            boolean isTested = tested.contains(v);
            for (HeadlineFamily.Member member : HeadlineFamily.MEMBERS) {
                Summary d = member(differences, v, member.metric());
                PairedTest test = PairedTest.of(d);
                double pAdjusted = isTested ? adjusted[k++] : Double.NaN;
                Call call;
                if (!isTested) {
                    call = Call.NOT_TESTED;
                } else if (d.n() < HeadlineFamily.MIN_REPLICATIONS) {
                    call = Call.TOO_FEW_REPLICATIONS;
                } else if (pAdjusted <= HeadlineFamily.ALPHA) {
                    call = d.mean() > 0 ? Call.CALLED_UP : Call.CALLED_DOWN;
                } else {
                    call = Call.NOT_CALLED;
                }
                row.put(member.metric(), new Cell(d, test, pAdjusted, call));
            }
            cells.put(v, Collections.unmodifiableMap(row));
        }
        return new FamilyVerdicts(Collections.unmodifiableMap(cells), correction, size, replications);
    }

    private static Summary member(Map<String, Map<String, Summary>> differences, String variant, String metric) {
        Summary d = differences.get(variant).get(metric);
        if (d == null) {
            throw new IllegalArgumentException("no difference for " + metric + " in variant " + variant);
        }
        return d;
    }

    /** The cell of a variant and family member, or null when either is not in the family. */
    public Cell cell(String variant, String metric) {
        return cells.getOrDefault(variant, Map.of()).get(metric);
    }

    /** Whether the difference is called after the correction (false outside the family). */
    public boolean called(String variant, String metric) {
        Cell c = cell(variant, metric);
        return c != null && c.call().called();
    }

    /** The call, or null outside the family. */
    public Call call(String variant, String metric) {
        Cell c = cell(variant, metric);
        return c == null ? null : c.call();
    }

    /** The variants, in the comparison's order. */
    public List<String> variants() {
        return List.copyOf(cells.keySet());
    }

    /** m: the tests corrected together. */
    public int size() {
        return size;
    }

    public Correction correction() {
        return correction;
    }

    /** The replications the differences rest on (the most any cell counted). */
    public int replications() {
        return replications;
    }

    /** Whether there were enough replications to state verdicts. */
    public boolean enoughReplications() {
        return replications >= HeadlineFamily.MIN_REPLICATIONS;
    }

    /** The variants that were no hypothesis (see {@link Call#NOT_TESTED}). */
    public List<String> untested() {
        return cells.keySet().stream()
                .filter(v -> cells.get(v).values().stream().allMatch(c -> c.call() == Call.NOT_TESTED)).toList();
    }
}
