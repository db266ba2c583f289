package org.cloak.dicom.dict;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Minimal reader for the bundled standard tables (UTF-8, LF, one header row, no quoting).
 * Hand-rolled rather than String.split: the dictionary is read at startup, mostly by the
 * interpreter, and fewer calls and allocations per cell keep its load time low.
 */
final class Tsv {
    private final List<String> header;
    private final List<String[]> rows;

    private Tsv(List<String> header, List<String[]> rows) {
        this.header = header;
        this.rows = rows;
    }

    /** Reads a resource next to this class. */
    static Tsv resource(String name) {
        try (InputStream in = Tsv.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }

    static Tsv read(InputStream in) throws IOException {
        String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        int end = text.indexOf('\n');
        List<String> header = List.of(cells(text, 0, end < 0 ? text.length() : end));
        List<String[]> rows = new ArrayList<>(text.length() / 64);
        for (int start = end + 1; end >= 0 && start < text.length(); start = end + 1) {
            end = text.indexOf('\n', start);
            int stop = end < 0 ? text.length() : end;
            if (stop > start) {
                String[] cells = cells(text, start, stop);
                if (cells.length != header.size()) {
                    throw new IllegalStateException("expected " + header.size() + " cells: "
                            + text.substring(start, stop));
                }
                rows.add(cells);
            }
        }
        return new Tsv(header, rows);
    }

    /** Index of a column by header name; fails fast when a table lost a column. */
    int column(String name) {
        int i = header.indexOf(name);
        if (i < 0) {
            throw new IllegalStateException("no column " + name + " in " + header);
        }
        return i;
    }

    List<String[]> rows() { return rows; }

    private static String[] cells(String text, int start, int stop) {
        int n = 1;
        for (int i = text.indexOf('\t', start); i >= 0 && i < stop; i = text.indexOf('\t', i + 1)) {
            n++;
        }
        String[] cells = new String[n];
        int from = start;
        for (int k = 0; k < n - 1; k++) {
            int tab = text.indexOf('\t', from);
            cells[k] = text.substring(from, tab);
            from = tab + 1;
        }
        cells[n - 1] = text.substring(from, stop);
        return cells;
    }
}
