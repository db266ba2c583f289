package org.cloak.dicom.dict;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Guards the generated Tag and Uid classes against drifting from the bundled tables: rerun
 * tools/tablegen when a table changes and this test fails.
 */
class DictionaryDriftTest {

    @Test
    void everyTagConstantMatchesItsDictionaryRowAndViceVersa() throws Exception {
        List<Map<String, String>> rows = readTsv("dictionary.tsv");
        assertThat(rows).hasSize(5354);
        Set<Integer> exactTags = new HashSet<>();
        for (Map<String, String> r : rows) {
            if (!r.get("tag").contains("x")) {
                exactTags.add(parseHex(r.get("tag")));
            }
        }
        Map<String, Object> constants = constants(Tag.class, int.class);
        ElementDictionary dict = ElementDictionary.standard();
        Set<String> keywords = new HashSet<>();
        List<String> problems = new ArrayList<>(); // all drifts at once, not just the first
        for (Map<String, String> r : rows) {
            String keyword = r.get("keyword");
            if (keyword.isEmpty()) {
                continue;
            }
            keywords.add(keyword);
            String pattern = r.get("tag");
            Object value = constants.get(keyword);
            if (value == null) {
                problems.add("no constant Tag." + keyword);
                continue;
            }
            int tag = (Integer) value;
            if (pattern.contains("x")) {
                if (!matches(pattern, tag) || (tag & 0xFFFF) == 0 || exactTags.contains(tag)) {
                    problems.add(String.format("Tag.%s = 0x%08X is not a free tag of %s", keyword, tag, pattern));
                }
            } else if (tag != parseHex(pattern)) {
                problems.add(String.format("Tag.%s = 0x%08X, table says %s", keyword, tag, pattern));
            }
            ElementEntry e = dict.lookup(tag);
            String vrList = e == null ? null : String.join("|", e.vrs().stream().map(Enum::name).toList());
            if (e == null || !e.keyword().equals(keyword) || !e.tagPattern().equals(pattern)
                    || !e.name().equals(r.get("name")) || !e.vm().equals(r.get("vm"))
                    || e.retired() != "Y".equals(r.get("retired")) || !vrList.equals(r.get("vr_list"))) {
                problems.add("lookup(Tag." + keyword + ") = " + e + ", table row " + r);
            }
            if (dict.tagOf(keyword) != tag) {
                problems.add("tagOf(" + keyword + ") = " + dict.tagOf(keyword));
            }
        }
        assertThat(problems).isEmpty();
        assertThat(keywords).hasSize(5347);
        assertThat(constants.keySet()).as("constants without a dictionary row").isSubsetOf(keywords);
        assertThat(new HashSet<>(constants.values())).as("tag values are unique").hasSize(constants.size());
    }

    @Test
    void everyUidConstantMatchesItsRegistryRowAndViceVersa() throws Exception {
        List<Map<String, String>> rows = readTsv("uids.tsv");
        assertThat(rows).hasSize(493);
        Map<String, Object> constants = constants(Uid.class, String.class);
        UidRegistry registry = UidRegistry.standard();
        Set<String> keywords = new HashSet<>();
        for (Map<String, String> r : rows) {
            String keyword = r.get("keyword");
            assertThat(registry.lookup(r.get("uid"))).as(r.get("uid")).isNotNull();
            if (keyword.isEmpty()) {
                continue;
            }
            assertThat(keywords.add(keyword)).as("keyword %s is unique", keyword).isTrue();
            assertThat(constants).as("constant for %s", keyword).containsEntry(keyword, r.get("uid"));
            UidEntry e = registry.lookup(r.get("uid"));
            assertThat(e.keyword()).isEqualTo(keyword);
            assertThat(e.name()).isEqualTo(r.get("name"));
            assertThat(e.type()).isEqualTo(r.get("type"));
            assertThat(e.retired()).isEqualTo("Y".equals(r.get("retired")));
        }
        assertThat(keywords).hasSize(491);
        assertThat(constants.keySet()).as("constants without a registry row").isEqualTo(keywords);
        assertThat(registry.size()).isEqualTo(493);
    }

    private static Map<String, Object> constants(Class<?> holder, Class<?> type) throws IllegalAccessException {
        Map<String, Object> out = new HashMap<>();
        for (Field f : holder.getDeclaredFields()) {
            int m = f.getModifiers();
            if (Modifier.isPublic(m) && Modifier.isStatic(m) && Modifier.isFinal(m)) {
                assertThat(f.getType()).as(f.getName()).isEqualTo(type);
                out.put(f.getName(), f.get(null));
            }
        }
        return out;
    }

    private static boolean matches(String pattern, int tag) {
        for (int i = 0; i < 8; i++) {
            int nibble = (tag >>> (28 - 4 * i)) & 0xF;
            char c = pattern.charAt(i);
            if (c != 'x' && Character.digit(c, 16) != nibble) {
                return false;
            }
        }
        return true;
    }

    private static int parseHex(String s) { return (int) Long.parseLong(s, 16); }

    /** Independent of the production reader on purpose: a bug there must not hide here. */
    private static List<Map<String, String>> readTsv(String resource) throws IOException {
        try (InputStream in = ElementDictionary.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String[] header = r.readLine().split("\t", -1);
            List<Map<String, String>> rows = new ArrayList<>();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String[] cells = line.split("\t", -1);
                assertThat(cells).as(line).hasSize(header.length);
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < header.length; i++) {
                    row.put(header[i], cells[i]);
                }
                rows.add(row);
            }
            return rows;
        }
    }
}
