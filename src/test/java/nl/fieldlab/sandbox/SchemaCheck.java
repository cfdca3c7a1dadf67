package nl.fieldlab.sandbox;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import nl.fieldlab.sandbox.app.FileSchema;
import nl.fieldlab.sandbox.input.InputError;
import nl.fieldlab.sandbox.input.YamlFile;
import tools.jackson.databind.JsonNode;

/**
 * A file checked against its published JSON Schema as an editor would check it, with an independent validator
 * (networknt json-schema-validator), on the tree the loader itself reads (so YAML is parsed the same way).
 */
public final class SchemaCheck {

    /**
     * Loader messages about a file's shape (fields, required values, types, enum values, text length): the part a
     * JSON Schema can say. Messages about values (ranges, dates, ids in the rule library, .nan) are beyond it.
     */
    static final Pattern SHAPE = Pattern.compile("unknown field '|required field is missing|required, got nothing"
            + "|expected (a whole number|a number|true or false|a list|a mapping[^\\n]*|text), got (?!\\.nan|\\.inf|-\\.inf)"
            + "|expected one of |characters; at most ");

    private static final Map<FileSchema, Schema> SCHEMAS = new EnumMap<>(FileSchema.class);

    private SchemaCheck() {
    }

    static synchronized Schema schema(FileSchema kind) {
        return SCHEMAS.computeIfAbsent(kind, k -> SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(k.schema()));
    }

    /** The schema's problems with a file, or null when the file is not YAML the loader can read at all. */
    public static List<String> problems(FileSchema kind, Path file) {
        JsonNode tree;
        try {
            tree = YamlFile.open(file).tree();
        } catch (InputError e) {
            return null;
        }
        if (tree == null) {
            return null;
        }
        return problems(kind, tree);
    }

    public static List<String> problems(FileSchema kind, JsonNode tree) {
        try {
            return schema(kind).validate(tree).stream().map(e -> e.getInstanceLocation() + ": " + e.getMessage())
                    .toList();
        } catch (tools.jackson.databind.exc.JsonNodeException e) {
            // the validator compares a number beyond a long (1e308) with an integer maximum by converting it to a
            // long, and fails: such a number is outside every integer range the schemas give, so it is refused
            return List.of("a number beyond the validator's range: " + e.getOriginalMessage());
        }
    }

    /** Whether any of the loader's messages is about the file's shape. */
    public static boolean anyShapeProblem(List<String> loaderMessages) {
        return loaderMessages.stream().anyMatch(m -> SHAPE.matcher(m).find());
    }
}
