package org.cloak.pixel.scan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cloak.pixel.region.Region;

/**
 * Region rules suggested from OCR hits: files grouped by device (Manufacturer, model) and image
 * size, the words of a group merged into rectangles (boxes that touch or lie within a margin of
 * each other become one), written as a recipe's {@code pixels.rules} in YAML for a person to check.
 */
public final class RuleProposal {
    private static final int MARGIN = 6;
    private final Map<String, List<Region.Bounds>> groups = new LinkedHashMap<>();
    private final Map<String, Integer> files = new LinkedHashMap<>();

    /** Adds one file's report. */
    public void add(PixelScan.Report r) {
        if (r.hits().isEmpty()) {
            return;
        }
        String key = r.device() + "|" + r.columns() + "|" + r.rows();
        files.merge(key, 1, Integer::sum);
        List<Region.Bounds> boxes = groups.computeIfAbsent(key, k -> new ArrayList<>());
        for (PixelScan.Hit h : r.hits()) {
            boxes.add(new Region.Bounds(Math.max(0, h.x() - MARGIN), Math.max(0, h.y() - MARGIN),
                    h.x() + h.width() + MARGIN, h.y() + h.height() + MARGIN));
        }
        groups.put(key, merge(boxes));
    }

    /** The rules as YAML ({@code pixels:} section). */
    public String yaml() {
        StringBuilder b = new StringBuilder("pixels:\n  rules:\n");
        int i = 1;
        for (Map.Entry<String, List<Region.Bounds>> g : groups.entrySet()) {
            String[] k = g.getKey().split("\\|", -1);
            b.append("    # ").append(files.get(g.getKey())).append(" files with text\n");
            b.append("    - name: proposed-").append(i++).append('\n');
            b.append("      when:\n        all:\n");
            b.append("          - {attribute: Manufacturer, equals: ").append(quote(k[0])).append("}\n");
            b.append("          - {attribute: ManufacturerModelName, equals: ").append(quote(k[1])).append("}\n");
            b.append("          - {attribute: Columns, number-equals: ").append(k[2]).append("}\n");
            b.append("          - {attribute: Rows, number-equals: ").append(k[3]).append("}\n");
            b.append("      regions:\n");
            for (Region.Bounds r : g.getValue()) {
                b.append("        - [").append(r.x0()).append(", ").append(r.y0()).append(", ").append(r.x1() - r.x0())
                        .append(", ").append(r.y1() - r.y0()).append("]\n");
            }
        }
        return b.toString();
    }

    private static String quote(String s) { return "'" + s.replace("'", "''") + "'"; }

    /** Rectangles that overlap become their bounding rectangle, until none overlap. */
    static List<Region.Bounds> merge(List<Region.Bounds> in) {
        List<Region.Bounds> out = new ArrayList<>(in);
        boolean merged = true;
        while (merged) {
            merged = false;
            outer:
            for (int i = 0; i < out.size(); i++) {
                for (int j = i + 1; j < out.size(); j++) {
                    Region.Bounds a = out.get(i);
                    Region.Bounds c = out.get(j);
                    if (a.x0() <= c.x1() && c.x0() <= a.x1() && a.y0() <= c.y1() && c.y0() <= a.y1()) {
                        out.set(i, new Region.Bounds(Math.min(a.x0(), c.x0()), Math.min(a.y0(), c.y0()),
                                Math.max(a.x1(), c.x1()), Math.max(a.y1(), c.y1())));
                        out.remove(j);
                        merged = true;
                        break outer;
                    }
                }
            }
        }
        return out;
    }
}
