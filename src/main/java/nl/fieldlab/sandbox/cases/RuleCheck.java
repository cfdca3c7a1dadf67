package nl.fieldlab.sandbox.cases;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Month;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.fieldlab.sandbox.input.InputError;
import nl.fieldlab.sandbox.parameters.DatedValue;
import nl.fieldlab.sandbox.parameters.Parameter;
import nl.fieldlab.sandbox.rules.Exemption;
import nl.fieldlab.sandbox.rules.ExemptionScope;
import nl.fieldlab.sandbox.rules.RuleBase;
import nl.fieldlab.sandbox.rules.RuleBases;
import nl.fieldlab.sandbox.rules.RuleCompileException;
import nl.fieldlab.sandbox.rules.RuleInfo;
import nl.fieldlab.sandbox.rules.RuleLibrary;
import nl.fieldlab.sandbox.rules.SourceFile;
import nl.fieldlab.sandbox.rules.Variant;

/**
 * Static checks of a rule library together with its rule cases: what a policy adviser should fix before trusting a
 * run. Pure logic: it returns problems as one-line messages ({@code file:line: what is wrong}) and prints nothing.
 *
 * <ul>
 * <li>errors: an exemption suspends a rule id that is not in the baseline; two exemptions override the same
 * parameter with different values where their scopes overlap (or define the same own parameter differently, which
 * is visible to every question); a parameter value without a source, a reference missing, values out of order or
 * not a number; a rule that no rule case fires (and a case that could not be evaluated); a rule set that does not
 * compile.</li>
 * <li>errors: a target group a rule names that groups.yaml does not declare, one a rule tests that no rule sets,
 * one a rule sets that no rule tests.</li>
 * <li>errors: a source id a rule, parameter, exemption, group or region cites that sources.yaml does not list
 * (unresolved); an entry of sources.yaml that nothing cites (unused); a citation of the domain brief, which no
 * reader can look up. Warnings: an entry of sources.yaml with no identifier a reader can follow.</li>
 * <li>warnings: a parameter indexed every 1 January and 1 July (its reference says "indexed 1 January and 1 July",
 * or it has both January and July values) that lacks a value for a half-year between its first value and
 * {@link #INDEXATION_CHECK_UNTIL}.</li>
 * </ul>
 */
public final class RuleCheck {

    /** The last half-year for which an indexed parameter must have a value. */
    public static final YearMonth INDEXATION_CHECK_UNTIL = YearMonth.of(2026, 1);

    private static final Pattern INDEXED = Pattern.compile("indexed[^;]*1 January and 1 July",
            Pattern.CASE_INSENSITIVE);

    private RuleCheck() {
    }

    /** What the check found. The library is fit for use when {@code errors} is empty. */
    public record Report(List<String> errors, List<String> warnings) {

        public Report {
            errors = List.copyOf(errors);
            warnings = List.copyOf(warnings);
        }

        public boolean ok() {
            return errors.isEmpty();
        }
    }

    /**
     * Checks a library against its cases and their results.
     *
     * @param library the rule library
     * @param cases   the rule cases that were run (used to name what was covered)
     * @param results the results of running {@code cases} with {@link RuleCaseRunner}
     */
    public static Report check(RuleLibrary library, List<RuleCase> cases, List<RuleCaseRunner.Result> results) {
        List<String> errors = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        SortedMap<String, RuleInfo> rules = allRules(library, errors);
        Set<String> baselineIds = new TreeSet<>();
        rules.values().stream().filter(RuleInfo::baseline).forEach(r -> baselineIds.add(r.id()));
        checkSuspends(library, baselineIds, errors);
        checkOverrides(library, errors);
        checkParameters(library, errors, warnings);
        checkCoverage(library, rules, cases, results, errors);
        checkGroups(library, errors, warnings);
        checkSources(library, errors, warnings);
        for (Exemption ex : library.exemptions()) {
            String outside = nl.fieldlab.sandbox.rules.RouteArea.outsideArea(ex);
            if (outside != null) {
                warnings.add(ex.file() + ": " + ex.id() + ": " + outside);
            }
            if (ex.legalRoute() == null) {
                warnings.add(ex.file() + ": exemption " + ex.id() + " declares no legalRoute: reports and rankings"
                        + " cannot say who can grant it");
            }
        }
        return new Report(errors, warnings);
    }

    // ------------------------------------------------------------------ rules

    /** Every rule of the baseline and of each exemption, compiled one exemption at a time. */
    private static SortedMap<String, RuleInfo> allRules(RuleLibrary library, List<String> errors) {
        SortedMap<String, RuleInfo> rules = new TreeMap<>();
        try {
            rules.putAll(RuleBases.compile(library, Variant.baseline()).rules());
        } catch (RuleCompileException e) {
            e.problems().forEach(p -> add(errors, p));
            for (SourceFile f : library.baselineRules()) {
                declared(f, null).forEach(r -> rules.putIfAbsent(r.id(), r));
            }
        }
        for (Exemption ex : library.exemptions()) {
            try {
                RuleBase base = RuleBases.compile(library, new Variant(ex.id(), List.of(ex.id()), Map.of()));
                base.rules().values().stream().filter(r -> !r.baseline()).forEach(r -> rules.putIfAbsent(r.id(), r));
            } catch (RuleCompileException e) {
                // unknown suspends are reported by checkSuspends with their line; keep the other problems
                e.problems().stream().filter(p -> !p.contains("which is not a baseline rule id"))
                        .forEach(p -> add(errors, p));
                for (SourceFile f : library.rulesOf(ex)) {
                    declared(f, ex.id()).forEach(r -> rules.putIfAbsent(r.id(), r));
                }
            }
        }
        return rules;
    }

    /** Rule ids declared in a DRL file's text, for files that do not compile. */
    private static List<RuleInfo> declared(SourceFile f, String exemption) {
        List<RuleInfo> out = new ArrayList<>();
        String layer = f.path().contains("/classification/") ? "classification" : "decision";
        for (var r : f.model().rules()) {
            out.add(new RuleInfo(r.name(), f.path(), r.line(), r.source(), layer, exemption));
        }
        return out;
    }

    /**
     * Every target group a rule names is declared in groups.yaml; a group some rule tests is set by some rule; a group
     * some rule sets is tested by some rule.
     */
    private static void checkGroups(RuleLibrary library, List<String> errors, List<String> warnings) {
        var declared = library.groups();
        if (!declared.declared()) {
            return;
        }
        Map<String, String> firstRead = new TreeMap<>();
        Map<String, String> firstSet = new TreeMap<>();
        List<SourceFile> files = new ArrayList<>(library.baselineRules());
        library.exemptions().forEach(ex -> files.addAll(library.rulesOf(ex)));
        for (SourceFile f : files) {
            for (var r : f.model().rules()) {
                String where = f.path() + ":" + r.line();
                for (String g : r.groupsRead()) {
                    firstRead.putIfAbsent(g, where);
                    checkDeclared(declared, g, where, r.name(), errors);
                }
                for (String g : r.groupsSet()) {
                    firstSet.putIfAbsent(g, where);
                    checkDeclared(declared, g, where, r.name(), errors);
                }
            }
        }
        firstRead.forEach((g, where) -> {
            if (declared.descriptions().containsKey(g) && !firstSet.containsKey(g)) {
                add(errors, where + ": target group '" + g + "' is tested but no rule sets it");
            }
        });
        firstSet.forEach((g, where) -> {
            if (declared.descriptions().containsKey(g) && !firstRead.containsKey(g)) {
                add(errors, where + ": target group '" + g + "' is set but no rule tests it");
            }
        });
        for (String g : declared.descriptions().keySet()) {
            if (!firstRead.containsKey(g) && !firstSet.containsKey(g)) {
                add(warnings, declared.file() + ": target group '" + g + "' is declared but no rule names it");
            }
        }
    }

    /**
     * The domain brief the library was first written from, cited as "brief §7", "domain brief §5 E1", "the brief",
     * "brief S53": a document no reader has. (Dutch "brief", a letter, is cited with its Kamerstuk or date instead.)
     */
    static final Pattern BRIEF = Pattern.compile("(?i)\\b(?:(?:domain|the)\\s+brief(?:'s)?(?:\\s*§\\s*[0-9.]*"
            + "(?:\\s+E[0-9]+)?)?|brief(?:'s)?\\s*(?:§\\s*[0-9.]*(?:\\s+E[0-9]+)?|sec(?:tion)?\\.?\\s*[0-9.]+"
            + "|S[0-9]+[a-z]?\\b))");

    /**
     * Every source id a file of the library names resolves in sources.yaml, every entry there is named somewhere, and
     * no file cites the domain brief. Files are read line by line, comments included: a reader of a comment should
     * be able to look its source up too.
     */
    private static void checkSources(RuleLibrary library, List<String> errors, List<String> warnings) {
        nl.fieldlab.sandbox.rules.Sources register = library.sources();
        String registerFile = register.declared() ? register.file()
                : InputError.display(library.root().resolve("sources.yaml"));
        Map<String, String> firstCited = new TreeMap<>();
        for (SourceFile f : library.citingFiles()) {
            String file = where(library, f.path());
            String[] lines = f.text().split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                String at = file + ":" + (i + 1);
                for (String id : nl.fieldlab.sandbox.rules.Sources.ids(lines[i])) {
                    firstCited.putIfAbsent(id, at);
                    if (register.declared() && register.get(id) == null) {
                        add(errors, at + ": cites " + id + ", which " + registerFile + " does not list: add it there"
                                + " (title, issuer, date, identifier) or cite a source it lists"
                                + nl.fieldlab.sandbox.input.Suggestions.didYouMean(id, register.entries().keySet()));
                    }
                }
                Matcher brief = BRIEF.matcher(lines[i]);
                if (brief.find()) {
                    add(errors, at + ": cites the domain brief ('" + brief.group().strip() + "'), which no reader can"
                            + " look up: cite the law, regulation or page it rests on, with its source id from "
                            + registerFile);
                }
            }
        }
        // the tool's own behaviour values and mechanisms cite the shipped register too (a test holds them to it); an
        // entry only they cite is in use, and an id they cite that a user's register lacks is theirs to miss, not an
        // error in the user's rules
        Map<String, String> builtIn = new TreeMap<>();
        for (String name : nl.fieldlab.sandbox.scenario.Behaviour.BUILT_IN_FILES) {
            String[] lines = nl.fieldlab.sandbox.scenario.Behaviour.builtInText(name).split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                for (String id : nl.fieldlab.sandbox.rules.Sources.ids(lines[i])) {
                    builtIn.putIfAbsent(id, name + ":" + (i + 1));
                }
            }
        }
        if (!register.declared()) {
            if (!firstCited.isEmpty()) {
                add(errors, registerFile + ": not found, so the " + firstCited.size() + " source ids the rules cite ("
                        + String.join(", ", firstCited.keySet()) + ") resolve to nothing a reader can look up");
            }
            return;
        }
        for (var s : register.entries().values()) {
            if (!firstCited.containsKey(s.id()) && !builtIn.containsKey(s.id())) {
                add(errors, registerFile + ":" + s.line() + ": source " + s.id() + " is cited by no rule, parameter,"
                        + " exemption, target group, region or built-in behaviour value: remove it, or cite it where"
                        + " the rules use it");
            }
            if (s.status() == nl.fieldlab.sandbox.rules.Sources.Status.unresolved) {
                add(warnings, registerFile + ":" + s.line() + ": source " + s.id() + " (" + s.title() + ") has no"
                        + " identifier a reader can follow (" + s.identifier() + ")"
                        + (s.officialReplacement().isEmpty() ? "" : "; the official text of the same fact: "
                        + s.officialReplacement()));
            }
        }
    }

    private static void checkDeclared(nl.fieldlab.sandbox.rules.TargetGroups declared, String group, String where,
            String rule, List<String> errors) {
        if (!declared.descriptions().containsKey(group)) {
            add(errors, where + ": rule '" + rule + "' names target group '" + group + "', which "
                    + declared.file() + " does not declare"
                    + nl.fieldlab.sandbox.input.Suggestions.didYouMean(group, declared.descriptions().keySet()));
        }
    }

    private static void checkSuspends(RuleLibrary library, Set<String> baselineIds, List<String> errors) {
        for (Exemption ex : library.exemptions()) {
            for (String id : ex.suspends()) {
                if (!baselineIds.contains(id)) {
                    add(errors, ex.file() + ":" + lineIn(ex.file(), id) + ": exemption " + ex.id() + " suspends '"
                            + id + "', which is not a baseline rule id");
                }
            }
        }
    }

    private static void checkCoverage(RuleLibrary library, SortedMap<String, RuleInfo> rules, List<RuleCase> cases,
            List<RuleCaseRunner.Result> results, List<String> errors) {
        for (RuleCaseRunner.Result r : results) {
            if (r.error() != null) {
                add(errors, r.rule().where() + ": case '" + r.rule().name() + "' could not be evaluated, so the rules"
                        + " it fires are not counted: " + r.error());
            }
        }
        Set<String> fired = RuleCaseRunner.fired(results);
        for (RuleInfo r : rules.values()) {
            if (!fired.contains(r.id())) {
                add(errors, where(library, r.file()) + ":" + r.line() + ": rule '" + r.id() + "' is fired by none of the "
                        + cases.size() + " rule cases" + (r.exemption() == null ? "" : " (exemption " + r.exemption()
                        + "; a case needs 'exemptions: [" + r.exemption() + "]')"));
            }
        }
    }

    // ------------------------------------------------------------------ exemption parameters

    private static void checkOverrides(RuleLibrary library, List<String> errors) {
        List<Exemption> all = new ArrayList<>(library.exemptions());
        for (int i = 0; i < all.size(); i++) {
            for (int j = i + 1; j < all.size(); j++) {
                Exemption a = all.get(i);
                Exemption b = all.get(j);
                for (String key : new TreeSet<>(a.parameters().keySet())) {
                    Parameter pb = b.parameters().get(key);
                    if (pb == null) {
                        continue;
                    }
                    Parameter pa = a.parameters().get(key);
                    double va = first(pa);
                    double vb = first(pb);
                    if (Double.compare(va, vb) == 0) {
                        continue;
                    }
                    boolean baselineKey = library.parameters().contains(key);
                    if (!baselineKey) {
                        add(errors, pb.file() + ":" + pb.line() + ": exemptions " + a.id() + " and " + b.id()
                                + " both define parameter '" + key + "' (" + number(va) + " vs " + number(vb)
                                + "); an exemption's own parameter is visible to every question, so one value wins");
                    } else if (overlap(a.scope(), b.scope())) {
                        add(errors, pb.file() + ":" + pb.line() + ": exemptions " + a.id() + " and " + b.id()
                                + " override '" + key + "' differently (" + number(va) + " vs " + number(vb)
                                + ") and their scopes overlap");
                    }
                }
            }
        }
    }

    /** Whether two scopes can cover the same question: questions, regions, statuses, ages and months overlap. */
    static boolean overlap(ExemptionScope a, ExemptionScope b) {
        return intersects(a.questions(), b.questions()) && intersects(a.regions(), b.regions())
                && intersects(a.statuses(), b.statuses()) && agesOverlap(a, b) && monthsOverlap(a, b);
    }

    private static boolean intersects(Collection<?> a, Collection<?> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return true;
        }
        for (Object o : a) {
            if (b.contains(o)) {
                return true;
            }
        }
        return false;
    }

    private static boolean agesOverlap(ExemptionScope a, ExemptionScope b) {
        int aMax = a.maxAge() == 0 ? Integer.MAX_VALUE : a.maxAge();
        int bMax = b.maxAge() == 0 ? Integer.MAX_VALUE : b.maxAge();
        return a.minAge() <= bMax && b.minAge() <= aMax;
    }

    private static boolean monthsOverlap(ExemptionScope a, ExemptionScope b) {
        boolean aBeforeB = a.until() != null && b.from() != null && a.until().isBefore(b.from());
        boolean bBeforeA = b.until() != null && a.from() != null && b.until().isBefore(a.from());
        return !aBeforeB && !bBeforeA;
    }

    private static double first(Parameter p) {
        return p.values().isEmpty() ? Double.NaN : p.values().get(0).value();
    }

    // ------------------------------------------------------------------ parameters

    private static void checkParameters(RuleLibrary library, List<String> errors, List<String> warnings) {
        List<Parameter> params = new ArrayList<>(library.parameters().all());
        for (Exemption ex : library.exemptions()) {
            params.addAll(ex.parameters().values());
        }
        // a process support's own parameters are checked like an exemption's (references, unverified values)
        library.supports().values().forEach(s -> params.addAll(s.parameters().values()));
        for (Parameter p : params) {
            String at = p.file() + ":" + p.line() + ": parameter '" + p.key() + "'";
            if (p.reference() == null || p.reference().isBlank()) {
                add(errors, at + " has no legal reference");
            }
            if (p.values().isEmpty()) {
                add(errors, at + " has no values");
                continue;
            }
            for (int i = 0; i < p.values().size(); i++) {
                DatedValue v = p.values().get(i);
                if (v.source() == null || v.source().isBlank()) {
                    add(errors, at + " value from " + v.from() + " has no source");
                }
                if (Double.isNaN(v.value()) || Double.isInfinite(v.value())) {
                    add(errors, at + " value from " + v.from() + " is not a number");
                }
                if (i > 0 && !v.from().isAfter(p.values().get(i - 1).from())) {
                    add(errors, at + " values are not in ascending order of date (" + p.values().get(i - 1).from()
                            + " then " + v.from() + ")");
                }
            }
            YearMonth studyYear = latestStudyYear();
            if (p.reference() != null && p.reference().toLowerCase().contains("study year") && p.unit() != null
                    && p.unit().contains("EUR") && !p.values().isEmpty()
                    && p.values().get(p.values().size() - 1).from().isBefore(studyYear)) {
                var last = p.values().get(p.values().size() - 1);
                add(warnings, at + " is set per study year but has no value from " + studyYear + " (study year "
                        + studyYear.getYear() + "-" + String.valueOf(studyYear.getYear() + 1).substring(2) + "); the"
                        + " value from " + last.from() + " (" + nl.fieldlab.sandbox.domain.Texts.num(last.value())
                        + ") stays in force: no later value has been confirmed (its source: " + last.source() + ")");
            }
            if (indexedHalfYearly(p)) {
                List<YearMonth> missing = missingHalfYears(p);
                if (!missing.isEmpty()) {
                    // one line per parameter, with why: the source of the value that stays in force says what is known
                    var last = p.at(missing.get(missing.size() - 1));
                    add(warnings, at + " is indexed every 1 January and 1 July but has no value from "
                            + String.join(", ", missing.stream().map(YearMonth::toString).toList())
                            + "; the value from " + last.from() + " (" + nl.fieldlab.sandbox.domain.Texts.num(last.value()) + ") stays in"
                            + " force: no later value has been confirmed (its source: " + last.source() + ")");
                }
            }
        }
    }

    /** Parameters whose reference says they are indexed half-yearly, or that have both January and July values. */
    /** The last study year (from 1 August) that starts on or before {@link #INDEXATION_CHECK_UNTIL}. */
    static YearMonth latestStudyYear() {
        int year = INDEXATION_CHECK_UNTIL.getMonthValue() >= 8 ? INDEXATION_CHECK_UNTIL.getYear()
                : INDEXATION_CHECK_UNTIL.getYear() - 1;
        return YearMonth.of(year, 8);
    }

    static boolean indexedHalfYearly(Parameter p) {
        if (p.reference() != null && INDEXED.matcher(p.reference()).find()) {
            return true;
        }
        boolean january = false;
        boolean july = false;
        for (DatedValue v : p.values()) {
            january |= v.from().getMonth() == Month.JANUARY;
            july |= v.from().getMonth() == Month.JULY;
        }
        // an amount with values from both a January and a July is indexed; a flag or a length that changed by law on
        // some 1 July is not
        return january && july && p.unit() != null && p.unit().contains("EUR");
    }

    /** The Januaries and Julies after the first value, up to {@link #INDEXATION_CHECK_UNTIL}, without a new value. */
    static List<YearMonth> missingHalfYears(Parameter p) {
        Set<YearMonth> have = new TreeSet<>();
        p.values().forEach(v -> have.add(v.from()));
        YearMonth first = p.values().get(0).from();
        YearMonth m = first.getMonthValue() <= 6 ? YearMonth.of(first.getYear(), 7) : YearMonth.of(first.getYear() + 1, 1);
        List<YearMonth> missing = new ArrayList<>();
        for (; !m.isAfter(INDEXATION_CHECK_UNTIL); m = m.plusMonths(6)) {
            if (!have.contains(m)) {
                missing.add(m);
            }
        }
        return missing;
    }

    // ------------------------------------------------------------------ helpers

    /** The line of a YAML list entry {@code - id} in a file, or 1 when not found. */
    private static int lineIn(String file, String id) {
        List<String> lines;
        try {
            lines = Files.readAllLines(Path.of(file), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return 1;
        }
        Pattern entry = Pattern.compile("^\\s*-\\s*[\"']?" + Pattern.quote(id) + "[\"']?\\s*(#.*)?$");
        for (int i = 0; i < lines.size(); i++) {
            if (entry.matcher(lines.get(i)).matches()) {
                return i + 1;
            }
        }
        return 1;
    }

    /** A file of the library as users see it (relative to the working directory when inside it). */
    private static String where(RuleLibrary library, String relative) {
        return InputError.display(library.root().resolve(relative));
    }

    private static void add(List<String> list, String message) {
        if (!list.contains(message)) {
            list.add(message);
        }
    }

    private static String number(double v) {
        return RuleCaseRunner.number(v);
    }
}
