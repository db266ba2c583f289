package org.cloak.deid.script.ctp;

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
 * The corpus of malformed CTP scripts in {@code bad/}: each is refused when it is loaded with
 * one error naming the file, the line and column of the mistake and the construct, never
 * compiled partly (where CTP itself would copy an unknown call into the value, ignore the rest
 * of a line, or quarantine every object at run time). The expected positions are listed here.
 */
class BadCtpScriptsTest {
    /** File → {line, column, words the message holds}. */
    private static final Map<String, Object[]> EXPECTED = Map.ofEntries(
            Map.entry("bad-xml.script", new Object[] {3, 3, "not well-formed XML"}),
            Map.entry("unknown-function.script", new Object[] {2, 41, "unknown function"}),
            Map.entry("wrong-arg-count.script", new Object[] {2, 39, "takes 1 to 2 arguments, given 0"}),
            Map.entry("bad-tag.script", new Object[] {2, 15, "not a tag"}),
            Map.entry("unterminated-call.script", new Object[] {2, 39, "unterminated @-call: ')' is missing"}),
            Map.entry("odd-group-public.script", new Object[] {2, 15, "odd (private) group"}),
            Map.entry("call-plugin.script", new Object[] {2, 39, "calls a CTP plugin"}),
            Map.entry("undefined-param.script", new Object[] {2, 53, "parameter @UIDROOT: not defined"}),
            Map.entry("bad-regex.script", new Object[] {2, 54, "not a regular expression"}),
            Map.entry("unknown-condition.script", new Object[] {2, 49, "unknown condition"}),
            Map.entry("if-without-clauses.script", new Object[] {2, 41, "{true clause}{false clause}"}),
            Map.entry("unclosed-clause.script", new Object[] {2, 69, "second clause's '{' is never closed"}),
            Map.entry("unknown-element.script", new Object[] {2, 55, "not an element name"}),
            Map.entry("lookup-without-table.script", new Object[] {2, 39, "--lookup FILE"}),
            Map.entry("wrong-root.script", new Object[] {1, 1, "root element is <script>"}),
            Map.entry("unknown-key.properties", new Object[] {2, 1, "not a DicomAnonymizer key"}),
            Map.entry("bare-at.script", new Object[] {2, 54, "'(' expected after @example"}),
            Map.entry("process-in-if.script", new Object[] {2, 58, "@process() is the whole script"}),
            Map.entry("unknown-remove.script", new Object[] {2, 15, "CTP removes privategroups"}),
            Map.entry("bad-keep-group.script", new Object[] {2, 15, "four hex digits"}),
            Map.entry("unknown-miss-action.script", new Object[] {2, 57, "not in the table is one of"}),
            Map.entry("initials-offset.script", new Object[] {2, 45, "Caesar offset"}),
            Map.entry("unknown-method-code.script", new Object[] {2, 66, "not a CID 7050 code"}),
            Map.entry("creator-even-group.script", new Object[] {2, 15, "belongs to an odd group"}),
            Map.entry("unknown-filter-method.filter", new Object[] {2, 12, "unknown method"}),
            Map.entry("unclosed-filter-paren.filter", new Object[] {1, 1, "'(': is never closed"}));

    @Test
    void everyBadScriptGivesOneClearErrorWithItsPosition() throws IOException, URISyntaxException {
        Path dir = Path.of(BadCtpScriptsTest.class.getResource("bad").toURI());
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(12);
        assertThat(files.stream().map(f -> f.getFileName().toString())).containsExactlyInAnyOrderElementsOf(
                EXPECTED.keySet());
        for (Path f : files) {
            String name = f.getFileName().toString();
            ScriptException e = null;
            try {
                CtpScripts.compile(name, Files.readString(f, StandardCharsets.UTF_8), ScriptInputs.none());
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
