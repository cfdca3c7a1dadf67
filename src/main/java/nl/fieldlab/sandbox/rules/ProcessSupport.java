package nl.fieldlab.sandbox.rules;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import nl.fieldlab.sandbox.domain.Actor;
import nl.fieldlab.sandbox.domain.FreeText;
import nl.fieldlab.sandbox.domain.Plausible;
import nl.fieldlab.sandbox.input.InputError;
import nl.fieldlab.sandbox.input.YamlFile;
import nl.fieldlab.sandbox.parameters.Parameter;
import nl.fieldlab.sandbox.parameters.ParameterTable;

/**
 * Process support as an intervention (rules/support/*.yaml): an arrangement that changes no rule of law. The take-up
 * kinds (a work ambassador, one entry point, case support) help employers or workers in its scope claim the schemes
 * they are entitled to: the take-up mechanism reads them, telling a share of the unaware of each scheme covered and
 * taking steps off their claims. The instrument kinds (a case sprint, the cooperative as employer, a work-to-work
 * route) are read by their own mechanism, sized by the support's own {@code parameters:} (the same form as an
 * exemption's, so that {@code set}, {@code sweep} and {@code rules check} work on them). Every cost is public money.
 * Declared as data like an exemption, with the same scope format.
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
 * @param parameters         its own parameters by key (each key starts with its id in lower case and a dot)
 * @param output             what a case sprint produces, or null for another kind
 * @param costPerSprint      euro for the one sprint, booked once at its start (0 for another kind)
 */
public record ProcessSupport(String id, String title, Kind kind, Actor side, List<String> schemes, double reach,
        double stepsRemoved, ExemptionScope scope, double costPerParticipant, Actor payer, String source,
        String file, Map<String, Parameter> parameters, Output output, double costPerSprint) {

    public ProcessSupport {
        schemes = List.copyOf(schemes);
        parameters = Map.copyOf(parameters);
    }

    /** A take-up support without parameters (the form of issue 23's supports). */
    public ProcessSupport(String id, String title, Kind kind, Actor side, List<String> schemes, double reach,
            double stepsRemoved, ExemptionScope scope, double costPerParticipant, Actor payer, String source,
            String file) {
        this(id, title, kind, side, schemes, reach, stepsRemoved, scope, costPerParticipant, payer, source, file,
                Map.of(), null, 0);
    }

    /** The kinds of process support the fieldlabs test. */
    public enum Kind {
        /** a person who visits employers and arranges the schemes for a hire (werkambassadeur) */
        WORK_AMBASSADOR(true),
        /** one desk for every scheme instead of UWV, municipality, tax authority and fund separately */
        ONE_ENTRY_POINT(true),
        /** a case worker who files the claims with or for the worker or employer */
        CASE_SUPPORT(true),
        /**
         * a few months' collaboration of employers, education and partners on one case (the Techport case sprint):
         * when it ends, its output (a co-designed course, or carved jobs) exists
         */
        CASE_SPRINT(false, "months"),
        /**
         * a cooperative that employs its members and places them with member firms (pooled employership, rotation
         * between firms, shared coaching; Sociale Coöperatie Kennemerland)
         */
        COOPERATIVE_EMPLOYER(false, "contract-months", "fee-markup", "bench-months", "pass-through", "separation-factor"),
        /** a route that moves a worker at risk to another job before unemployment (van werk naar werk) */
        WORK_TO_WORK(false, "course-offer", "secondment-offer", "secondment-months");

        private final boolean takeUp;
        private final List<String> needs;

        Kind(boolean takeUp, String... needs) {
            this.takeUp = takeUp;
            this.needs = List.of(needs);
        }

        /** Whether the take-up mechanism reads it (it covers schemes, tells the unaware, takes steps off claims). */
        public boolean takeUp() {
            return takeUp;
        }

        /** The parameters its mechanism reads, as key suffixes after the support's id: {@code p3.months}. */
        public List<String> needs() {
            return needs;
        }
    }

    /** What a case sprint produces. */
    public enum Output {
        /** a co-designed training route: a scenario course with {@code offeredBy} this support */
        COURSE,
        /** carved jobs: tasks split off into jobs for people with a lower wage value, in the employer groups that say so */
        CARVING
    }

    /** The key of this support's own parameter {@code name}: {@code p5.bench-months} for P5 and bench-months. */
    public String key(String name) {
        return id.toLowerCase(java.util.Locale.ROOT) + "." + name;
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

    record SprintCostSpec(
            @Plausible(min = 0, max = 10_000_000, unit = "euro per sprint", source = "wide: a hundred times a"
                    + " design estimate of a four-month sprint (about EUR 51,000)") @JsonProperty(required = true)
            Double value,
            @JsonProperty(required = true) Actor payer,
            @FreeText @JsonProperty(required = true) String source) {
    }

    record SupportSpec(
            @JsonPropertyDescription("short id such as P1: capitals, digits, '-'") @JsonProperty(required = true)
            String id,
            @JsonPropertyDescription("the support in a few words") @JsonProperty(required = true) String title,
            @JsonPropertyDescription("WORK_AMBASSADOR, ONE_ENTRY_POINT or CASE_SUPPORT (take-up); CASE_SPRINT,"
                    + " COOPERATIVE_EMPLOYER or WORK_TO_WORK (read by their own mechanism)")
            @JsonProperty(required = true) Kind kind,
            @JsonPropertyDescription("whose claims it helps: EMPLOYER or WORKER") @JsonProperty(required = true)
            Actor side,
            @JsonPropertyDescription("the schemes and exemptions it covers, or [all]; a take-up kind needs them")
            List<String> schemes,
            @JsonPropertyDescription("share of the unaware it tells of a covered scheme")
            @Plausible(min = 0, max = 1, message = "expected a share between 0 and 1, got {value}",
                    source = "a share") Double reach,
            @JsonPropertyDescription("desks and forms it takes off a claim")
            @Plausible(min = 0, max = 20, unit = "steps", source = "more steps than any scheme has") Double stepsRemoved,
            @JsonProperty(required = true) RuleLibrary.ScopeSpec scope,
            @JsonPropertyDescription("its cost per participant: value (euro), payer, source; a CASE_SPRINT may give"
                    + " only costPerSprint") CostSpec costPerParticipant,
            @JsonPropertyDescription("a CASE_SPRINT's cost of its one sprint: value (euro), payer, source")
            SprintCostSpec costPerSprint,
            @JsonPropertyDescription("what a CASE_SPRINT produces: COURSE (a co-designed route) or CARVING (carved"
                    + " jobs)") Output output,
            @JsonPropertyDescription("its own parameters (keys start with its id in lower case: p5.bench-months):"
                    + " unit with dated values, or value and source") Map<String, RuleLibrary.ParamSpec> parameters,
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
     * @param baseline     the baseline parameters: a support declares only its own, never one of these
     */
    public static ProcessSupport read(Path file, Regions regions, java.util.Set<String> knownSchemes,
            ParameterTable baseline) {
        YamlFile yaml = YamlFile.open(file);
        SupportSpec s = yaml.read(SupportSpec.class);
        yaml.check(s.id().matches("[A-Z][A-Z0-9-]{0,19}"), "id", "expected an id such as P1");
        yaml.check(s.side() == Actor.EMPLOYER || s.side() == Actor.WORKER, "side",
                "expected EMPLOYER or WORKER, got " + s.side());
        Kind kind = s.kind();
        List<String> schemes = s.schemes() == null ? List.of() : s.schemes();
        double reach = s.reach() == null ? 0 : s.reach();
        double steps = s.stepsRemoved() == null ? 0 : s.stepsRemoved();
        if (kind.takeUp()) {
            yaml.check(!schemes.isEmpty(), "schemes", "expected the schemes it covers, or [all]");
            yaml.check(reach > 0 || steps > 0, "reach", "a support must tell the unaware (reach) or take steps off a"
                    + " claim (stepsRemoved), or it does nothing");
        } else {
            // an instrument's mechanism claims nothing for anyone: a reach or steps there would be read by nobody
            yaml.check(schemes.isEmpty() && reach == 0 && steps == 0, s.schemes() != null ? "schemes"
                    : s.reach() != null ? "reach" : "stepsRemoved", "a " + kind + " support is read by its own"
                    + " mechanism, not by take-up: schemes, reach and stepsRemoved are for WORK_AMBASSADOR,"
                    + " ONE_ENTRY_POINT and CASE_SUPPORT");
        }
        for (int i = 0; i < schemes.size(); i++) {
            String id = schemes.get(i);
            yaml.check("all".equals(id) || knownSchemes.contains(id), "schemes[" + i + "]", "unknown scheme '" + id
                    + "'; expected all or one of " + String.join(", ", new java.util.TreeSet<>(knownSchemes)));
        }
        Actor payer = null;
        double perParticipant = 0;
        if (s.costPerParticipant() != null) {
            payer = s.costPerParticipant().payer();
            perParticipant = s.costPerParticipant().value();
            yaml.check(payer.isPublic(), "costPerParticipant.payer",
                    "expected a public payer (PROVINCE, MUNICIPALITY, UWV, STATE), got " + payer);
        }
        double perSprint = 0;
        Output output = null;
        if (kind == Kind.CASE_SPRINT) {
            yaml.check(s.costPerSprint() != null, "costPerSprint", "a CASE_SPRINT support needs its cost per sprint,"
                    + " with payer and source");
            yaml.check(s.output() != null, "output", "a CASE_SPRINT support needs its output: COURSE (a co-designed"
                    + " route) or CARVING (carved jobs)");
            output = s.output();
            if (s.costPerSprint() != null) {
                Actor sprintPayer = s.costPerSprint().payer();
                perSprint = s.costPerSprint().value();
                yaml.check(sprintPayer.isPublic(), "costPerSprint.payer",
                        "expected a public payer (PROVINCE, MUNICIPALITY, UWV, STATE), got " + sprintPayer);
                yaml.check(payer == null || payer == sprintPayer, "costPerSprint.payer", "one payer per support: "
                        + "costPerParticipant is paid by " + payer + ", costPerSprint by " + sprintPayer);
                payer = sprintPayer;
            }
        } else {
            yaml.check(s.costPerParticipant() != null, "costPerParticipant", "expected its cost per participant:"
                    + " value (euro), payer and source");
            yaml.check(s.costPerSprint() == null, "costPerSprint", "only a CASE_SPRINT support has a cost per sprint;"
                    + " this one is " + kind);
            yaml.check(s.output() == null, "output", "only a CASE_SPRINT support has an output; this one is " + kind);
        }
        String prefix = s.id().toLowerCase(java.util.Locale.ROOT) + ".";
        Map<String, Parameter> params = RuleLibrary.readOwnParameters(yaml, s.parameters(), new ParameterTable(Map.of()),
                "Support " + s.id() + " (design parameter)", file);
        for (String key : params.keySet()) {
            String at = "parameters." + key;
            // a support's parameters size its own mechanism; a baseline value changes only through an exemption
            yaml.check(!baseline.contains(key), at, "'" + key + "' is a baseline parameter; a support declares only"
                    + " its own (an exemption may override a baseline value)");
            yaml.check(key.startsWith(prefix), at, "expected a key that starts with '" + prefix + "' (its own id),"
                    + " got '" + key + "'");
        }
        for (String need : kind.needs()) {
            String key = prefix + need;
            yaml.check(params.containsKey(key), "parameters", "a " + kind + " support needs parameter " + key);
        }
        ExemptionScope scope = RuleLibrary.readScope(yaml, s.scope(), regions);
        yaml.done();
        return new ProcessSupport(s.id(), s.title(), kind, s.side(), List.copyOf(schemes), reach, steps,
                scope, perParticipant, payer, s.source().strip(), InputError.display(file), params, output,
                perSprint);
    }
}
