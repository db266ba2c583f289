package org.cloak.pipeline.layout;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cloak.dicom.data.DataSet;
import org.cloak.dicom.dict.ElementDictionary;
import org.cloak.pipeline.source.Input;

/**
 * Names output files from their new values: {@code
 * {PatientID}/{timepoint|StudyDate|StudyInstanceUID}/series{series}/IM{index:04}.dcm}.
 * A field is {@code {name}} or {@code {name:0W}} (zero-padded to W digits); {@code a|b} takes the
 * first non-empty of several names. Names are attribute keywords (values of the de-identified
 * data set, never the original) or {@code timepoint}, {@code index}, {@code series}. Each path
 * component is sanitised ({@link PathComponents}). The syntax is in docs/layout.md.
 */
public final class TemplateLayout implements OutputLayout {
    /** NILS-like: {@code P001/M00/series1/IM0001.dcm}; the study date when the recipe gives no time points. */
    public static final String DEFAULT
            = "{PatientID}/{timepoint|StudyDate|StudyInstanceUID}/series{series}/IM{index:04}.dcm";

    private record Field(List<String> names, int width, List<Integer> tags) {}

    private final Path out;
    private final List<List<Object>> components = new ArrayList<>();

    /** @throws IllegalArgumentException naming the fault in the template */
    public TemplateLayout(Path out, String template) {
        this.out = out.toAbsolutePath().normalize();
        if (template.isBlank() || template.startsWith("/")) {
            throw new IllegalArgumentException("a layout template is a relative path with fields, e.g. " + DEFAULT);
        }
        for (String part : template.split("/")) {
            if (part.isEmpty() || part.equals(".") || part.equals("..")) {
                throw new IllegalArgumentException("empty, '.' or '..' component in layout " + template);
            }
            components.add(parse(part, template));
        }
    }

    private static List<Object> parse(String part, String template) {
        List<Object> pieces = new ArrayList<>();
        int i = 0;
        while (i < part.length()) {
            int open = part.indexOf('{', i);
            int close = open < 0 ? -1 : part.indexOf('}', open);
            if (open < 0) {
                pieces.add(part.substring(i));
                break;
            }
            if (close < 0) {
                throw new IllegalArgumentException("unclosed '{' in layout " + template);
            }
            if (open > i) {
                pieces.add(part.substring(i, open));
            }
            pieces.add(field(part.substring(open + 1, close), template));
            i = close + 1;
        }
        if (pieces.stream().anyMatch(p -> p instanceof String s && s.indexOf('}') >= 0)) {
            throw new IllegalArgumentException("unmatched '}' in layout " + template);
        }
        return pieces;
    }

    private static Field field(String spec, String template) {
        int colon = spec.indexOf(':');
        int width = 0;
        if (colon >= 0) {
            String f = spec.substring(colon + 1);
            if (!f.matches("0[1-9][0-9]?")) {
                throw new IllegalArgumentException("format '" + f + "' in layout " + template
                        + ": only zero padding such as :04 is known");
            }
            width = Integer.parseInt(f.substring(1));
            spec = spec.substring(0, colon);
        }
        List<String> names = List.of(spec.split("\\|"));
        List<Integer> tags = new ArrayList<>();
        for (String n : names) {
            int tag = n.equals("timepoint") || n.equals("index") || n.equals("series") ? -1
                    : ElementDictionary.standard().tagOf(n);
            if (tag == -1 && !(n.equals("timepoint") || n.equals("index") || n.equals("series"))) {
                throw new IllegalArgumentException("unknown field '" + n + "' in layout " + template
                        + ": use an attribute keyword, timepoint, index or series");
            }
            tags.add(tag);
        }
        return new Field(names, width, tags);
    }

    @Override
    public Path target(Input item) {
        throw new UnsupportedOperationException("a template layout needs the de-identified values");
    }

    @Override
    public Path target(Path relative, LayoutValues v) {
        Path t = out;
        for (List<Object> pieces : components) {
            StringBuilder sb = new StringBuilder();
            for (Object p : pieces) {
                sb.append(p instanceof Field f ? value(f, v) : (String) p);
            }
            t = t.resolve(PathComponents.sanitise(sb.toString()));
        }
        return t;
    }

    @Override
    public boolean pathOnly() { return false; }

    private static String value(Field f, LayoutValues v) {
        String s = "";
        for (int i = 0; i < f.names().size() && s.isEmpty(); i++) {
            s = single(f.names().get(i), f.tags().get(i), v);
        }
        if (s.isEmpty()) {
            return PathComponents.EMPTY;
        }
        s = s.length() > PathComponents.MAX ? s.substring(0, PathComponents.MAX) : s;
        return s.length() < f.width() ? "0".repeat(f.width() - s.length()) + s : s;
    }

    private static String single(String name, int tag, LayoutValues v) {
        switch (name) {
            case "timepoint":
                return v.timepoint() == null ? "" : v.timepoint();
            case "index":
                // a received instance has no discovery: its own number places it
                return v.index() > 0 ? Integer.toString(v.index()) : number(v.dataset(), "InstanceNumber");
            case "series":
                return v.series() > 0 ? Integer.toString(v.series()) : number(v.dataset(), "SeriesNumber");
            default:
                String s = v.dataset().getString(tag);
                return s == null ? "" : s.strip().replace('\\', '_');
        }
    }

    private static String number(DataSet ds, String keyword) {
        String s = ds.getString(ElementDictionary.standard().tagOf(keyword));
        return s == null ? "" : s.strip();
    }
}
