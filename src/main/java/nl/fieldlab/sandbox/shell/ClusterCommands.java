package nl.fieldlab.sandbox.shell;

import java.io.PrintWriter;

import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.stereotype.Component;

import nl.fieldlab.sandbox.app.Workbench;
import nl.fieldlab.sandbox.cluster.ClusterSettings;
import nl.fieldlab.sandbox.cluster.Member;

/** The {@code member} command: this process joins the cluster and runs the replications clients send. */
@Component
public class ClusterCommands {

    private final Workbench workbench;
    private final ClusterSettings settings;
    private final RunControl control;

    public ClusterCommands(Workbench workbench, ClusterSettings settings, RunControl control) {
        this.workbench = workbench;
        this.settings = settings;
        this.control = control;
    }

    @Command(name = "member", group = "Simulation", exitStatusExceptionMapper = SandboxCommands.ERRORS,
            description = "Join the cluster as a member and run the replications that 'run --cluster' sends",
            help = """
                    member
                      Starts a cluster member on port fieldlab.cluster.port (5701), listening only on this
                      machine's address in fieldlab.cluster.members, that joins the members listed there
                      (TCP/IP; multicast off) and runs, with this rules folder, the replications a client
                      sends with 'run FILE --cluster'. It runs only tasks sealed with the cluster key
                      (fieldlab.cluster.key-file, made on first use; copy the same file to every machine)
                      and refuses work from a client with other rules or another version. Runs until
                      stopped (Ctrl-C). See README, Running on a cluster, for what this protects against.
                    Examples:
                      java -jar target/fieldlab.jar member
                      java -Dfieldlab.cluster.port=5702 -Dfieldlab.cluster.members=10.0.0.1:5701,10.0.0.2:5701 \\
                          -jar target/fieldlab.jar member""")
    public String member(CommandContext ctx) {
        PrintWriter out = ctx.outputWriter();
        Member m = Member.start(workbench, settings, line -> {
            synchronized (out) {
                out.println(line);
                out.flush();
            }
        });
        synchronized (out) {
            out.println("Member of cluster '" + settings.name() + "' at " + m.address() + ", listening there only ("
                    + m.clusterSize() + " member" + (m.clusterSize() == 1 ? "" : "s") + "), rules "
                    + workbench.rulesDir() + " (hash " + workbench.library().hash().substring(0, 12) + "), "
                    + m.key().describe() + ". Waiting for work; Ctrl-C stops.");
            out.flush();
        }
        try (RunControl.Session session = control.start(out)) {
            while (m.instance().getLifecycleService().isRunning() && !session.cancelled().getAsBoolean()) {
                Thread.sleep(200);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            m.stop();
        }
        return "Member stopped.";
    }
}
