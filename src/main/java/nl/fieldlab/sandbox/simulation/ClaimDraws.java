package nl.fieldlab.sandbox.simulation;

import nl.fieldlab.sandbox.domain.Actor;
import nl.fieldlab.sandbox.simulation.Rng.Stream;

/**
 * The draws of the take-up mechanism for one case. Knowing a scheme belongs to the claimant, not to the case: an
 * employer that knows the LKV knows it for every hire, in every month, so its draw depends on the employer and the
 * scheme only. Claiming is decided per case: its draw depends on the worker, the month and the scheme. Schemes are
 * told apart by their id, not by their place in a list, so that a variant with one more scheme (an exemption) gives
 * every other scheme the same draws (common random numbers).
 */
final class ClaimDraws implements TakeUp.Draws {

    private final Rng rng;
    private final int worker;
    private final int employer;
    private final int month;

    ClaimDraws(Rng rng, int worker, int employer, int month) {
        this.rng = rng;
        this.worker = worker;
        this.employer = employer;
        this.month = month;
    }

    @Override
    public double aware(TakeUp.Scheme s) {
        long scheme = s.id().hashCode();
        return s.claimant() == Actor.EMPLOYER ? rng.uniform(Stream.TAKE_UP_AWARE_EMPLOYER, employer, scheme)
                : rng.uniform(Stream.TAKE_UP_AWARE_WORKER, worker, scheme);
    }

    @Override
    public double apply(TakeUp.Scheme s) {
        return rng.uniform(Stream.TAKE_UP_APPLY, worker, ((long) s.id().hashCode() << 32) ^ month);
    }
}
