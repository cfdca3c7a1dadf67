package nl.fieldlab.sandbox.rules;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.kie.api.runtime.KieSession;

/**
 * Watches the batches the rule engine is deciding, so that a rule that never returns cannot hang a run, and an exit
 * from inside a rule cannot end the program as if all went well.
 *
 * <p>Time: one daemon thread looks at the running batches a few times a second. A batch past its time budget
 * ({@link RuleBudget#batchSeconds()}) is halted: the engine stops after the firing in progress. A consequence that
 * never returns (a {@code while (true)}) is stopped a grace period later with {@code Thread.stop}, deprecated but
 * working on Java 17: the {@code ThreadDeath} it throws unwinds the rule and its session, which is then dropped. Where
 * {@code Thread.stop} throws (Java 20 and later) nothing can end the consequence, so the program ends with exit code
 * 1 and a message naming the rule, rather than hanging.
 *
 * <p>Exits: a shutdown hook looks whether the thread that called {@code System.exit} or {@code Runtime.exit} is
 * deciding a batch; if so, it says which rule called it and halts with exit code 1 ({@code Runtime.halt} from a
 * shutdown hook sets the status). It cannot see {@code Runtime.halt} (which skips hooks) nor an exit from a thread a
 * rule started; {@link ForbiddenCalls} refuses both in rule text at compile time.
 */
final class RuleWatchdog {

    /** Exit code of a run ended by a rule (bad input: the rules are; the app's {@code ExitCodes.BAD_INPUT}). */
    static final int EXIT_CODE = 1;

    private static final Set<Batch> ACTIVE = ConcurrentHashMap.newKeySet();

    /** Ends a thread; replaced in tests to see the fallback where {@code Thread.stop} throws. */
    static volatile Consumer<Thread> stopper = RuleWatchdog::stop;
    /** Ends the program with a message when a thread cannot be stopped; replaced in tests. */
    static volatile Consumer<String> ender = message -> {
        System.err.println("error: " + message);
        System.err.flush();
        System.exit(EXIT_CODE);
    };

    static {
        Thread watcher = new Thread(RuleWatchdog::watch, "fieldlab-rule-watchdog");
        watcher.setDaemon(true);
        watcher.start();
        try {
            Runtime.getRuntime().addShutdownHook(new Thread(RuleWatchdog::refuseExitFromRule,
                    "fieldlab-rule-exit-guard"));
        } catch (IllegalStateException e) {
            // first used while the program ends: there is no exit left to guard
        }
    }

    private RuleWatchdog() {
    }

    /** A batch being decided on the current thread, from {@link #watch(KieSession, Supplier, RuleBudget)} on. */
    static final class Batch {
        final Thread thread = Thread.currentThread();
        private final KieSession session;
        private final Supplier<String> firing;
        private final long deadline;
        private final long stopAt;
        private final RuleBudget budget;
        private volatile boolean overTime;
        private volatile String firingAtDeadline;
        private boolean done;
        private boolean stopped;

        private Batch(KieSession session, Supplier<String> firing, RuleBudget budget) {
            this.session = session;
            this.firing = firing;
            this.budget = budget;
            long budgetNanos = budget.batchNanos();
            this.deadline = System.nanoTime() + budgetNanos;
            // halting needs the consequence in progress to return; a grace period later it is stopped
            this.stopAt = deadline + Math.max(500_000_000L, Math.min(5_000_000_000L, budgetNanos / 10));
        }

        RuleBudget budget() {
            return budget;
        }

        /** Whether the batch ran past its time budget (it was halted, perhaps stopped). */
        boolean overTime() {
            return overTime;
        }

        /** The rule that was firing when the time ran out, or null. */
        String firingAtDeadline() {
            return firingAtDeadline;
        }

        /** Whether the watchdog stopped the batch's thread. */
        synchronized boolean stopped() {
            return stopped;
        }

        /**
         * Ends the watch; after this the thread is never stopped. Called in a {@code finally} inside the block that
         * catches {@code ThreadDeath}: a stop sent before this returns is delivered there.
         */
        void finish() {
            synchronized (this) {
                done = true;
            }
            ACTIVE.remove(this);
        }

        /**
         * Halts the batch once past its deadline, stops its thread once past the grace period; under the batch's
         * lock and only while it runs, so that a session back in the pool is never touched.
         */
        private void check(long now) {
            if (now - deadline <= 0) {
                return;
            }
            synchronized (this) {
                if (done) {
                    return;
                }
                if (!overTime) {
                    firingAtDeadline = firing.get();
                    overTime = true;
                    session.halt();
                }
                if (stopped || now - stopAt <= 0) {
                    return;
                }
                stopped = true;
                try {
                    stopper.accept(thread);
                    return;
                } catch (UnsupportedOperationException | SecurityException e) {
                    // no Thread.stop on this Java: end the program below, outside the lock
                }
            }
            String rule = firing.get();
            ender.accept((rule == null ? "a rule" : "rule " + rule) + " did not finish within "
                    + budget.secondsText() + " s (-D" + RuleBudget.SECONDS_PROPERTY
                    + " sets the budget) and cannot be stopped on Java " + System.getProperty("java.version")
                    + "; the program ends and nothing was written");
        }
    }

    /** Starts watching a batch on the current thread; {@link Batch#finish()} ends it. */
    static Batch watch(KieSession session, Supplier<String> firing, RuleBudget budget) {
        Batch b = new Batch(session, firing, budget);
        ACTIVE.add(b);
        return b;
    }

    private static void watch() {
        while (true) {
            long next = 1_000_000_000L;
            try {
                long now = System.nanoTime();
                for (Batch b : ACTIVE) {
                    try {
                        b.check(now);
                    } catch (RuntimeException e) {
                        // a session already gone cannot be halted: its thread has finished with it
                    }
                    next = Math.min(next, (b.overTime ? b.stopAt : b.deadline) - now);
                }
            } catch (VirtualMachineError e) {
                // a rule that fills the heap can make this thread's allocations fail too: look again shortly
            }
            LockSupport.parkNanos(Math.max(10_000_000L, Math.min(1_000_000_000L, next)));
        }
    }

    @SuppressWarnings({"deprecation", "removal"})
    private static void stop(Thread t) {
        t.stop();
    }

    /** The shutdown hook: an exit called while a rule fires on the calling thread becomes exit code 1. */
    private static void refuseExitFromRule() {
        for (Batch b : ACTIVE) {
            if (b.thread != Thread.currentThread() && exiting(b.thread)) {
                String rule = b.firing.get();
                System.err.println("error: " + (rule == null ? "a rule" : "rule " + rule) + " ended the program"
                        + " (System.exit or Runtime.exit); rules may not, and nothing was written");
                System.err.flush();
                Runtime.getRuntime().halt(EXIT_CODE);
            }
        }
    }

    private static boolean exiting(Thread t) {
        for (StackTraceElement e : t.getStackTrace()) {
            if (e.getClassName().equals("java.lang.Shutdown")
                    || e.getClassName().equals("java.lang.Runtime") && e.getMethodName().equals("exit")) {
                return true;
            }
        }
        return false;
    }
}
