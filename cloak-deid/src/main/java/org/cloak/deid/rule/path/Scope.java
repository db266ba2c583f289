package org.cloak.deid.rule.path;

import java.util.Arrays;
import org.cloak.dicom.data.DataSet;
import org.cloak.dicom.dict.Tags;

/**
 * Where the attributes being decided sit: the original top-level data set, the original item that
 * holds them, and the path between the two as the sequence tag, its private creator and the item
 * index of each level. The engine makes one per item it walks into, never one per attribute.
 */
public final class Scope {
    private static final int[] NO_LEVELS = {};
    private static final String[] NO_CREATORS = {};

    private final DataSet original;
    private final DataSet item;
    private final int[] sequenceTags;
    private final int[] itemIndices;
    private final String[] creators;
    /** {@link #path()}, built on first use: only items with a recorded change need it. */
    private String path;

    private Scope(DataSet original, DataSet item, int[] sequenceTags, int[] itemIndices, String[] creators) {
        this.original = original;
        this.item = item;
        this.sequenceTags = sequenceTags;
        this.itemIndices = itemIndices;
        this.creators = creators;
    }

    /** The top level of a data set: its attributes are in no sequence. */
    public static Scope top(DataSet original) {
        return new Scope(original, original, NO_LEVELS, NO_LEVELS, NO_CREATORS);
    }

    /**
     * The scope of an item one level down.
     *
     * @param creator the private creator of a private sequence, else null
     */
    public Scope enter(int sequenceTag, String creator, int index, DataSet child) {
        int d = sequenceTags.length;
        int[] tags = Arrays.copyOf(sequenceTags, d + 1);
        int[] items = Arrays.copyOf(itemIndices, d + 1);
        String[] owners = Arrays.copyOf(creators, d + 1);
        tags[d] = sequenceTag;
        items[d] = index;
        owners[d] = creator;
        return new Scope(original, child, tags, items, owners);
    }

    /** The original top-level data set. */
    public DataSet original() { return original; }

    /** The original item holding the attributes (the top level itself at depth 0). */
    public DataSet item() { return item; }

    /** Number of sequences around the item: 0 at the top level. */
    public int depth() { return sequenceTags.length; }

    /** The sequence tag of a level, 0 the outermost. */
    public int sequenceTag(int level) { return sequenceTags[level]; }

    /** The private creator of a level's sequence, or null for a standard one. */
    public String creator(int level) { return creators[level]; }

    /** The item index within a level's sequence, from 0. */
    public int itemIndex(int level) { return itemIndices[level]; }

    /** The item's path as audit events write it, e.g. "(0040,0275)[0]"; "" at the top level. */
    public String path() {
        if (path == null) {
            path = buildPath();
        }
        return path;
    }

    private String buildPath() {
        if (sequenceTags.length == 0) {
            return "";
        }
        StringBuilder sb = new StringBuilder(16 * sequenceTags.length);
        for (int i = 0; i < sequenceTags.length; i++) {
            sb.append(Tags.toString(sequenceTags[i])).append('[').append(itemIndices[i]).append(']');
        }
        return sb.toString();
    }
}
