package org.cloak.deid.pseudo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntPredicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sequential numbers for keys found during discovery. Keys are collected from any number of
 * threads, then sorted (by earliest date when one is given, then in {@link NaturalOrder}) and
 * numbered from {@code start}, so the numbers depend only on the set of keys. A key first seen
 * after {@link #freeze()} gets the next free number in arrival order, with a warning, since
 * only then can its number depend on timing.
 */
final class Numbering {
    private static final Logger LOG = LoggerFactory.getLogger(Numbering.class);
    /** Keys without a date carry {@link LocalDate#MAX}, so they come after all dated ones. */
    private static final Comparator<Map.Entry<String, LocalDate>> ORDER =
            Map.Entry.<String, LocalDate>comparingByValue().thenComparing(Map.Entry::getKey, NaturalOrder.INSTANCE);

    private final String what;
    private final IntPredicate usable;
    private final Map<String, LocalDate> found = new ConcurrentHashMap<>();
    private final Map<String, Integer> numbers = new ConcurrentHashMap<>();
    private volatile boolean frozen;
    private int next;

    /**
     * @param what what is numbered, for the warning (e.g. "top folder")
     * @param start first number
     * @param usable false for numbers that must be skipped (their ID is taken by a mapping file)
     */
    Numbering(String what, int start, IntPredicate usable) {
        this.what = what;
        this.usable = usable;
        this.next = start;
    }

    /** Records a key; the earliest non-null date of a key decides its place. Thread-safe. */
    void observe(String key, LocalDate date) {
        found.merge(key, date == null ? LocalDate.MAX : date, (a, b) -> a.isBefore(b) ? a : b);
    }

    /** Numbers every key observed so far in sorted order. */
    synchronized void freeze() {
        List<Map.Entry<String, LocalDate>> keys = new ArrayList<>();
        found.forEach((k, d) -> keys.add(Map.entry(k, d)));
        keys.sort(ORDER);
        for (Map.Entry<String, LocalDate> e : keys) {
            numbers.put(e.getKey(), take());
        }
        frozen = true;
    }

    /** The key's number; a key not seen before {@link #freeze()} is numbered now. Thread-safe. */
    int numberOf(String key) {
        if (!frozen) {
            throw new IllegalStateException("numbers are assigned after discovery");
        }
        Integer n = numbers.get(key);
        return n != null ? n : late(key);
    }

    private synchronized int late(String key) {
        Integer n = numbers.get(key);
        if (n == null) {
            n = take();
            numbers.put(key, n);
            LOG.warn("A {} not seen during discovery was numbered {} in arrival order", what, n);
        }
        return n;
    }

    private int take() {
        while (!usable.test(next)) {
            next++;
        }
        return next++;
    }
}
