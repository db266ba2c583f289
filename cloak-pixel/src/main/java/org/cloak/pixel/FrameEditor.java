package org.cloak.pixel;

/** Changes frames in place, as a rewrite of the pixel data passes them by. */
@FunctionalInterface
public interface FrameEditor {

    /**
     * Edits one frame.
     *
     * @param index the frame's number, from 0
     * @return whether any cell changed: an unchanged frame keeps its original bytes
     */
    boolean edit(int index, Frame frame);
}
