package org.cloak.deid.script.deid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.cloak.deid.script.ScriptException;
import org.cloak.deid.script.ScriptInputs;
import org.junit.jupiter.api.Test;

/**
 * A corpus of malformed or unsupported recipes (resources bad/*.dicom): each one gives one clear
 * error with its line and column, where deid would warn and skip the line, default to blanking,
 * or exit without saying where.
 */
class BadRecipesTest {
    /** File: line, column and a fragment of the message. */
    private static final Map<String, Object[]> EXPECTED = Map.ofEntries(
            Map.entry("action-before-section.dicom", new Object[] {2, 1, "comes before any section"}),
            Map.entry("add-expander.dicom", new Object[] {3, 5, "ADD names one standard attribute"}),
            Map.entry("bad-coordinates.dicom", new Object[] {5, 3, "expects x,y,x2,y2"}),
            Map.entry("bad-prefix.dicom", new Object[] {3, 24, "pydicom refuses this prefix"}),
            Map.entry("bad-regex.dicom", new Object[] {3, 8, "not a regular expression"}),
            Map.entry("bad-section.dicom", new Object[] {2, 1, "unknown section"}),
            Map.entry("bad-select.dicom", new Object[] {3, 8, "select: filters by group or VR"}),
            Map.entry("bad-tag.dicom", new Object[] {3, 8, "not a tag"}),
            Map.entry("filter-test-without-value.dicom", new Object[] {4, 3, "needs a field and a value"}),
            Map.entry("format-nifti.dicom", new Object[] {1, 1, "deid recipes are FORMAT dicom"}),
            Map.entry("func.dicom", new Object[] {3, 19, "calls a Python function"}),
            Map.entry("jitter-not-a-number.dicom", new Object[] {3, 18, "needs a whole number of days"}),
            Map.entry("keep-except.dicom", new Object[] {3, 6, "except: and values: are not supported"}),
            Map.entry("keep-with-value.dicom", new Object[] {3, 18, "takes a FIELD only"}),
            Map.entry("label-outside-filter.dicom", new Object[] {3, 1, "a LABEL belongs in a %filter section"}),
            Map.entry("lowercase-action.dicom", new Object[] {3, 1, "written in capitals"}),
            Map.entry("missing-field.dicom", new Object[] {3, 1, "needs a FIELD"}),
            Map.entry("missing-value.dicom", new Object[] {3, 1, "needs a VALUE"}),
            Map.entry("no-format.dicom", new Object[] {1, 1, "starts with the line FORMAT dicom"}),
            Map.entry("private-even-group.dicom", new Object[] {3, 8, "odd group"}),
            Map.entry("split-in-fields.dicom", new Object[] {3, 1, "only supports FIELD"}),
            Map.entry("test-outside-label.dicom", new Object[] {3, 1, "belongs under a LABEL"}),
            Map.entry("undefined-fields-group.dicom", new Object[] {3, 8, "no %fields nothing section"}),
            Map.entry("undefined-var.dicom", new Object[] {3, 19, "not given"}),
            Map.entry("unknown-action.dicom", new Object[] {3, 1, "unknown action"}),
            Map.entry("unknown-deid-func.dicom", new Object[] {3, 19, "not a deid function"}),
            Map.entry("unknown-expander.dicom", new Object[] {3, 8, "unknown expander"}),
            Map.entry("unknown-filter-test.dicom", new Object[] {4, 3, "unknown test"}),
            Map.entry("unknown-function-option.dicom", new Object[] {3, 19, "is not an option of jitter"}),
            Map.entry("unknown-value-type.dicom", new Object[] {3, 21, "is not var:, deid_func: or func:"}),
            Map.entry("unnamed-filter.dicom", new Object[] {2, 1, "needs a name"}),
            Map.entry("unterminated-values-group.dicom",
                    new Object[] {2, 1, "the group ends before any FIELD or SPLIT line"}),
            Map.entry("value-filter-on-all.dicom", new Object[] {3, 12, "a value filter"}),
            Map.entry("undefined-values-list.dicom", new Object[] {3, 9, "no %values nothing section"}));

    @Test
    void eachBadRecipeGivesOneErrorWithItsPosition() throws Exception {
        Path dir = Path.of(BadRecipesTest.class.getResource("bad").toURI());
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".dicom")).sorted().toList();
        }
        assertThat(new TreeSet<>(files.stream().map(p -> p.getFileName().toString()).toList()))
                .isEqualTo(new TreeSet<>(EXPECTED.keySet()));
        assertThat(files).hasSizeGreaterThanOrEqualTo(12);
        for (Path f : files) {
            String name = f.getFileName().toString();
            Object[] want = EXPECTED.get(name);
            try {
                DeidRecipes.compile(name, Files.readString(f, StandardCharsets.UTF_8), ScriptInputs.none());
                fail(name + " compiled");
            } catch (ScriptException e) {
                assertThat(e.file()).isEqualTo(name);
                assertThat(new Object[] {e.line(), e.column()}).as(name + ": " + e.getMessage())
                        .containsExactly(want[0], want[1]);
                assertThat(e.detail()).as(name).contains((String) want[2]);
                assertThat(e.getMessage()).as(name).startsWith(name + ":" + want[0] + ":" + want[1] + ": ");
            }
        }
    }
}
