package nl.fieldlab.sandbox.simulation;

import java.util.BitSet;
import java.util.List;

import nl.fieldlab.sandbox.domain.Question;
import nl.fieldlab.sandbox.domain.QuestionType;
import nl.fieldlab.sandbox.rules.Answer;
import nl.fieldlab.sandbox.rules.Exemption;

/**
 * How far each exemption of the variant reached: the workers and questions in its scope, and the answers it
 * changed against the baseline's answer to the same question, by question type.
 */
final class Reach {
    private final List<Exemption> exemptions;
    private final BitSet[] workers;
    private final long[] questions;
    private final long[][] changed;
    /** in-scope questions asked and not yet answered -> the worker asked about */
    private final java.util.IdentityHashMap<Question, Person> pending = new java.util.IdentityHashMap<>();
    private final List<List<ChangedAnswer>> examples = new java.util.ArrayList<>();

    Reach(List<Exemption> exemptions, int people) {
        this.exemptions = exemptions;
        workers = new BitSet[exemptions.size()];
        for (int i = 0; i < workers.length; i++) {
            workers[i] = new BitSet(people);
        }
        questions = new long[exemptions.size()];
        changed = new long[exemptions.size()][QuestionType.values().length];
        for (int i = 0; i < exemptions.size(); i++) {
            examples.add(new java.util.ArrayList<>());
        }
    }

    boolean any() {
        return !exemptions.isEmpty();
    }

    void asked(Question q, Person worker) {
        if (q.exemptions().isEmpty()) {
            return;
        }
        pending.put(q, worker);
        for (int i = 0; i < exemptions.size(); i++) {
            if (q.exemptions().contains(exemptions.get(i).id())) {
                workers[i].set(worker.id());
                questions[i]++;
            }
        }
    }

    /**
     * Forgets the questions of a month that were never put to the rules (every question a month asks is answered
     * within it), so that the map stays as small as one month's questions.
     */
    void monthDone() {
        pending.clear();
    }

    void answered(Question q, Answer variant, Answer baseline) {
        Person who = pending.remove(q);
        if (variant.sameOutcome(baseline)) {
            return;
        }
        for (int i = 0; i < exemptions.size(); i++) {
            if (q.exemptions().contains(exemptions.get(i).id())) {
                changed[i][q.type().ordinal()]++;
                if (who != null && examples.get(i).size() < ChangedAnswer.KEPT) {
                    List<String> here = new java.util.ArrayList<>(variant.fired());
                    here.removeAll(baseline.fired());
                    List<String> base = new java.util.ArrayList<>(baseline.fired());
                    base.removeAll(variant.fired());
                    examples.get(i).add(new ChangedAnswer(who.id(), who.group(), exemptions.get(i).id(), q.month(),
                            q.type(), baseline.blockedBy(), variant.blockedBy(), List.copyOf(here), List.copyOf(base),
                            terms(baseline, variant), -1, -1));
                }
            }
        }
    }

    /** The entitlements, obligations and amounts whose values differ: {@code key base -> variant}. */
    static List<String> terms(Answer base, Answer variant) {
        java.util.TreeMap<String, double[]> values = new java.util.TreeMap<>();
        for (int side = 0; side < 2; side++) {
            Answer a = side == 0 ? base : variant;
            for (List<Answer.ValueLine> lines : List.of(a.entitlements(), a.obligations(), a.amounts())) {
                for (Answer.ValueLine l : lines) {
                    values.computeIfAbsent(l.key(), k -> new double[] {Double.NaN, Double.NaN})[side] = l.value();
                }
            }
        }
        List<String> out = new java.util.ArrayList<>();
        values.forEach((k, v) -> {
            if (Double.compare(v[0], v[1]) != 0) {
                out.add(k + " " + value(v[0]) + " -> " + value(v[1]));
            }
        });
        return List.copyOf(out);
    }

    private static String value(double v) {
        return Double.isNaN(v) ? "none" : v == Math.rint(v) && Math.abs(v) < 1e9 ? String.valueOf((long) v)
                : String.format(java.util.Locale.ROOT, "%.2f", v);
    }

    void into(RunTotals totals, Caps caps) {
        for (int i = 0; i < exemptions.size(); i++) {
            String id = exemptions.get(i).id();
            totals.reach(id, workers[i].cardinality(), questions[i], changed[i], caps.participants(i),
                    caps.refusedAdmissions(i), caps.paid(i), caps.refusedPayments(i));
            totals.changedAnswers.addAll(examples.get(i));
        }
    }
}
