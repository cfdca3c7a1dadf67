package nl.fieldlab.sandbox.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import nl.fieldlab.sandbox.domain.Status;

/**
 * What a scenario may set in an exemption's scope, given who grants the exemption (its legal route). A scenario may
 * narrow what the rules are written for (statuses, ages, technical jobs) but not widen it; where it may place the
 * exemption depends on the route:
 *
 * <table>
 * <tr><th>route</th><th>regions a scenario may set</th><th>the law</th></tr>
 * <tr><td>national law, ministerial regulation, UWV policy rule, collective agreement, sector fund rule</td>
 * <td>any region of regions.yaml</td><td>a national (or sector-wide) instrument applies everywhere; whether one may be
 * confined to a region as a regional pilot is unverified</td></tr>
 * <tr><td>provincial subsidy</td><td>the regions of the route's {@code area} (the province)</td><td>a province
 * subsidises under its own subsidy ordinance (Awb title 4.2) within its territory (issue 25); whether it may fund
 * activities outside it is unverified</td></tr>
 * <tr><td>experiment under Participatiewet art. 83, municipal ordinance, procurement policy, funding agreement</td>
 * <td>the rule file's regions; others only with {@code basis:}</td><td>an art. 83 experiment applies in the
 * municipalities that take part (issue 25), an ordinance binds its own municipality, a tender or a fund reaches its own
 * authority's or funders' area; which bodies take part is the scenario's to say and is not verified</td></tr>
 * </table>
 *
 * Caps may be set above the rule file's (a budget is the granting body's choice, decided by the lead for issue 25),
 * but not lifted: 0 means "no cap" inside a scope, so a scenario must give a cap above 0.
 */
public final class RouteArea {

    /** What is wrong with one field of a scope override, the field relative to the override. */
    public record Problem(String field, String message) {
    }

    /** How far a route's decision reaches. */
    enum Reach {
        NATIONAL, PROVINCE, PARTICIPANTS
    }

    private RouteArea() {
    }

    static Reach reach(LegalRoute route) {
        if (route == null) {
            return Reach.NATIONAL;
        }
        return switch (route.kind()) {
            case NATIONAL_LAW, MINISTERIAL_REGULATION, UWV_POLICY_RULE, COLLECTIVE_AGREEMENT, SECTOR_FUND_RULE ->
                    Reach.NATIONAL;
            case PROVINCIAL_SUBSIDY -> Reach.PROVINCE;
            case EXPERIMENT_ART_83, MUNICIPAL_ORDINANCE, PROCUREMENT_POLICY, FUNDING_AGREEMENT -> Reach.PARTICIPANTS;
        };
    }

    /**
     * Where the rule file's own scope of a provincial subsidy reaches outside the province of its legal route ("its
     * scope reaches FL, outside ..."), or null: a default is not refused, but {@code rules check} says so.
     */
    public static String outsideArea(Exemption e) {
        if (reach(e.legalRoute()) != Reach.PROVINCE || e.legalRoute().area().isEmpty()
                || e.scope().regions().isEmpty()) {
            return null;
        }
        Set<String> outside = new TreeSet<>(e.scope().regions());
        outside.removeAll(e.legalRoute().area());
        return outside.isEmpty() ? null : "its scope reaches " + String.join(", ", outside) + ", outside the area of "
                + "its legal route (" + String.join(", ", e.legalRoute().area()) + "): a provincial subsidy reaches its "
                + "own province only";
    }

    /** Whether a route is a national (or sector-wide) instrument, which applies everywhere. */
    public static boolean national(LegalRoute route) {
        return reach(route) == Reach.NATIONAL;
    }

    /** Why a route of this kind reaches only those who take part: "which applies only where ...". */
    private static String participantsOnly(LegalRoute.Kind kind) {
        return switch (kind) {
            case EXPERIMENT_ART_83 -> "which applies only where municipalities take part";
            case MUNICIPAL_ORDINANCE -> "which binds only the municipality that made it";
            case PROCUREMENT_POLICY -> "which reaches only the contracting authority's own tenders";
            default -> "which pays only where its funders take part";
        };
    }

    /** Each problem of {@code o} as a scope of {@code e}: outside the route's area, widening, or an empty window. */
    public static List<Problem> check(Exemption e, ScopeOverride o, Regions known) {
        List<Problem> out = new ArrayList<>();
        ExemptionScope declared = e.scope();
        checkRegions(e, o, known, out);
        if (o.statuses() != null && !declared.statuses().isEmpty()) {
            int i = 0;
            for (Status s : o.statuses()) {
                if (!declared.statuses().contains(s)) {
                    out.add(new Problem("statuses[" + i + "]", s + " is not among the statuses " + e.id()
                            + "'s rules are written for (" + String.join(", ", declared.statuses().stream()
                                    .map(Enum::name).toList()) + "); a scenario may narrow them, not widen them"));
                }
                i++;
            }
        }
        checkAges(e, o, out);
        if (Boolean.FALSE.equals(o.technicalOnly()) && declared.technicalOnly()) {
            out.add(new Problem("technicalOnly", e.id() + "'s rules cover technical jobs and shortage-occupation "
                    + "courses only; a scenario may narrow a scope, not widen it"));
        }
        var from = o.from() != null ? o.from() : declared.from();
        var until = o.until() != null ? o.until() : declared.until();
        if (from != null && until != null && from.isAfter(until) && (o.from() != null || o.until() != null)) {
            out.add(new Problem(o.until() != null ? "until" : "from", "the scope ends (" + until
                    + ") before it starts (from " + from + "): it would cover no month"));
        }
        String keep = " (leave it out to keep the rule file's cap: " + declared.describeCaps() + ")";
        if (o.participants() != null && o.participants() < 1) {
            out.add(new Problem("cap.participants", "expected at least 1, got " + o.participants() + keep));
        }
        if (o.staffShare() != null && !(o.staffShare() > 0 && o.staffShare() <= 1)) {
            out.add(new Problem("cap.staffShare", "expected above 0 and at most 1, got " + num(o.staffShare())
                    + keep));
        }
        if (o.budget() != null && !(o.budget() > 0)) {
            out.add(new Problem("cap.budget", "expected above 0 (euro per replication), got " + num(o.budget())
                    + keep));
        }
        return out;
    }

    private static void checkRegions(Exemption e, ScopeOverride o, Regions known, List<Problem> out) {
        if (o.regions() == null) {
            return;
        }
        if (o.regions().isEmpty()) {
            out.add(new Problem("regions", "expected at least one region (leave regions out to keep the rule file's: "
                    + regionsText(e.scope().regions()) + ")"));
            return;
        }
        boolean codesKnown = true;
        for (int i = 0; i < o.regions().size(); i++) {
            String problem = known.scopeProblem(o.regions().get(i));
            if (problem != null) {
                out.add(new Problem("regions[" + i + "]", problem));
                codesKnown = false;
            }
        }
        if (!codesKnown) {
            return;
        }
        LegalRoute route = e.legalRoute();
        switch (reach(route)) {
            case NATIONAL -> {
                // a national instrument applies everywhere: any region (a regional pilot of it is unverified)
            }
            case PROVINCE -> {
                if (route.area().isEmpty()) {
                    return;
                }
                for (int i = 0; i < o.regions().size(); i++) {
                    String code = o.regions().get(i);
                    Set<String> outside = new TreeSet<>(known.expand(List.of(code)));
                    outside.removeAll(route.area());
                    if (!outside.isEmpty()) {
                        String which = outside.equals(Set.of(code)) ? code
                                : code + " includes " + String.join(", ", outside) + ", which";
                        out.add(new Problem("regions[" + i + "]", which + " lies outside the area of " + e.id()
                                + "'s legal route (" + route.kind().words() + ": " + String.join(", ", route.area())
                                + "); a provincial subsidy reaches its own province only"));
                    }
                }
            }
            case PARTICIPANTS -> {
                Set<String> declared = e.scope().regions();
                if (declared.isEmpty() || o.basis() != null) {
                    return;
                }
                Set<String> outside = new TreeSet<>(known.expand(o.regions()));
                outside.removeAll(declared);
                if (!outside.isEmpty()) {
                    out.add(new Problem("regions", e.id() + "'s legal route is " + an(route.kind().words()) + ", "
                            + participantsOnly(route.kind()) + "; " + String.join(", ", outside)
                            + (outside.size() == 1 ? " is" : " are") + " outside the rule file's regions ("
                            + regionsText(declared) + "): say under basis: which "
                            + (route.kind() == LegalRoute.Kind.EXPERIMENT_ART_83 ? "municipalities" : "bodies")
                            + " take part and where that is written"));
                }
            }
        }
    }

    private static void checkAges(Exemption e, ScopeOverride o, List<Problem> out) {
        ExemptionScope d = e.scope();
        String ages = "(" + d.minAge() + " to " + (d.maxAge() == 0 ? "any" : d.maxAge()) + ")";
        if (o.minAge() != null && (o.minAge() < d.minAge() || (d.maxAge() > 0 && o.minAge() > d.maxAge()))) {
            out.add(new Problem("minAge", o.minAge() + " lies outside " + e.id() + "'s ages " + ages
                    + "; a scenario may narrow them, not widen them"));
        }
        if (o.maxAge() != null && ((d.maxAge() > 0 && (o.maxAge() > d.maxAge() || o.maxAge() == 0))
                || (o.maxAge() > 0 && o.maxAge() < d.minAge()))) {
            out.add(new Problem("maxAge", o.maxAge() + " lies outside " + e.id() + "'s ages " + ages
                    + "; a scenario may narrow them, not widen them"));
        }
        int min = o.minAge() != null ? o.minAge() : d.minAge();
        int max = o.maxAge() != null ? o.maxAge() : d.maxAge();
        if (max > 0 && min > max) {
            out.add(new Problem("maxAge", "maxAge " + max + " is below minAge " + min
                    + ": the scope would cover no age (maxAge 0 means no upper limit)"));
        }
    }

    /**
     * What the route allows a scenario to do about an exemption that reaches none of {@code scenarioRegions}: "its
     * legal route, a ministerial regulation, allows scope: {E1: {regions: [GA]}}".
     */
    public static String hint(Exemption e, Set<String> scenarioRegions) {
        String regions = "{" + e.id() + ": {regions: [" + String.join(", ", new TreeSet<>(scenarioRegions)) + "]}}";
        LegalRoute route = e.legalRoute();
        String words = route == null ? "none declared" : an(route.kind().words());
        return switch (reach(route)) {
            case NATIONAL -> "its legal route, " + words + ", allows scope: " + regions;
            case PROVINCE -> {
                Set<String> inside = new TreeSet<>(scenarioRegions);
                inside.retainAll(route.area());
                yield inside.isEmpty() && !route.area().isEmpty()
                        ? "its legal route, " + words + ", reaches " + String.join(", ", route.area()) + " only"
                        : "its legal route, " + words + ", allows scope: {" + e.id() + ": {regions: ["
                                + String.join(", ", route.area().isEmpty() ? new TreeSet<>(scenarioRegions) : inside)
                                + "]}}";
            }
            case PARTICIPANTS -> "its legal route, " + words + ", needs basis: to reach "
                    + String.join(", ", new TreeSet<>(scenarioRegions));
        };
    }

    private static String an(String words) {
        // "a UWV policy rule": the U is said as "you"
        return ("aeio".indexOf(words.charAt(0)) >= 0 ? "an " : "a ") + words;
    }

    private static String regionsText(Set<String> regions) {
        return regions.isEmpty() ? "any" : String.join(", ", regions);
    }

    private static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
