package nl.fieldlab.sandbox.evaluation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonProperty;

import nl.fieldlab.sandbox.domain.FreeText;
import nl.fieldlab.sandbox.domain.QuestionType;
import nl.fieldlab.sandbox.input.InputError;
import nl.fieldlab.sandbox.input.PlainText;
import nl.fieldlab.sandbox.input.Suggestions;
import nl.fieldlab.sandbox.input.YamlFile;
import nl.fieldlab.sandbox.rules.Exemption;
import nl.fieldlab.sandbox.rules.LegalRoute;

/**
 * Which pilot designs are lawful under which legal route, and which fit an exemption's scope, read from {@code
 * rules/evaluation/designs.yaml}; and the figures a power calculation uses, from {@code design-parameters.yaml}.
 * Every design lists every kind of route, so that no route is silently left without a judgement.
 */
public record DesignCatalogue(Map<Design, Entry> designs, Parameters parameters) {

    /** The file of designs, relative to a rules folder. */
    public static final String DESIGNS = "evaluation/designs.yaml";
    /** The file of design parameters, relative to a rules folder. */
    public static final String PARAMETERS = "evaluation/design-parameters.yaml";

    /** Whether a route's instrument can set a design's assignment. */
    public enum Status {
        FITS("fits"), LEGAL_CHECK("legal check needed"), NO("no");

        private final String words;

        Status(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }

        static Status of(String word) {
            return switch (word) {
                case "fits" -> FITS;
                case "legal-check" -> LEGAL_CHECK;
                case "no" -> NO;
                default -> null;
            };
        }
    }

    /** One design's judgement under one kind of route. */
    public record Lawful(Status status, String reason, String source, boolean unverified) {

        /** "legal check needed (unverified): a lot as the pre-set distribution rule under a subsidy ceiling". */
        public String text() {
            return status.words() + (unverified ? " (unverified)" : "") + ": " + reason;
        }
    }

    /** A design's name, estimator and judgement per kind of route. */
    public record Entry(String name, String estimator, Map<LegalRoute.Kind, Lawful> routes) {
    }

    /** A figure with its source; {@code unverified} when it is a placeholder. */
    public record Figure(double value, String source, boolean unverified) {
    }

    /** The figures of {@code design-parameters.yaml}. */
    public record Parameters(double alpha, double power, List<Integer> months, String primaryOutcome,
            int primaryMonth, Map<String, Figure> icc) {
    }

    /** How a design fits one exemption: its status and why. */
    public record Fit(Design design, Status status, String reason, boolean unverified) {

        public boolean fits() {
            return status != Status.NO;
        }
    }

    record RouteSpec(@JsonProperty(required = true) String status, @JsonProperty(required = true) @FreeText String reason,
            @JsonProperty(required = true) @FreeText String source, Boolean unverified) {
    }

    record DesignSpec(@JsonProperty(required = true) @FreeText String name,
            @JsonProperty(required = true) @FreeText String estimator,
            @JsonProperty(required = true) Map<String, RouteSpec> routes) {
    }

    record DesignsFile(@JsonProperty(required = true) Map<String, DesignSpec> designs) {
    }

    record FigureSpec(@JsonProperty(required = true) Double value, @JsonProperty(required = true) @FreeText String source,
            Boolean unverified) {
    }

    record MonthsSpec(@JsonProperty(required = true) List<Integer> values,
            @JsonProperty(required = true) @FreeText String source) {
    }

    record PrimarySpec(@JsonProperty(required = true) String outcome, @JsonProperty(required = true) Integer month,
            @JsonProperty(required = true) @FreeText String source) {
    }

    record ParametersFile(@JsonProperty(required = true) FigureSpec alpha, @JsonProperty(required = true) FigureSpec power,
            @JsonProperty(required = true) MonthsSpec months, @JsonProperty(required = true) PrimarySpec primary,
            @JsonProperty(required = true) Map<String, FigureSpec> icc) {
    }

    /** The ICC keys a power calculation reads. */
    public static final List<String> ICC_KEYS = List.of("employer", "municipality-period", "region-period");

    public DesignCatalogue {
        designs = Collections.unmodifiableMap(new EnumMap<>(designs));
    }

    /** Reads both files from the rules folder {@code rules}; a file that is missing is an error. */
    public static DesignCatalogue load(Path rules) {
        return new DesignCatalogue(readDesigns(rules.resolve(DESIGNS)), readParameters(rules.resolve(PARAMETERS)));
    }

    /** The same, or null when the rules folder has no designs file (a folder from before pilots). */
    public static DesignCatalogue loadIfPresent(Path rules) {
        return Files.isRegularFile(rules.resolve(DESIGNS)) ? load(rules) : null;
    }

    static Map<Design, Entry> readDesigns(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new InputError(InputError.display(file) + ": file not found (the pilot designs need it)");
        }
        YamlFile yaml = YamlFile.open(file);
        DesignsFile spec = yaml.read(DesignsFile.class);
        Map<Design, Entry> out = new EnumMap<>(Design.class);
        List<String> designNames = Arrays.stream(Design.values()).map(Enum::name).toList();
        List<String> kindNames = Arrays.stream(LegalRoute.Kind.values()).map(Enum::name).toList();
        spec.designs().forEach((name, d) -> {
            String at = "designs." + name;
            if (!yaml.check(designNames.contains(name), at, "expected one of " + String.join(", ", designNames)
                    + ", got " + PlainText.quote(name) + Suggestions.didYouMean(name, designNames))) {
                return;
            }
            if (!yaml.check(d != null, at, "expected {name: ..., estimator: ..., routes: {...}}")) {
                return;
            }
            Map<LegalRoute.Kind, Lawful> routes = new EnumMap<>(LegalRoute.Kind.class);
            d.routes().forEach((kind, r) -> {
                String rat = at + ".routes." + kind;
                if (!yaml.check(kindNames.contains(kind), rat, "expected a kind of legal route, one of "
                        + String.join(", ", kindNames) + ", got " + PlainText.quote(kind)
                        + Suggestions.didYouMean(kind, kindNames))) {
                    return;
                }
                if (!yaml.check(r != null, rat, "expected {status: ..., reason: ..., source: ...}")) {
                    return;
                }
                Status status = Status.of(r.status());
                if (yaml.check(status != null, rat + ".status", "expected fits, legal-check or no, got "
                        + PlainText.quote(r.status()))) {
                    routes.put(LegalRoute.Kind.valueOf(kind), new Lawful(status, r.reason(), r.source(),
                            Boolean.TRUE.equals(r.unverified())));
                }
            });
            List<String> missing = kindNames.stream().filter(k -> !d.routes().containsKey(k)).toList();
            yaml.check(missing.isEmpty(), at + ".routes", "every kind of legal route needs a judgement; missing: "
                    + String.join(", ", missing));
            out.put(Design.valueOf(name), new Entry(d.name(), d.estimator(), routes));
        });
        List<String> absent = designNames.stream().filter(n -> !spec.designs().containsKey(n)).toList();
        yaml.check(absent.isEmpty(), "designs", "every design needs an entry; missing: " + String.join(", ", absent));
        yaml.done();
        return out;
    }

    static Parameters readParameters(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new InputError(InputError.display(file) + ": file not found (the pilot designs need it)");
        }
        YamlFile yaml = YamlFile.open(file);
        ParametersFile p = yaml.read(ParametersFile.class);
        yaml.check(p.alpha().value() > 0 && p.alpha().value() < 0.5, "alpha.value", "expected a level between 0 and 0.5");
        yaml.check(p.power().value() > 0.5 && p.power().value() < 1, "power.value", "expected a power between 0.5 and 1");
        yaml.check(!p.months().values().isEmpty() && p.months().values().stream().allMatch(m -> m != null && m > 0),
                "months.values", "expected months after intake, each above 0");
        yaml.check(p.months().values().contains(p.primary().month()), "primary.month", "expected one of months.values "
                + p.months().values() + ", got " + p.primary().month());
        yaml.check(Outcome.named(p.primary().outcome()) != null, "primary.outcome", "expected one of "
                + Arrays.stream(Outcome.values()).map(Outcome::key).collect(Collectors.joining(", ")) + ", got "
                + PlainText.quote(p.primary().outcome()));
        Map<String, Figure> icc = new java.util.TreeMap<>();
        p.icc().forEach((k, f) -> {
            String at = "icc." + k;
            if (yaml.check(ICC_KEYS.contains(k), at, "expected one of " + String.join(", ", ICC_KEYS)
                    + Suggestions.didYouMean(k, ICC_KEYS)) && yaml.check(f != null, at, "expected {value: ..., source: ...}")) {
                yaml.check(f.value() >= 0 && f.value() < 1, at + ".value", "expected a correlation from 0 to below 1");
                icc.put(k, new Figure(f.value(), f.source(), Boolean.TRUE.equals(f.unverified())));
            }
        });
        List<String> missing = ICC_KEYS.stream().filter(k -> !p.icc().containsKey(k)).toList();
        yaml.check(missing.isEmpty(), "icc", "missing: " + String.join(", ", missing));
        yaml.done();
        return new Parameters(p.alpha().value(), p.power().value(), List.copyOf(p.months().values()),
                p.primary().outcome(), p.primary().month(), icc);
    }

    /** The judgement of {@code design} under an exemption's route; null when the exemption declares none. */
    public Lawful lawful(Design design, LegalRoute route) {
        return route == null ? null : designs.get(design).routes().get(route.kind());
    }

    /**
     * Whether {@code design} fits exemption {@code ex}: its legal route first, then its scope. Scope conditions:
     * a lottery fits every scope (each is judged on the worker's facts); randomising employers needs a hire or a
     * trial placement in scope; a stepped wedge needs municipalities, which the model does not hold; a difference
     * in differences always fits; a regression discontinuity needs an age limit in the scope.
     */
    public Fit fit(Design design, Exemption ex) {
        Lawful lawful = lawful(design, ex.legalRoute());
        if (lawful != null && lawful.status() == Status.NO) {
            return new Fit(design, Status.NO, ex.id() + "'s route (" + ex.legalRoute().kind().words() + ") cannot set it: "
                    + lawful.reason(), lawful.unverified());
        }
        String scope = switch (design) {
            case LOTTERY, DID -> null;
            case EMPLOYER -> ex.scope().questions().isEmpty() || ex.scope().questions().contains(QuestionType.HIRE)
                    || ex.scope().questions().contains(QuestionType.TRIAL_PLACEMENT) ? null
                    : "its scope has no HIRE or TRIAL_PLACEMENT question";
            case STEPPED_WEDGE -> "the model places people in regions, not municipalities";
            case RD_AGE -> ex.scope().minAge() > 0 || ex.scope().maxAge() > 0 ? null
                    : "its scope has no age limit";
        };
        if (scope != null) {
            return new Fit(design, Status.NO, scope, false);
        }
        if (lawful == null) {
            return new Fit(design, Status.LEGAL_CHECK, ex.id() + " declares no legal route", true);
        }
        return new Fit(design, lawful.status(), lawful.reason(), lawful.unverified());
    }
}
