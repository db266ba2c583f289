package org.cloak.deid.rule;

import java.util.Map;

/**
 * Rule indices by tag in an open-addressing table: the engine asks once per attribute, and a
 * boxed {@code Map<Integer, ...>} lookup cost more than the rest of the decision.
 */
final class TagIndex {
    private final int[] keys;
    private final int[][] values; // null marks a free slot
    private final int mask;
    private final int shift;

    TagIndex(Map<Integer, int[]> entries) {
        int capacity = Integer.highestOneBit(Math.max(4, entries.size() * 2 - 1)) << 1; // load <= 1/2
        keys = new int[capacity];
        values = new int[capacity][];
        mask = capacity - 1;
        shift = Integer.numberOfLeadingZeros(capacity) + 1;
        entries.forEach((tag, idx) -> {
            int i = slot(tag);
            while (values[i] != null) {
                i = (i + 1) & mask;
            }
            keys[i] = tag;
            values[i] = idx;
        });
    }

    /** The indices stored for a tag, or null. */
    int[] get(int tag) {
        for (int i = slot(tag); ; i = (i + 1) & mask) {
            int[] v = values[i];
            if (v == null || keys[i] == tag) {
                return v;
            }
        }
    }

    /** Fibonacci hashing: the top bits of the product mix every bit of the group and element. */
    private int slot(int tag) {
        return (tag * 0x9E3779B9) >>> shift;
    }
}
