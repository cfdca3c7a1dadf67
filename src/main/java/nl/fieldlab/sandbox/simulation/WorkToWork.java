package nl.fieldlab.sandbox.simulation;

import java.time.YearMonth;
import java.util.List;

import nl.fieldlab.sandbox.domain.Education;
import nl.fieldlab.sandbox.rules.ProcessSupport;
import nl.fieldlab.sandbox.rules.RuleBase;

/**
 * Mechanism work-to-work: what a work-to-work route (a {@link ProcessSupport.Kind#WORK_TO_WORK} support such as P2)
 * does for a worker whose dismissal is announced, during the notice period. The worker is coached until the notice
 * ends; the route seeks a secondment with a host employer in a shortage field (share {@code p2.secondment-offer}, for
 * {@code p2.secondment-months}), or else offers a course into a shortage field on the transition budget (share
 * {@code p2.course-offer}), which the old employer pays and sets off against the transition payment with the
 * worker's written consent. The sizes are the support's own parameters (design choices, unverified).
 */
final class WorkToWork {

    static final String ID = "work-to-work";

    private final RuleBase rules;

    WorkToWork(RuleBase rules) {
        this.rules = rules;
    }

    /** The variant's work-to-work route that covers a dismissal, among the supports in scope, or null. */
    static ProcessSupport route(List<ProcessSupport> inScope) {
        for (ProcessSupport s : inScope) {
            if (s.kind() == ProcessSupport.Kind.WORK_TO_WORK) {
                return s;
            }
        }
        return null;
    }

    /** Whether the route seeks a secondment for this participant ({@code draw} uniform in [0, 1)). */
    boolean seeksSecondment(ProcessSupport route, YearMonth month, double draw) {
        return draw < rules.supportValue(route, "secondment-offer", month);
    }

    /** Whether the route offers a course on the transition budget ({@code draw} uniform in [0, 1)). */
    boolean offersCourse(ProcessSupport route, YearMonth month, double draw) {
        return draw < rules.supportValue(route, "course-offer", month);
    }

    /** Months a secondment lasts. */
    int secondmentMonths(ProcessSupport route, YearMonth month) {
        return (int) Math.round(rules.supportValue(route, "secondment-months", month));
    }

    /**
     * Whether a host's vacancy suits a secondment: an employer in a shortage field that needs at most one education
     * level more than the worker has (the route looks for work the worker can learn on the job).
     */
    static boolean suitsHost(Market market, Market.Vacancy v, Education education) {
        Market.EmployerState e = market.employers[v.employer()];
        return market.shortageField(e.field) && e.requiredEducation.level() - education.level() <= 1;
    }
}
