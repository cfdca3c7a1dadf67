package nl.fieldlab.sandbox.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Compiles the rule bases of a set of variants, in parallel, once per rule library: variants with the same
 * exemptions share one compiled rule base, whatever their parameter values. Each build has its own knowledge builder, so concurrent builds
 * cannot swap rule sets (see the stack notes on shared release ids).
 */
public final class RuleBases {

    /** Rule bases compiled in this process, by rules folder, library hash and variant key (most recent last). */
    private static final int PROCESS_CACHE_SIZE = 24;
    private static final Map<String, RuleBase> COMPILED = java.util.Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, RuleBase> eldest) {
                    return size() > PROCESS_CACHE_SIZE;
                }
            });

    private final RuleLibrary library;
    /** Whether this set compiles from the library's text alone ({@link #fresh}). */
    private final boolean fresh;
    private final Map<String, RuleBase> byKey = new ConcurrentHashMap<>();

    public RuleBases(RuleLibrary library) {
        this(library, false);
    }

    private RuleBases(RuleLibrary library, boolean fresh) {
        this.library = library;
        this.fresh = fresh;
    }

    /**
     * Rule bases compiled from the library's text by this set alone: not from the compiled-rules store nor from rule
     * bases this process built from it ({@link RuleBase#compileFresh}); for {@code verify}.
     */
    public static RuleBases fresh(RuleLibrary library) {
        return new RuleBases(library, true);
    }

    public RuleLibrary library() {
        return library;
    }

    /**
     * A variant's rule base: compiled once per process for the same files and exemptions (a rule library with the
     * same folder and hash holds the same text), so that every command, rule case and variant of a process that
     * differs only in parameter values reuses it (parameters are facts, not code).
     */
    public static RuleBase compile(RuleLibrary library, Variant v) {
        String key = library.root() + "|" + library.hash() + "|" + String.join("+", new java.util.TreeSet<>(
                v.exemptions()));
        RuleBase known = COMPILED.get(key);
        if (known == null) {
            known = RuleBase.compile(library, v);
            COMPILED.put(key, known);
        }
        return known.variant().equals(v) ? known : known.withVariant(v);
    }

    /** The rule base of each variant, by variant name; compiles those not built yet. */
    public Map<String, RuleBase> forVariants(List<Variant> variants, int threads) {
        List<Variant> missing = new ArrayList<>();
        for (Variant v : variants) {
            if (!byKey.containsKey(v.ruleKey()) && missing.stream().noneMatch(m -> m.ruleKey().equals(v.ruleKey()))) {
                missing.add(v);
            }
        }
        if (!missing.isEmpty()) {
            ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, missing.size())), r -> {
                Thread t = new Thread(r, "fieldlab-compile");
                t.setDaemon(true);
                return t;
            });
            try {
                List<Future<RuleBase>> futures = new ArrayList<>();
                for (Variant v : missing) {
                    futures.add(pool.submit(() -> fresh ? RuleBase.compileFresh(library, v) : compile(library, v)));
                }
                List<String> problems = new ArrayList<>();
                for (int i = 0; i < missing.size(); i++) {
                    try {
                        byKey.put(missing.get(i).ruleKey(), futures.get(i).get());
                    } catch (ExecutionException e) {
                        if (e.getCause() instanceof RuleCompileException rce) {
                            for (String p : rce.problems()) {
                                if (!problems.contains(p)) {
                                    problems.add(p);
                                }
                            }
                        } else if (e.getCause() instanceof RuntimeException re) {
                            throw re;
                        } else {
                            throw new IllegalStateException(e.getCause());
                        }
                    }
                }
                if (!problems.isEmpty()) {
                    throw new RuleCompileException(problems);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while compiling rules", e);
            } finally {
                pool.shutdownNow();
            }
        }
        Map<String, RuleBase> out = new LinkedHashMap<>();
        for (Variant v : variants) {
            RuleBase base = byKey.get(v.ruleKey());
            out.put(v.name(), base.variant().name().equals(v.name()) ? base : base.withVariant(v));
        }
        return out;
    }
}
