package org.cloak.server.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the settings: defaults, then the YAML file, then {@code CLOAK_...} environment variables,
 * then flags, each overriding the one before. An unknown key is an error naming its line (in
 * the file) or its name (environment, flags), never ignored.
 *
 * <pre>{@code
 * ServerConfig c = ConfigLoader.load(Path.of("cloak.yaml"), System.getenv(), Map.of("--http-port", "9090"));
 * }</pre>
 */
public final class ConfigLoader {
    private ConfigLoader() {}

    /**
     * @param file the YAML file, or null
     * @param env the environment; only variables starting with {@code CLOAK_} that name a key are read,
     *     and {@code CLOAK_} variables of other Cloak commands ({@code CLOAK_JAVA_OPTS}...) are left alone
     * @param flags flag (with its dashes) to value
     */
    public static ServerConfig load(Path file, Map<String, String> env, Map<String, String> flags) {
        Map<ConfigKey, String> values = new EnumMap<>(ConfigKey.class);
        for (ConfigKey k : ConfigKey.values()) {
            if (k.defaultValue() != null) {
                values.put(k, k.defaultValue());
            }
        }
        if (file != null) {
            values.putAll(readYaml(file));
        }
        for (ConfigKey k : ConfigKey.values()) {
            String v = env.get(k.env());
            if (v != null) {
                values.put(k, v);
            }
        }
        for (Map.Entry<String, String> f : flags.entrySet()) {
            ConfigKey k = ConfigKey.byFlag(f.getKey()).orElseThrow(
                    () -> new ConfigException("unknown option " + f.getKey()));
            values.put(k, f.getValue());
        }
        return ServerConfig.of(values);
    }

    /** The keys set in a YAML file, each checked to exist. */
    static Map<ConfigKey, String> readYaml(Path file) {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             JsonParser p = new YAMLFactory().createParser(r)) {
            Map<ConfigKey, String> out = new EnumMap<>(ConfigKey.class);
            JsonToken first = p.nextToken();
            if (first == null) {
                return out;
            }
            if (first != JsonToken.START_OBJECT) {
                throw new ConfigException(where(file, p) + ": the configuration must be a map of keys");
            }
            walk(file, p, new ArrayDeque<>(), out);
            return out;
        } catch (IOException e) {
            throw new ConfigException("could not read the configuration " + file + ": " + e.getMessage(), e);
        }
    }

    private static void walk(Path file, JsonParser p, Deque<String> prefix, Map<ConfigKey, String> out)
            throws IOException {
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_OBJECT) {
            String name = p.currentName();
            String path = prefix.isEmpty() ? name : String.join(".", prefix) + "." + name;
            int line = p.currentLocation().getLineNr();
            JsonToken v = p.nextToken();
            if (v == JsonToken.START_OBJECT) {
                prefix.addLast(name);
                walk(file, p, prefix, out);
                prefix.removeLast();
                continue;
            }
            ConfigKey key = ConfigKey.byPath(path).orElseThrow(
                    () -> new ConfigException(file + ":" + line + ": unknown key '" + path + "'"));
            if (out.containsKey(key)) {
                throw new ConfigException(file + ":" + line + ": '" + path + "' is given twice");
            }
            if (v == JsonToken.START_ARRAY) {
                if (key.type() != ConfigKey.Type.PATHS) {
                    throw new ConfigException(file + ":" + line + ": '" + path + "' takes one value, not a list");
                }
                List<String> items = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    if (!p.currentToken().isScalarValue()) {
                        throw new ConfigException(where(file, p) + ": the items of '" + path + "' must be paths");
                    }
                    items.add(p.getText());
                }
                out.put(key, String.join(java.io.File.pathSeparator, items));
            } else if (v.isScalarValue()) {
                out.put(key, v == JsonToken.VALUE_NULL ? "" : p.getText());
            } else {
                throw new ConfigException(where(file, p) + ": unexpected value for '" + path + "'");
            }
            if (t == null) {
                break;
            }
        }
    }

    private static String where(Path file, JsonParser p) {
        return file + ":" + p.currentLocation().getLineNr();
    }
}
