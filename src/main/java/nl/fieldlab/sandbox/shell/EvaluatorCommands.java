package nl.fieldlab.sandbox.shell;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.stereotype.Component;

import nl.fieldlab.sandbox.app.CommandFailure;
import nl.fieldlab.sandbox.app.ExitCodes;
import nl.fieldlab.sandbox.app.Verifier;
import nl.fieldlab.sandbox.input.InputError;
import nl.fieldlab.sandbox.report.ReportWriter;

/** Commands for evaluators: rerun a report from its manifest and check it is the same. */
@Component
public class EvaluatorCommands {

    private final Verifier verifier;

    public EvaluatorCommands(Verifier verifier) {
        this.verifier = verifier;
    }

    @Command(name = "verify", group = "Evaluation", exitStatusExceptionMapper = SandboxCommands.ERRORS,
            completionProvider = "reportFolders",
            description = "Rerun a report from its manifest and check the result is byte for byte the same",
            help = """
                    verify DIR
                      Checks that DIR's files are as written, then reruns the scenario copy kept in DIR with the
                      seed, replications and what-if overrides of DIR/manifest.json against the rules folder this
                      session uses (rules/, or -Dfieldlab.rules=PATH; never a folder a manifest names), compiled
                      for the rerun (never from the compiled-rules cache), in a temporary folder (DIR is not
                      touched), and compares report.json, summary.csv and report.md byte for byte. Identical: exit
                      code 0. Otherwise it lists what changed since the report was written (report files, the
                      manifest's own hashes, rule files, parameter files) and which metric means moved, with exit
                      code 2. A folder without a readable manifest.json, or one whose fields are not what run
                      writes, is exit code 1. Only plain files inside DIR are read (no links, at most 128 MB).
                    Example:
                      verify reports/default""")
    public String verify(@Argument(index = 0, description = "report folder (with manifest.json)", defaultValue = "")
            String dir, CommandContext ctx) {
        if (dir == null || dir.isBlank()) {
            throw new CommandFailure(ExitCodes.BAD_INPUT, "give a report folder, e.g. verify reports/default");
        }
        Verifier.Result r = verifier.verify(Path.of(dir));
        String text = describe(r);
        if (r.identical()) {
            return text;
        }
        PrintWriter out = ctx.outputWriter();
        out.println(text);
        out.flush();
        List<String> what = new ArrayList<>(r.differing());
        String summary = !r.edited().isEmpty() ? dir + " was changed after it was written ("
                + String.join(", ", r.edited()) + ")" : dir + " differs from a rerun"
                + (r.rerunError() != null ? " (the rerun failed)" : ": " + String.join(", ", what))
                + (r.inputsChanged() ? "; changed since: " + String.join(", ", r.changedInputs())
                        : "; no input changed");
        throw new CommandFailure(ExitCodes.CHECKS_FAILED, summary);
    }

    /** The verification as text for the shell. */
    public static String describe(Verifier.Result r) {
        Verifier.Settings m = r.settings();
        StringBuilder sb = new StringBuilder();
        sb.append(r.notRerun() ? "Checked " : "Reran ").append(InputError.display(r.reportDir())).append(": scenario ")
                .append(r.rerunFrom() == null ? m.scenarioFile() : r.fromCopy()
                        ? m.scenarioFile() + " (the copy kept in the report)" : InputError.display(r.rerunFrom()))
                .append(", seed ").append(m.seed()).append(", ").append(m.replications())
                .append(" replications, rules from ").append(InputError.display(r.rulesFolder()));
        String overrides = overrides(m);
        sb.append(overrides.isEmpty() ? "" : ", what-if " + overrides).append(".\n");
        if (!r.edited().isEmpty()) {
            sb.append("The report was changed after it was written: ").append(String.join(", ", r.edited()))
                    .append(" no longer match").append(r.edited().size() == 1 ? "es" : "")
                    .append(" what its manifest recorded.\n")
                    .append("Not rerun: the hashes already show the report is not as written, and a rerun could not"
                            + " change that.\n");
        }
        if (r.scenarioNotRead() != null) {
            sb.append("Scenario file ").append(m.scenarioFile()).append(" named by the manifest was not read: ")
                    .append(r.scenarioNotRead()).append(".\n");
        }
        if (r.identical()) {
            sb.append("identical: report.json, summary.csv and report.md match byte for byte");
            if ((r.scenario() == Verifier.ScenarioState.CHANGED || r.scenario() == Verifier.ScenarioState.MISSING)
                    && r.fromCopy()) {
                sb.append("\nnote: scenario file ").append(m.scenarioFile()).append(" is ")
                        .append(r.scenario() == Verifier.ScenarioState.MISSING ? "gone" : "changed")
                        .append(" since; the report's own copy was rerun");
            }
            if (r.inputsChanged()) {
                sb.append("\nnote: ").append(inputLines(r).replace("\n", "\n  ").stripTrailing())
                        .append("\n  (these changes do not change the results)");
            }
            return sb.toString();
        }
        if (r.notRerun()) {
            // said above
        } else if (r.rerunError() != null) {
            sb.append("The rerun failed: ").append(r.rerunError()).append('\n');
        } else {
            sb.append("differs: ").append(String.join(", ", r.differing()));
            if (!r.matching().isEmpty()) {
                sb.append(" (").append(String.join(", ", r.matching())).append(" match")
                        .append(r.matching().size() == 1 ? "es" : "").append(')');
            }
            sb.append('\n');
        }
        sb.append('\n').append(inputLines(r));
        if (!r.inputsChanged() && r.rerunError() == null && r.edited().isEmpty()) {
            sb.append("  The same inputs gave another result");
            sb.append(r.toolNote() != null ? ": " + r.toolNote() + "." : "; this is a reproducibility problem "
                    + "(please report it with the manifest).");
            sb.append('\n');
        } else if (r.toolNote() != null) {
            sb.append("  Also: ").append(r.toolNote()).append(".\n");
        }
        if (!r.means().isEmpty()) {
            sb.append("\nMeans that changed (report -> rerun):\n\n");
            TextTable t = new TextTable("metric", "variant", "report", "rerun", "change").left(1);
            for (Verifier.MeanChange c : r.means()) {
                t.row(c.metric(), c.variant(), number(c.before()), number(c.after()), change(c));
            }
            sb.append(t);
            if (r.moreMeans() > 0) {
                sb.append("... and ").append(r.moreMeans()).append(" more\n");
            }
        } else if (r.differing().contains(ReportWriter.REPORT_JSON)) {
            sb.append("\nNo metric mean changed (intervals, series or other fields did).\n");
        }
        return sb.toString().stripTrailing();
    }

    private static String inputLines(Verifier.Result r) {
        if (!r.inputsChanged()) {
            return "Inputs: the scenario, rule and parameter files are the same as when the report was written.\n";
        }
        StringBuilder sb = new StringBuilder("Changed since the report was written:\n");
        switch (r.fromCopy() ? Verifier.ScenarioState.UNCHANGED : r.scenario()) {
            case CHANGED -> sb.append("  scenario    ").append(r.settings().scenarioFile()).append(" (changed)\n");
            case MISSING -> sb.append("  scenario    ").append(r.settings().scenarioFile()).append(" (missing)\n");
            default -> {
            }
        }
        for (Verifier.FileChange f : r.rules()) {
            sb.append("  rules       ").append(f).append('\n');
        }
        if (r.rulesError() != null && !r.rulesError().equals(r.rerunError())) {
            sb.append("  rules       do not load now: ").append(r.rulesError()).append('\n');
        }
        for (Verifier.FileChange f : r.parameters()) {
            sb.append("  parameters  ").append(f).append('\n');
        }
        return sb.toString();
    }

    static String overrides(Verifier.Settings m) {
        List<String> parts = new ArrayList<>();
        m.behaviour().forEach((k, v) -> parts.add(k + "=" + WhatIfCommands.format(v)));
        for (Map.Entry<String, Map<String, Double>> e : m.parameters().entrySet()) {
            String scope = "*".equals(e.getKey()) ? "" : " (" + e.getKey() + ")";
            e.getValue().forEach((k, v) -> parts.add(k + "=" + WhatIfCommands.format(v) + scope));
        }
        return String.join(", ", parts);
    }

    private static String number(BigDecimal d) {
        return d == null ? "-" : ReportWriter.fmt(d.doubleValue());
    }

    private static String change(Verifier.MeanChange c) {
        if (c.before() == null || c.after() == null) {
            return c.before() == null ? "new" : "gone";
        }
        double d = c.after().subtract(c.before()).doubleValue();
        return (d > 0 ? "+" : "") + ReportWriter.fmt(d) + (c.before().signum() == 0 ? ""
                : String.format(Locale.ROOT, " (%+.1f %%)", 100 * d / Math.abs(c.before().doubleValue())));
    }
}
