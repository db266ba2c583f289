package org.cloak.deid.recipe;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cloak.deid.recipe.YamlNode.Entry;
import org.cloak.deid.recipe.YamlNode.ListNode;
import org.cloak.deid.recipe.YamlNode.MapNode;
import org.cloak.deid.recipe.YamlNode.Scalar;
import org.cloak.deid.recipe.YamlNode.ScalarType;

/** Reads one YAML document into a {@link YamlNode} tree with line numbers, using Jackson's streaming parser. */
final class YamlTree {
    private static final YAMLFactory FACTORY = new YAMLFactory();

    private YamlTree() {}

    /** The document's root, or null when the document is empty. */
    static YamlNode parse(Reader in) throws RecipeException {
        try (JsonParser p = FACTORY.createParser(in)) {
            JsonToken t = p.nextToken();
            return t == null ? null : node(p, t);
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            throw new RecipeException(loc == null ? 0 : loc.getLineNr(),
                    "not valid YAML: " + firstLine(e.getOriginalMessage()), e);
        } catch (IOException e) {
            throw new RecipeException(0, "could not read the recipe: " + e.getMessage(), e);
        }
    }

    private static YamlNode node(JsonParser p, JsonToken t) throws IOException, RecipeException {
        int line = p.currentTokenLocation().getLineNr();
        return switch (t) {
            case START_OBJECT -> map(p, line);
            case START_ARRAY -> list(p, line);
            case VALUE_STRING -> new Scalar(p.getText(), ScalarType.STRING, line);
            case VALUE_NUMBER_INT -> new Scalar(p.getText(), ScalarType.INTEGER, line);
            case VALUE_NUMBER_FLOAT -> new Scalar(p.getText(), ScalarType.DECIMAL, line);
            case VALUE_TRUE, VALUE_FALSE -> new Scalar(p.getText(), ScalarType.BOOLEAN, line);
            case VALUE_NULL -> new Scalar("", ScalarType.NULL, line);
            default -> throw new RecipeException(line, "unsupported YAML construct (" + t + ")");
        };
    }

    private static MapNode map(JsonParser p, int line) throws IOException, RecipeException {
        Map<String, Entry> entries = new LinkedHashMap<>();
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            int keyLine = p.currentTokenLocation().getLineNr();
            Entry previous = entries.get(key);
            if (previous != null) {
                throw new RecipeException(keyLine,
                        "key '" + key + "' appears twice (first on line " + previous.keyLine() + ")");
            }
            entries.put(key, new Entry(key, keyLine, node(p, p.nextToken())));
        }
        if (t != JsonToken.END_OBJECT) {
            throw new RecipeException(line, "unterminated map");
        }
        return new MapNode(entries, line);
    }

    private static ListNode list(JsonParser p, int line) throws IOException, RecipeException {
        List<YamlNode> items = new ArrayList<>();
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t == null) {
                throw new RecipeException(line, "unterminated list");
            }
            items.add(node(p, t));
        }
        return new ListNode(items, line);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "syntax error";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
