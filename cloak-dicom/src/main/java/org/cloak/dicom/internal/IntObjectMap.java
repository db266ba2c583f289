package org.cloak.dicom.internal;

/**
 * Open-addressing hash map from int keys to non-null values, with linear probing.
 * Exists so that tag lookups on the parser hot path do not box the key. Every int is a valid
 * key (tag 0x00000000 included): a slot is empty when its value is null. Not thread-safe for
 * writers; safe to read concurrently once fully built and safely published.
 */
public final class IntObjectMap<V> {
    private int[] keys;
    private Object[] values;
    private int size;
    private int shift;

    public IntObjectMap() { this(16); }

    /** A map that holds {@code expected} entries without growing. */
    public IntObjectMap(int expected) {
        int capacity = Integer.highestOneBit(Math.max(4, expected) * 2 - 1) << 1; // load factor <= 0.5
        allocate(capacity);
    }

    public int size() { return size; }

    /** The value for the key, or null. */
    @SuppressWarnings("unchecked")
    public V get(int key) {
        int mask = keys.length - 1;
        for (int i = slot(key); ; i = (i + 1) & mask) {
            Object v = values[i];
            if (v == null) {
                return null;
            }
            if (keys[i] == key) {
                return (V) v;
            }
        }
    }

    public boolean containsKey(int key) { return get(key) != null; }

    /** Associates the value with the key and returns the previous value, or null. */
    @SuppressWarnings("unchecked")
    public V put(int key, V value) {
        if (value == null) {
            throw new NullPointerException("null values are not supported");
        }
        if ((size + 1) * 2 > keys.length) {
            rehash(keys.length * 2);
        }
        int mask = keys.length - 1;
        for (int i = slot(key); ; i = (i + 1) & mask) {
            Object v = values[i];
            if (v == null) {
                keys[i] = key;
                values[i] = value;
                size++;
                return null;
            }
            if (keys[i] == key) {
                values[i] = value;
                return (V) v;
            }
        }
    }

    /** Fibonacci hashing: tags differ mostly in their low bits, the multiply spreads them. */
    private int slot(int key) { return (key * 0x9E3779B9) >>> shift; }

    private void allocate(int capacity) {
        keys = new int[capacity];
        values = new Object[capacity];
        shift = 32 - Integer.numberOfTrailingZeros(capacity);
    }

    @SuppressWarnings("unchecked")
    private void rehash(int capacity) {
        int[] oldKeys = keys;
        Object[] oldValues = values;
        allocate(capacity);
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldValues[i] != null) {
                put(oldKeys[i], (V) oldValues[i]);
            }
        }
    }

    @Override
    public String toString() {
        return "IntObjectMap[size=" + size + ", capacity=" + keys.length + "]";
    }
}
