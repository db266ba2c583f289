package org.cloak.pixel;

import java.io.IOException;

/** Changes encoded frames without decoding them (cleaning in the compressed domain), as a rewrite passes them by. */
@FunctionalInterface
public interface EncodedFrameEditor {

    /**
     * Edits one encoded frame.
     *
     * @param index the frame's number, from 0
     * @param encoded the frame's bytes, its fragments joined
     * @return the new encoded frame, or null to keep the original fragments
     */
    byte[] edit(int index, byte[] encoded) throws IOException;
}
