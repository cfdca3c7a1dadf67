package nl.fieldlab.sandbox.input;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;

import nl.fieldlab.sandbox.domain.FreeText;
import nl.fieldlab.sandbox.domain.Plausible;

/**
 * Checks a YAML tree against the Java type it will be bound to, and notes every problem with its line: unknown
 * fields (with the nearest known name), required fields that are missing or given no value, wrong types, numbers
 * that are not finite or do not fit, and text that is too long. The type is the one source of the shape: records
 * (their components, {@code @JsonProperty(required = true)} for required ones), enums, lists, maps, numbers,
 * booleans and text, and a delegating {@code @JsonCreator} for a value that may also be written as one scalar.
 *
 * <p>It also checks values the type bounds: a number outside its component's {@link Plausible} range (with the
 * nearest valid value), and control characters in text (free text, {@link FreeText}, may hold line breaks and
 * tabs). Those are noted as value problems: the tree can still be bound, so that the loader goes on to find the
 * file's other problems and reports them all at once.
 */
final class Shape {

    /** Text values longer than this are refused. */
    static final int MAX_TEXT = 20_000;

    private final YamlFile yaml;
    /** Numbers written with a point that are whole (60.0) where a whole number belongs: bound as whole numbers. */
    private final java.util.IdentityHashMap<JsonNode, Boolean> wholeDoubles = new java.util.IdentityHashMap<>();

    Shape(YamlFile yaml) {
        this.yaml = yaml;
    }

    /**
     * {@code node} with every whole number written with a point (60.0) that {@link #check} found where a whole
     * number belongs replaced by the same number without it, so that it binds to an int (Jackson refuses 60.0 there).
     */
    JsonNode wholeNumbersBound(JsonNode node) {
        if (wholeDoubles.isEmpty()) {
            return node;
        }
        if (wholeDoubles.containsKey(node)) {
            return tools.jackson.databind.node.JsonNodeFactory.instance.numberNode(
                    java.math.BigDecimal.valueOf(node.doubleValue()).toBigInteger());
        }
        if (node instanceof tools.jackson.databind.node.ObjectNode o) {
            for (Map.Entry<String, JsonNode> e : List.copyOf(o.properties())) {
                JsonNode fixed = wholeNumbersBound(e.getValue());
                if (fixed != e.getValue()) {
                    o.set(e.getKey(), fixed);
                }
            }
        } else if (node instanceof tools.jackson.databind.node.ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                JsonNode fixed = wholeNumbersBound(a.get(i));
                if (fixed != a.get(i)) {
                    a.set(i, fixed);
                }
            }
        }
        return node;
    }

    /**
     * The fields a record reads, by the name written in YAML, with whether each is required, its range (or null)
     * and whether it is free text.
     */
    record Field(String name, JavaType type, boolean required, String description, Plausible bound,
            boolean freeText) {
    }

    /** How a value is checked beyond its type: its range, and whether its text may span lines. */
    private record Rules(Plausible bound, boolean freeText) {
        static final Rules NONE = new Rules(null, false);
    }

    static Map<String, Field> fields(Class<?> record) {
        Map<String, Field> out = new LinkedHashMap<>();
        for (RecordComponent c : record.getRecordComponents()) {
            JsonProperty p = annotation(record, c, JsonProperty.class);
            String name = p != null && !p.value().isEmpty() ? p.value() : c.getName();
            JsonPropertyDescription words = annotation(record, c, JsonPropertyDescription.class);
            out.put(name, new Field(name, YamlFile.mapper().getTypeFactory().constructType(c.getGenericType()),
                    p != null && p.required(), words == null ? null : words.value(),
                    annotation(record, c, Plausible.class), annotation(record, c, FreeText.class) != null));
        }
        return out;
    }

    private static <A extends java.lang.annotation.Annotation> A annotation(Class<?> record, RecordComponent c,
            Class<A> kind) {
        try {
            A p = record.getDeclaredField(c.getName()).getAnnotation(kind);
            return p != null ? p : c.getAccessor().getAnnotation(kind);
        } catch (NoSuchFieldException e) {
            return null;
        }
    }

    void check(JsonNode node, JavaType type, String at) {
        check(node, type, at, Rules.NONE);
    }

    private void check(JsonNode node, JavaType type, String at, Rules rules) {
        Class<?> raw = type.getRawClass();
        if (node == null || node.isNull() || node.isMissingNode()) {
            return; // absent optional values are the caller's default; required ones are checked by the parent
        }
        if (raw == Object.class || JsonNode.class.isAssignableFrom(raw)) {
            return;
        }
        if (raw.isRecord()) {
            Method scalar = delegatingCreator(raw);
            if (scalar != null && !node.isObject()) {
                check(node, YamlFile.mapper().constructType(scalar.getGenericParameterTypes()[0]), at, rules);
                return;
            }
            // a range written {min, max} holds both numbers to the bound of the field that holds it
            record(node, raw, at, scalar != null ? rules : Rules.NONE);
        } else if (raw.isEnum()) {
            enumValue(node, raw, at);
        } else if (List.class.isAssignableFrom(raw) || Collection.class.isAssignableFrom(raw)) {
            if (!node.isArray()) {
                problem(at, "expected a list, got " + describe(node, at));
                return;
            }
            for (int i = 0; i < node.size(); i++) {
                JsonNode item = node.get(i);
                String here = at + "[" + i + "]";
                if (item == null || item.isNull()) {
                    problem(here, "expected a value, got nothing");
                } else {
                    check(item, type.getContentType(), here, rules);
                }
            }
        } else if (Map.class.isAssignableFrom(raw)) {
            if (!node.isObject()) {
                problem(at, "expected a mapping of names to values, got " + describe(node, at));
                return;
            }
            JavaType keyType = type.getKeyType();
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                String here = join(at, e.getKey());
                if (keyType != null && keyType.getRawClass().isEnum()) {
                    enumName(e.getKey(), keyType.getRawClass(), here);
                }
                JsonNode v = e.getValue();
                if (v == null || v.isNull()) {
                    problem(here, "expected " + expected(type.getContentType()) + ", got nothing");
                } else {
                    check(v, type.getContentType(), here, rules);
                }
            }
        } else if (raw == Integer.class || raw == int.class) {
            whole(node, at, Integer.MIN_VALUE, Integer.MAX_VALUE, rules.bound());
        } else if (raw == Long.class || raw == long.class) {
            whole(node, at, Long.MIN_VALUE, Long.MAX_VALUE, rules.bound());
        } else if (raw == Double.class || raw == double.class) {
            if (!node.isNumber()) {
                problem(at, "expected a number, got " + describe(node, at));
            } else if (Double.isNaN(node.doubleValue())) {
                problem(at, "expected a number, got .nan (not a number)");
            } else if (Double.isInfinite(node.doubleValue())) {
                problem(at, "expected a finite number, got " + (node.doubleValue() > 0 ? ".inf" : "-.inf"));
            } else {
                within(node.doubleValue(), at, rules.bound());
            }
        } else if (raw == Boolean.class || raw == boolean.class) {
            if (!node.isBoolean()) {
                problem(at, "expected true or false, got " + describe(node, at));
            }
        } else if (raw == String.class) {
            if (node.isContainer()) {
                problem(at, "expected text, got " + describe(node, at));
            } else if (node.isNumber() && !Double.isFinite(node.doubleValue())) {
                // .nan and .inf are numbers no JSON (and no report) can hold; a name that spells them is quoted
                problem(at, "expected text, got " + (Double.isNaN(node.doubleValue()) ? ".nan"
                        : node.doubleValue() > 0 ? ".inf" : "-.inf") + " (quote it if it is a name)");
            } else if (node.isString() && node.stringValue().length() > MAX_TEXT) {
                valueProblem(at, String.format(java.util.Locale.ROOT, "text of %,d characters; at most %,d",
                        node.stringValue().length(), MAX_TEXT));
            } else if (node.isString()) {
                String chars = PlainText.problem(node.stringValue(), rules.freeText());
                if (chars != null) {
                    valueProblem(at, chars);
                }
            }
        }
    }

    private void record(JsonNode node, Class<?> raw, String at, Rules inherited) {
        Map<String, Field> fields = fields(raw);
        if (!node.isObject()) {
            problem(at, "expected a mapping with the fields " + String.join(", ", fields.keySet()) + ", got "
                    + describe(node, at));
            return;
        }
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            if (!fields.containsKey(e.getKey())) {
                String near = Suggestions.didYouMean(e.getKey(), fields.keySet());
                problem(join(at, e.getKey()), "unknown field " + PlainText.quote(e.getKey()) + (near.isEmpty()
                        ? " (fields here: " + String.join(", ", fields.keySet()) + ")" : near));
            }
        }
        for (Field f : fields.values()) {
            JsonNode v = node.get(f.name());
            String here = join(at, f.name());
            boolean empty = v == null || v.isNull() || (v.isString() && v.stringValue().isEmpty()
                    && f.type().getRawClass() != String.class);
            if (f.required() && empty) {
                if (v == null) {
                    problem(here, "required field is missing");
                } else {
                    problem(here, "required, got nothing");
                }
            } else if (!f.required() && v != null && v.isString() && v.stringValue().isEmpty()
                    && f.type().getRawClass() != String.class) {
                problem(here, "expected " + expected(f.type()) + ", got nothing (leave the field out for the default)");
            } else if (f.type().getRawClass().isPrimitive() && v != null && v.isNull()) {
                problem(here, "expected " + expected(f.type()) + ", got nothing");
            } else if (!empty) {
                check(v, f.type(), here, new Rules(f.bound() != null ? f.bound() : inherited.bound(),
                        f.freeText()));
            }
        }
    }

    private void whole(JsonNode node, String at, long min, long max, Plausible bound) {
        if (!node.isNumber()) {
            problem(at, "expected a whole number, got " + describe(node, at));
            return;
        }
        boolean wholeDouble = !node.isIntegralNumber() && Double.isFinite(node.doubleValue())
                && node.doubleValue() == Math.rint(node.doubleValue());
        if (!node.isIntegralNumber() && !wholeDouble) {
            problem(at, "expected a whole number, got " + describe(node, at));
            return;
        }
        // 60.0 is a whole number, as a JSON Schema (and an editor) sees it; it is bound as one
        BigInteger v = wholeDouble ? java.math.BigDecimal.valueOf(node.doubleValue()).toBigInteger()
                : node.bigIntegerValue();
        if (wholeDouble) {
            wholeDoubles.put(node, Boolean.TRUE);
        }
        if (v.compareTo(BigInteger.valueOf(min)) < 0 || v.compareTo(BigInteger.valueOf(max)) > 0) {
            // it does not fit the field's type at all: a problem of shape, the tree cannot be bound
            boolean small = v.signum() < 0;
            problem(at, "number " + PlainText.cut(v.toString()) + " is too " + (small ? "small (at least " : "large (at most ")
                    + (bound != null ? number(small ? bound.min() : bound.max())
                            : String.format(java.util.Locale.ROOT, "%,d", small ? min : max)) + ")");
            return;
        }
        within(v.doubleValue(), at, bound);
    }

    private void within(double v, String at, Plausible bound) {
        if (bound != null && (v < bound.min() || v > bound.max())) {
            valueProblem(at, outside(bound, v));
        }
    }

    /** "expected 1 to 500 euro an hour, got 1.0E308 (at most 500)", or the bound's own wording. */
    static String outside(Plausible b, double v) {
        if (!b.message().isEmpty()) {
            return b.message().replace("{value}", number(v));
        }
        return "expected " + number(b.min()) + " to " + number(b.max()) + (b.unit().isEmpty() ? "" : " " + b.unit())
                + ", got " + number(v) + " (" + (v < b.min() ? "at least " + number(b.min())
                        : "at most " + number(b.max())) + ")";
    }

    /** A number as messages write it: whole numbers with thousands separators, others as Java prints them. */
    static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.format(java.util.Locale.ROOT, "%,d", (long) v);
        }
        return String.valueOf(v);
    }

    private void enumValue(JsonNode node, Class<?> type, String at) {
        if (!node.isValueNode() || node.isNull()) {
            problem(at, "expected one of " + constants(type) + ", got " + describe(node, at));
            return;
        }
        enumName(node.asString(), type, at);
    }

    private void enumName(String value, Class<?> type, String at) {
        List<String> names = Arrays.stream(type.getEnumConstants()).map(String::valueOf).toList();
        if (!names.contains(value)) {
            problem(at, "expected one of " + String.join(", ", names) + ", got " + PlainText.quote(value)
                    + Suggestions.didYouMean(value, names));
        }
    }

    private void problem(String at, String problem) {
        yaml.problem(at, problem);
    }

    /** A problem with a value that still has the right type: the tree can be bound all the same. */
    private void valueProblem(String at, String problem) {
        yaml.valueProblem(at, problem);
    }

    static Method delegatingCreator(Class<?> type) {
        for (Method m : type.getDeclaredMethods()) {
            JsonCreator c = m.getAnnotation(JsonCreator.class);
            if (c != null && c.mode() == JsonCreator.Mode.DELEGATING && Modifier.isStatic(m.getModifiers())
                    && m.getParameterCount() == 1) {
                return m;
            }
        }
        return null;
    }

    private static String join(String at, String key) {
        return at.isEmpty() ? key : at + "." + key;
    }

    private static String constants(Class<?> type) {
        return Arrays.stream(type.getEnumConstants()).map(String::valueOf).collect(Collectors.joining(", "));
    }

    /** What a type expects, in words. */
    static String expected(JavaType type) {
        if (type == null) {
            return "a value";
        }
        Class<?> raw = type.getRawClass();
        if (raw.isEnum()) {
            return "one of " + constants(raw);
        }
        if (raw == Integer.class || raw == int.class || raw == Long.class || raw == long.class) {
            return "a whole number";
        }
        if (raw == Double.class || raw == double.class) {
            return "a number";
        }
        if (raw == Boolean.class || raw == boolean.class) {
            return "true or false";
        }
        if (raw == String.class) {
            return "text";
        }
        if (List.class.isAssignableFrom(raw)) {
            return "a list";
        }
        if (raw.isRecord() && delegatingCreator(raw) != null) {
            return "a number or a mapping with " + String.join(", ", fields(raw).keySet());
        }
        return "a mapping";
    }

    /**
     * A value as the user wrote it, in words: a text quoted (cut short), except at the top of the document. A file
     * whose top is not a mapping is not a plausible input at all (a scenario path that names /etc/passwd): nothing
     * of its content is repeated, only what kind of value it holds.
     */
    static String describe(JsonNode node, String at) {
        if (node == null || node.isNull()) {
            return "nothing";
        }
        if (node.isArray()) {
            return "a list";
        }
        if (node.isObject()) {
            return "a mapping";
        }
        if (node.isString()) {
            String s = node.stringValue();
            if (s.isEmpty()) {
                return "nothing";
            }
            return at.isEmpty() ? "text (the file is not a YAML mapping; is it the right file?)" : PlainText.quote(s);
        }
        if (node.isNumber() && Double.isNaN(node.doubleValue())) {
            return ".nan";
        }
        return at.isEmpty() ? "a single value" : node.toString();
    }
}
