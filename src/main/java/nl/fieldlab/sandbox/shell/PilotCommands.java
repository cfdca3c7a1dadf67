package nl.fieldlab.sandbox.shell;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

import nl.fieldlab.sandbox.app.Analyses;
import nl.fieldlab.sandbox.app.CommandFailure;
import nl.fieldlab.sandbox.app.ExitCodes;
import nl.fieldlab.sandbox.app.Workbench;
import nl.fieldlab.sandbox.scenario.Scenario;
import nl.fieldlab.sandbox.simulation.Simulator;

/** {@code plan-pilot}: a pilot of each exemption run inside the simulator, for empirical power and bias. */
@Component
public class PilotCommands {

    /** Replications by default, and with {@code --quick}. */
    static final int REPLICATIONS = 40;
    static final int QUICK = 10;

    private final Workbench workbench;
    private final Analyses analyses;
    private final RunControl control;

    public PilotCommands(Workbench workbench, Analyses analyses, RunControl control) {
        this.workbench = workbench;
        this.analyses = analyses;
        this.control = control;
    }

    @Command(name = "plan-pilot", group = "Analysis", exitStatusExceptionMapper = SandboxCommands.ERRORS,
            completionProvider = "scenarioFiles",
            description = "Run a pilot of each exemption inside the simulator: empirical power and bias",
            help = """
                    plan-pilot [FILE] [--exemption E[,E...]] [--design D[,D...]] [--replications R] [--quick] [--out DIR]
                      For each exemption of the scenario's variants (or those named), a lottery pilot: half the
                      eligible are offered the exemption, its caps in force; the difference in means on employment
                      12 months after intake is tested, and compared with the truth from the same people's baseline
                      run. Gives empirical power (Wilson CI), bias (t CI) and control spillover. Designs: LOTTERY,
                      EMPLOYER (half the employers drawn; hires of the eligible per employer in the first 12
                      months), STEPPED_WEDGE, DID, RD_AGE; the last three are analytic only in this version.
                      Default 40 replications; --quick 10. Writes pilot.md and pilot.csv to DIR (default
                      reports/<scenario>-pilot).
                    Examples:
                      plan-pilot scenarios/case-sprint-techport.yaml --quick
                      plan-pilot --exemption E1 --design LOTTERY --replications 20""")
    public String planPilot(@Argument(index = 0, defaultValue = "", description = "scenario") String file,
            @Option(longName = "exemption", description = "exemptions, comma-separated") String exemption,
            @Option(longName = "design", description = "designs, comma-separated") String design,
            @Option(longName = "replications", description = "replications") Integer replications,
            @Option(longName = "quick", description = "10 replications") boolean quick,
            @Option(longName = "out", description = "output folder") String out,
            @Option(longName = "threads", description = "worker threads") Integer threads, CommandContext ctx) {
        if (replications != null && replications < 2) {
            throw new CommandFailure(ExitCodes.BAD_INPUT, "--replications: expected at least 2");
        }
        if (threads != null && threads < 1) {
            throw new CommandFailure(ExitCodes.BAD_INPUT, "--threads: must be at least 1");
        }
        int r = replications != null ? replications : quick ? QUICK : REPLICATIONS;
        int t = threads == null ? Simulator.defaultThreads() : threads;
        Scenario s = workbench.scenarioFor(file == null || file.isBlank() ? null : Path.of(file));
        Path dir = out != null ? Path.of(out) : workbench.reportsDir().resolve(s.id() + "-pilot");
        workbench.checkOutputFolder(dir);
        long t0 = System.nanoTime();
        Analyses.PilotTable table;
        try (RunControl.Session session = control.start(ctx.outputWriter())) {
            table = analyses.pilot(s, list(exemption), list(design), r,
                    new Analyses.Run(t, session.progress(), session.cancelled()));
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        analyses.writePilot(table, dir, "plan-pilot" + (file == null || file.isBlank() ? "" : " " + file), t, seconds);
        StringBuilder notes = new StringBuilder();
        table.notes().forEach(n -> notes.append("! ").append(n).append(System.lineSeparator()));
        String population = s.population() == Scenario.PopulationMode.FIXED ? "one population for all replications"
                : "population drawn each replication";
        return String.format(Locale.ROOT, "Pilot designs for scenario %s (seed %d, %d replications, %s), %.1f s%n"
                + "Primary outcome: %s %d months after intake%n%n%s%n%sWritten to %s (pilot.md, pilot.csv)", s.id(),
                s.seed(), r, population, seconds, table.outcome(), table.month(),
                Analyses.pilotTable(table), notes, dir);
    }

    private static List<String> list(String csv) {
        return csv == null || csv.isBlank() ? List.of()
                : Arrays.stream(csv.split(",")).map(String::strip).filter(x -> !x.isEmpty()).toList();
    }
}
