package org.cloak.pixel.text;

import org.cloak.pixel.region.Region;

/**
 * One word OCR read in a frame: its box in pixel coordinates, the engine's confidence (0-100)
 * and the text. The text is PHI: it is used to classify the box and is never logged, audited
 * or printed.
 */
public record TextBox(int x, int y, int width, int height, float confidence, String text) {

    /** The box grown by {@code margin} pixels on every side, as a region to blank. */
    public Region region(int margin) {
        return new Region(Math.max(0, x - margin), Math.max(0, y - margin), width + 2 * margin, height + 2 * margin);
    }

    /** "x,y,wxh" for reports. */
    public String describe() { return x + "," + y + "," + width + "x" + height; }
}
