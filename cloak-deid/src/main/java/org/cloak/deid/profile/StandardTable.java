package org.cloak.deid.profile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One of the standard's tables as shipped in resources: UTF-8, LF, a header row, tab-separated,
 * no quoting (see SOURCE.md beside the tables). Columns are looked up by name so that a regenerated
 * table with a lost or renamed column fails at load instead of shifting values.
 */
final class StandardTable {
    private final String name;
    private final List<String> header;
    private final List<String[]> rows;

    private StandardTable(String name, List<String> header, List<String[]> rows) {
        this.name = name;
        this.header = header;
        this.rows = rows;
    }

    /** Reads a resource relative to {@code anchor} (a class in the resource's package). */
    static StandardTable load(Class<?> anchor, String resource) {
        try (InputStream in = anchor.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Could not find standard table " + resource);
            }
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            List<String> header = List.of(lines[0].split("\t", -1));
            List<String[]> rows = new ArrayList<>(lines.length);
            for (int i = 1; i < lines.length; i++) {
                if (lines[i].isEmpty()) {
                    continue;
                }
                String[] cells = lines[i].split("\t", -1);
                if (cells.length != header.size()) {
                    throw new IllegalStateException("Could not read " + resource + ": line " + (i + 1)
                            + " has " + cells.length + " cells, expected " + header.size());
                }
                rows.add(cells);
            }
            return new StandardTable(resource, header, List.copyOf(rows));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read standard table " + resource, e);
        }
    }

    /** Index of a column by its header name. */
    int column(String columnName) {
        int i = header.indexOf(columnName);
        if (i < 0) {
            throw new IllegalStateException("Could not find column " + columnName + " in " + name);
        }
        return i;
    }

    List<String[]> rows() { return rows; }
}
