package org.cloak.pixel.encap;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.cloak.dicom.data.Value;
import org.cloak.dicom.dict.Tag;
import org.cloak.pixel.FrameCodec;
import org.cloak.pixel.PixelFormatException;
import org.cloak.pixel.value.ValueBytes;

/**
 * Which fragments hold which frame (PS3.5 A.4): from the Extended Offset Table or the Basic
 * Offset Table when there is one, else one frame per fragment when the counts match, else
 * from the marks that start a frame in the codec's format.
 */
final class FrameIndex {
    private FrameIndex() {}

    /**
     * The index of each frame's first fragment, plus one entry past the last.
     *
     * @param offsets frame offsets from the first fragment's item tag (an offset table), or null
     */
    static int[] firstFragments(List<Value> fragments, int frames, long[] offsets, FrameCodec codec)
            throws IOException {
        int k = fragments.size();
        if (k == 0) {
            throw new PixelFormatException(Tag.PixelData, "holds no fragment");
        }
        int[] first = new int[frames + 1];
        first[frames] = k;
        if (offsets != null) {
            fromOffsets(fragments, offsets, first);
        } else if (frames == 1) {
            first[0] = 0;
        } else if (k == frames) {
            for (int n = 0; n < frames; n++) {
                first[n] = n;
            }
        } else {
            fromMarks(fragments, frames, codec, first);
        }
        return first;
    }

    /** The entries of a Basic Offset Table item (32-bit little endian), or null when it is empty. */
    static long[] basicOffsets(Value table, int frames) throws IOException {
        if (table.length() == 0) {
            return null;
        }
        if (table.length() != 4L * frames) {
            throw new PixelFormatException(Tag.PixelData, "has a Basic Offset Table of " + table.length()
                    + " bytes for " + frames + " frames");
        }
        ByteBuffer b = ByteBuffer.wrap(ValueBytes.readAll(table)).order(ByteOrder.LITTLE_ENDIAN);
        long[] offsets = new long[frames];
        for (int n = 0; n < frames; n++) {
            offsets[n] = Integer.toUnsignedLong(b.getInt());
        }
        return offsets;
    }

    /** Offsets of the fragment items from the first one's tag: 8 header bytes and the even value each. */
    static long[] itemPositions(List<Value> fragments) {
        long[] pos = new long[fragments.size() + 1];
        for (int i = 0; i < fragments.size(); i++) {
            long len = fragments.get(i).length();
            pos[i + 1] = pos[i] + 8 + len + (len & 1);
        }
        return pos;
    }

    private static void fromOffsets(List<Value> fragments, long[] offsets, int[] first) {
        long[] pos = itemPositions(fragments);
        int i = 0;
        for (int n = 0; n < offsets.length; n++) {
            while (i < fragments.size() && pos[i] < offsets[n]) {
                i++;
            }
            if (i == fragments.size() || pos[i] != offsets[n] || (n > 0 && i <= first[n - 1])) {
                throw new PixelFormatException(Tag.PixelData, "has an offset table whose entry " + (n + 1)
                        + " is not the start of a fragment after the previous frame");
            }
            first[n] = i;
        }
    }

    private static void fromMarks(List<Value> fragments, int frames, FrameCodec codec, int[] first)
            throws IOException {
        List<Integer> starts = new ArrayList<>();
        for (int i = 0; i < fragments.size(); i++) {
            Value v = fragments.get(i);
            if (codec.startsFrame(ValueBytes.read(v, 0, (int) Math.min(4, v.length())))) {
                starts.add(i);
            }
        }
        if (starts.size() != frames || starts.get(0) != 0) {
            throw new PixelFormatException(Tag.PixelData, "has " + fragments.size() + " fragments for " + frames
                    + " frames and no offset table to tell which belong to which");
        }
        for (int n = 0; n < frames; n++) {
            first[n] = starts.get(n);
        }
    }
}
