package org.cloak.pipeline.quarantine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.cloak.pipeline.audit.Digests;
import org.cloak.pipeline.folder.OutputFolder;
import org.cloak.pipeline.io.AtomicFiles;
import org.cloak.pipeline.io.PrivateFolders;
import org.cloak.pipeline.source.Input;

/**
 * Keeps the files that were not written, for a person to look at: a copy of the input under a
 * neutral name and a {@code .reason.txt} beside it. Names are a hash of the input's relative
 * path, because folder and file names often hold patient names or IDs. The quarantine holds
 * original data: it lies outside the output folder (by default {@code OUT.originals/quarantine/}),
 * readable by its owner only, and must be handled like the input.
 */
public final class Quarantine {
    private static final int NAME_HEX_DIGITS = 24;

    private final Path dir;

    public Quarantine(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    /** The default quarantine of an output folder, beside it. */
    public static Quarantine in(Path outputDir) {
        return new Quarantine(OutputFolder.of(outputDir).defaultQuarantine());
    }

    public Path dir() { return dir; }

    /**
     * Copies the input into the quarantine with its reason.
     *
     * @param reason why the file was not written; names no attribute values
     * @return the neutral name the copy was given (without extension)
     */
    public String put(Input item, String reason) throws IOException {
        String name = neutralName(item);
        PrivateFolders.create(dir);
        AtomicFiles.copy(item.file(), dir.resolve(name + ".dcm"));
        // the input is named by its audit hash: its path may hold a patient's name
        AtomicFiles.writeString(dir.resolve(name + ".reason.txt"), reasonText(item.relative(), reason));
        return name;
    }

    /** The text of the {@code .reason.txt} beside a quarantined copy of the input at {@code relative}. */
    public static String reasonText(Path relative, String reason) {
        return "input-sha256: " + Digests.inputPath(relative) + "\nreason: " + reason + "\n";
    }

    /** A name derived from the relative path alone, so a rerun puts the same file in the same place. */
    public static String neutralName(Input item) {
        return neutralName(item.relative());
    }

    /** {@link #neutralName(Input)} of an input known by its path relative to its input root. */
    public static String neutralName(Path relative) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256")
                    .digest(relative.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h).substring(0, NAME_HEX_DIGITS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
