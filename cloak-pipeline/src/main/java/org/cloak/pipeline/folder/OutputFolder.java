package org.cloak.pipeline.folder;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Properties;
import org.cloak.pipeline.io.AtomicFiles;

/**
 * An output folder and the state Cloak keeps in it, under {@value #STATE}: the resume journal,
 * the listener's forward queue (de-identified instances), sign-offs and the folder's settings
 * (where the quarantine of the run that wrote it is). None of it identifies anyone: what holds
 * original data (the default quarantine, the listener's spool, archive entries being processed)
 * lies beside the output folder, in {@code OUT.originals/} (see {@link #originals()}), so that
 * shipping the output folder never ships PHI. Every module asks this class for these paths;
 * commands that walk an output tree skip {@link #state()}.
 */
public final class OutputFolder {
    /** The state folder's name, at the top of the output folder. */
    public static final String STATE = ".cloak";
    /** What the folder of originals beside an output folder adds to its name. */
    public static final String ORIGINALS_SUFFIX = ".originals";
    private static final String QUARANTINE_KEY = "quarantine";
    private static final String SETTINGS_KEY = "settings-sha256";

    private final Path root;

    private OutputFolder(Path root) {
        this.root = root;
    }

    public static OutputFolder of(Path root) {
        return new OutputFolder(root);
    }

    public Path root() { return root; }

    public Path state() { return root.resolve(STATE); }

    /** Whether {@code relative} (to the root) lies in the state folder. */
    public static boolean isState(Path relative) {
        return relative.getNameCount() > 0 && relative.getName(0).toString().equals(STATE);
    }

    public Path journal() { return state().resolve("journal"); }

    /**
     * The folder beside the output folder that holds its original data: {@code OUT.originals} for
     * {@code OUT}. Create it with {@link org.cloak.pipeline.io.PrivateFolders#create}.
     */
    public Path originals() {
        Path abs = root.toAbsolutePath().normalize();
        if (abs.getParent() == null || abs.getFileName() == null) {
            throw new IllegalArgumentException("an output folder must not be a file system root: " + root);
        }
        return abs.resolveSibling(abs.getFileName() + ORIGINALS_SUFFIX);
    }

    /** Whether {@code path} lies in the output folder (where originals must never go). */
    public boolean contains(Path path) {
        return path.toAbsolutePath().normalize().startsWith(root.toAbsolutePath().normalize());
    }

    /** The quarantine used when none is given, beside the output folder. */
    public Path defaultQuarantine() { return originals().resolve("quarantine"); }

    /** Where the listener receives instances before they are de-identified, beside the output folder. */
    public Path spool() { return originals().resolve("spool"); }

    public Path forward() { return state().resolve("forward"); }

    public Path signOffs() { return state().resolve("signoff.jsonl"); }

    /** Where archive entries are extracted while they are processed, beside the output folder. */
    public Path tmp() { return originals().resolve("tmp"); }

    public Path settings() { return state().resolve("settings.properties"); }

    /** Records where this folder's quarantine is, so that verify and review find it. */
    public void recordQuarantine(Path quarantine) throws IOException {
        record(QUARANTINE_KEY, quarantine.toAbsolutePath().normalize().toString());
    }

    /**
     * The digest of the settings (recipe, profile, options, layout) the folder's outputs were made
     * with, or null for a folder not written by a run that recorded them.
     */
    public String settingsDigest() throws IOException {
        return readSettings().getProperty(SETTINGS_KEY);
    }

    /** Records the digest of the settings the folder's outputs are made with. */
    public void recordSettingsDigest(String digest) throws IOException {
        record(SETTINGS_KEY, digest);
    }

    private void record(String key, String value) throws IOException {
        Properties p = readSettings();
        p.setProperty(key, value);
        Files.createDirectories(state());
        StringWriter text = new StringWriter();
        p.store(text, "Cloak output folder settings");
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(settings(), ch -> ch.write(ByteBuffer.wrap(bytes)));
    }

    /** The quarantine of the run that wrote this folder: the recorded one, else the default. */
    public Path quarantine() {
        try {
            String q = readSettings().getProperty(QUARANTINE_KEY);
            return q == null ? defaultQuarantine() : Path.of(q);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the settings of output folder " + root, e);
        }
    }

    private Properties readSettings() throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(settings(), StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (NoSuchFileException none) {
            // a folder written before settings were kept, or not by a run
        }
        return p;
    }
}
