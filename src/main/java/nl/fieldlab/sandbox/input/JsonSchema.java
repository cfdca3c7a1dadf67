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
        ObjectNode o = NODES.objectNode();
        o.put("type", "object");
        ObjectNode props = o.putObject("properties");
        ArrayNode required = NODES.arrayNode();
        for (Shape.Field f : Shape.fields(type).values()) {
            boolean req = f.required() && !partial.contains(type);
            ObjectNode p = req || f.type().getRawClass().isPrimitive() ? value(f.type()) : nullable(value(f.type()));
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
        Class<?> raw = type.getRawClass();
        ObjectNode o = NODES.objectNode();
        if (raw == Object.class || JsonNode.class.isAssignableFrom(raw)) {
            return o;
        }
        if (raw.isRecord()) {
            ObjectNode ref = NODES.objectNode().put("$ref", "#/$defs/" + define(raw));
            Method scalar = Shape.delegatingCreator(raw);
            if (scalar == null) {
                return ref;
            }
            ArrayNode any = o.putArray("anyOf");
            any.add(value(YamlFile.mapper().constructType(scalar.getGenericParameterTypes()[0])));
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
            o.set("items", value(type.getContentType()));
            return o;
        }
        if (Map.class.isAssignableFrom(raw)) {
            o.put("type", "object");
            JavaType key = type.getKeyType();
            if (key != null && key.getRawClass().isEnum()) {
                o.set("propertyNames", value(key));
            }
            o.set("additionalProperties", value(type.getContentType()));
            return o;
        }
        if (raw == Integer.class || raw == int.class || raw == Long.class || raw == long.class) {
            return o.put("type", "integer");
        }
        if (raw == Double.class || raw == double.class) {
            return o.put("type", "number");
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
