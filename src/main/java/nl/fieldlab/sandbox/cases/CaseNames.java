package nl.fieldlab.sandbox.cases;

import java.util.List;
import java.util.Map;
import java.util.Set;

import nl.fieldlab.sandbox.input.PlainText;
import nl.fieldlab.sandbox.input.Suggestions;
import nl.fieldlab.sandbox.input.YamlFile;
import nl.fieldlab.sandbox.rules.Exemption;
import nl.fieldlab.sandbox.rules.RuleLibrary;

/**
 * The names a rule case uses, checked against the rule library it runs on. A name the rules do not know makes a
 * case mean something else than it says: {@code notFired: [WW-TYPO]} and {@code notGroups: [LKS_TRAGET]} always
 * hold, {@code background: VS0} puts the worker in no register, a parameter of -6 months asks a question no real
 * regulation poses. Each is an error at its line, with the nearest known name. A name whose typo makes the case fail
 * anyway ({@code blockedBy}, {@code fired}, {@code groups}) is left to the run, which shows what the rules did.
 */
final class CaseNames {

    private CaseNames() {
    }

    static void check(YamlFile yaml, String at, RuleCase c, RuleLibrary library) {
        Set<String> exemptionIds = new java.util.TreeSet<>();
        library.exemptions().forEach(e -> exemptionIds.add(e.id()));
        for (int i = 0; i < c.exemptions().size(); i++) {
            String id = c.exemptions().get(i);
            String field = yaml.has(at + ".exemptions[" + i + "]") ? at + ".exemptions[" + i + "]" : at + ".variant";
            yaml.check(library.exemption(id) != null, field, "no exemption " + PlainText.quote(id)
                    + " in the rules folder" + Suggestions.didYouMean(id, exemptionIds) + " (known: "
                    + String.join(", ", exemptionIds) + ")");
        }
        for (Map.Entry<String, Double> p : c.parameters().entrySet()) {
            String field = at + ".parameters." + p.getKey();
            if (yaml.check(knows(library, c, p.getKey()), field, "no parameter " + PlainText.quote(p.getKey())
                    + " in the rules' parameters or the case's exemptions"
                    + Suggestions.didYouMean(p.getKey(), library.parameterKeys()))) {
                String problem = library.parameterProblem(p.getKey(), p.getValue());
                yaml.check(problem == null, field, problem);
            }
        }
        text(yaml, at + ".worker.background", "worker.background", c.worker().background(), library);
        region(yaml, at + ".worker.region", c.worker().region(), library);
        if (c.employer() != null) {
            text(yaml, at + ".employer.trainingFund", "employer.trainingFund", c.employer().trainingFund(), library);
            region(yaml, at + ".employer.region", c.employer().region(), library);
        }
        RuleCase.Expectation e = c.expect();
        names(yaml, at + ".expect.notFired", e.notFired(), library.ruleIds(), "rule");
        if (library.groups().declared()) {
            names(yaml, at + ".expect.notGroups", e.notGroups(), library.groups().descriptions().keySet(),
                    "target group");
        }
    }

    /** A baseline parameter, or one of the case's exemptions' own. */
    private static boolean knows(RuleLibrary library, RuleCase c, String key) {
        if (library.parameters().contains(key)) {
            return true;
        }
        for (String id : c.exemptions()) {
            Exemption e = library.exemption(id);
            if (e != null && e.parameters().containsKey(key)) {
                return true;
            }
        }
        return false;
    }

    private static void text(YamlFile yaml, String at, String fact, String value, RuleLibrary library) {
        String problem = library.textProblem(fact, value);
        yaml.check(problem == null, at, problem);
    }

    private static void region(YamlFile yaml, String at, String code, RuleLibrary library) {
        if (code != null && !code.isEmpty()) {
            String problem = library.regions().regionProblem(code);
            yaml.check(problem == null, at, problem);
        }
    }

    private static void names(YamlFile yaml, String at, List<String> given, Set<String> known, String what) {
        for (int i = 0; i < given.size(); i++) {
            known(yaml, yaml.has(at + "[" + i + "]") ? at + "[" + i + "]" : at, given.get(i), known, what);
        }
    }

    private static void known(YamlFile yaml, String at, String name, Set<String> known, String what) {
        yaml.check(known.contains(name), at, "no " + what + " " + PlainText.quote(name) + " in the rules"
                + Suggestions.didYouMean(name, known));
    }
}
