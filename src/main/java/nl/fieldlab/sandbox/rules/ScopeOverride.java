package nl.fieldlab.sandbox.rules;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import nl.fieldlab.sandbox.domain.Status;

/**
 * A scenario's scope for one exemption in one variant: the fields it sets replace the rule file's, the fields it
 * leaves out (null) keep them. Questions and the cohort belong to the rules and cannot be set here; whether the
 * values lie within what the exemption's legal route allows is {@link RouteArea}'s to say.
 *
 * @param regions       region codes or groups of {@code regions.yaml}, as written (expanded when applied)
 * @param statuses      worker statuses, as written
 * @param minAge        lowest age covered
 * @param maxAge        highest age covered
 * @param technicalOnly only technical jobs or shortage-occupation courses (a scenario may only set true)
 * @param from          first month
 * @param until         last month
 * @param staffShare    cap: share of an employer's staff at once
 * @param budget        cap: euro per replication
 * @param participants  cap: workers admitted per replication
 * @param basis         which bodies of the new regions take part and where that is written (not verified; shown in
 *                      the report beside the scope)
 */
public record ScopeOverride(List<String> regions, List<Status> statuses, Integer minAge, Integer maxAge,
        Boolean technicalOnly, YearMonth from, YearMonth until, Double staffShare, Double budget, Integer participants,
        String basis) {

    public ScopeOverride {
        regions = regions == null ? null : List.copyOf(regions);
        statuses = statuses == null ? null : List.copyOf(statuses);
        basis = basis == null || basis.isBlank() ? null : basis.strip();
    }

    /** An override of the regions only. */
    public static ScopeOverride regions(String... codes) {
        return new ScopeOverride(List.of(codes), null, null, null, null, null, null, null, null, null, null);
    }

    /** The rule file's scope with this override's fields in place of its own. */
    public ExemptionScope applyTo(ExemptionScope base, Regions known) {
        return new ExemptionScope(base.questions(),
                regions == null ? base.regions() : known.expand(regions),
                statuses == null ? base.statuses() : Set.copyOf(statuses),
                minAge == null ? base.minAge() : minAge,
                maxAge == null ? base.maxAge() : maxAge,
                technicalOnly == null ? base.technicalOnly() : technicalOnly,
                from == null ? base.from() : from,
                until == null ? base.until() : until,
                staffShare == null ? base.staffShare() : staffShare,
                budget == null ? base.budget() : budget,
                participants == null ? base.participants() : participants,
                base.cohort());
    }

    /** The fields set, in one canonical line: two variants that differ only here get different rule keys. */
    public String key() {
        List<String> parts = new ArrayList<>();
        if (regions != null) {
            parts.add("regions=" + new TreeSet<>(regions));
        }
        if (statuses != null) {
            parts.add("statuses=" + new TreeSet<>(statuses));
        }
        if (minAge != null) {
            parts.add("minAge=" + minAge);
        }
        if (maxAge != null) {
            parts.add("maxAge=" + maxAge);
        }
        if (technicalOnly != null) {
            parts.add("technicalOnly=" + technicalOnly);
        }
        if (from != null) {
            parts.add("from=" + from);
        }
        if (until != null) {
            parts.add("until=" + until);
        }
        if (staffShare != null) {
            parts.add(String.format(Locale.ROOT, "staffShare=%s", staffShare));
        }
        if (budget != null) {
            parts.add(String.format(Locale.ROOT, "budget=%s", budget));
        }
        if (participants != null) {
            parts.add("participants=" + participants);
        }
        if (basis != null) {
            parts.add("basis=" + basis);
        }
        return String.join(",", parts);
    }
}
