package nl.fieldlab.sandbox.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Refuses rule text that would end the program: {@code System.exit} (which would end a run with exit code 0, no
 * report and no message) and {@code Runtime.getRuntime()} (its {@code exit} and {@code halt}, and starting
 * processes). Rules stay code and could still reach these by reflection; {@link RuleWatchdog} turns an exit from
 * inside a rule into an error as a backstop. Comments and string literals are not code and are skipped.
 */
final class ForbiddenCalls {

    private ForbiddenCalls() {
    }

    private record Call(Pattern pattern, String what, String why) {
    }

    private static final List<Call> CALLS = List.of(
            new Call(Pattern.compile("\\bSystem\\s*\\.\\s*exit\\s*\\("), "System.exit",
                    "a rule may not end the program (to stop on an impossible case, throw an exception that says"
                            + " what is wrong)"),
            new Call(Pattern.compile("\\bRuntime\\s*\\.\\s*getRuntime\\s*\\("), "Runtime.getRuntime()",
                    "a rule may not end the program or start processes"));

    /** One problem per forbidden call in the DRL files: file, line, the rule or function, and why. */
    static List<String> in(List<SourceFile> files) {
        List<String> problems = new ArrayList<>();
        for (SourceFile f : files) {
            if (!f.text().contains("exit") && !f.text().contains("getRuntime")) {
                continue; // the common case, without blanking the file
            }
            String code = codeOnly(f.text());
            for (Call call : CALLS) {
                Matcher m = call.pattern().matcher(code);
                while (m.find()) {
                    int line = SourceFile.lineAt(code, m.start());
                    problems.add(f.path() + ":" + line + ": " + where(f, line) + " calls " + call.what() + ": "
                            + call.why());
                }
            }
        }
        return problems;
    }

    /** "rule 'X'" or "function 'f'" around a line, or "the file" outside both. */
    private static String where(SourceFile f, int line) {
        for (DrlModel.Rule r : f.model().rules()) {
            if (r.line() <= line && line <= r.endLine()) {
                return "rule '" + r.name() + "'";
            }
        }
        for (DrlModel.Function fn : f.model().functions()) {
            if (fn.line() <= line && line <= fn.endLine()) {
                return "function '" + fn.name() + "'";
            }
        }
        return "the file";
    }

    /** The text with comments and string or character literals blanked, line breaks kept (so lines still count). */
    static String codeOnly(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == '/' && i + 1 < n && text.charAt(i + 1) == '/') {
                while (i < n && text.charAt(i) != '\n') {
                    out.append(' ');
                    i++;
                }
            } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
                int end = text.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                for (; i < end; i++) {
                    out.append(text.charAt(i) == '\n' ? '\n' : ' ');
                }
            } else if (c == '"' || c == '\'') {
                out.append(' ');
                i++;
                while (i < n && text.charAt(i) != c && text.charAt(i) != '\n') {
                    if (text.charAt(i) == '\\' && i + 1 < n && text.charAt(i + 1) != '\n') {
                        out.append(' ');
                        i++;
                    }
                    out.append(' ');
                    i++;
                }
                if (i < n && text.charAt(i) == c) {
                    out.append(' ');
                    i++;
                }
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }
}
