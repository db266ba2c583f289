package org.cloak.server.metrics;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * The server's counters and gauges, rendered in the Prometheus text format: files stored,
 * quarantined and rejected, bytes, jobs by outcome, errors, queue depth. Names and labels
 * never carry a value from the data.
 */
public final class Metrics {
    private final Map<String, LongAdder> counters = new ConcurrentHashMap<>();
    private final Map<String, LongSupplier> gauges = new ConcurrentHashMap<>();
    private final Map<String, String> help = new ConcurrentHashMap<>();

    /** Adds {@code n} to a counter ({@code name} may carry labels: {@code cloak_files_total{outcome="stored"}}). */
    public void add(String name, long n) {
        counters.computeIfAbsent(name, k -> new LongAdder()).add(n);
    }

    public void inc(String name) {
        add(name, 1);
    }

    public long get(String name) {
        LongAdder a = counters.get(name);
        return a == null ? 0 : a.sum();
    }

    public void gauge(String name, String description, LongSupplier value) {
        gauges.put(name, value);
        help.put(name, description);
    }

    public void describe(String family, String description) {
        help.put(family, description);
    }

    /** The Prometheus text exposition (version 0.0.4). */
    public String render() {
        StringBuilder sb = new StringBuilder();
        Map<String, TreeMap<String, Long>> families = new TreeMap<>();
        counters.forEach((k, v) -> families.computeIfAbsent(family(k), f -> new TreeMap<>()).put(k, v.sum()));
        for (Map.Entry<String, TreeMap<String, Long>> f : families.entrySet()) {
            sb.append("# HELP ").append(f.getKey()).append(' ').append(help.getOrDefault(f.getKey(), f.getKey()))
                    .append('\n').append("# TYPE ").append(f.getKey()).append(" counter\n");
            f.getValue().forEach((k, v) -> sb.append(k).append(' ').append(v).append('\n'));
        }
        new TreeMap<>(gauges).forEach((k, v) -> sb.append("# HELP ").append(k).append(' ').append(help.get(k))
                .append('\n').append("# TYPE ").append(k).append(" gauge\n").append(k).append(' ')
                .append(v.getAsLong()).append('\n'));
        return sb.toString();
    }

    private static String family(String name) {
        int brace = name.indexOf('{');
        return brace < 0 ? name : name.substring(0, brace);
    }
}
