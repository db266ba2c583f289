package org.cloak.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.Iterator;
import java.util.Set;

/** Reading request bodies strictly: JSON objects with known fields only. */
public final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {}

    /** The body as a JSON object whose fields are all in {@code allowed}. */
    public static JsonNode body(Context ctx, String... allowed) {
        JsonNode n;
        try {
            String text = ctx.body();
            n = text.isBlank() ? MAPPER.createObjectNode() : MAPPER.readTree(text);
        } catch (IOException e) {
            throw ApiException.badRequest("the body is not valid JSON");
        }
        if (!n.isObject()) {
            throw ApiException.badRequest("the body must be a JSON object");
        }
        Set<String> ok = Set.of(allowed);
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!ok.contains(f)) {
                throw ApiException.badRequest("unknown field '" + f + "'; allowed: " + String.join(", ", allowed));
            }
        }
        return n;
    }

    /** A required text field. */
    public static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual() || v.asText().isEmpty()) {
            throw ApiException.badRequest("'" + field + "' is required (text)");
        }
        return v.asText();
    }

    /** An optional text field, or {@code def}. */
    public static String text(JsonNode n, String field, String def) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return def;
        }
        if (!v.isTextual()) {
            throw ApiException.badRequest("'" + field + "' must be text");
        }
        return v.asText();
    }

    public static boolean bool(JsonNode n, String field, boolean def) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return def;
        }
        if (!v.isBoolean()) {
            throw ApiException.badRequest("'" + field + "' must be true or false");
        }
        return v.asBoolean();
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }
}
