package org.cloak.pixel.region;

import java.util.List;
import org.cloak.pixel.Frame;
import org.cloak.pixel.FrameEditor;

/** Fills the same rectangles, with the same value, in every frame (burned-in annotation removal by rule). */
public final class RegionCleaner implements FrameEditor {
    private final List<Region> regions;
    private final long[] fill;

    /** @param fill one stored value per sample, e.g. from {@link Black#of} */
    public RegionCleaner(List<Region> regions, long[] fill) {
        this.regions = List.copyOf(regions);
        this.fill = fill.clone();
    }

    @Override
    public boolean edit(int index, Frame frame) {
        boolean changed = false;
        for (Region r : regions) {
            changed |= Redaction.fill(frame, r, fill);
        }
        return changed;
    }
}
