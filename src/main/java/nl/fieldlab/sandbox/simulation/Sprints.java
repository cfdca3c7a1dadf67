package nl.fieldlab.sandbox.simulation;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import nl.fieldlab.sandbox.domain.Actor;
import nl.fieldlab.sandbox.domain.PaymentType;
import nl.fieldlab.sandbox.rules.ProcessSupport;
import nl.fieldlab.sandbox.rules.RuleBase;
import nl.fieldlab.sandbox.scenario.Scenario;

/**
 * Mechanism case-sprint: a variant's case sprints (process supports of kind CASE_SPRINT, such as the Techport case
 * sprint) in one run. A sprint is one collaboration of employers, education and partners on one case, held in the
 * region it covers from its scope's start (or the scenario's, if later) for {@code <id>.months}; its cost is booked
 * once at its start, from its payer to the provider that runs it. When it ends its output exists in this run: the
 * scenario's courses {@code offeredBy} it are offered (output COURSE), or a share of the new vacancies of the employer
 * groups it carves become carved jobs (output CARVING). Nothing exists before the end, nor in a variant without it.
 */
final class Sprints {

    static final String ID = "case-sprint";
    /** the count {@code support.<ID>.courseStarts}: starts of the course a sprint produced */
    static final String COURSE_STARTS = "courseStarts";
    /** the count {@code support.<ID>.carvedHires}: hires into the jobs a sprint carved */
    static final String CARVED_HIRES = "carvedHires";

    /** One sprint of the variant: when it starts and ends, as month indices of the run. */
    private record Sprint(ProcessSupport support, int start, int end) {
    }

    private final List<Sprint> sprints = new ArrayList<>();
    private final Market market;
    /** per employer group: the sprint that carves its jobs has ended */
    private final boolean[] carving;

    /**
     * @param supports the variant's process supports (those not CASE_SPRINT are left alone)
     */
    Sprints(List<ProcessSupport> supports, Scenario scenario, RuleBase rules, Market market) {
        this.market = market;
        this.carving = new boolean[scenario.employers().size()];
        for (ProcessSupport s : supports) {
            if (s.kind() != ProcessSupport.Kind.CASE_SPRINT || !s.scope().regions().isEmpty()
                    && !s.scope().regions().contains(scenario.region())) {
                continue;
            }
            YearMonth from = s.scope().from() == null || s.scope().from().isBefore(scenario.start()) ? scenario.start()
                    : s.scope().from();
            if (s.scope().until() != null && from.isAfter(s.scope().until())) {
                continue;
            }
            int start = (int) scenario.start().until(from, java.time.temporal.ChronoUnit.MONTHS);
            int months = (int) Math.round(rules.supportValue(s, "months", from));
            sprints.add(new Sprint(s, start, start + months));
        }
    }

    boolean none() {
        return sprints.isEmpty();
    }

    /** At the start of month {@code m}: a sprint that starts is paid for; one that ends makes its output exist. */
    void month(int m, RunTotals totals) {
        for (Sprint s : sprints) {
            ProcessSupport p = s.support();
            if (m == s.start() && p.costPerSprint() > 0) {
                totals.book(m, p.payer(), Actor.PROVIDER, PaymentType.IMPLEMENTATION, p.costPerSprint());
                totals.supportCost.merge(p.id(), p.costPerSprint(), Double::sum);
            }
            if (m == s.end()) {
                if (p.output() == ProcessSupport.Output.COURSE) {
                    market.offerCoursesOf(p.id());
                } else {
                    for (Market.EmployerState e : market.employers) {
                        if (e.carving != null && p.id().equals(e.carving.by())) {
                            carving[e.group] = true;
                        }
                    }
                }
            }
        }
    }

    /** Whether a vacancy just opened at {@code e} is a carved job (one draw per vacancy: the same in every variant). */
    boolean carves(Market.EmployerState e, Market.Vacancy v, int m, Rng rng) {
        return e.carving != null && carving[e.group] && rng.uniform(Rng.Stream.CARVING, v.id(), m) < e.carving.share();
    }

    /**
     * Productivity of a worker of wage value {@code wageValue} (share of a normal worker's output) in a carved job
     * whose tasks ask {@code taskValue}: the carved tasks are those the worker can do, so min(1, v / taskValue).
     */
    static double carvedProductivity(double wageValue, double taskValue) {
        return Math.min(1, wageValue / taskValue);
    }

    /**
     * The wage value the rules see for a hire into a carved job (decision 2 of issue 25; Participatiewet art. 6 lid 1
     * onder e: the wage value is measured in the function the worker does), in percent.
     */
    static int carvedWageValuePct(int wageValuePct, double taskValue) {
        return (int) Math.min(100, Math.round(wageValuePct / taskValue));
    }
}
