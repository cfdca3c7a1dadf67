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

    Reach(List<Exemption> exemptions, int people) {
        this.exemptions = exemptions;
        workers = new BitSet[exemptions.size()];
        for (int i = 0; i < workers.length; i++) {
            workers[i] = new BitSet(people);
        }
        questions = new long[exemptions.size()];
        changed = new long[exemptions.size()][QuestionType.values().length];
    }

    boolean any() {
        return !exemptions.isEmpty();
    }

    void asked(Question q, int worker) {
        if (q.exemptions().isEmpty()) {
            return;
        }
        for (int i = 0; i < exemptions.size(); i++) {
            if (q.exemptions().contains(exemptions.get(i).id())) {
                workers[i].set(worker);
                questions[i]++;
            }
        }
    }

    void answered(Question q, Answer variant, Answer baseline) {
        if (variant.sameOutcome(baseline)) {
            return;
        }
        for (int i = 0; i < exemptions.size(); i++) {
            if (q.exemptions().contains(exemptions.get(i).id())) {
                changed[i][q.type().ordinal()]++;
            }
        }
    }

    void into(RunTotals totals, Caps caps) {
        for (int i = 0; i < exemptions.size(); i++) {
            String id = exemptions.get(i).id();
            totals.reach(id, workers[i].cardinality(), questions[i], changed[i], caps.participants(i),
                    caps.refusedAdmissions(i), caps.paid(i), caps.refusedPayments(i));
        }
    }
}
