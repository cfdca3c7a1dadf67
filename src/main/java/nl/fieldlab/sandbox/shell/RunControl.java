package nl.fieldlab.sandbox.shell;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jline.terminal.Terminal;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import nl.fieldlab.sandbox.app.ExitCodes;
import nl.fieldlab.sandbox.report.PointOfNoReturn;
import nl.fieldlab.sandbox.simulation.Simulator;

/**
 * Progress and cancellation for long commands in the interactive shell: a progress bar with an ETA once a run
 * takes more than a second, and Ctrl-C cancelling the run (not the shell). In batch mode neither is shown.
 */
@Component
public class RunControl {

    private final ObjectProvider<Terminal> terminal;
    private final boolean interactive;

    public RunControl(ObjectProvider<Terminal> terminal,
            @Value("${spring.shell.interactive.enabled:true}") boolean interactive) {
        this.terminal = terminal;
        this.interactive = interactive;
    }

    /** One long-running command's progress bar and cancel flag. Close it when the command ends. */
    public final class Session implements AutoCloseable {
        private final AtomicBoolean cancelled = new AtomicBoolean();
        private final PrintWriter out;
        private final long started = System.nanoTime();
        private final Terminal term;
        private final Terminal.SignalHandler previous;
        private long lastDraw;
        private boolean drawn;

        Session(PrintWriter out) {
            this.out = out;
            this.term = interactive ? terminal.getIfAvailable() : null;
            // a Ctrl-C after the run's output replaced the old is refused: the run has succeeded by then
            this.previous = term == null ? null : term.handle(Terminal.Signal.INT, s -> {
                if (PointOfNoReturn.cancel()) {
                    cancelled.set(true);
                }
            });
        }

        public Simulator.Progress progress() {
            return new Simulator.Progress() {
                @Override
                public void update(int done, int total) {
                    Session.this.update(done, total);
                }

                @Override
                public void phase(String what) {
                    Session.this.phase(what);
                }

                @Override
                public void note(String line) {
                    Session.this.note(line);
                }
            };
        }

        /** Says at once what the command does now (the bar replaces it when steps are counted). */
        private synchronized void phase(String what) {
            if (!interactive || out == null) {
                return;
            }
            out.print("\r" + " ".repeat(79) + "\r" + (what.length() > 60 ? what.substring(0, 60) : what)
                    + "...  (Ctrl-C cancels)");
            out.flush();
            drawn = true;
        }

        /** A line that stays: in the shell above the bar, in batch mode on the output. */
        private synchronized void note(String line) {
            if (out == null) {
                return;
            }
            if (drawn) {
                out.print("\r" + " ".repeat(79) + "\r");
                drawn = false;
            }
            out.println(line);
            out.flush();
        }

        public java.util.function.BooleanSupplier cancelled() {
            return cancelled::get;
        }

        private synchronized void update(int done, int total) {
            if (!interactive || out == null) {
                return;
            }
            long now = System.nanoTime();
            double elapsed = (now - started) / 1e9;
            if (elapsed < 1 || (now - lastDraw < 200_000_000L && done < total)) {
                return;
            }
            lastDraw = now;
            int width = 30;
            int filled = total == 0 ? width : (int) Math.round(width * done / (double) total);
            double eta = done == 0 ? Double.NaN : elapsed * (total - done) / done;
            out.print(String.format(Locale.ROOT, "\r[%s%s] %3d%%  %s  (Ctrl-C cancels)     ",
                    "#".repeat(filled), ".".repeat(width - filled), total == 0 ? 100 : (int) (100L * done / total),
                    Double.isNaN(eta) || elapsed < 3 || done * 50L < total ? "" : String.format(Locale.ROOT, "ETA %.0f s", eta)));
            out.flush();
            drawn = true;
        }

        @Override
        public void close() {
            if (term != null) {
                term.handle(Terminal.Signal.INT, previous);
            }
            if (drawn) {
                out.print("\r" + " ".repeat(79) + "\r");
                out.flush();
            }
        }
    }

    public Session start(PrintWriter out) {
        return new Session(out);
    }

    private static final java.util.concurrent.atomic.AtomicBoolean BATCH_INTERRUPT = new java.util.concurrent.atomic
            .AtomicBoolean();

    /**
     * Batch mode's answer to SIGINT (Ctrl-C in the terminal that started it). Java's own answer ends the process
     * with 130 at once, also when the command's new folder is already in place, so the exit code could say
     * "cancelled" of a run that succeeded. Here a SIGINT before the command's point of no return ends the process
     * with 130 as before, and nothing is replaced after it ({@link PointOfNoReturn}); one after that point is
     * refused with a note, and the command finishes with its own exit code. Where SIGINT was ignored when the
     * process started (nohup, a background job), it stays ignored.
     */
    public static void installBatchInterrupt() {
        if (!BATCH_INTERRUPT.compareAndSet(false, true)) {
            return;
        }
        sun.misc.Signal interrupt = new sun.misc.Signal("INT");
        sun.misc.SignalHandler previous = sun.misc.Signal.handle(interrupt, signal -> onBatchInterrupt());
        if (previous == sun.misc.SignalHandler.SIG_IGN) {
            sun.misc.Signal.handle(interrupt, sun.misc.SignalHandler.SIG_IGN);
        }
    }

    /**
     * Batch mode's answer to SIGINT before the command runs: nothing is written yet, so it says so and halts at once
     * with 130. Halting rather than exiting keeps the half-started Spring context from logging its shutdown. A
     * SIGINT ignored at start stays ignored, as in {@link #installBatchInterrupt}, which replaces this handler.
     */
    public static void installStartupInterrupt() {
        sun.misc.Signal interrupt = new sun.misc.Signal("INT");
        sun.misc.SignalHandler previous = sun.misc.Signal.handle(interrupt, signal -> {
            System.err.println("error: " + ExitCodes.message(new java.util.concurrent.CancellationException()));
            System.err.flush();
            Runtime.getRuntime().halt(ExitCodes.CANCELLED);
        });
        if (previous == sun.misc.SignalHandler.SIG_IGN) {
            sun.misc.Signal.handle(interrupt, sun.misc.SignalHandler.SIG_IGN);
        }
    }

    /** What a SIGINT does in batch mode (see {@link #installBatchInterrupt}); runs on the JVM's signal thread. */
    static void onBatchInterrupt() {
        if (PointOfNoReturn.cancel()) {
            System.err.println("error: " + ExitCodes.message(new java.util.concurrent.CancellationException()));
            System.err.flush();
            // as Java's own handler does: shut down on another thread, so that this one returns
            new Thread(() -> System.exit(ExitCodes.CANCELLED), "fieldlab-cancel").start();
        } else {
            System.err.println("interrupt refused: the output is already in place; finishing");
            System.err.flush();
        }
    }
}
