package org.cloak.deid.recipe;

import java.util.List;
import java.util.Map;

/**
 * The YAML document as a tree that remembers the line of every node, so a recipe error can
 * name it (Jackson's own tree model drops locations).
 */
sealed interface YamlNode {

    /** 1-based line where the node starts. */
    int line();

    /** What the node is, for "expected a list, found a text" messages. */
    String kind();

    /**
     * A scalar: {@code text} is the source text as written (so {@code NO} stays "NO" and
     * {@code 012} stays "012"); {@code type} tells how YAML resolved it.
     */
    record Scalar(String text, ScalarType type, int line) implements YamlNode {
        @Override
        public String kind() {
            return switch (type) {
                case STRING -> "a text";
                case INTEGER -> "a whole number";
                case DECIMAL -> "a decimal number";
                case BOOLEAN -> "true/false";
                case NULL -> "nothing";
            };
        }
    }

    /** How YAML resolved a scalar. */
    enum ScalarType { STRING, INTEGER, DECIMAL, BOOLEAN, NULL }

    /** A sequence. */
    record ListNode(List<YamlNode> items, int line) implements YamlNode {
        @Override
        public String kind() { return "a list"; }
    }

    /** A mapping, in file order; each key keeps its own line. */
    record MapNode(Map<String, Entry> entries, int line) implements YamlNode {
        @Override
        public String kind() { return "a map"; }
    }

    /** One key of a mapping with the line the key is on. */
    record Entry(String key, int keyLine, YamlNode value) {}
}
