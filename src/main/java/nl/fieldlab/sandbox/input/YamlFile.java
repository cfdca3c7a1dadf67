package nl.fieldlab.sandbox.input;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.exc.ValueInstantiationException;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * A YAML file read into a typed model, with a map from each field's path to its line so that checks made after
 * binding can still point at the line. Unknown keys, wrong types and missing required values are errors.
 *
 * <p>Paths are written as users see them: {@code workers[0].count}.
 */
public final class YamlFile {

    private static final YAMLMapper MAPPER = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .build();

    private final Path path;
    private final String text;
    private final Map<String, Integer> lines;

    private YamlFile(Path path, String text, Map<String, Integer> lines) {
        this.path = path;
        this.text = text;
        this.lines = lines;
    }

    /** Reads a file and indexes the line of every field. */
    public static YamlFile open(Path path) {
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new InputError(path, 0, null, "file not found");
        } catch (IOException e) {
            throw new InputError(path, 0, null, "cannot read file: " + e.getMessage());
        }
        return new YamlFile(path, text, indexLines(path, text));
    }

    public Path path() {
        return path;
    }

    public String text() {
        return text;
    }

    /** Binds the whole document to {@code type}. */
    public <T> T read(Class<T> type) {
        return read(MAPPER.constructType(type));
    }

    public <T> T read(JavaType type) {
        if (text.isBlank()) {
            throw new InputError(path, 1, null, "file is empty");
        }
        try {
            return MAPPER.readValue(text, type);
        } catch (JacksonException e) {
            throw translate(e);
        }
    }

    /** The document as a tree, for files whose parts are merged before binding. */
    public tools.jackson.databind.JsonNode tree() {
        try {
            return MAPPER.readTree(text);
        } catch (JacksonException e) {
            throw translate(e);
        }
    }

    /**
     * Binds a part of the document (found at {@code field}) to {@code type}; errors point at the line of the
     * offending key under {@code field}.
     */
    public <T> T convert(tools.jackson.databind.JsonNode node, Class<T> type, String field) {
        try {
            return MAPPER.treeToValue(node, type);
        } catch (JacksonException e) {
            InputError inner = translate(e);
            String sub = inner.field() == null || inner.field().isEmpty() ? "" : inner.field();
            String full = sub.isEmpty() ? field : field + (sub.startsWith("[") ? "" : ".") + sub;
            throw new InputError(path, line(full), full, inner.problem());
        }
    }

    public static YAMLMapper mapper() {
        return MAPPER;
    }

    /** The line of a field (its key), or of the closest enclosing field that has one. */
    public int line(String field) {
        String f = field;
        while (f != null && !f.isEmpty()) {
            Integer l = lines.get(f);
            if (l != null) {
                return l;
            }
            f = parent(f);
        }
        return 1;
    }

    /** An error about a field of this file. */
    public InputError error(String field, String problem) {
        return new InputError(path, line(field), field, problem);
    }

    /** Fails with {@code problem} at {@code field} unless {@code ok}. */
    public void check(boolean ok, String field, String problem) {
        if (!ok) {
            throw error(field, problem);
        }
    }

    private static String parent(String field) {
        int dot = field.lastIndexOf('.');
        int bracket = field.lastIndexOf('[');
        int cut = Math.max(dot, bracket);
        return cut <= 0 ? null : field.substring(0, cut);
    }

    private InputError translate(JacksonException e) {
        int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
        String field = fieldOf(e.getPath());
        String problem;
        if (e instanceof UnrecognizedPropertyException u) {
            Collection<Object> known = u.getKnownPropertyIds();
            String expected = known == null || known.isEmpty() ? ""
                    : " (expected one of: " + known.stream().map(String::valueOf).sorted()
                            .collect(Collectors.joining(", ")) + ")";
            problem = "unknown field '" + u.getPropertyName() + "'" + expected;
            line = lines.getOrDefault(field, line);
        } else if (e instanceof InvalidFormatException f) {
            problem = "expected " + describe(f.getTargetType()) + ", got '" + f.getValue() + "'";
        } else if (e instanceof ValueInstantiationException v && v.getCause() != null) {
            problem = v.getCause().getMessage();
        } else if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            String original = m.getOriginalMessage();
            if (original != null && original.startsWith("Missing required creator property")) {
                problem = "required field is missing";
            } else {
                problem = "expected " + describe(m.getTargetType());
            }
        } else {
            problem = firstLine(e.getOriginalMessage());
        }
        if (line <= 0 && field != null) {
            line = line(field);
        }
        return new InputError(path, line, field, problem);
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "a different value";
        }
        if (type.isEnum()) {
            Object[] constants = type.getEnumConstants();
            return "one of " + java.util.Arrays.stream(constants).map(String::valueOf)
                    .collect(Collectors.joining(", "));
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "a whole number";
        }
        if (type == double.class || type == Double.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "text";
        }
        if (List.class.isAssignableFrom(type) || Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (Map.class.isAssignableFrom(type)) {
            return "a mapping of keys to values";
        }
        if (type == java.time.YearMonth.class) {
            return "a month as YYYY-MM";
        }
        return "a mapping (" + type.getSimpleName() + ")";
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "invalid value";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    static String fieldOf(List<JacksonException.Reference> refs) {
        StringBuilder sb = new StringBuilder();
        for (JacksonException.Reference r : refs) {
            if (r.getPropertyName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(r.getPropertyName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    /** Streams the YAML tokens once, remembering the line of every field name and list element. */
    private static Map<String, Integer> indexLines(Path path, String text) {
        Map<String, Integer> lines = new HashMap<>();
        if (text.isBlank()) {
            return lines;
        }
        Deque<String> stack = new ArrayDeque<>();
        Deque<Integer> indices = new ArrayDeque<>();
        try (JsonParser p = MAPPER.createParser(text)) {
            JsonToken t;
            String pendingName = null;
            while ((t = p.nextToken()) != null) {
                String prefix = stack.isEmpty() ? "" : stack.peek();
                switch (t) {
                    case PROPERTY_NAME -> {
                        pendingName = prefix.isEmpty() ? p.currentName() : prefix + "." + p.currentName();
                        lines.putIfAbsent(pendingName, p.currentTokenLocation().getLineNr());
                        continue;
                    }
                    case START_OBJECT, START_ARRAY -> {
                        String here = elementPath(prefix, pendingName, indices, p, lines);
                        stack.push(here);
                        indices.push(t == JsonToken.START_ARRAY ? 0 : -1);
                    }
                    case END_OBJECT, END_ARRAY -> {
                        stack.pop();
                        indices.pop();
                        advance(indices);
                    }
                    default -> {
                        elementPath(prefix, pendingName, indices, p, lines);
                        advance(indices);
                    }
                }
                pendingName = null;
            }
        } catch (JacksonException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new InputError(path, line, null, "not valid YAML: " + firstLine(e.getOriginalMessage()));
        }
        return lines;
    }

    private static String elementPath(String prefix, String pendingName, Deque<Integer> indices, JsonParser p,
            Map<String, Integer> lines) {
        if (pendingName != null) {
            return pendingName;
        }
        if (!indices.isEmpty() && indices.peek() >= 0) {
            String here = prefix + "[" + indices.peek() + "]";
            lines.putIfAbsent(here, p.currentTokenLocation().getLineNr());
            return here;
        }
        return prefix;
    }

    private static void advance(Deque<Integer> indices) {
        if (!indices.isEmpty() && indices.peek() >= 0) {
            indices.push(indices.pop() + 1);
        }
    }
}
