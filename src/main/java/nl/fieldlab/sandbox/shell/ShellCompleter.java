package nl.fieldlab.sandbox.shell;

import java.util.ArrayList;
import java.util.List;

import org.jline.reader.Candidate;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;
import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.CommandOption;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.core.command.completion.CompletionContext;
import org.springframework.shell.core.command.completion.CompletionProposal;
import org.springframework.shell.jline.CommandCompleter;

/**
 * Tab completion that also works after an argument has been typed ({@code explain 30 --diff <TAB>},
 * {@code scenario load scen<TAB>}): the command is the longest run of leading words that names one, not every
 * word before the first option.
 */
public class ShellCompleter extends CommandCompleter {

    private final CommandRegistry registry;

    public ShellCompleter(CommandRegistry registry) {
        super(registry);
        this.registry = registry;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        List<String> words = line.words();
        int commandWords = 0;
        Command command = null;
        StringBuilder name = new StringBuilder();
        // the words before the cursor word that name a command; the cursor word is still being typed
        for (int i = 0; i < line.wordIndex() && i < words.size(); i++) {
            if (words.get(i).startsWith("-")) {
                break;
            }
            name.append(i == 0 ? "" : " ").append(words.get(i));
            Command c = registry.getCommandByName(name.toString());
            if (c != null) {
                command = c;
                commandWords = i + 1;
            }
        }
        if (command == null) {
            super.complete(reader, line, candidates);
            return;
        }
        CommandOption option = optionBeforeCursor(words, line.wordIndex(), command.getOptions());
        String current = line.word().substring(0, Math.min(line.wordCursor(), line.word().length()));
        if (option == null) {
            for (CommandOption o : command.getOptions()) {
                String longName = "--" + o.longName();
                if (!o.longName().isEmpty() && !words.contains(longName) && longName.startsWith(current)) {
                    candidates.add(new Candidate(longName, longName, null, o.description(), null, null, true));
                }
            }
        }
        CompletionContext context = new CompletionContext(words, line.wordIndex(), line.wordCursor(), command, option);
        for (CompletionProposal p : command.getCompletionProvider().apply(context)) {
            candidates.add(new Candidate(p.value(), p.displayText(), p.category(), p.description(), null, null,
                    p.complete(), 0));
        }
        if (commandWords == 0) {
            super.complete(reader, line, candidates);
        }
    }

    /** The option whose value is under the cursor ({@code --diff <cursor>}), or null for an argument or option name. */
    private static CommandOption optionBeforeCursor(List<String> words, int cursorWord, List<CommandOption> options) {
        if (cursorWord < 1 || cursorWord - 1 >= words.size()) {
            return null;
        }
        String previous = words.get(cursorWord - 1);
        if (!previous.startsWith("--")) {
            return null;
        }
        String name = previous.substring(2);
        List<CommandOption> match = new ArrayList<>();
        for (CommandOption o : options) {
            if (o.longName().equals(name) && o.type() != boolean.class && o.type() != Boolean.class) {
                match.add(o);
            }
        }
        return match.isEmpty() ? null : match.get(0);
    }
}
