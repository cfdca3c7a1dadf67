package nl.fieldlab.sandbox.rules;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.FunctionDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.kie.internal.builder.conf.LanguageLevelOption;

/**
 * The structure of one DRL file as Drools' own parser reads it ({@link DrlParser}, the parser the compiler uses):
 * its rules with their lines, {@code @source}, patterns, conditions and consequences, and its functions. Parsed once
 * per file; everything that needs to know where a rule is or what it reads takes it from here, so no one else
 * parses DRL. Only expressions (a constraint, a consequence) are text: the parser leaves them so.
 *
 * @param rules     the file's rules in file order
 * @param functions the file's functions in file order
 * @param errors    what the parser could not read (the compiler reports the same, with more detail)
 */
public record DrlModel(List<Rule> rules, List<Function> functions, List<String> errors) {

    /**
     * A rule as written.
     *
     * @param name        its id
     * @param line        the line of {@code rule "..."}
     * @param endLine     the line of its {@code end}
     * @param source      its {@code @source} annotation, empty when there is none
     * @param text        the whole rule, {@code rule} to {@code end}
     * @param conditions  every constraint of every pattern of its {@code when}, at any depth ({@code not},
     *                    {@code exists}, {@code or}), each as written
     * @param patterns    the fact types its {@code when} matches, at any depth
     * @param consequence its {@code then} part
     * @param groupsRead  target groups its conditions test ({@code InGroup( ..., group == "X" )})
     * @param groupsSet   target groups its consequence asserts ({@code new InGroup($q, "X")})
     */
    public record Rule(String name, int line, int endLine, String source, String text, List<String> conditions,
            List<String> patterns, String consequence, SortedSet<String> groupsRead, SortedSet<String> groupsSet) {
    }

    /** A function: its name, lines and text. */
    public record Function(String name, int line, int endLine, String text) {
    }

    private static final Pattern GROUP_TEST = Pattern.compile("\\bgroup\\s*==\\s*\"([^\"]+)\"");
    private static final Pattern GROUP_IN = Pattern.compile("\\bgroup\\s+in\\s*\\(([^)]*)\\)");
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]+)\"");
    private static final Pattern GROUP_SET = Pattern.compile("new\\s+InGroup\\s*\\(\\s*\\$?\\w+\\s*,\\s*\"([^\"]+)\"");

    public DrlModel {
        rules = List.copyOf(rules);
        functions = List.copyOf(functions);
        errors = List.copyOf(errors);
    }

    /** Parses DRL text with Drools' parser. */
    public static DrlModel parse(String drl) {
        DrlParser parser = new DrlParser(LanguageLevelOption.DRL6);
        PackageDescr pkg;
        try {
            pkg = parser.parse(false, drl);
        } catch (org.drools.drl.parser.DroolsParserException e) {
            return new DrlModel(List.of(), List.of(), List.of(e.getMessage()));
        }
        List<String> errors = new ArrayList<>();
        parser.getErrors().forEach(e -> errors.add(e.getMessage()));
        if (pkg == null) {
            return new DrlModel(List.of(), List.of(), errors);
        }
        List<Rule> rules = new ArrayList<>();
        for (RuleDescr r : pkg.getRules()) {
            List<String> conditions = new ArrayList<>();
            List<String> patterns = new ArrayList<>();
            walk(r.getLhs(), conditions, patterns);
            String consequence = r.getConsequence() == null ? "" : r.getConsequence().toString();
            SortedSet<String> read = new TreeSet<>();
            for (String c : conditions) {
                Matcher m = GROUP_TEST.matcher(c);
                while (m.find()) {
                    read.add(m.group(1));
                }
                Matcher in = GROUP_IN.matcher(c);
                while (in.find()) {
                    Matcher q = QUOTED.matcher(in.group(1));
                    while (q.find()) {
                        read.add(q.group(1));
                    }
                }
            }
            SortedSet<String> set = new TreeSet<>();
            Matcher m = GROUP_SET.matcher(consequence);
            while (m.find()) {
                set.add(m.group(1));
            }
            AnnotationDescr source = r.getAnnotation("source");
            String text = r.getStartCharacter() >= 0 && r.getEndCharacter() <= drl.length()
                    && r.getEndCharacter() > r.getStartCharacter()
                    ? drl.substring(r.getStartCharacter(), r.getEndCharacter()) : "";
            rules.add(new Rule(r.getName(), r.getLine(), r.getEndLine(), source == null ? "" : unquote(
                    source.getSingleValueAsString()), text, conditions, patterns, consequence,
                    Collections.unmodifiableSortedSet(read), Collections.unmodifiableSortedSet(set)));
        }
        List<Function> functions = new ArrayList<>();
        for (FunctionDescr f : pkg.getFunctions()) {
            String text = f.getStartCharacter() >= 0 && f.getEndCharacter() <= drl.length()
                    && f.getEndCharacter() > f.getStartCharacter()
                    ? drl.substring(f.getStartCharacter(), f.getEndCharacter()) : f.getText();
            functions.add(new Function(f.getName(), f.getLine(), f.getEndLine(), text));
        }
        return new DrlModel(rules, functions, errors);
    }

    private static void walk(BaseDescr d, List<String> conditions, List<String> patterns) {
        if (d instanceof PatternDescr p) {
            patterns.add(p.getObjectType());
            for (BaseDescr c : p.getConstraint().getDescrs()) {
                conditions.add(c.getText() != null ? c.getText() : c.toString());
            }
            if (p.getSource() != null) {
                walk(p.getSource(), conditions, patterns);
            }
        } else if (d instanceof ConditionalElementDescr ce) {
            for (BaseDescr child : ce.getDescrs()) {
                walk(child, conditions, patterns);
            }
        }
    }

    private static String unquote(String s) {
        if (s == null) {
            return "";
        }
        String t = s.strip();
        if (t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"")) {
            t = t.substring(1, t.length() - 1);
        }
        return t;
    }

    /** The rule of this file with that id, or null. */
    public Rule rule(String name) {
        return rules.stream().filter(r -> r.name().equals(name)).findFirst().orElse(null);
    }
}
