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
 *
 * <p>A variant's decider may hand the questions no exemption covers to the baseline's decider (see
 * {@link RuleBase#answersOutsideScopeLike(RuleBase)}): there only baseline rules can fire, so the baseline's answer is
 * the variant's, and with common random numbers most of them were asked there already.
 */
public final class Decider {

    /**
     * Answers kept before the cache starts again: a sixteenth of the heap at about a kilobyte per answer (question,
     * facts and lines), so that a large population's many distinct questions cannot fill the heap. Clearing costs
     * only time: an answer asked again is decided again, the same.
     */
    static final int MAX_ENTRIES = (int) Math.max(20_000,
            Math.min(2_000_000, Runtime.getRuntime().maxMemory() / 16 / 1024));

    /**
     * Questions per rule session at most: a session holds every fact its rules derive until it ends, so a month's
     * questions for a large population go in sessions of this size (answers do not depend on the batch).
     */
    static final int SESSION_SIZE = 1_000;

    private final RuleBase rules;
    private final Engine engine;
    /** Whether {@link #engine} is the rule base's own rule engine. */
    private final boolean ownEngine;
    /** Answers this decider keeps (see {@link #shareWith}). */
    private volatile long capacity = MAX_ENTRIES;
    /** Answers this variant's questions that no exemption covers, or null to answer them here. */
    private final Decider outside;
    private final Map<Question.Key, Answer> cache = new ConcurrentHashMap<>();
    private final LongAdder asked = new LongAdder();
    private final LongAdder evaluated = new LongAdder();
    private final LongAdder batches = new LongAdder();
    private final LongAdder engineNanos = new LongAdder();

    /** What answers a batch of distinct questions, in their order. */
    @FunctionalInterface
    public interface Engine {
        List<Answer> decide(List<Question> questions);
    }

    /** Asks {@code rules}' own rule engine. */
    public Decider(RuleBase rules) {
        this(rules, null, null);
    }

    /**
     * Asks {@code engine} instead of the rule base's rule engine, with the rule base's parameters and scopes (the
     * benchmark's plain-Java floor uses this; a simulation never does).
     */
    public Decider(RuleBase rules, Engine engine) {
        this(rules, java.util.Objects.requireNonNull(engine), null);
    }

    /**
     * Asks {@code rules}' own rule engine for questions an exemption covers, and {@code outside} (the baseline's
     * decider) for the others.
     *
     * @throws IllegalArgumentException when {@code outside}'s rules may answer those questions differently
     */
    public Decider(RuleBase rules, Decider outside) {
        this(rules, null, outside);
        if (!rules.answersOutsideScopeLike(outside.rules())) {
            throw new IllegalArgumentException(outside.rules().variant().name() + " cannot answer for "
                    + rules.variant().name() + " outside its exemptions' scope");
        }
    }

    /** @param engine null for the rule base's own rule engine */
    private Decider(RuleBase rules, Engine engine, Decider outside) {
        this.rules = rules;
        this.engine = engine == null ? rules::decide : engine;
        this.ownEngine = engine == null;
        this.outside = outside;
    }

    public RuleBase rules() {
        return rules;
    }

    /** The decider this one hands its questions outside every exemption's scope to, or null. */
    public Decider outside() {
        return outside;
    }

    /**
     * Keeps {@link #MAX_ENTRIES} answers, and as many again for each of {@code deciders} variants' deciders that hand
     * this one their questions outside scope (those keep few answers of their own), so that the deciders of a run
     * keep no more than they would apart.
     */
    public void shareWith(int deciders) {
        capacity = MAX_ENTRIES * (1L + Math.max(0, deciders));
    }

    /**
     * Whether this decider gives every question the answer a new decider of {@code other}, handing its questions
     * outside scope to {@code otherOutside}, would give: the same compiled rules, rule library and variant (name,
     * exemptions, parameter values, municipal choices), asking the rule engine, and the same decider outside.
     */
    public boolean answersAs(RuleBase other, Decider otherOutside) {
        return ownEngine && rules.sameAs(other) && outside == otherOutside;
    }

    /** Answers in the order of {@code questions}; only questions not seen before go to the rule engine, together. */
    public List<Answer> answer(List<Question> questions) {
        asked.add(questions.size());
        if (outside == null) {
            return answerHere(questions);
        }
        List<Question> here = new ArrayList<>(questions.size());
        List<Question> there = new ArrayList<>();
        for (Question q : questions) {
            if (q.exemptions().isEmpty()) {
                there.add(outside.asAsked(q));
            } else {
                here.add(q);
            }
        }
        if (there.isEmpty()) {
            return answerHere(questions);
        }
        List<Answer> fromHere = answerHere(here);
        List<Answer> fromThere = outside.answerHere(there);
        Answer[] out = new Answer[questions.size()];
        int h = 0;
        int t = 0;
        for (int i = 0; i < out.length; i++) {
            out[i] = questions.get(i).exemptions().isEmpty() ? fromThere.get(t++) : fromHere.get(h++);
        }
        return java.util.Arrays.asList(out);
    }

    /**
     * {@code q} as this decider's rule base asks it with no exemption in scope: the facts its rules read (a rule base
     * with more rules reads at least these, so narrowing again gives what asking here from the start would; a ramp-up
     * or counterfactual chance no rule here reads takes its neutral value, as the simulator gives it) and its
     * parameter values in {@code q}'s month.
     */
    public Question asAsked(Question q) {
        FactUsage usage = rules.usage();
        return new Question(q.type(), q.month(), q.startYear(), usage.relevant(q.type(), q.worker()), q.employer(),
                q.course(), q.formerEmployee(), q.afterTrial(), usage.mentions("rampUpPct") ? q.rampUpPct() : 100,
                usage.mentions("counterfactualPct") ? q.counterfactualPct() : 0, java.util.Set.of(),
                rules.parameters(q.month(), java.util.Set.of()));
    }

    /** Answers from this decider's cache and rule engine (without counting them as asked). */
    private List<Answer> answerHere(List<Question> questions) {
        if (questions.isEmpty()) {
            return List.of();
        }
        Answer[] out = new Answer[questions.size()];
        Map<Question.Key, List<Integer>> missing = new LinkedHashMap<>();
        for (int i = 0; i < out.length; i++) {
            Question.Key key = questions.get(i).key();
            Answer a = cache.get(key);
            if (a != null) {
                out[i] = a;
            } else {
                missing.computeIfAbsent(key, k -> new ArrayList<>(1)).add(i);
            }
        }
        if (!missing.isEmpty()) {
            List<Question.Key> keys = new ArrayList<>(missing.keySet());
            if (cache.size() + keys.size() > capacity) {
                cache.clear();
            }
            for (int from = 0; from < keys.size(); from += SESSION_SIZE) {
                List<Question.Key> chunk = keys.subList(from, Math.min(keys.size(), from + SESSION_SIZE));
                List<Question> batch = new ArrayList<>(chunk.size());
                for (Question.Key k : chunk) {
                    batch.add(k.question());
                }
                long t0 = System.nanoTime();
                List<Answer> answers = engine.decide(batch);
                engineNanos.add(System.nanoTime() - t0);
                evaluated.add(batch.size());
                batches.increment();
                for (int j = 0; j < batch.size(); j++) {
                    Answer a = answers.get(j);
                    cache.putIfAbsent(chunk.get(j), a);
                    for (int i : missing.get(chunk.get(j))) {
                        out[i] = a;
                    }
                }
            }
        }
        return java.util.Arrays.asList(out);
    }

    public Answer answer(Question q) {
        return answer(List.of(q)).get(0);
    }

    /** Questions asked, questions the rule engine evaluated, engine sessions used, and time spent in them. */
    public Stats stats() {
        return new Stats(asked.sum(), evaluated.sum(), batches.sum(), engineNanos.sum() / 1e9);
    }

    /**
     * @param asked         questions the simulation asked
     * @param evaluated     questions the rule engine evaluated (the others were answered from earlier answers)
     * @param batches       rule sessions used
     * @param engineSeconds time spent in rule sessions, summed over threads
     */
    public record Stats(long asked, long evaluated, long batches, double engineSeconds) {

        /** The counts of several deciders together (a run's variants). */
        public static Stats total(java.util.Collection<Stats> of) {
            Stats t = new Stats(0, 0, 0, 0);
            for (Stats st : of) {
                t = new Stats(t.asked + st.asked, t.evaluated + st.evaluated, t.batches + st.batches,
                        t.engineSeconds + st.engineSeconds);
            }
            return t;
        }

        /** What was counted after {@code earlier}. */
        public Stats since(Stats earlier) {
            return new Stats(asked - earlier.asked, evaluated - earlier.evaluated, batches - earlier.batches,
                    engineSeconds - earlier.engineSeconds);
        }
    }
}
