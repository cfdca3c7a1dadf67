package nl.fieldlab.sandbox.shell;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.shell.core.command.completion.CompletionContext;
import org.springframework.shell.core.command.completion.CompletionProposal;
import org.springframework.shell.core.command.completion.CompletionProvider;

import nl.fieldlab.sandbox.app.Explainer;
import nl.fieldlab.sandbox.app.Workbench;
import nl.fieldlab.sandbox.rules.Exemption;
import nl.fieldlab.sandbox.rules.Variant;
import nl.fieldlab.sandbox.scenario.Scenario;
import nl.fieldlab.sandbox.scenario.WorkerGroup;

/**
 * Tab completion for the explain commands: worker ids (the first id of each worker group, described by the group)
 * for {@code explain}'s argument, variant names (and exemption ids) for {@code --variant} and {@code --diff},
 * replication numbers for {@code --replication}; for {@code friction --variant}, the last run's variants.
 */
@Configuration
public class ExplainCompletions {

    private final Workbench workbench;

    public ExplainCompletions(Workbench workbench) {
        this.workbench = workbench;
    }

    @Bean
    public CompletionProvider workerIds() {
        return this::propose;
    }

    List<CompletionProposal> propose(CompletionContext ctx) {
        String prefix = ctx.currentWordUpToCursor() == null ? "" : ctx.currentWordUpToCursor();
        Scenario s = workbench.scenario();
        if (ctx.getCommandOption() == null) {
            String command = ctx.getCommand() == null ? "" : ctx.getCommand().getName();
            if (!"explain".equals(command) || s == null || positionalBefore(ctx) > 0 || prefix.startsWith("-")) {
                return List.of();
            }
            List<CompletionProposal> out = new ArrayList<>();
            Map<Integer, String> first = Explainer.firstWorkerOfEachGroup(s);
            first.forEach((id, group) -> {
                String value = String.valueOf(id);
                if (value.startsWith(prefix)) {
                    WorkerGroup g = s.workers().stream().filter(w -> w.group().equals(group)).findFirst().orElseThrow();
                    out.add(new CompletionProposal(value).description(group + ": ids " + id + "-"
                            + (id + g.count() - 1) + ", " + g.status()));
                }
            });
            return out;
        }
        String option = ctx.getCommandOption().longName();
        // "--variant=E" completes as one word
        String head = "";
        if (prefix.startsWith("--") && prefix.contains("=")) {
            head = prefix.substring(0, prefix.indexOf('=') + 1);
        }
        String typed = prefix.substring(head.length());
        String command = ctx.getCommand() == null ? "" : ctx.getCommand().getName();
        List<String> values = switch (option) {
            case "variant", "diff" -> "friction".equals(command) ? runVariants(s) : variants(s);
            case "replication" -> replications(s);
            default -> List.of();
        };
        List<CompletionProposal> out = new ArrayList<>();
        for (String v : values) {
            if (v.startsWith(typed)) {
                out.add(new CompletionProposal(head + v).displayText(v));
            }
        }
        return out;
    }

    private List<String> variants(Scenario s) {
        Set<String> names = new LinkedHashSet<>();
        Workbench.LastRun last = workbench.last();
        if (s != null) {
            s.variants().forEach(v -> names.add(v.name()));
        } else if (last != null) {
            names.addAll(last.comparison().variants());
        } else {
            names.add(Variant.BASELINE);
        }
        try {
            workbench.rules().library().exemptions().stream().map(Exemption::id).forEach(names::add);
        } catch (RuntimeException e) {
            // rules that do not load offer no exemption ids
        }
        return new ArrayList<>(names);
    }

    /** friction reads the last run: its variants. */
    private List<String> runVariants(Scenario s) {
        Workbench.LastRun last = workbench.last();
        if (last != null) {
            return new ArrayList<>(last.comparison().variants());
        }
        return s == null ? List.of(Variant.BASELINE) : s.variants().stream().map(Variant::name).toList();
    }

    private static List<String> replications(Scenario s) {
        List<String> out = new ArrayList<>();
        int n = s == null ? 1 : Math.min(s.replications(), 100);
        for (int i = 0; i < n; i++) {
            out.add(String.valueOf(i));
        }
        return out;
    }

    /** How many positional arguments come before the word being completed (every option here takes a value). */
    static int positionalBefore(CompletionContext ctx) {
        return Math.max(0, Completions.positionalIndex(ctx, option -> true));
    }
}
