package nl.fieldlab.sandbox.simulation;

import java.time.YearMonth;

import nl.fieldlab.sandbox.rules.Exemption;
import nl.fieldlab.sandbox.rules.ExemptionScope;

/**
 * Who is eligible for a pilot of an exemption, and from when: a person whose facts at entry (region, status, age)
 * fall in the exemption's scope, taken in at the first month from entry on that the exemption is open. Only facts
 * known before anyone is treated count, so that eligibility is the same in every run of a replication: a pilot's
 * arms are then comparable, and a rollout's outcomes can be set against the baseline's for the same people.
 */
final class Intake {

    private Intake() {
    }

    /** The month index of {@code p}'s intake for {@code ex}, or -1 when {@code p} is not eligible. */
    static int month(Exemption ex, Person p, YearMonth[] monthOf) {
        ExemptionScope s = ex.scope();
        if (!s.regions().isEmpty() && !s.regions().contains(p.region())) {
            return -1;
        }
        if (!s.statuses().isEmpty() && !s.statuses().contains(p.status())) {
            return -1;
        }
        for (int m = Math.max(0, p.entryMonth()); m < monthOf.length; m++) {
            if (s.activeIn(monthOf[m])) {
                int age = p.ageAt(m);
                return age < s.minAge() || (s.maxAge() > 0 && age > s.maxAge()) ? -1 : m;
            }
        }
        return -1;
    }
}
