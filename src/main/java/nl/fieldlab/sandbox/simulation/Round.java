package nl.fieldlab.sandbox.simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import nl.fieldlab.sandbox.domain.Question;
import nl.fieldlab.sandbox.rules.Answer;
import nl.fieldlab.sandbox.rules.Decider;

/**
 * Questions asked together, in one batch to the rules, with what to do with each answer; an answer may ask further
 * questions, which go in the next batch. Counts, for the report, what the exemptions in scope changed against the
 * baseline's answer to the same question.
 */
final class Round {

    private final Decider decider;
    private final Decider baseline;
    private final Reach reach;
    private final BiConsumer<Question, Answer> observer;
    private final List<Question> questions = new ArrayList<>();
    private final List<Consumer<Answer>> then = new ArrayList<>();

    /**
     * @param baseline the baseline's decider (null in the baseline itself)
     * @param observer sees every question and its answer (tests), or null
     */
    Round(Decider decider, Decider baseline, Reach reach, BiConsumer<Question, Answer> observer) {
        this.decider = decider;
        this.baseline = baseline;
        this.reach = reach;
        this.observer = observer;
    }

    void ask(Question q, Consumer<Answer> k) {
        questions.add(q);
        then.add(k);
    }

    /** Asks everything asked so far, and what the answers ask in turn, until nothing is left. */
    void resolve() {
        while (!questions.isEmpty()) {
            List<Question> qs = new ArrayList<>(questions);
            List<Consumer<Answer>> ks = new ArrayList<>(then);
            questions.clear();
            then.clear();
            List<Answer> answers = answer(qs);
            for (int i = 0; i < qs.size(); i++) {
                ks.get(i).accept(answers.get(i));
            }
        }
    }

    /** Asks a batch; counts what the exemptions in scope changed against the baseline's answers. */
    List<Answer> answer(List<Question> questions) {
        List<Answer> answers = decider.answer(questions);
        if (observer != null) {
            for (int i = 0; i < questions.size(); i++) {
                observer.accept(questions.get(i), answers.get(i));
            }
        }
        if (baseline != null && reach.any()) {
            List<Question> inScope = new ArrayList<>();
            List<Integer> where = new ArrayList<>();
            for (int i = 0; i < questions.size(); i++) {
                if (!questions.get(i).exemptions().isEmpty()) {
                    inScope.add(baseline.asAsked(questions.get(i)));
                    where.add(i);
                }
            }
            if (!inScope.isEmpty()) {
                List<Answer> before = baseline.answer(inScope);
                for (int j = 0; j < inScope.size(); j++) {
                    int i = where.get(j);
                    reach.answered(questions.get(i), answers.get(i), before.get(j));
                }
            }
        }
        return answers;
    }
}
