package nl.fieldlab.sandbox.simulation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

import nl.fieldlab.sandbox.domain.Actor;
import nl.fieldlab.sandbox.rules.Answer;
import nl.fieldlab.sandbox.rules.ClaimableScheme;
import nl.fieldlab.sandbox.rules.ProcessSupport;
import nl.fieldlab.sandbox.scenario.Behaviour;

/**
 * Mechanism {@code take-up}: an employer or worker entitled to a scheme claims it only if they know it (awareness,
 * of the scheme and that this hire or course qualifies) and if what it pays outweighs the hassle of claiming it (the
 * desks to visit and forms to file, at a cost per step); a scheme nobody claims pays nothing and changes no decision,
 * and what it would have paid is counted as unclaimed. Process support (a work ambassador, one entry point, case
 * support) informs part of the unaware and takes steps off the claim.
 */
final class TakeUp {

    static final String ID = "take-up";
    /** Behaviour values: how well claimants know an exemption's scheme, and the steps its claim takes. */
    static final String EXEMPTION_AWARENESS = "takeup.exemption.awareness";
    static final String EXEMPTION_STEPS = "takeup.exemption.steps";

    /**
     * A claimable scheme: the rules whose payment lines a claim carries (an administration rule of the scheme
     * included, so that an unclaimed scheme costs nothing to run), or an exemption all of whose payments it carries;
     * with how well its claimants know it and how many steps a claim takes.
     *
     * @param id        the scheme's id (an exemption's id for an exemption)
     * @param claimant  who must know the scheme and file the claim (the employer for an LKV, the worker for a
     *                  learning account)
     * @param rules     rule ids whose payment lines belong to the scheme
     * @param exemption an exemption whose payment lines all belong to the scheme, or null
     * @param awareness the chance a claimant knows the scheme and that a case qualifies, without support
     * @param steps     the desks to visit and forms to file for a claim
     */
    record Scheme(String id, Actor claimant, Set<String> rules, String exemption, double awareness, double steps) {

        Scheme {
            if (claimant != Actor.EMPLOYER && claimant != Actor.WORKER) {
                throw new IllegalArgumentException("a scheme is claimed by an employer or a worker, not " + claimant);
            }
            if (!(awareness >= 0 && awareness <= 1) || !(steps >= 0)) {
                throw new IllegalArgumentException(id + ": awareness " + awareness + ", steps " + steps);
            }
            rules = Set.copyOf(rules);
        }

        /** A baseline scheme as claimable-schemes.yaml declares it, sized by the run's behaviour values. */
        static Scheme of(ClaimableScheme declared, Behaviour b) {
            return new Scheme(declared.id(), declared.claimant(), Set.copyOf(declared.rules()), null,
                    b.get("takeup." + declared.id() + ".awareness"), b.get("takeup." + declared.id() + ".steps"));
        }

        /** An exemption claimed as a whole: every payment line its rules set. */
        static Scheme ofExemption(String exemption, Actor claimant, double awareness, double steps) {
            return new Scheme(exemption, claimant, Set.of(), exemption, awareness, steps);
        }

        /**
         * Whether a payment line of a rules answer is paid under this scheme (and so only when it is claimed). Of an
         * exemption, only what a public body pays and someone must ask for: a wage an exemption sets is the employer's
         * to pay, and a benefit it changes (an earnings disregard, a top-up) is applied by UWV or the municipality
         * without a claim of its own.
         */
        boolean carries(Answer.PaymentLine line) {
            return rules.contains(line.ruleId())
                    || exemption != null && exemption.equals(line.exemption()) && claimable(line);
        }
    }

    /**
     * Whether a payment line is money someone claims: paid by a public body, not a wage, benefit, tax or levy, and
     * not a loan's cost to its lender (booked only when the worker draws the loan, which mechanism course-uptake
     * decides: a second decision here would count the loan's low use twice).
     */
    static boolean claimable(Answer.PaymentLine line) {
        return line.payer().isPublic() && line.fromMonth() != nl.fieldlab.sandbox.domain.Payment.LOAN_DRAWN
                && switch (line.type().category()) {
            case SUBSIDY, TRAINING, PROJECT, IMPLEMENTATION -> true;
            case WAGE, BENEFIT, LEVY, TAX, SEVERANCE -> false;
        };
    }

    /**
     * Who must claim an exemption's payments in an answer: the employer when one of its claimable lines pays the
     * employer (the provincial LKV mirror, a cooperative wage subsidy), else the worker when one pays the worker (a
     * learning account), else nobody (it pays only providers or investors, or nothing: applied without a claim).
     */
    static Actor exemptionClaimant(String exemption, Answer a) {
        Actor claimant = null;
        for (Answer.PaymentLine p : a.payments()) {
            if (exemption.equals(p.exemption()) && claimable(p)) {
                if (p.payee() == Actor.EMPLOYER) {
                    return Actor.EMPLOYER;
                }
                if (p.payee() == Actor.WORKER) {
                    claimant = Actor.WORKER;
                }
            }
        }
        return claimant;
    }

    /**
     * What process support does for the claimants in its scope.
     *
     * @param reach        the share of claimants who did not know the scheme that the support tells of it (a
     *                     supporting organisation told the employer of the no-risk policy in 65 % of cases, SEO 2018)
     * @param stepsRemoved the desks and forms the support takes off the claim (one entry point, case support that
     *                     files the forms); a claim keeps at least none
     */
    record Lever(double reach, double stepsRemoved) {

        static final Lever NONE = new Lever(0, 0);

        /**
         * What the supports a case falls under do for one scheme: only those that help the scheme's claimant and
         * cover it count; each tells a share of those the others left unaware, and their steps removed add up.
         */
        static Lever of(List<ProcessSupport> inScope, Scheme s) {
            double unaware = 1;
            double steps = 0;
            for (ProcessSupport p : inScope) {
                if (p.side() == s.claimant() && p.covers(s.id())) {
                    unaware *= 1 - p.reach();
                    steps += p.stepsRemoved();
                }
            }
            return steps == 0 && unaware == 1 ? NONE : new Lever(1 - unaware, steps);
        }

        Lever {
            if (!(reach >= 0 && reach <= 1) || !(stepsRemoved >= 0)) {
                throw new IllegalArgumentException("reach " + reach + " or steps removed " + stepsRemoved);
            }
        }
    }

    /** Why a scheme was or was not claimed. */
    enum Outcome {
        CLAIMED,
        /** the claimant did not know the scheme, or that this case qualifies */
        UNAWARE,
        /** the claimant knew it but what it pays did not outweigh the hassle of claiming */
        NOT_WORTH_IT
    }

    private final double hassleEmployer;
    private final double hassleWorker;

    TakeUp(Behaviour b) {
        hassleEmployer = b.get("takeup.hassle-per-step." + Actor.EMPLOYER.name());
        hassleWorker = b.get("takeup.hassle-per-step." + Actor.WORKER.name());
    }

    /** The chance the claimant knows the scheme, after the support has told a share of those who did not. */
    double awareness(Scheme s, Lever lever) {
        return 1 - (1 - s.awareness()) * (1 - lever.reach());
    }

    /** The hassle of claiming, in euro: the steps left after the support, at the claimant's cost per step. */
    double hassle(Scheme s, Lever lever) {
        double steps = Math.max(0, s.steps() - lever.stepsRemoved());
        return steps * (s.claimant() == Actor.EMPLOYER ? hassleEmployer : hassleWorker);
    }

    /**
     * The chance that a claimant who knows the scheme claims it: what it pays over what it pays plus the hassle, so
     * that a small entitlement (a short contract, a small allowance) goes unclaimed more often and a claim without
     * steps is always made.
     *
     * @param gain what the scheme would pay the claimant for this hire or course, in euro
     */
    double applyChance(Scheme s, double gain, Lever lever) {
        if (gain <= 0) {
            return 0;
        }
        return gain / (gain + hassle(s, lever));
    }

    /** The chance the scheme is claimed: known, and worth the hassle. */
    double claimChance(Scheme s, double gain, Lever lever) {
        return awareness(s, lever) * applyChance(s, gain, lever);
    }

    /**
     * Whether the scheme is claimed, from two draws: {@code awareDraw} the claimant's (an employer keeps its knowledge
     * of a scheme from one hire to the next, so the caller draws it per claimant and scheme, not per case) and
     * {@code applyDraw} this case's. With the same draws, support never turns a claim into none.
     */
    Outcome decide(Scheme s, double gain, Lever lever, double awareDraw, double applyDraw) {
        if (awareDraw >= awareness(s, lever)) {
            return Outcome.UNAWARE;
        }
        return applyDraw < applyChance(s, gain, lever) ? Outcome.CLAIMED : Outcome.NOT_WORTH_IT;
    }

    /** The two draws of a case for a scheme (see {@link #decide}); the caller takes them from its own streams. */
    interface Draws {
        double aware(Scheme s);

        double apply(Scheme s);
    }

    /** A payment line a scheme would have paid had it been claimed. */
    record Unclaimed(String scheme, Answer.PaymentLine line) {
    }

    /**
     * An answer after its claimants decided on the schemes it grants.
     *
     * @param claimed   the answer with the unclaimed schemes' lines taken out: what is paid and what decisions weigh
     * @param unclaimed the lines taken out, each with its scheme, to be counted as unclaimed while the spell runs
     * @param outcomes  per scheme the answer grants its claimant, the outcome of the claim
     */
    record Settled(Answer claimed, List<Unclaimed> unclaimed, SortedMap<String, Outcome> outcomes) {
    }

    /**
     * Decides every scheme in {@code schemes} that the answer grants its claimant (a line it carries is paid to
     * the claimant), and takes the lines of those not claimed out of the answer. A scheme the answer does not grant
     * is not decided. {@code horizon} is the spell months whose payments the claimant weighs.
     */
    Settled settle(List<Scheme> schemes, Answer a, Function<Scheme, Lever> levers, Draws draws, int horizon) {
        SortedMap<String, Outcome> outcomes = new TreeMap<>();
        List<Scheme> notClaimed = new ArrayList<>();
        for (Scheme s : schemes) {
            if (a.payments().stream().noneMatch(p -> s.carries(p) && p.payee() == s.claimant())) {
                continue;
            }
            Outcome o = decide(s, gain(s, a, horizon), levers.apply(s), draws.aware(s), draws.apply(s));
            outcomes.put(s.id(), o);
            if (o != Outcome.CLAIMED) {
                notClaimed.add(s);
            }
        }
        if (notClaimed.isEmpty()) {
            return new Settled(a, List.of(), Collections.unmodifiableSortedMap(outcomes));
        }
        List<Unclaimed> unclaimed = new ArrayList<>();
        for (Answer.PaymentLine p : a.payments()) {
            for (Scheme s : notClaimed) {
                if (s.carries(p)) {
                    unclaimed.add(new Unclaimed(s.id(), p));
                    break;
                }
            }
        }
        Set<String> exemptions = new TreeSet<>();
        notClaimed.stream().filter(s -> s.exemption() != null).forEach(s -> exemptions.add(s.exemption()));
        Answer claimed = a.withoutPayments(p -> notClaimed.stream().anyMatch(s -> s.carries(p)), exemptions);
        return new Settled(claimed, List.copyOf(unclaimed), Collections.unmodifiableSortedMap(outcomes));
    }

    /**
     * What the scheme would pay its claimant under an answer, in euro, over spell months 1 to {@code horizon}: the
     * gain a claimant weighs against the hassle. Only lines paid to the claimant count (an administration line paid
     * to a provider is carried by the claim but is no gain to the claimant).
     */
    static double gain(Scheme s, Answer a, int horizon) {
        double sum = 0;
        for (Answer.PaymentLine p : a.payments()) {
            if (s.carries(p) && p.payee() == s.claimant()) {
                int months = Math.min(p.toMonth(), horizon) - Math.max(p.fromMonth(), 1) + 1;
                sum += Math.max(0, months) * p.amount();
            }
        }
        return sum;
    }
}
