package nl.fieldlab.sandbox.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import nl.fieldlab.sandbox.domain.Question;

/**
 * Asks a variant's rule base in batches and never twice for the same question: rules are pure functions of their
 * facts and parameters, so an answer can be reused by every replication and thread of a run. Thread-safe.
 */
public final class Decider {

    private static final int MAX_ENTRIES = 2_000_000;

    private final RuleBase rules;
    private final Map<Question, Answer> cache = new ConcurrentHashMap<>();
    private final LongAdder asked = new LongAdder();
    private final LongAdder evaluated = new LongAdder();
    private final LongAdder batches = new LongAdder();

    public Decider(RuleBase rules) {
        this.rules = rules;
    }

    public RuleBase rules() {
        return rules;
    }

    /** Answers in the order of {@code questions}; only questions not seen before go to the rule engine, together. */
    public List<Answer> answer(List<Question> questions) {
        asked.add(questions.size());
        Answer[] out = new Answer[questions.size()];
        Map<Question, List<Integer>> missing = new LinkedHashMap<>();
        for (int i = 0; i < out.length; i++) {
            Question q = questions.get(i);
            Answer a = cache.get(q);
            if (a != null) {
                out[i] = a;
            } else {
                missing.computeIfAbsent(q, k -> new ArrayList<>(1)).add(i);
            }
        }
        if (!missing.isEmpty()) {
            List<Question> batch = new ArrayList<>(missing.keySet());
            List<Answer> answers = rules.decide(batch);
            evaluated.add(batch.size());
            batches.increment();
            if (cache.size() + batch.size() > MAX_ENTRIES) {
                cache.clear();
            }
            for (int j = 0; j < batch.size(); j++) {
                Answer a = answers.get(j);
                cache.putIfAbsent(batch.get(j), a);
                for (int i : missing.get(batch.get(j))) {
                    out[i] = a;
                }
            }
        }
        return java.util.Arrays.asList(out);
    }

    public Answer answer(Question q) {
        return answer(List.of(q)).get(0);
    }

    /** Questions asked, questions the rule engine evaluated, and engine sessions used. */
    public Stats stats() {
        return new Stats(asked.sum(), evaluated.sum(), batches.sum());
    }

    public record Stats(long asked, long evaluated, long batches) {
    }
}
