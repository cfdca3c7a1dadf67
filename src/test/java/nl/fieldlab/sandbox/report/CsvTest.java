package nl.fieldlab.sandbox.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The one CSV writer quotes as RFC 4180 says, and a strict RFC 4180 reader gets every field back. */
class CsvTest {

    @Test
    void fieldsWithACommaAQuoteOrALineBreakAreQuotedAndComeBackWhole() {
        List<String> fields = List.of("plain", "a,b", "say \"hi\"", "two\nlines", "crlf\r\nend", "", " spaced ",
                "\"", ",");
        String text = new Csv("h1", "h2", "h3", "h4", "h5", "h6", "h7", "h8", "h9").row(fields.toArray()).toString();
        List<List<String>> rows = parse(text);
        assertEquals(2, rows.size(), text);
        assertEquals(List.of("plain", "a,b", "say \"hi\"", "two\nlines", "crlf\u240d\nend", "", " spaced ", "\"",
                ","), rows.get(1), "a carriage return is shown, not kept: it would redraw a terminal line");
        assertEquals("plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\"crlf\u240d\nend\",, spaced ,\"\"\"\",\",\"\n",
                text.substring(text.indexOf('\n') + 1));
    }

    @Test
    void ordinaryFieldsAreWrittenAsTheyAre() {
        assertEquals("baseline,placements,36.3333,,3,true\n",
                new Csv().row("baseline", "placements", "36.3333", null, 3, true).toString());
        String name = "ww-metal-production";
        assertSame(name, Printable.text(name), "ordinary text is not even copied");
    }

    @Test
    void escapeSequencesDoNotReachTheFile() {
        String field = Csv.field("red \u001b[31malert\u001b[0m \u009b2J \u202eevil");
        assertEquals("red \u241b[31malert\u241b[0m \ufffd2J \ufffdevil", field);
    }

    @Test
    void theReaderBelowIsStrict() {
        assertThrows(IllegalArgumentException.class, () -> parse("a,b\"c\n"));
        assertThrows(IllegalArgumentException.class, () -> parse("\"a\"b\n"));
        assertThrows(IllegalArgumentException.class, () -> parse("\"open\n"));
    }

    /**
     * A strict RFC 4180 reader (line feed or CRLF between records): a quote may only open a field, close it, or be
     * doubled inside a quoted one. For checking what the writers wrote.
     */
    static List<List<String>> parse(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        boolean fieldStart = true;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (fieldStart && c == '"') {
                i++;
                while (true) {
                    if (i >= text.length()) {
                        throw new IllegalArgumentException("a quoted field is not closed");
                    }
                    char q = text.charAt(i);
                    if (q == '"') {
                        if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                            field.append('"');
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    field.append(q);
                    i++;
                }
                if (i < text.length() && ",\r\n".indexOf(text.charAt(i)) < 0) {
                    throw new IllegalArgumentException("text after a closing quote at " + i);
                }
                fieldStart = false;
                continue;
            }
            if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
                fieldStart = true;
                i++;
            } else if (c == '\n' || (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n')) {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                fieldStart = true;
                i += c == '\r' ? 2 : 1;
            } else if (c == '"') {
                throw new IllegalArgumentException("a quote inside an unquoted field at " + i);
            } else {
                field.append(c);
                fieldStart = false;
                i++;
            }
        }
        if (!fieldStart || !row.isEmpty() || field.length() > 0) {
            row.add(field.toString());
            rows.add(row);
        }
        return rows;
    }
}
