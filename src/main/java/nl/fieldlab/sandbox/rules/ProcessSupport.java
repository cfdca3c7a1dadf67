package nl.fieldlab.sandbox.rules;

import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import nl.fieldlab.sandbox.domain.Actor;
import nl.fieldlab.sandbox.domain.FreeText;
import nl.fieldlab.sandbox.domain.Plausible;
import nl.fieldlab.sandbox.input.InputError;
import nl.fieldlab.sandbox.input.YamlFile;

/**
 * Process support as an intervention (rules/support/*.yaml): a work ambassador, one entry point or case support that
 * helps employers or workers in its scope claim the schemes they are entitled to. It changes no rule: the take-up
 * mechanism reads it, telling a share of the unaware of each scheme it covers and taking steps off their claims,
 * and its cost per participant is public money. Declared as data like an exemption, with the same scope format.
 *
 * @param id                 short id such as P1
 * @param title              the support in a few words
 * @param kind               what kind of support it is
 * @param side               whose claims it helps: employers or workers
 * @param schemes            the claimable schemes and exemptions it covers (ids), or {@code all}
 * @param reach              the share of claimants who did not know a covered scheme that it tells of it
 * @param stepsRemoved       the desks and forms it takes off a claim
 * @param scope              where it applies, with its caps (participants, budget)
 * @param costPerParticipant euro per participant, once
 * @param payer              who pays its cost
 * @param source             the evidence for its reach and steps and the basis of its cost
 * @param file               the file it was declared in, for messages
 */
public record ProcessSupport(String id, String title, Kind kind, Actor side, List<String> schemes, double reach,
        double stepsRemoved, ExemptionScope scope, double costPerParticipant, Actor payer, String source,
        String file) {

    /** The kinds of process support the fieldlabs test. */
    public enum Kind {
        /** a person who visits employers and arranges the schemes for a hire (werkambassadeur) */
        WORK_AMBASSADOR,
        /** one desk for every scheme instead of UWV, municipality, tax authority and fund separately */
        ONE_ENTRY_POINT,
        /** a case worker who files the claims with or for the worker or employer */
        CASE_SUPPORT
    }

    /** Whether it covers a scheme or exemption by id. */
    public boolean covers(String scheme) {
        return schemes.contains("all") || schemes.contains(scheme);
    }

    record CostSpec(
            @Plausible(min = 0, max = 100_000, unit = "euro per participant", source = "wide: above the cost of a"
                    + " year of intensive case management") @JsonProperty(required = true) Double value,
            @JsonProperty(required = true) Actor payer,
            @FreeText @JsonProperty(required = true) String source) {
    }

    record SupportSpec(
            @JsonPropertyDescription("short id such as P1: capitals, digits, '-'") @JsonProperty(required = true)
            String id,
            @JsonPropertyDescription("the support in a few words") @JsonProperty(required = true) String title,
            @JsonPropertyDescription("WORK_AMBASSADOR, ONE_ENTRY_POINT or CASE_SUPPORT") @JsonProperty(required = true)
            Kind kind,
            @JsonPropertyDescription("whose claims it helps: EMPLOYER or WORKER") @JsonProperty(required = true)
            Actor side,
            @JsonPropertyDescription("the schemes and exemptions it covers, or [all]") @JsonProperty(required = true)
            List<String> schemes,
            @JsonPropertyDescription("share of the unaware it tells of a covered scheme")
            @Plausible(min = 0, max = 1, message = "expected a share between 0 and 1, got {value}",
                    source = "a share") Double reach,
            @JsonPropertyDescription("desks and forms it takes off a claim")
            @Plausible(min = 0, max = 20, unit = "steps", source = "more steps than any scheme has") Double stepsRemoved,
            @JsonProperty(required = true) RuleLibrary.ScopeSpec scope,
            @JsonPropertyDescription("its cost per participant: value (euro), payer, source")
            @JsonProperty(required = true) CostSpec costPerParticipant,
            @FreeText @JsonProperty(required = true) String source) {
    }

    /** The JSON Schema of process-support declarations. */
    public static tools.jackson.databind.node.ObjectNode schema() {
        return nl.fieldlab.sandbox.input.JsonSchema.of(SupportSpec.class, "Fieldlab Sandbox process support declaration",
                "Process support as an intervention: a work ambassador, one entry point or case support that helps"
                        + " employers or workers claim the schemes in its scope (rules/support/*.yaml)",
                java.util.Set.of());
    }

    /**
     * Reads one declaration; every problem is reported with its file, line and field.
     *
     * @param knownSchemes the scheme and exemption ids a support may cover
     */
    public static ProcessSupport read(Path file, Regions regions, java.util.Set<String> knownSchemes) {
        YamlFile yaml = YamlFile.open(file);
        SupportSpec s = yaml.read(SupportSpec.class);
        yaml.check(s.id().matches("[A-Z][A-Z0-9-]{0,19}"), "id", "expected an id such as P1");
        yaml.check(s.side() == Actor.EMPLOYER || s.side() == Actor.WORKER, "side",
                "expected EMPLOYER or WORKER, got " + s.side());
        yaml.check(!s.schemes().isEmpty(), "schemes", "expected the schemes it covers, or [all]");
        for (int i = 0; i < s.schemes().size(); i++) {
            String id = s.schemes().get(i);
            yaml.check("all".equals(id) || knownSchemes.contains(id), "schemes[" + i + "]", "unknown scheme '" + id
                    + "'; expected all or one of " + String.join(", ", new java.util.TreeSet<>(knownSchemes)));
        }
        double reach = s.reach() == null ? 0 : s.reach();
        double steps = s.stepsRemoved() == null ? 0 : s.stepsRemoved();
        yaml.check(reach > 0 || steps > 0, "reach", "a support must tell the unaware (reach) or take steps off a"
                + " claim (stepsRemoved), or it does nothing");
        yaml.check(s.costPerParticipant().payer().isPublic(), "costPerParticipant.payer",
                "expected a public payer (PROVINCE, MUNICIPALITY, UWV, STATE), got " + s.costPerParticipant().payer());
        ExemptionScope scope = RuleLibrary.readScope(yaml, s.scope(), regions);
        yaml.done();
        return new ProcessSupport(s.id(), s.title(), s.kind(), s.side(), List.copyOf(s.schemes()), reach, steps,
                scope, s.costPerParticipant().value(), s.costPerParticipant().payer(), s.source().strip(),
                InputError.display(file));
    }
}
