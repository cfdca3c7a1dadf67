package nl.fieldlab.sandbox.input;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import nl.fieldlab.sandbox.domain.Plausible;

/**
 * The JSON Schema (draft 2020-12) of a file read by {@link YamlFile#read}: written from the same Java type that
 * {@link Shape} checks a file against, so that an editor checking a file while it is typed and the loader agree on
 * its fields, which are required, their types and their enum values. What the schema cannot say (ranges, ids that
 * must exist in the rule library, dates) the loader still checks; a file the loader accepts always passes the
 * schema.
 */
public final class JsonSchema {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Set<Class<?>> partial;
    private final Map<String, ObjectNode> defs = new LinkedHashMap<>();
    private final Map<String, Class<?>> defined = new LinkedHashMap<>();

    private JsonSchema(Set<Class<?>> partial) {
        this.partial = partial;
    }

    /**
     * The schema of a file bound to {@code root}.
     *
     * @param partial records whose fields are all optional here (given in part, the rest from defaults)
     */
    public static ObjectNode of(Class<?> root, String title, String description, Set<Class<?>> partial) {
        JsonSchema s = new JsonSchema(partial);
        ObjectNode out = NODES.objectNode();
        out.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        out.put("title", title);
        out.put("description", description);
        ObjectNode body = s.record(root);
        body.properties().forEach(e -> out.set(e.getKey(), e.getValue()));
        if (!s.defs.isEmpty()) {
            ObjectNode d = out.putObject("$defs");
            s.defs.forEach(d::set);
        }
        return out;
    }

    /** The names of a record's fields as written in a file, in declaration order. */
    public static List<String> fieldNames(Class<?> record) {
        return List.copyOf(Shape.fields(record).keySet());
    }

    private ObjectNode record(Class<?> type) {
        return record(type, null);
    }

    /** A record's schema; {@code inherited} bounds the fields that have no bound of their own (a range's ends). */
    private ObjectNode record(Class<?> type, Plausible inherited) {
        ObjectNode o = NODES.objectNode();
        o.put("type", "object");
        ObjectNode props = o.putObject("properties");
        ArrayNode required = NODES.arrayNode();
        for (Shape.Field f : Shape.fields(type).values()) {
            boolean req = f.required() && !partial.contains(type);
            ObjectNode v = value(f.type(), f.bound() != null ? f.bound() : inherited);
            ObjectNode p = req || f.type().getRawClass().isPrimitive() ? v : nullable(v);
            if (f.description() != null) {
                ObjectNode withWords = NODES.objectNode();
                withWords.put("description", f.description());
                p.properties().forEach(e -> withWords.set(e.getKey(), e.getValue()));
                p = withWords;
            }
            props.set(f.name(), p);
            if (req) {
                required.add(f.name());
            }
        }
        if (!required.isEmpty()) {
            o.set("required", required);
        }
        o.put("additionalProperties", false);
        return o;
    }

    private ObjectNode value(JavaType type) {
        return value(type, null);
    }

    /** The schema of a value; {@code bound} (or null) holds every number in it, as the loader holds it. */
    private ObjectNode value(JavaType type, Plausible bound) {
        Class<?> raw = type.getRawClass();
        ObjectNode o = NODES.objectNode();
        if (raw == Object.class || JsonNode.class.isAssignableFrom(raw)) {
            return o;
        }
        if (raw.isRecord()) {
            Method scalar = Shape.delegatingCreator(raw);
            if (scalar == null) {
                return NODES.objectNode().put("$ref", "#/$defs/" + define(raw));
            }
            // a bounded range is written out here: its bounds are those of the field, not of every range
            ObjectNode ref = bound == null ? NODES.objectNode().put("$ref", "#/$defs/" + define(raw))
                    : record(raw, bound);
            ArrayNode any = o.putArray("anyOf");
            any.add(value(YamlFile.mapper().constructType(scalar.getGenericParameterTypes()[0]), bound));
            any.add(ref);
            return o;
        }
        if (raw.isEnum()) {
            ArrayNode names = o.putArray("enum");
            Arrays.stream(raw.getEnumConstants()).map(String::valueOf).forEach(names::add);
            return o;
        }
        if (List.class.isAssignableFrom(raw) || Collection.class.isAssignableFrom(raw)) {
            o.put("type", "array");
            o.set("items", value(type.getContentType(), bound));
            return o;
        }
        if (Map.class.isAssignableFrom(raw)) {
            o.put("type", "object");
            JavaType key = type.getKeyType();
            if (key != null && key.getRawClass().isEnum()) {
                o.set("propertyNames", value(key));
            }
            o.set("additionalProperties", value(type.getContentType(), bound));
            return o;
        }
        if (raw == Integer.class || raw == int.class || raw == Long.class || raw == long.class) {
            return bounded(o.put("type", "integer"), bound, true);
        }
        if (raw == Double.class || raw == double.class) {
            return bounded(o.put("type", "number"), bound, false);
        }
        if (raw == Boolean.class || raw == boolean.class) {
            return o.put("type", "boolean");
        }
        if (raw == String.class) {
            // the loader reads any scalar as text (an id written 2024 is the text "2024")
            o.putArray("type").add("string").add("number").add("boolean");
            return o.put("maxLength", Shape.MAX_TEXT);
        }
        throw new IllegalArgumentException("no schema for " + type);
    }

    private static ObjectNode bounded(ObjectNode o, Plausible bound, boolean whole) {
        if (bound != null) {
            if (whole) {
                o.put("minimum", (long) Math.ceil(bound.min()));
                o.put("maximum", (long) Math.floor(bound.max()));
            } else {
                o.put("minimum", bound.min());
                o.put("maximum", bound.max());
            }
        }
        return o;
    }

    /** Registers a record under {@code $defs} (once) and returns its name there. */
    private String define(Class<?> raw) {
        String name = raw.getSimpleName();
        Class<?> known = defined.putIfAbsent(name, raw);
        if (known != null && known != raw) {
            throw new IllegalArgumentException("two records named " + name + ": " + known + " and " + raw);
        }
        if (known == null) {
            defs.put(name, null); // holds its place (and its order) while its own fields are written
            defs.put(name, record(raw));
        }
        return name;
    }

    private static ObjectNode nullable(ObjectNode schema) {
        JsonNode type = schema.get("type");
        if (type != null && type.isString()) {
            ObjectNode copy = schema.deepCopy();
            copy.putArray("type").add(type.asString()).add("null");
            return copy;
        }
        if (type != null && type.isArray()) {
            ObjectNode copy = schema.deepCopy();
            ((ArrayNode) copy.get("type")).add("null");
            return copy;
        }
        if (schema.isEmpty()) {
            return schema;
        }
        ObjectNode o = NODES.objectNode();
        o.putArray("anyOf").add(schema).add(NODES.objectNode().put("type", "null"));
        return o;
    }
}
