package nl.fieldlab.sandbox.rules;

import java.util.List;
import java.util.Map;

import nl.fieldlab.sandbox.parameters.Parameter;

/**
 * A proposed low-rule exemption, declared as an overlay on the baseline.
 *
 * @param id          short id, e.g. {@code E1}
 * @param title       one-line name
 * @param description what changes
 * @param mechanism   why it is expected to work
 * @param risk        what could go wrong
 * @param source      where the design comes from
 * @param suspends    baseline rule ids that do not fire for questions in scope (replaced or lifted)
 * @param ruleFiles   DRL files with the rules it adds (relative to the rules folder)
 * @param parameters  parameters it sets for questions in scope (its own, or overrides of baseline keys)
 * @param scope       where it applies
 * @param legalRoute  who can grant it and how long that takes, or null when the declaration does not say
 * @param file        the declaration file
 */
public record Exemption(
        String id,
        String title,
        String description,
        String mechanism,
        String risk,
        String source,
        List<String> suspends,
        List<String> ruleFiles,
        Map<String, Parameter> parameters,
        ExemptionScope scope,
        LegalRoute legalRoute,
        TakeUpDeclaration takeUp,
        String file) {

    /**
     * How the exemption's payments are claimed (mechanism take-up), as its {@code takeUp:} block declares; null when it
     * declares none (the behaviour defaults {@code takeup.exemption.*} apply, claimed by whom it pays).
     *
     * @param claimant  who claims: the employer or the worker; null when applied without a claim
     * @param awareness the chance a claimant knows the exemption applies, without support
     * @param steps     the desks and forms of a claim
     * @param automatic why it is applied without a claim (by UWV, the municipality, the province), or null
     * @param source    the evidence for awareness and steps, or the basis of "automatic"
     */
    public record TakeUpDeclaration(nl.fieldlab.sandbox.domain.Actor claimant, double awareness, double steps,
            String automatic, String source) {

        public boolean isAutomatic() {
            return automatic != null;
        }
    }

    public Exemption {
        suspends = List.copyOf(suspends);
        ruleFiles = List.copyOf(ruleFiles);
        // in declaration order (Map.copyOf would iterate in an order that changes from one JVM to the next)
        parameters = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parameters));
    }

    /** The same exemption with another scope (a scenario's, for one variant). */
    public Exemption withScope(ExemptionScope other) {
        return new Exemption(id, title, description, mechanism, risk, source, suspends, ruleFiles, parameters, other,
                legalRoute, takeUp, file);
    }
}
