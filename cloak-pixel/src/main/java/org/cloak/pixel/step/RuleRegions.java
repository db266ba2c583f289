package org.cloak.pixel.step;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.cloak.deid.pixel.PixelRegion;
import org.cloak.deid.pixel.PixelRule;
import org.cloak.dicom.data.DataSet;
import org.cloak.dicom.data.Sequence;
import org.cloak.dicom.dict.Tag;
import org.cloak.pixel.region.Region;

/** The rectangles the matching rules blank in every frame of one image. */
final class RuleRegions {
    private RuleRegions() {}

    /**
     * The rules' rectangles, and for keep-ultrasound-regions rules everything outside the
     * Sequence of Ultrasound Regions (PS3.3 C.8.5.5); an image without such regions is blanked whole.
     */
    static List<Region> of(List<PixelRule> rules, DataSet ds, int columns, int rows) {
        List<Region> out = new ArrayList<>();
        for (PixelRule r : rules) {
            if (r.mode() == PixelRule.Mode.REGIONS) {
                for (PixelRegion p : r.regions()) {
                    out.add(new Region(p.x(), p.y(), p.width(), p.height()));
                }
            } else {
                out.addAll(outside(ultrasoundRegions(ds, columns, rows), columns, rows));
            }
        }
        return out;
    }

    private static List<Region.Bounds> ultrasoundRegions(DataSet ds, int columns, int rows) {
        List<Region.Bounds> kept = new ArrayList<>();
        Sequence seq = ds.getSequence(Tag.SequenceOfUltrasoundRegions);
        if (seq == null) {
            return kept;
        }
        for (DataSet item : seq.items()) {
            int x0 = item.getInt(Tag.RegionLocationMinX0, -1);
            int y0 = item.getInt(Tag.RegionLocationMinY0, -1);
            int x1 = item.getInt(Tag.RegionLocationMaxX1, -1);
            int y1 = item.getInt(Tag.RegionLocationMaxY1, -1);
            if (x0 >= 0 && y0 >= 0 && x1 >= x0 && y1 >= y0) {
                kept.add(new Region.Bounds(x0, y0, Math.min(columns, x1 + 1), Math.min(rows, y1 + 1)));
            }
        }
        return kept;
    }

    /** The cells of the grid the kept rectangles' edges make that no kept rectangle covers. */
    static List<Region> outside(List<Region.Bounds> kept, int columns, int rows) {
        TreeSet<Integer> xs = new TreeSet<>(List.of(0, columns));
        TreeSet<Integer> ys = new TreeSet<>(List.of(0, rows));
        for (Region.Bounds b : kept) {
            xs.add(b.x0());
            xs.add(b.x1());
            ys.add(b.y0());
            ys.add(b.y1());
        }
        List<Integer> xl = new ArrayList<>(xs);
        List<Integer> yl = new ArrayList<>(ys);
        List<Region> out = new ArrayList<>();
        for (int j = 0; j + 1 < yl.size(); j++) {
            for (int i = 0; i + 1 < xl.size(); i++) {
                int x0 = xl.get(i);
                int y0 = yl.get(j);
                int x1 = xl.get(i + 1);
                int y1 = yl.get(j + 1);
                if (x1 > x0 && y1 > y0 && !covered(kept, x0, y0)) {
                    out.add(new Region(x0, y0, x1 - x0, y1 - y0));
                }
            }
        }
        return out;
    }

    private static boolean covered(List<Region.Bounds> kept, int x, int y) {
        for (Region.Bounds b : kept) {
            if (x >= b.x0() && x < b.x1() && y >= b.y0() && y < b.y1()) {
                return true;
            }
        }
        return false;
    }
}
