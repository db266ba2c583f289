package org.cloak.deid.verify;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects findings from the worker threads; values are masked here, as they arrive, unless shown. */
public final class FindingSink {
    private final boolean showValues;
    private final List<Finding> findings = new ArrayList<>();

    public FindingSink(boolean showValues) {
        this.showValues = showValues;
    }

    public void add(FindingKind kind, String file, String path, String keyword, String rule, String detail,
            String value) {
        Finding f = new Finding(kind.severity(), kind, file, path, keyword == null ? "" : keyword,
                rule == null ? "" : rule, detail == null ? "" : detail, showValues ? nz(value) : Masking.mask(value));
        synchronized (findings) {
            findings.add(f);
        }
    }

    /** Sorted by file, then path, then kind, so a report does not depend on thread scheduling. */
    public List<Finding> sorted() {
        synchronized (findings) {
            List<Finding> out = new ArrayList<>(findings);
            out.sort(Comparator.comparing(Finding::file).thenComparing(Finding::path)
                    .thenComparing(Finding::kind).thenComparing(Finding::detail).thenComparing(Finding::value));
            return out;
        }
    }

    private static String nz(String s) { return s == null ? "" : s; }
}
