package org.cloak.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.cloak.pipeline.vault.KeySource;
import org.cloak.pipeline.vault.Vault;

/** Comparisons of two runs' results: trees byte for byte, audit rows, vault maps. */
final class Trees {
    private Trees() {}

    /** Relative path -> bytes of every file under {@code root}, but {@code skip} (a relative folder) and below. */
    static Map<String, byte[]> files(Path root, String skip) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                String rel = root.relativize(p).toString();
                if (skip == null || !rel.startsWith(skip)) {
                    out.put(rel, Files.readAllBytes(p));
                }
            }
        }
        return out;
    }

    /** Asserts the two trees hold the same names with the same bytes. */
    static void assertSame(Path expected, Path actual, String skip) throws IOException {
        Map<String, byte[]> a = files(expected, skip);
        Map<String, byte[]> b = files(actual, skip);
        assertThat(b.keySet()).containsExactlyElementsOf(a.keySet());
        a.forEach((k, v) -> assertThat(b.get(k)).as(k).isEqualTo(v));
    }

    /** The audit CSV's rows without the time column, sorted. */
    static List<String> auditRows(Path csv) throws IOException {
        List<String> rows = new ArrayList<>();
        for (String line : Files.readAllLines(csv)) {
            String[] cells = line.split(",", -1);
            List<String> keep = new ArrayList<>(List.of(cells));
            keep.remove(7); // time: when the file was done
            rows.add(String.join(",", keep));
        }
        String header = rows.remove(0);
        rows.sort(null);
        rows.add(0, header);
        return rows;
    }

    /**
     * The vault's patients as CSV. The UID records a batch run adds are left out: the Spark job
     * does not collect them yet.
     */
    static String vaultMap(Path dir, KeySource key) throws IOException {
        try (Vault v = Vault.open(dir, key)) {
            StringWriter w = new StringWriter();
            v.exportPatientMap(w);
            return w.toString();
        }
    }

    /** Copies a folder tree. */
    static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
    }

    /** The default quarantine of an output folder: beside it, in OUT.originals. */
    static Path quarantine(Path out) {
        return out.resolveSibling(out.getFileName() + ".originals").resolve("quarantine");
    }
}
