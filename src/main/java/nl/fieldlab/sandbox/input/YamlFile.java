package nl.fieldlab.sandbox.input;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.parser.Parser;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;
import org.snakeyaml.engine.v2.schema.CoreSchema;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * A YAML file read as written: every problem names the file, the line and the field, and all of a file's problems
 * are found in one pass.
 *
 * <p>The text is decoded strictly as UTF-8 and composed by SnakeYAML Engine under the YAML 1.2 core schema
 * ({@code ~} and an empty value are null; {@code yes} is text). A key given twice is an error, not "last wins";
 * anchors, aliases and merge keys ({@code <<}) are resolved as YAML defines them (at most {@value #MAX_ALIASES}
 * aliases of lists and mappings); tags other than the standard ones are refused. The tree is
 * then checked against the Java type it will be bound to ({@link Shape}), collecting every unknown field, missing
 * value and wrong type, before Jackson binds it.
 *
 * <p>Paths are written as users see them: {@code workers[0].count}. Checks made after binding go through
 * {@link #check}, which collects, and {@link #done}, which throws everything collected.
 */
public final class YamlFile {

    /** Input files larger than this are refused before they are parsed. */
    public static final long MAX_BYTES = 2L * 1024 * 1024;

    private static final YAMLMapper MAPPER = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .build();

    /** Aliases of lists and mappings allowed in one file. */
    static final int MAX_ALIASES = 50;

    /**
     * Deepest nesting of lists and mappings in one file: SnakeYAML's own default limit (LoaderOptions, 50); the
     * shipped files nest 4 deep, and 20,000 levels overflow the composer's stack.
     */
    public static final int MAX_DEPTH = 50;

    /** Longest key: keys are field, parameter and behaviour names (the longest shipped is under 60 characters). */
    static final int MAX_KEY = 100;

    private static final Pattern CORE_INT = Pattern.compile("[-+]?[0-9]+");
    private static final Pattern CORE_OCT = Pattern.compile("0o[0-7]+");
    private static final Pattern CORE_HEX = Pattern.compile("0x[0-9a-fA-F]+");
    private static final Pattern CORE_INF = Pattern.compile("[-+]?\\.(inf|Inf|INF)");
    private static final Pattern CORE_NAN = Pattern.compile("\\.(nan|NaN|NAN)");

    private final Path path;
    private final String text;
    private final JsonNode root;
    private final Map<String, Integer> lines;
    private final List<InputError> problems = new ArrayList<>();
    /** How many of {@link #problems} are about values, not shape (see {@link #valueProblem}). */
    private int valueProblems;

    private YamlFile(Path path, String text, JsonNode root, Map<String, Integer> lines) {
        this.path = path;
        this.text = text;
        this.root = root;
        this.lines = lines;
    }

    /**
     * Reads, decodes and composes a file; fails on a file that is missing, not a regular file, too large, not UTF-8
     * or not YAML.
     */
    public static YamlFile open(Path path) {
        return parse(path, decode(path, InputFile.read(path, MAX_BYTES, "a YAML file")));
    }

    /** Parses YAML text that did not come from a file (in tests and for resources); {@code path} names it. */
    public static YamlFile parse(Path path, String text) {
        Map<String, Integer> lines = new HashMap<>();
        List<InputError> problems = new ArrayList<>();
        JsonNode root = null;
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        if (!body.isBlank()) {
            Node node = compose(path, body);
            if (node != null) {
                root = new Converter(path, lines, problems).convert(node, "");
            }
        }
        YamlFile file = new YamlFile(path, text, root, lines);
        file.problems.addAll(problems); // duplicate keys and the like: reported with everything else found
        return file;
    }

    private static String decode(Path path, byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        try {
            return decoder.decode(in).toString();
        } catch (MalformedInputException e) {
            int offset = in.position();
            int line = 1;
            for (int i = 0; i < offset && i < bytes.length; i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            throw new InputError(path, line, null, String.format(Locale.ROOT,
                    "not UTF-8 text: byte %d (0x%02X) is not valid UTF-8; save the file as UTF-8", offset,
                    bytes[Math.min(offset, bytes.length - 1)] & 0xFF));
        } catch (CharacterCodingException e) {
            throw new InputError(path, 0, null, "not UTF-8 text; save the file as UTF-8");
        }
    }

    private static Node compose(Path path, String text) {
        LoadSettings settings = LoadSettings.builder().setLabel(path.toString()).setSchema(new CoreSchema())
                .setAllowRecursiveKeys(false).setCodePointLimit((int) MAX_BYTES)
                .setUseMarks(true).build();
        try {
            Parser events = new DepthLimit(path, new ParserImpl(settings, new StreamReader(settings, text)));
            Optional<Node> node = new Composer(settings, events).getSingleNode();
            return node.orElse(null);
        } catch (MarkedYamlEngineException e) {
            Mark mark = e.getProblemMark().or(e::getContextMark).orElse(null);
            int line = mark == null ? 0 : mark.getLine() + 1;
            throw new InputError(path, line, null, describe(e, mark));
        } catch (YamlEngineException e) {
            throw new InputError(path, 0, null, "not valid YAML: " + plain(e.getMessage()));
        }
    }

    /**
     * The parser's events, refused once lists and mappings nest deeper than {@value #MAX_DEPTH}: SnakeYAML composes
     * a document by recursion, so 20,000 nested brackets would overflow the stack. The parser itself keeps its
     * state on a heap stack, so counting its events is safe at any depth.
     */
    private static final class DepthLimit implements Parser {
        private final Path path;
        private final Parser parser;
        private int depth;

        DepthLimit(Path path, Parser parser) {
            this.path = path;
            this.parser = parser;
        }

        @Override
        public boolean checkEvent(Event.ID id) {
            return parser.checkEvent(id);
        }

        @Override
        public Event peekEvent() {
            return parser.peekEvent();
        }

        @Override
        public boolean hasNext() {
            return parser.hasNext();
        }

        @Override
        public Event next() {
            Event e = parser.next();
            Event.ID id = e.getEventId();
            if (id == Event.ID.SequenceStart || id == Event.ID.MappingStart) {
                if (++depth > MAX_DEPTH) {
                    int line = e.getStartMark().map(m -> m.getLine() + 1).orElse(0);
                    throw new InputError(path, line, null, "lists and mappings nest more than " + MAX_DEPTH
                            + " deep; input files nest a few levels (a scenario 4)");
                }
            } else if (id == Event.ID.SequenceEnd || id == Event.ID.MappingEnd) {
                depth--;
            }
            return e;
        }
    }

    /** A SnakeYAML problem in plain words. */
    private static String describe(MarkedYamlEngineException e, Mark mark) {
        String problem = e.getProblem() == null ? "" : e.getProblem();
        String column = mark == null ? "" : "column " + (mark.getColumn() + 1) + ": ";
        if (problem.contains("(TAB)") || problem.contains("'\\t'") || problem.contains("\t")) {
            return column + "tab character; YAML indents with spaces";
        }
        if (problem.startsWith("found undefined alias")) {
            String name = problem.substring("found undefined alias".length()).strip();
            return column + "alias *" + name + " has no anchor &" + name + " before it";
        }
        String context = e.getContext() == null ? "" : plain(e.getContext()) + ": ";
        return column + "not valid YAML: " + context + plain(problem);
    }

    private static String plain(String s) {
        if (s == null) {
            return "invalid input";
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).strip();
    }

    /** Turns composed nodes into a Jackson tree, recording the line of every key and list element. */
    private static final class Converter {
        private final Path path;
        private final Map<String, Integer> lines;
        private final List<InputError> problems;
        private final IdentityHashMap<Node, Boolean> open = new IdentityHashMap<>();
        private final IdentityHashMap<Node, Boolean> seen = new IdentityHashMap<>();
        private int aliases;

        Converter(Path path, Map<String, Integer> lines, List<InputError> problems) {
            this.path = path;
            this.lines = lines;
            this.problems = problems;
        }

        JsonNode convert(Node node, String at) {
            if (open.containsKey(node)) {
                problems.add(new InputError(path, line(node), at, "an alias refers to a value that contains it"));
                return JsonNodeFactory.instance.nullNode();
            }
            if (!isStandard(node.getTag())) {
                problems.add(new InputError(path, line(node), at, "YAML tag " + PlainText.cut(node.getTag().getValue())
                        + " is not supported; write the plain value"));
                return JsonNodeFactory.instance.nullNode();
            }
            if (!(node instanceof ScalarNode) && open.size() >= MAX_DEPTH) {
                // aliases can nest what the parser saw at a shallow depth: the tree is held to the same limit
                throw new InputError(path, line(node), null, "lists and mappings nest more than " + MAX_DEPTH
                        + " deep (through aliases); write the values out");
            }
            if (!(node instanceof ScalarNode) && seen.put(node, true) != null && ++aliases > MAX_ALIASES) {
                // an alias repeats a whole list or mapping: a few are handy, many are a way to blow up memory
                throw new InputError(path, line(node), null, "too many aliases (at most " + MAX_ALIASES
                        + "); write the values out");
            }
            open.put(node, true);
            try {
                if (node instanceof MappingNode m) {
                    return mapping(m, at);
                }
                if (node instanceof SequenceNode s) {
                    ArrayNode out = JsonNodeFactory.instance.arrayNode();
                    for (int i = 0; i < s.getValue().size(); i++) {
                        Node item = s.getValue().get(i);
                        String here = at + "[" + i + "]";
                        lines.putIfAbsent(here, line(item));
                        out.add(convert(item, here));
                    }
                    return out;
                }
                return scalar((ScalarNode) node, at);
            } finally {
                open.remove(node);
            }
        }

        private ObjectNode mapping(MappingNode m, String at) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            Map<String, Integer> seen = new HashMap<>();
            for (NodeTuple t : m.getValue()) {
                Node k = t.getKeyNode();
                if (!(k instanceof ScalarNode ks)) {
                    problems.add(new InputError(path, line(k), at, "a key must be a plain name"));
                    continue;
                }
                String key = ks.getValue();
                String badKey = keyProblem(key);
                if (badKey != null) {
                    problems.add(new InputError(path, line(k), at, badKey));
                    continue;
                }
                String here = at.isEmpty() ? key : at + "." + key;
                Integer earlier = seen.putIfAbsent(key, line(k));
                if (earlier != null) {
                    problems.add(new InputError(path, line(k), here, "given twice (also on line " + earlier
                            + "); give each field once"));
                    continue;
                }
                lines.putIfAbsent(here, line(k));
                out.set(key, convert(t.getValueNode(), here));
            }
            return out;
        }

        /** What is wrong with a key, or null: keys are names, short and on one line. */
        private static String keyProblem(String key) {
            if (key.length() > MAX_KEY) {
                return String.format(Locale.ROOT, "a key of %,d characters (%s); keys are names of at most %d",
                        key.length(), PlainText.quote(key), MAX_KEY);
            }
            String chars = PlainText.problem(key, false);
            return chars == null ? null : "key " + PlainText.quote(key) + ": " + chars;
        }

        private JsonNode scalar(ScalarNode s, String at) {
            JsonNodeFactory f = JsonNodeFactory.instance;
            String v = s.getValue();
            Tag tag = s.getTag();
            if (tag.equals(Tag.NULL)) {
                return f.nullNode();
            }
            if (tag.equals(Tag.BOOL)) {
                return f.booleanNode(v.equalsIgnoreCase("true"));
            }
            if (tag.equals(Tag.INT)) {
                BigInteger n = CORE_OCT.matcher(v).matches() ? new BigInteger(v.substring(2), 8)
                        : CORE_HEX.matcher(v).matches() ? new BigInteger(v.substring(2), 16)
                        : CORE_INT.matcher(v).matches() ? new BigInteger(v) : null;
                if (n == null) {
                    return f.stringNode(v);
                }
                return n.bitLength() < 32 ? f.numberNode(n.intValue())
                        : n.bitLength() < 64 ? f.numberNode(n.longValue()) : f.numberNode(n);
            }
            if (tag.equals(Tag.FLOAT)) {
                if (CORE_NAN.matcher(v).matches()) {
                    return f.numberNode(Double.NaN);
                }
                if (CORE_INF.matcher(v).matches()) {
                    return f.numberNode(v.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
                }
                try {
                    return f.numberNode(Double.parseDouble(v));
                } catch (NumberFormatException e) {
                    return f.stringNode(v);
                }
            }
            return f.stringNode(v);
        }

        private static boolean isStandard(Tag tag) {
            return tag.equals(Tag.NULL) || tag.equals(Tag.BOOL) || tag.equals(Tag.INT) || tag.equals(Tag.FLOAT)
                    || tag.equals(Tag.STR) || tag.equals(Tag.SEQ) || tag.equals(Tag.MAP);
        }

        private static int line(Node n) {
            return n.getStartMark().map(m -> m.getLine() + 1).orElse(0);
        }
    }

    // ------------------------------------------------------------------ access

    public Path path() {
        return path;
    }

    public String text() {
        return text;
    }

    /** The document as a tree (null for an empty document). */
    public JsonNode tree() {
        return root;
    }

    /**
     * Binds the whole document to {@code type}, after checking its shape; throws every problem found when its shape
     * is wrong. Problems with values that still bind (ranges, characters) are kept for {@link #done}.
     */
    public <T> T read(Class<T> type) {
        return read(MAPPER.constructType(type));
    }

    public <T> T read(JavaType type) {
        if (root == null) {
            throw new InputError(path, 1, null, "file is empty");
        }
        return bind(root, type, "");
    }

    /**
     * Binds a part of the document (found at {@code field}) to {@code type}; errors point at the line of the
     * offending key under {@code field}.
     */
    public <T> T convert(JsonNode node, Class<T> type, String field) {
        return bind(node, MAPPER.constructType(type), field);
    }

    private <T> T bind(JsonNode node, JavaType type, String field) {
        int before = problems.size();
        int valuesBefore = valueProblems;
        Shape shape = new Shape(this);
        shape.check(node, type, field);
        if (problems.size() - before > valueProblems - valuesBefore) {
            throw InputErrors.of(problems); // a problem of shape: the tree cannot be bound
        }
        try {
            return MAPPER.treeToValue(shape.wholeNumbersBound(node), type);
        } catch (JacksonException e) {
            // the shape check should have caught it: say where, in the file's words, never in Java's
            String at = field;
            for (JacksonException.Reference r : e.getPath()) {
                String name = r.getPropertyName();
                at = name != null ? (at.isEmpty() ? name : at + "." + name)
                        : r.getIndex() >= 0 ? at + "[" + r.getIndex() + "]" : at;
            }
            throw new InputError(path, line(at), at.isEmpty() ? null : at, "this value does not fit the field (its"
                    + " type or size); see the format in README.md");
        }
    }

    public static YAMLMapper mapper() {
        return MAPPER;
    }

    /**
     * The text of a file built into the tool beside {@code owner} (a shipped resource, not user input: a missing or
     * unreadable one is a bug in the build, not bad input).
     */
    public static String resourceText(Class<?> owner, String name) {
        try (java.io.InputStream in = owner.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot read " + name, e);
        }
    }

    /** A built-in file of entries by id, each a map of fields, in the file's order (see {@link #resourceText}). */
    public static Map<String, Map<String, Object>> resourceTable(Class<?> owner, String name) {
        try {
            return MAPPER.readValue(resourceText(owner, name), MAPPER.getTypeFactory().constructMapType(
                    java.util.LinkedHashMap.class, MAPPER.getTypeFactory().constructType(String.class),
                    MAPPER.getTypeFactory().constructMapType(java.util.LinkedHashMap.class, String.class,
                            Object.class)));
        } catch (JacksonException e) {
            throw new IllegalStateException("cannot read " + name, e);
        }
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

    /** Whether the file gives {@code field} (a key or list element) at all. */
    public boolean has(String field) {
        return lines.containsKey(field);
    }

    // ------------------------------------------------------------------ problems

    /** An error about a field of this file. */
    public InputError error(String field, String problem) {
        return new InputError(path, line(field), field == null || field.isEmpty() ? null : field, problem);
    }

    /** Notes {@code problem} at {@code field} unless {@code ok}; returns {@code ok}. Thrown later by {@link #done}. */
    public boolean check(boolean ok, String field, String problem) {
        if (!ok) {
            problems.add(error(field, problem));
        }
        return ok;
    }

    /** Notes a problem at {@code field}. */
    public void problem(String field, String problem) {
        problems.add(error(field, problem));
    }

    /**
     * Notes a problem with a value of the right type (out of its range, a control character in a text): reading goes
     * on, and {@link #done} throws it with the rest.
     */
    void valueProblem(String field, String problem) {
        problems.add(error(field, problem));
        valueProblems++;
    }

    /**
     * Like {@link #check}, but stops at once when {@code ok} is false, with every problem noted so far: for checks
     * that later code depends on.
     */
    public void require(boolean ok, String field, String problem) {
        if (!ok) {
            problems.add(error(field, problem));
            throw InputErrors.of(problems);
        }
    }

    /**
     * Notes the problems of an error thrown while reading one part of the file (those not noted already), so that
     * reading can go on with the next part.
     */
    public void absorb(InputError e) {
        List<InputError> all = e instanceof InputErrors many ? many.problems() : List.of(e);
        for (InputError x : all) {
            boolean known = problems.stream().anyMatch(p -> p == x || p.getMessage().equals(x.getMessage()));
            if (!known) {
                problems.add(x);
            }
        }
    }

    /** Whether any problem was noted. */
    public boolean hasProblems() {
        return !problems.isEmpty();
    }

    /** Throws every problem noted, in line order; does nothing when there is none. */
    public void done() {
        if (!problems.isEmpty()) {
            throw InputErrors.of(problems);
        }
    }

    private static String parent(String field) {
        int dot = field.lastIndexOf('.');
        int bracket = field.lastIndexOf('[');
        int cut = Math.max(dot, bracket);
        return cut <= 0 ? null : field.substring(0, cut);
    }
}
