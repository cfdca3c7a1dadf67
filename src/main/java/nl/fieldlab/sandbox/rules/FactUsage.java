package nl.fieldlab.sandbox.rules;

import java.lang.reflect.RecordComponent;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.fieldlab.sandbox.domain.CoursePayer;
import nl.fieldlab.sandbox.domain.QuestionType;
import nl.fieldlab.sandbox.domain.WorkerFacts;

/**
 * Which worker facts the rules of a rule base can read, per question type, found by reading the DRL text. A fact
 * that no rule for a question type mentions by name cannot change the answer, so the simulator leaves it out of
 * the question (sets it to a neutral value): two workers who differ only in facts no rule reads get one answer,
 * asked once.
 *
 * <p>The analysis is conservative: a rule that does not restrict itself with {@code type == QuestionType.X} counts
 * for every question type, and a fact named anywhere in a DRL {@code function} counts for every question type.
 */
public final class FactUsage {

    private static final Pattern TYPE_TEST = Pattern.compile("type\\s*==\\s*QuestionType\\.(\\w+)");
    private static final List<String> WORKER_FIELDS = java.util.Arrays.stream(WorkerFacts.class.getRecordComponents())
            .map(RecordComponent::getName).toList();
    /** Any worker fact's name as a whole word (a whole word cannot overlap another, so one pass finds them all). */
    private static final Pattern WORKER_FIELD = Pattern.compile("\\b(" + String.join("|", WORKER_FIELDS) + ")\\b");
    private static final Pattern BLOCK_COMMENT = Pattern.compile("(?s)/\\*.*?\\*/");
    private static final Pattern LINE_COMMENT = Pattern.compile("(?m)//.*$");

    private static final Pattern AGE_ACCESS = Pattern.compile("worker\\.age\\b(?!\\s*\\()|worker\\(\\)\\.age\\(\\)");
    private static final Pattern AGE_COMPARISON = Pattern.compile(
            "(?:worker\\.age\\b|worker\\(\\)\\.age\\(\\))\\s*(<=|>=|<|>)\\s*(?:\\$q\\.)?p\\(\"([^\"]+)\"\\)");

    private final Map<QuestionType, Set<String>> read;
    private final String allText;
    /** question type -> ages at which some rule's answer can change (absent: age is used in other ways) */
    private final Map<QuestionType, int[]> ageBreaks;

    private FactUsage(Map<QuestionType, Set<String>> read, Map<QuestionType, int[]> ageBreaks, String allText) {
        this.read = read;
        this.ageBreaks = ageBreaks;
        this.allText = allText;
    }

    private final Map<String, Boolean> mentioned = new java.util.concurrent.ConcurrentHashMap<>();

    /** Whether any rule or function mentions the name (for facts of the question rather than of the worker). */
    public boolean mentions(String name) {
        return mentioned.computeIfAbsent(name,
                n -> Pattern.compile("\\b" + Pattern.quote(n) + "\\b").matcher(allText).find());
    }

    /** Reads the DRL texts of a rule base (age is then used exactly). */
    public static FactUsage of(List<String> drlTexts) {
        return of(drlTexts, key -> null);
    }

    /**
     * Reads the DRL texts of a rule base. Where every use of the worker's age for a question type is a comparison
     * with a parameter ({@code worker.age < p("key")}), only the band of ages between the parameters' values
     * matters: {@code thresholds} gives every value a parameter can take in the run (null when unknown).
     */
    public static FactUsage of(List<String> drlTexts, java.util.function.Function<String, double[]> thresholds) {
        return ofModels(drlTexts.stream().map(DrlModel::parse).toList(), drlTexts, thresholds);
    }

    /** As {@link #of(List, java.util.function.Function)}, from files already parsed. */
    static FactUsage ofModels(List<DrlModel> models, List<String> drlTexts,
            java.util.function.Function<String, double[]> thresholds) {
        Map<QuestionType, Set<String>> read = new EnumMap<>(QuestionType.class);
        Map<QuestionType, java.util.TreeSet<Integer>> breaks = new EnumMap<>(QuestionType.class);
        Set<QuestionType> exactAge = EnumSet.noneOf(QuestionType.class);
        for (QuestionType t : QuestionType.values()) {
            read.put(t, new HashSet<>());
            breaks.put(t, new java.util.TreeSet<>());
        }
        for (DrlModel model : models) {
            for (DrlModel.Function f : model.functions()) {
                Set<String> fields = fieldsIn(stripComments(f.text()));
                read.values().forEach(s -> s.addAll(fields));
                if (fields.contains("age")) {
                    exactAge.addAll(EnumSet.allOf(QuestionType.class));
                }
            }
            for (DrlModel.Rule r : model.rules()) {
                String body = stripComments(r.text());
                String lhs = String.join("\n", r.conditions());
                Set<String> fields = fieldsIn(body);
                Set<QuestionType> types = typesOf(lhs);
                for (QuestionType t : types) {
                    read.get(t).addAll(fields);
                }
                if (fields.contains("age")) {
                    Set<Integer> found = ageBreaks(body, thresholds);
                    for (QuestionType t : types) {
                        if (found == null) {
                            exactAge.add(t);
                        } else {
                            breaks.get(t).addAll(found);
                        }
                    }
                }
            }
        }
        Map<QuestionType, int[]> ageBreaks = new EnumMap<>(QuestionType.class);
        breaks.forEach((t, b) -> {
            if (!exactAge.contains(t)) {
                ageBreaks.put(t, b.stream().mapToInt(Integer::intValue).toArray());
            }
        });
        StringBuilder all = new StringBuilder();
        drlTexts.forEach(t -> all.append(stripComments(t)).append('\n'));
        return new FactUsage(read, ageBreaks, all.toString());
    }

    /**
     * The ages at which a rule's comparisons of age with parameters change outcome, or null when the rule uses age
     * in any other way (arithmetic, text, a literal) or a parameter's values are unknown.
     */
    static Set<Integer> ageBreaks(String rule, java.util.function.Function<String, double[]> thresholds) {
        int accesses = 0;
        Matcher a = AGE_ACCESS.matcher(rule);
        while (a.find()) {
            accesses++;
        }
        Set<Integer> out = new HashSet<>();
        int comparisons = 0;
        Matcher c = AGE_COMPARISON.matcher(rule);
        while (c.find()) {
            comparisons++;
            double[] values = thresholds.apply(c.group(2));
            if (values == null) {
                return null;
            }
            boolean strictBelow = c.group(1).equals("<") || c.group(1).equals(">=");
            for (double v : values) {
                // age < v flips at ceil(v); age <= v flips at floor(v) + 1
                out.add((int) (strictBelow ? Math.ceil(v) : Math.floor(v) + 1));
            }
        }
        return comparisons == accesses ? out : null;
    }

    /**
     * The age as the rules for {@code type} can tell it apart: the highest break at or below it (0 below all), or
     * the age itself where the rules use it in other ways.
     */
    public int relevantAge(QuestionType type, int age) {
        int[] b = ageBreaks.get(type);
        if (b == null) {
            return age;
        }
        int band = 0;
        for (int x : b) {
            if (x <= age) {
                band = x;
            }
        }
        return band;
    }

    /** The question types a rule's conditions restrict it to; all of them unless it tests only {@code type ==}. */
    static Set<QuestionType> typesOf(String lhs) {
        Matcher m = TYPE_TEST.matcher(lhs);
        Set<QuestionType> types = EnumSet.noneOf(QuestionType.class);
        int tests = 0;
        while (m.find()) {
            tests++;
            try {
                types.add(QuestionType.valueOf(m.group(1)));
            } catch (IllegalArgumentException e) {
                return EnumSet.allOf(QuestionType.class);
            }
        }
        int mentions = lhs.split("QuestionType\\.", -1).length - 1;
        if (tests == 0 || mentions != tests) {
            return EnumSet.allOf(QuestionType.class);
        }
        return types;
    }

    private static Set<String> fieldsIn(String text) {
        Set<String> out = new HashSet<>();
        Matcher m = WORKER_FIELD.matcher(text);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private static String stripComments(String drl) {
        return LINE_COMMENT.matcher(BLOCK_COMMENT.matcher(drl).replaceAll(" ")).replaceAll("");
    }

    /** Whether any rule for this question type can read the named worker fact. */
    public boolean reads(QuestionType type, String field) {
        return read.get(type).contains(field);
    }

    /** The worker facts with every fact no rule for {@code type} reads set to a neutral value. */
    public WorkerFacts relevant(QuestionType type, WorkerFacts w) {
        Set<String> r = read.get(type);
        return new WorkerFacts(
                r.contains("age") ? relevantAge(type, w.age()) : 0,
                w.status(),
                r.contains("household") ? w.household() : null,
                r.contains("education") ? w.education() : null,
                r.contains("field") ? w.field() : "",
                r.contains("region") ? w.region() : "",
                r.contains("wageValuePct") ? w.wageValuePct() : 0,
                r.contains("dailyWage") ? w.dailyWage() : 0,
                r.contains("workHistoryYears") ? w.workHistoryYears() : 0,
                r.contains("yearsWorkedSince2016") ? w.yearsWorkedSince2016() : 0,
                r.contains("weeksWorkedLast36") ? w.weeksWorkedLast36() : 0,
                r.contains("yearsWorkedLast5") ? w.yearsWorkedLast5() : 0,
                r.contains("monthsUnemployed") ? w.monthsUnemployed() : 0,
                r.contains("meetsMeansTest") && w.meetsMeansTest(),
                r.contains("disabled") && w.disabled(),
                r.contains("illnessBenefitBefore") && w.illnessBenefitBefore(),
                r.contains("background") ? w.background() : "",
                r.contains("childUnder12") && w.childUnder12(),
                r.contains("earnings") ? w.earnings() : 0,
                r.contains("earningsSince") ? w.earningsSince() : 0,
                r.contains("coursePayer") ? w.coursePayer() : CoursePayer.DEFAULT,
                r.contains("monthlyWage") ? w.monthlyWage() : 0,
                r.contains("tenureYears") ? w.tenureYears() : 0,
                r.contains("transitionSpent") ? w.transitionSpent() : 0,
                r.contains("transitionConsent") && w.transitionConsent());
    }

    /** Read sets for display: question type -> worker facts its rules read. */
    public Map<QuestionType, Set<String>> readSets() {
        return read;
    }
}
