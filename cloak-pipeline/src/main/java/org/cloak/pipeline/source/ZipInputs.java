package org.cloak.pipeline.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Streams a {@code .zip} archive's entries into a temporary folder (the reader needs real files
 * for bulk data), each under its normalised entry path, which becomes the item's relative path.
 * An entry whose name is absolute or climbs out with {@code ..} (zip slip) is refused and never
 * written: every file lands inside the temporary folder, itself inside the output's state folder.
 */
public final class ZipInputs {
    private ZipInputs() {}

    /** An entry that was not extracted, and why. */
    public record Refused(String entry, String reason) {}

    /** Extracts {@code zip} into {@code tmp}; items have the zip as root and the entry path as relative path. */
    public static List<InputItem> extract(Path zip, Path tmp, List<Refused> refused) throws IOException {
        List<InputItem> items = new ArrayList<>();
        Path base = tmp.toAbsolutePath().normalize();
        Files.createDirectories(base);
        try (InputStream in = Files.newInputStream(zip); ZipInputStream z = new ZipInputStream(in)) {
            ZipEntry e;
            while ((e = z.getNextEntry()) != null) {
                if (e.isDirectory()) {
                    continue;
                }
                Path rel = safeRelative(e.getName());
                if (rel == null) {
                    refused.add(new Refused(e.getName(), "entry name is absolute or leaves the archive (zip slip)"));
                    continue;
                }
                Path file = base.resolve(rel).normalize();
                if (!file.startsWith(base) || Files.exists(file)) {
                    refused.add(new Refused(e.getName(), "entry name leaves the archive or is given twice"));
                    continue;
                }
                Files.createDirectories(file.getParent());
                Files.copy(z, file, StandardCopyOption.REPLACE_EXISTING);
                items.add(new InputItem(file, zip.toAbsolutePath().normalize(), rel));
            }
        }
        return items;
    }

    /** The entry's path when it stays inside the archive: relative, no {@code ..}, no empty or drive part. */
    static Path safeRelative(String name) {
        String n = name.replace('\\', '/');
        if (n.isEmpty() || n.startsWith("/") || n.matches("^[A-Za-z]:.*") || n.indexOf('\0') >= 0) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        for (String p : n.split("/")) {
            if (p.isEmpty() || p.equals(".")) {
                continue;
            }
            if (p.equals("..")) {
                return null;
            }
            parts.add(p);
        }
        return parts.isEmpty() ? null : Path.of(String.join("/", parts));
    }
}
