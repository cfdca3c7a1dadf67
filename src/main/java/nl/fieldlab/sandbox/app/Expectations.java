package nl.fieldlab.sandbox.app;

import java.util.ArrayList;
import java.util.List;

import nl.fieldlab.sandbox.report.ReportWriter;
import nl.fieldlab.sandbox.rules.Variant;
import nl.fieldlab.sandbox.scenario.ExpectationSpec;
import nl.fieldlab.sandbox.stats.Comparison;
import nl.fieldlab.sandbox.stats.Summary;

/** Checks a scenario's expectations against a run's comparison. */
public final class Expectations {

    private Expectations() {
    }

    /**
     * One expectation's outcome.
     *
     * @param claim   the expectation in words
     * @param value   the measured value (mean with its CI)
     * @param holds   whether it held
     */
    public record Verdict(ExpectationSpec spec, String claim, String value, boolean holds) {
    }

    public static List<Verdict> check(List<ExpectationSpec> specs, Comparison c) {
        List<Verdict> out = new ArrayList<>();
        for (ExpectationSpec e : specs) {
            out.add(check(e, c));
        }
        return out;
    }

    static Verdict check(ExpectationSpec e, Comparison c) {
        if (!c.metrics().containsKey(e.metric())) {
            return new Verdict(e, e.variant() + ": " + e.metric(), "no such metric in this run", false);
        }
        if (Boolean.TRUE.equals(e.raises()) || Boolean.TRUE.equals(e.lowers())) {
            boolean raises = Boolean.TRUE.equals(e.raises());
            Summary d = c.differences().containsKey(e.variant()) ? c.differences().get(e.variant()).get(e.metric())
                    : null;
            String claim = e.variant() + " " + (raises ? "raises" : "lowers") + " " + e.metric() + " over the "
                    + Variant.BASELINE + " (95 % CI of the difference " + (raises ? "above" : "below") + " 0)";
            if (d == null || d.n() < 2) {
                return new Verdict(e, claim, "no paired difference", false);
            }
            boolean holds = raises ? d.ciLow() > 0 : d.ciHigh() < 0;
            return new Verdict(e, claim, "difference " + ReportWriter.cell(d, true), holds);
        }
        Summary s = c.metrics().get(e.metric()).get(e.variant());
        boolean below = e.below() != null;
        double bound = below ? e.below() : e.above();
        String claim = e.variant() + " " + e.metric() + " " + (below ? "below " : "above ") + ReportWriter.fmt(bound)
                + " (mean)";
        if (s == null || s.n() == 0) {
            return new Verdict(e, claim, "no value", false);
        }
        boolean holds = below ? s.mean() < bound : s.mean() > bound;
        return new Verdict(e, claim, ReportWriter.cell(s, false), holds);
    }
}
