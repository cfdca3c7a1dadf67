package nl.fieldlab.sandbox.simulation;

import nl.fieldlab.sandbox.rules.Exemption;

/**
 * Who is offered an exemption in a run: everyone in its scope (an ordinary run), or those a pilot's design draws.
 * The run asks it, beside the exemption's scope and caps, before a question carries the exemption. A pilot run
 * pilots the one exemption of its variant, so an assignment applies to every exemption of the run.
 */
public interface Assignment {

    /** Everyone in scope: an ordinary run, unchanged by the pilot machinery. */
    Assignment EVERYONE = new Everyone();

    /** Whether {@code person} is offered {@code ex} in month {@code month}, at {@code employer} (-1: none). */
    boolean offered(Exemption ex, Person person, int employer, int month);

    /** Whether {@code person}'s arm is the treated one, for assignments that draw people (true otherwise). */
    default boolean treatedArm(Exemption ex, Person person) {
        return true;
    }

    /** Everyone in scope is offered the exemption. */
    record Everyone() implements Assignment {
        @Override
        public boolean offered(Exemption ex, Person person, int employer, int month) {
            return true;
        }
    }

    /**
     * An individual lottery: each person is drawn once per exemption, into the treated arm with probability {@code
     * share}, from stream PILOT_ASSIGN of {@code rng}; the draw does not depend on the month or on anything the
     * exemption changes, so it is the same in every run that shares {@code rng}.
     */
    record Lottery(double share, Rng rng) implements Assignment {
        @Override
        public boolean offered(Exemption ex, Person person, int employer, int month) {
            return treatedArm(ex, person);
        }

        @Override
        public boolean treatedArm(Exemption ex, Person person) {
            return rng.uniform(Rng.Stream.PILOT_ASSIGN, person.id(), ex.id().hashCode()) < share;
        }
    }

    /**
     * Randomisation by employer: each simulated employer is drawn once per exemption, with probability {@code
     * share}, from stream PILOT_CLUSTER; a question at a drawn employer may carry the exemption, a question at no
     * employer (a benefit claim, a course) may not.
     */
    record ByEmployer(double share, Rng rng) implements Assignment {
        @Override
        public boolean offered(Exemption ex, Person person, int employer, int month) {
            return employer >= 0 && drawn(ex, employer);
        }

        /** Whether {@code employer} is in the treated arm. */
        public boolean drawn(Exemption ex, int employer) {
            return rng.uniform(Rng.Stream.PILOT_CLUSTER, employer, ex.id().hashCode()) < share;
        }
    }
}
