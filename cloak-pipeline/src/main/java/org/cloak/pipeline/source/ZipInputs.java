package org.cloak.pipeline.source;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
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
        return extract(zip, tmp, refused, false);
    }

    /**
     * As {@link #extract(Path, Path, List)}; with {@code neutralNames} each file is written as
     * {@code tmp/N.dcm} (N the entry's position in the archive) rather than under its entry path,
     * so that no folder or file name of the archive, which may name a patient, reaches the disk;
     * the item's relative path is still the entry path. A damaged archive then ends the listing
     * with a refused entry {@code "(archive)"} instead of an exception: what came before it is kept.
     */
    public static List<InputItem> extract(Path zip, Path tmp, List<Refused> refused, boolean neutralNames)
            throws IOException {
        List<InputItem> items = new ArrayList<>();
        Path base = tmp.toAbsolutePath().normalize();
        Files.createDirectories(base);
        int index = 0;
        try (InputStream in = Files.newInputStream(zip); ZipInputStream z = new ZipInputStream(in)) {
            ZipEntry e;
            while ((e = next(z, neutralNames, refused)) != null) {
                if (e.isDirectory()) {
                    continue;
                }
                index++;
                Path rel = safeRelative(e.getName());
                if (rel == null) {
                    refused.add(new Refused(e.getName(), "entry name is absolute or leaves the archive (zip slip)"));
                    continue;
                }
                Path file = neutralNames ? base.resolve(index + ".dcm") : base.resolve(rel).normalize();
                if (!file.startsWith(base) || Files.exists(file)) {
                    refused.add(new Refused(e.getName(), "entry name leaves the archive or is given twice"));
                    continue;
                }
                Files.createDirectories(file.getParent());
                if (!copy(z, file, neutralNames, refused, e.getName())) {
                    break;
                }
                items.add(new InputItem(file, zip.toAbsolutePath().normalize(), rel));
            }
        }
        return items;
    }

    private static ZipEntry next(ZipInputStream z, boolean lenient, List<Refused> refused) throws IOException {
        try {
            return z.getNextEntry();
        } catch (ZipException e) {
            if (!lenient) {
                throw e;
            }
            refused.add(new Refused("(archive)", "the archive is damaged: " + e.getMessage()));
            return null;
        }
    }

    private static boolean copy(ZipInputStream z, Path file, boolean lenient, List<Refused> refused, String entry)
            throws IOException {
        try {
            Files.copy(z, file, StandardCopyOption.REPLACE_EXISTING);
            return true;
        } catch (ZipException | EOFException e) {
            if (!lenient) {
                throw e;
            }
            Files.deleteIfExists(file);
            refused.add(new Refused(entry, "the archive is damaged in this entry: " + e.getMessage()));
            return false;
        }
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
