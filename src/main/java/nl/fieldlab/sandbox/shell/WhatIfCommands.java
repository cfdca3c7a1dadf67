package nl.fieldlab.sandbox.shell;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

import nl.fieldlab.sandbox.app.CommandFailure;
import nl.fieldlab.sandbox.app.ExitCodes;
import nl.fieldlab.sandbox.app.WhatIf;
import nl.fieldlab.sandbox.app.Workbench;
import nl.fieldlab.sandbox.parameters.DatedValue;
import nl.fieldlab.sandbox.parameters.Parameter;
import nl.fieldlab.sandbox.rules.Exemption;
import nl.fieldlab.sandbox.rules.RuleLibrary;
import nl.fieldlab.sandbox.rules.Variant;
import nl.fieldlab.sandbox.scenario.Behaviour;
import nl.fieldlab.sandbox.scenario.Scenario;

/**
 * What-if in the session: {@code set} and {@code unset} override behaviour values and rule parameters on top of the
 * loaded files, and {@code changes} lists them. {@code run} applies them and its manifest records them.
 */
@Component
public class WhatIfCommands {

    private static final String ALL = WhatIf.ALL_VARIANTS;

    private final Workbench workbench;

    public WhatIfCommands(Workbench workbench) {
        this.workbench = workbench;
    }

    // ------------------------------------------------------------------ set

    @Command(name = "set", group = "What-if", exitStatusExceptionMapper = SandboxCommands.ERRORS,
            completionProvider = "whatIfNames",
            description = "Override a behaviour value or a rule parameter for this session's runs",
            help = """
                    set NAME VALUE [--variant V]
                      NAME is a behaviour value (such as search.contact.WW; it applies to every variant) or a rule
                      parameter key (such as trial.uwv.max-months). A parameter applies to every variant unless
                      --variant names one variant of the loaded scenario; a parameter that only an exemption
                      declares goes to every variant with that exemption (or the one --variant names). The files
                      are not changed:
                      'changes' lists the overrides, 'unset' removes them, and 'run' uses them and records them in
                      the report's manifest.json. (A negative value: set -- NAME -1)
                    Examples:
                      set search.contact.WW 0.5
                      set trial.uwv.max-months 4
                      set e2.trial.max-months 9 --variant E2""")
    public String set(@Argument(index = 0, description = "behaviour name or parameter key", defaultValue = "")
            String name,
            @Argument(index = 1, description = "the value (a number)", defaultValue = "") String value,
            @Option(longName = "variant", description = "one variant of the loaded scenario (parameters only)")
            String variant) {
        if (name == null || name.isBlank()) {
            throw new CommandFailure(ExitCodes.BAD_INPUT,
                    "give a name and a value, e.g. set search.contact.WW 0.5 (see: help set)");
        }
        if (value == null || value.isBlank()) {
            throw new CommandFailure(ExitCodes.BAD_INPUT, "give a value for " + name + ", e.g. set " + name + " "
                    + example(name));
        }
        double v = number(value);
        String scope = variant == null || variant.isBlank() ? null : variant;
        WhatIf now = workbench.whatIf();
        if (Behaviour.isKnown(name)) {
            if (scope != null) {
                throw new CommandFailure(ExitCodes.BAD_INPUT, "'" + name + "' is a behaviour value; it applies to "
                        + "every variant (drop --variant)");
            }
            String problem = Behaviour.problem(name, v);
            if (problem != null) {
                throw new CommandFailure(ExitCodes.BAD_INPUT, name + ": " + problem);
            }
            workbench.whatIf(now.withBehaviour(name, v));
            return "what-if: " + name + " = " + format(v) + " for every variant (in the files: " + fileValue(name,
                    null) + "). 'run' uses it; 'unset " + name + "' removes it.";
        }
        RuleLibrary library = library();
        checkParameter(library, name);
        String outside = library.parameterProblem(name, v);
        if (outside != null) {
            throw new CommandFailure(ExitCodes.BAD_INPUT, name + ": " + outside);
        }
        List<String> declaring = declaring(library, name);
        boolean ownKey = !library.parameters().contains(name);
        if (scope == null) {
            if (ownKey) {
                // an exemption's (or support's) own parameter: every variant with it, the only ones that read it
                List<String> having = variantNamesWith(declaring);
                if (having.isEmpty()) {
                    throw new CommandFailure(ExitCodes.BAD_INPUT, "'" + name + "' is a parameter of "
                            + owners(library, declaring) + " only; no variant here has it" + variantsWith(declaring));
                }
                WhatIf next = now;
                for (String h : having) {
                    next = next.withParameter(h, name, v);
                }
                workbench.whatIf(next);
                return "what-if: " + name + " = " + format(v) + " for variant" + (having.size() == 1 ? " " : "s ")
                        + String.join(", ", having) + ", the ones with " + String.join(", ", declaring)
                        + ". 'run' uses it; 'unset " + name + "' removes it.";
            }
        } else {
            Variant target = variant(scope);
            if (ownKey && target.exemptions().stream().noneMatch(declaring::contains)
                    && target.supports().stream().noneMatch(declaring::contains)) {
                throw new CommandFailure(ExitCodes.BAD_INPUT, "'" + name + "' is a parameter of "
                        + owners(library, declaring) + ", which variant '" + scope + "' does not have"
                        + variantsWith(declaring));
            }
        }
        workbench.whatIf(now.withParameter(scope == null ? ALL : scope, name, v));
        return "what-if: " + name + " = " + format(v) + (scope == null ? " for every variant" : " for variant "
                + scope) + " (in the files: " + fileValue(name, scope) + "). 'run' uses it; 'unset " + name
                + (scope == null ? "" : " --variant " + scope) + "' removes it.";
    }

    // ------------------------------------------------------------------ unset

    @Command(name = "unset", group = "What-if", exitStatusExceptionMapper = SandboxCommands.ERRORS,
            completionProvider = "whatIfNames",
            description = "Remove what-if overrides: one name, one name for one variant, or all",
            help = """
                    unset NAME [--variant V]
                    unset --all
                      Removes a 'set' override so runs use the files again. Without --variant a parameter's
                      overrides for every variant go; with --variant only that variant's. --all removes every
                      override.
                    Examples:
                      unset search.contact.WW
                      unset e2.trial.max-months --variant E2
                      unset --all""")
    public String unset(@Argument(index = 0, description = "behaviour name or parameter key", defaultValue = "")
            String name,
            @Option(longName = "variant", description = "only this variant's override") String variant,
            @Option(longName = "all", description = "remove every override") boolean all) {
        boolean named = name != null && !name.isBlank();
        String scope = variant == null || variant.isBlank() ? null : variant;
        WhatIf now = workbench.whatIf();
        if (all) {
            if (named || scope != null) {
                throw new CommandFailure(ExitCodes.BAD_INPUT, "give a name or --all, not both");
            }
            int n = now.size();
            workbench.whatIf(WhatIf.none());
            return n == 0 ? "No what-if overrides to remove." : "Removed " + n + " what-if override"
                    + (n == 1 ? "" : "s") + "; runs use the files as they are.";
        }
        if (!named) {
            throw new CommandFailure(ExitCodes.BAD_INPUT, "give a name to unset, or --all (see: changes)");
        }
        if (Behaviour.isKnown(name)) {
            if (scope != null) {
                throw new CommandFailure(ExitCodes.BAD_INPUT, "'" + name + "' is a behaviour value; it applies to "
                        + "every variant (drop --variant)");
            }
            if (!now.behaviour().containsKey(name)) {
                throw new CommandFailure(ExitCodes.BAD_INPUT, name + " has no what-if value (see: changes)");
            }
            workbench.whatIf(now.withBehaviour(name, null));
            return "Removed the what-if value of " + name + "; runs use " + fileValue(name, null) + ".";
        }
        checkParameter(library(), name);
        List<String> scopes = new ArrayList<>();
        now.parameters().forEach((s, values) -> {
            if (values.containsKey(name) && (scope == null || scope.equals(s))) {
                scopes.add(s);
            }
        });
        if (scopes.isEmpty()) {
            throw new CommandFailure(ExitCodes.BAD_INPUT, name + " has no what-if value"
                    + (scope == null ? "" : " for variant " + scope) + " (see: changes)");
        }
        WhatIf next = now;
        for (String s : scopes) {
            next = next.withParameter(s, name, null);
        }
        workbench.whatIf(next);
        return "Removed the what-if value" + (scopes.size() == 1 ? "" : "s") + " of " + name + " ("
                + String.join(", ", scopes.stream().map(WhatIfCommands::scopeLabel).toList()) + ").";
    }

    // ------------------------------------------------------------------ changes

    @Command(name = "changes", group = "What-if", exitStatusExceptionMapper = SandboxCommands.ERRORS,
            description = "List the what-if overrides next to the values in the files",
            help = """
                    changes
                      One row per override: the behaviour value or parameter, the variant it applies to, the value
                      in the files (behaviour: the scenario's value or the documented default; parameter: the
                      value in force at the scenario's start, an exemption's value, or the variant's own value in
                      the scenario) and the what-if value 'run' uses instead.
                    Example:
                      changes""")
    public String changes() {
        WhatIf w = workbench.whatIf();
        if (w.isEmpty()) {
            return "No what-if overrides; runs use the files as they are. (Use: set NAME VALUE)";
        }
        Scenario s = workbench.scenario();
        TextTable t = new TextTable("what", "variant", "in the files", "what-if").left(1, 2);
        w.behaviour().forEach((k, v) -> t.row(k, "all", fileValue(k, null), format(v)));
        for (Map.Entry<String, Map<String, Double>> e : w.parameters().entrySet()) {
            String scope = e.getKey();
            for (Map.Entry<String, Double> p : e.getValue().entrySet()) {
                String key = p.getKey();
                if (!ALL.equals(scope) || s == null) {
                    t.row(key, scopeLabel(scope), fileValue(key, ALL.equals(scope) ? null : scope),
                            format(p.getValue()));
                    continue;
                }
                for (Variant v : s.variants()) {
                    Double own = w.parameters().getOrDefault(v.name(), Map.of()).get(key);
                    t.row(key, "all: " + v.name(), fileValue(key, v.name()), format(p.getValue())
                            + (own == null ? "" : " (--variant " + v.name() + ": " + format(own) + ")"));
                }
            }
        }
        return t.toString() + w.size() + " override" + (w.size() == 1 ? "" : "s") + (s == null ? "" : " on scenario '"
                + s.id() + "'") + "; 'run' uses them and records them in manifest.json. 'unset --all' removes them.";
    }

    // ------------------------------------------------------------------ helpers

    private RuleLibrary library() {
        return workbench.rules().library();
    }

    /** Every known parameter key and behaviour name, for messages and completion. */
    static List<String> names(RuleLibrary library) {
        java.util.TreeSet<String> out = new java.util.TreeSet<>(Behaviour.documented().keySet());
        if (library != null) {
            out.addAll(library.parameterKeys());
        }
        return new ArrayList<>(out);
    }

    private static void checkParameter(RuleLibrary library, String key) {
        if (!library.knowsParameter(key) && Behaviour.splitName(key) != null) {
            throw new CommandFailure(ExitCodes.BAD_INPUT, Behaviour.splitName(key));
        }
        if (!library.knowsParameter(key)) {
            throw new CommandFailure(ExitCodes.BAD_INPUT, "unknown name '" + key + "': not a behaviour value nor a"
                    + " rule parameter" + suggestion(key, names(library)) + " (tab completes the names)");
        }
    }

    /** " (did you mean x?)" for a close known name, else "". */
    static String suggestion(String key, List<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : known) {
            int d = distance(key, k);
            if (d < bestDistance) {
                bestDistance = d;
                best = k;
            }
        }
        return best != null && bestDistance <= Math.max(2, key.length() / 4) ? "; did you mean " + best + "?" : "";
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] x = prev;
            prev = cur;
            cur = x;
        }
        return prev[b.length()];
    }

    /** "exemption E2" or "support P5": what declares a parameter, in words. */
    private static String owners(RuleLibrary library, List<String> ids) {
        return (ids.stream().allMatch(library.supports()::containsKey) ? "support " : "exemption ")
                + String.join(", ", ids);
    }

    /** The exemptions and process supports that declare a parameter of their own by this key. */
    private static List<String> declaring(RuleLibrary library, String key) {
        List<String> ids = new java.util.ArrayList<>(library.exemptions().stream()
                .filter(e -> e.parameters().containsKey(key)).map(Exemption::id).toList());
        library.supports().values().stream().filter(s -> s.parameters().containsKey(key)).forEach(s -> ids.add(s.id()));
        return ids;
    }

    private String variantsWith(List<String> exemptions) {
        Scenario s = workbench.scenario();
        if (s == null) {
            return " (load a scenario first: scenario load FILE)";
        }
        List<String> names = variantNamesWith(exemptions);
        return names.isEmpty() ? " (no variant of scenario " + s.id() + " has it)"
                : " (variants with it: " + String.join(", ", names) + ")";
    }

    /** The loaded scenario's variants with one of {@code exemptions} (or supports), by name (none without one). */
    private List<String> variantNamesWith(List<String> exemptions) {
        Scenario s = workbench.scenario();
        return s == null ? List.of() : s.variants().stream()
                .filter(v -> v.exemptions().stream().anyMatch(exemptions::contains)
                        || v.supports().stream().anyMatch(exemptions::contains)).map(Variant::name).toList();
    }

    /** A variant of the loaded scenario, or a one-line error. */
    private Variant variant(String name) {
        Scenario s = workbench.scenario();
        if (s == null) {
            throw new CommandFailure(ExitCodes.BAD_INPUT, "--variant needs a loaded scenario (use: scenario load FILE)");
        }
        Variant v = s.variant(name);
        if (v == null) {
            throw new CommandFailure(ExitCodes.BAD_INPUT, "no variant '" + name + "' in scenario " + s.id()
                    + " (variants: " + String.join(", ", s.variants().stream().map(Variant::name).toList()) + ")");
        }
        return v;
    }

    private static double number(String text) {
        String t = text.strip();
        if (t.matches("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?")) {
            double v = Double.parseDouble(t);
            if (Double.isFinite(v)) {
                return v;
            }
        }
        throw new CommandFailure(ExitCodes.BAD_INPUT, "expected a number, got '" + text + "'");
    }

    private static String example(String name) {
        if (Behaviour.isKnown(name)) {
            return format(Behaviour.documented().get(name).value());
        }
        return "1";
    }

    /** The value in the files: for a behaviour, the scenario's or the default; for a parameter, see changes. */
    String fileValue(String key, String variantName) {
        Scenario s = workbench.scenario();
        if (Behaviour.isKnown(key)) {
            if (s != null && s.behaviour().overrides().containsKey(key)) {
                return format(s.behaviour().overrides().get(key)) + " (scenario " + s.id() + ")";
            }
            return format(Behaviour.documented().get(key).value()) + " (default)";
        }
        RuleLibrary library = library();
        Variant v = s == null || variantName == null ? null : s.variant(variantName);
        if (v != null && v.parameters().containsKey(key)) {
            return format(v.parameters().get(key)) + " (scenario " + s.id() + ", variant " + v.name() + ")";
        }
        List<Exemption> exemptions = library.exemptions().stream().filter(e -> e.parameters().containsKey(key))
                .filter(e -> v == null || v.exemptions().contains(e.id())).toList();
        Parameter p = library.parameters().get(key);
        if (p != null) {
            YearMonth month = s != null ? s.start() : YearMonth.now();
            DatedValue dv = p.at(month);
            var chosen = s == null ? null : s.municipality().policy().get(key);
            StringBuilder sb = new StringBuilder(chosen != null
                    ? format(chosen.value()) + " (municipal policy of " + s.municipality().name() + ", scenario "
                            + s.id() + ")"
                    : dv == null ? "none in " + month : format(dv.value()) + " (" + p.file() + ", " + month + ")");
            if (v != null) {
                for (Exemption e : exemptions) {
                    sb.append("; ").append(e.id()).append(" in scope: ")
                            .append(format(e.parameters().get(key).values().get(0).value()));
                }
            }
            return sb.toString();
        }
        if (!exemptions.isEmpty()) {
            Exemption e = exemptions.get(0);
            return format(e.parameters().get(key).values().get(0).value()) + " (exemption " + e.id() + ")";
        }
        return "-";
    }

    private static String scopeLabel(String scope) {
        return ALL.equals(scope) ? "all" : scope;
    }

    /** A number as typed: no trailing zeros, no exponent. */
    static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
