package nl.fieldlab.sandbox.simulation;

import nl.fieldlab.sandbox.domain.Status;
import nl.fieldlab.sandbox.domain.WorkerFacts;

/**
 * The one place where a simulated worker becomes the facts the rules read. Every field of {@link WorkerFacts} is
 * filled here, and a test shows that each takes more than one value in a simulation of the default scenario.
 */
final class FactsMapper {

    private final Market market;
    /** Paid days per month (rules parameter ww.days-per-month): the WW daily wage times it is the monthly wage. */
    private final double daysPerMonth;

    FactsMapper(Market market, double daysPerMonth) {
        this.market = market;
        this.daysPerMonth = daysPerMonth;
    }

    /** The worker's facts in month {@code m} with {@code status}, out of work for {@code monthsUnemployed}. */
    WorkerFacts facts(Worker w, int m, Status status, int monthsUnemployed) {
        Person p = w.p;
        int workedYears = w.monthsWorked / 12;
        double earnings = w.sideJob != null && status == w.status ? w.sideJob.earnings() : 0;
        return new WorkerFacts(p.ageAt(m), status, p.household(), w.education, market.fieldName(w.field), p.region(),
                p.wageValuePct(), p.dailyWage(), p.workHistoryYears() + workedYears,
                p.yearsWorkedSince2016() + workedYears, w.weeksWorkedLast36, w.yearsWorkedLast5, monthsUnemployed,
                p.meetsMeansTest(), p.disabled(), p.illnessBenefitBefore(), p.background(), p.childUnder12(), earnings,
                earnings > 0 ? w.sideJob.benefitMonth() : 0, p.coursePayer(), p.dailyWage() * daysPerMonth,
                tenureYears(w, m), w.transitionSpent, w.transitionConsent);
    }

    /**
     * Years of service with the current employer: in a simulated job since it began; in the job outside the simulated
     * employers (at risk), the whole work history before the start and the months since (an assumption: the scenario
     * knows no tenure, and a worker in a declining occupation has often been there long); 0 out of work.
     */
    static double tenureYears(Worker w, int m) {
        if (w.job != null) {
            return (m - w.job.start()) / 12.0;
        }
        return w.status == Status.EMPLOYED ? w.p.workHistoryYears() + m / 12.0 : 0;
    }

    /** The worker's facts in month {@code m} as they are now. */
    WorkerFacts facts(Worker w, int m, Status status) {
        return facts(w, m, status, Math.max(0, m - w.unemployedSince));
    }
}
