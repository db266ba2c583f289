package org.cloak.net.scu;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Hands results to the listener in the order of the files given, although a skipped file is
 * known as soon as it is scanned and a sent one only when its batch goes out. Holds at most a
 * batch's worth of early results.
 */
final class OrderedReport {
    private final Consumer<StoreResult> listener;
    private final List<StoreResult> all = new ArrayList<>();
    private final Map<Integer, StoreResult> early = new HashMap<>();
    private int next;

    OrderedReport(Consumer<StoreResult> listener) {
        this.listener = listener;
    }

    /** The result of the file at {@code index} of the input list. */
    void add(int index, StoreResult result) {
        early.put(index, result);
        StoreResult r;
        while ((r = early.remove(next)) != null) {
            all.add(r);
            listener.accept(r);
            next++;
        }
    }

    List<StoreResult> results() {
        if (!early.isEmpty()) {
            throw new IllegalStateException(early.size() + " results are still waiting for earlier ones");
        }
        return all;
    }
}
