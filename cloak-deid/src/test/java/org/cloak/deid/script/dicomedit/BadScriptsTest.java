package org.cloak.deid.script.dicomedit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.cloak.deid.script.ScriptException;
import org.cloak.deid.script.ScriptInputs;
import org.junit.jupiter.api.Test;

/**
 * The corpus of malformed scripts in {@code bad/}: each is refused when it is loaded, with one
 * error naming the file, the line and column of the mistake and the construct, never compiled
 * partly. The expected position and the words of each message are listed here.
 */
class BadScriptsTest {
    /** File → {line, column, words the message holds}. */
    private static final Map<String, Object[]> EXPECTED = Map.ofEntries(
            Map.entry("unbalanced-brace.das", new Object[] {2, 25, "'{' is never closed"}),
            Map.entry("extra-brace.das", new Object[] {3, 1, "'}' without a matching '{'"}),
            Map.entry("unknown-function.das", new Object[] {2, 16, "unknown function"}),
            Map.entry("too-few-args.das", new Object[] {2, 16, "takes 2 to 3 arguments, given 1"}),
            Map.entry("too-many-args.das", new Object[] {2, 16, "takes 1 argument, given 2"}),
            Map.entry("hashuid-no-args.das", new Object[] {2, 16, "takes 1 to 2 arguments, given 0"}),
            Map.entry("bad-tag-short.das", new Object[] {2, 2, "not a tag"}),
            Map.entry("bad-tag-letters.das", new Object[] {2, 1, "not a tag"}),
            Map.entry("unterminated-string.das", new Object[] {2, 16, "unterminated string"}),
            Map.entry("odd-group-public.das", new Object[] {2, 2, "odd (private) group"}),
            Map.entry("odd-group-assign.das", new Object[] {2, 1, "odd (private) group"}),
            Map.entry("creator-even-group.das", new Object[] {2, 2, "belongs to an odd group"}),
            Map.entry("unknown-version.das", new Object[] {1, 1, "versions 6.0 to 6.7"}),
            Map.entry("geturl.das", new Object[] {2, 16, "fetching a URL"}),
            Map.entry("make-session-label.das", new Object[] {1, 16, "XNAT's session records"}),
            Map.entry("undefined-variable.das", new Object[] {2, 16, "not defined"}),
            Map.entry("xnat-variable-missing.das", new Object[] {2, 16, "--var project=VALUE"}),
            Map.entry("missing-value.das", new Object[] {2, 15, "a value is missing"}),
            Map.entry("bare-value.das", new Object[] {2, 1, "not a statement"}),
            Map.entry("missing-question.das", new Object[] {2, 20, "expected '?'"}),
            Map.entry("colon-in-de6.das", new Object[] {2, 20, "expected '?'"}),
            Map.entry("bad-regex.das", new Object[] {2, 15, "not a regular expression"}),
            Map.entry("else-without-if.das", new Object[] {2, 1, "without an 'if'"}),
            Map.entry("if-without-paren.das", new Object[] {2, 4, "'(' before the condition"}),
            Map.entry("unclosed-bracket.das", new Object[] {2, 25, "'[' is never closed"}),
            Map.entry("unclosed-list.das", new Object[] {2, 12, "expected ',' or '}'"}),
            Map.entry("bad-item.das", new Object[] {2, 14, "an item is [n]"}),
            Map.entry("item-delete.das", new Object[] {2, 2, "one item of a sequence"}),
            Map.entry("wildcard-read.das", new Object[] {2, 16, "read from one attribute"}),
            Map.entry("stray-character.das", new Object[] {2, 20, "character ';'"}),
            Map.entry("value-function-as-statement.das", new Object[] {2, 1, "does nothing on its own"}),
            Map.entry("action-function-as-value.das", new Object[] {2, 16, "gives no value"}),
            Map.entry("newuid-in-condition.das", new Object[] {2, 1, "cannot be tested in a condition"}),
            Map.entry("lookup-without-table.das", new Object[] {2, 16, "--lookup FILE"}),
            Map.entry("assign-to-string.das", new Object[] {2, 1, "only a tag path or a variable"}),
            Map.entry("list-as-value.das", new Object[] {2, 16, "not a single value"}),
            Map.entry("bad-bang.das", new Object[] {2, 13, "'!' must be followed"}),
            Map.entry("tag-path-string.das", new Object[] {2, 8, "tag path"}));

    @Test
    void everyBadScriptGivesOneClearErrorWithItsPosition() throws IOException, URISyntaxException {
        Path dir = Path.of(BadScriptsTest.class.getResource("bad").toURI());
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(30);
        assertThat(files.stream().map(f -> f.getFileName().toString())).containsExactlyInAnyOrderElementsOf(
                EXPECTED.keySet());
        for (Path f : files) {
            String name = f.getFileName().toString();
            String text = Files.readString(f, StandardCharsets.UTF_8);
            ScriptException e = null;
            try {
                DicomEditScripts.compile(name, text, ScriptInputs.none());
            } catch (ScriptException refused) {
                e = refused;
            }
            Object[] want = EXPECTED.get(name);
            assertThat(e).as(name + " is refused").isNotNull();
            assertThat(e.getMessage()).as(name).startsWith(name + ":" + want[0] + ":" + want[1] + ": ")
                    .contains((String) want[2]);
        }
    }
}
