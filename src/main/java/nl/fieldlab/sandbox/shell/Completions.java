package nl.fieldlab.sandbox.shell;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.shell.core.command.completion.CompletionContext;
import org.springframework.shell.core.command.completion.CompletionProposal;
import org.springframework.shell.core.command.completion.CompletionProvider;

import nl.fieldlab.sandbox.app.Workbench;
import nl.fieldlab.sandbox.rules.Exemption;
import nl.fieldlab.sandbox.rules.Variant;
import nl.fieldlab.sandbox.scenario.Scenario;
import nl.fieldlab.sandbox.simulation.Metrics;

/**
 * Tab completion: scenario and case files for arguments; variant names, exemption ids, metric names and parameter
 * keys for the options that take them.
 */
@Configuration
public class Completions {

    private final Workbench workbench;

    public Completions(Workbench workbench) {
        this.workbench = workbench;
    }

    @Bean
    public CompletionProvider scenarioFiles() {
        return ctx -> ctx.getCommandOption() == null ? files(ctx, Path.of("scenarios"), ".yaml") : byOption(ctx);
    }

    @Bean
    public CompletionProvider caseFiles() {
        return ctx -> ctx.getCommandOption() == null ? files(ctx, workbench.rulesDir().resolve("cases"), ".yaml")
                : byOption(ctx);
    }

    @Bean
    public CompletionProvider sweepParameters() {
        return ctx -> ctx.getCommandOption() == null ? proposals(ctx, parameterKeys()) : byOption(ctx);
    }

    @Bean
    public CompletionProvider schemaKinds() {
        return ctx -> proposals(ctx, nl.fieldlab.sandbox.app.FileSchema.words());
    }

    @Bean
    public CompletionProvider metricNames() {
        return this::byOption;
    }

    @Bean
    public CompletionProvider variantNames() {
        return this::byOption;
    }

    /** Proposals for the value of the option under the cursor. */
    List<CompletionProposal> byOption(CompletionContext ctx) {
        if (ctx.getCommandOption() == null) {
            return List.of();
        }
        String option = ctx.getCommandOption().longName();
        List<String> values = switch (option) {
            case "metric" -> metrics();
            case "variant", "diff" -> variants();
            case "exemption" -> exemptions();
            case "out" -> List.of("reports/");
            default -> List.of();
        };
        return proposals(ctx, values);
    }

    List<String> metrics() {
        Workbench.LastRun last = workbench.last();
        if (last != null) {
            return new ArrayList<>(last.comparison().metrics().keySet());
        }
        return new ArrayList<>(Metrics.DESCRIPTIONS.keySet());
    }

    List<String> variants() {
        Scenario s = workbench.scenario();
        return s == null ? List.of(Variant.BASELINE) : s.variants().stream().map(Variant::name).toList();
    }

    List<String> exemptions() {
        try {
            return workbench.rules().library().exemptions().stream().map(Exemption::id).toList();
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    /** Parameter keys of the rules and behaviour names (for what-if). */
    List<String> parameterKeys() {
        try {
            return WhatIfCommands.names(workbench.rules().library());
        } catch (RuntimeException e) {
            return WhatIfCommands.names(null); // rules that do not load offer behaviour names only
        }
    }

    /**
     * How many positional arguments come before the word being completed, skipping options and the values of
     * options that take one; -1 when the cursor is on an option name.
     */
    static int positionalIndex(CompletionContext ctx, java.util.function.Predicate<String> optionTakesValue) {
        List<String> words = ctx.getWords();
        int commandWords = ctx.getCommand() == null ? 1 : ctx.getCommand().getName().split(" ").length;
        int count = 0;
        for (int i = commandWords; i < ctx.getWordIndex() && i < words.size(); i++) {
            String w = words.get(i);
            if (w.startsWith("--") || (w.startsWith("-") && w.length() == 2 && !Character.isDigit(w.charAt(1)))) {
                if (!w.contains("=") && optionTakesValue.test(w)) {
                    i++; // skip the option's value
                }
            } else if (!w.isEmpty()) {
                count++;
            }
        }
        String current = ctx.currentWordUpToCursor();
        return current != null && current.startsWith("-") ? -1 : count;
    }

    static List<CompletionProposal> proposals(CompletionContext ctx, List<String> values) {
        String prefix = ctx.currentWordUpToCursor() == null ? "" : ctx.currentWordUpToCursor();
        List<CompletionProposal> out = new ArrayList<>();
        for (String v : values) {
            if (v.startsWith(prefix)) {
                out.add(new CompletionProposal(v));
            }
        }
        return out;
    }

    static List<CompletionProposal> files(CompletionContext ctx, Path dir, String suffix) {
        List<String> found = new ArrayList<>();
        if (Files.isDirectory(dir)) {
            try (Stream<Path> s = Files.walk(dir, 3)) {
                s.filter(p -> p.toString().endsWith(suffix)).sorted().forEach(p -> found.add(p.toString()));
            } catch (IOException e) {
                return List.of();
            }
        }
        return proposals(ctx, found);
    }
}
