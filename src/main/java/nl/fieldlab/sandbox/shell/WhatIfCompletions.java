package nl.fieldlab.sandbox.shell;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.shell.core.command.completion.CompletionContext;
import org.springframework.shell.core.command.completion.CompletionProposal;
import org.springframework.shell.core.command.completion.CompletionProvider;

import nl.fieldlab.sandbox.app.Workbench;
import nl.fieldlab.sandbox.report.ReportWriter;
import nl.fieldlab.sandbox.rules.RuleLibrary;
import nl.fieldlab.sandbox.rules.Variant;
import nl.fieldlab.sandbox.scenario.Scenario;

/**
 * Tab completion for the what-if and evaluator commands: behaviour names and parameter keys for the first argument
 * of {@code set} and {@code unset}, variant names for {@code --variant}, and report folders for {@code verify}.
 */
@Configuration
public class WhatIfCompletions {

    /** Options whose value is the next word (so that word is not an argument). */
    private static final Set<String> VALUE_OPTIONS = Set.of("--variant");

    private final Workbench workbench;

    public WhatIfCompletions(Workbench workbench) {
        this.workbench = workbench;
    }

    /** {@code set NAME VALUE [--variant V]} and {@code unset NAME [--variant V]}. */
    @Bean
    public CompletionProvider whatIfNames() {
        return ctx -> {
            if (ctx.getCommandOption() != null) {
                return "variant".equals(ctx.getCommandOption().longName()) ? Completions.proposals(ctx, variants()) : List.of();
            }
            return argumentIndex(ctx) == 0 ? Completions.proposals(ctx, names()) : List.of();
        };
    }

    /** {@code verify DIR}: folders under the reports folder that hold a manifest.json. */
    @Bean
    public CompletionProvider reportFolders() {
        return ctx -> ctx.getCommandOption() == null && argumentIndex(ctx) == 0 ? Completions.proposals(ctx, reportDirs())
                : List.of();
    }

    List<String> names() {
        RuleLibrary library;
        try {
            library = workbench.rules().library();
        } catch (RuntimeException e) {
            library = null; // rules that do not load offer behaviour names only
        }
        return WhatIfCommands.names(library);
    }

    List<String> variants() {
        Scenario s = workbench.scenario();
        return s == null ? List.of(Variant.BASELINE) : s.variants().stream().map(Variant::name).toList();
    }

    List<String> reportDirs() {
        List<String> out = new ArrayList<>();
        Path root = workbench.reportsDir();
        if (!Files.isDirectory(root)) {
            return out;
        }
        try (Stream<Path> s = Files.walk(root, 3)) {
            s.filter(p -> p.getFileName().toString().equals(ReportWriter.MANIFEST_JSON))
                    .map(p -> p.getParent().toString())
                    .filter(p -> !p.contains("/.") && !p.contains("\\."))
                    .sorted().forEach(out::add);
        } catch (IOException e) {
            return List.of();
        }
        return out;
    }

    /** Which positional argument the word under the cursor is; only --variant takes a value here. */
    static int argumentIndex(CompletionContext ctx) {
        return Completions.positionalIndex(ctx, VALUE_OPTIONS::contains);
    }
}
