package org.cloak.pipeline.run;

import org.cloak.pipeline.folder.OutputFolder;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The resume journal, {@code OUT/.cloak/journal}: append-only lines, forced to disk when
 * leaves (studies) are marked finished. {@code F leaf input-hash new-study output} for each file written, then
 * {@code DONE leaf written reused quarantined failed}. A leaf counts as finished only with its
 * DONE line, written after its files and the vault flush; a torn last line (a kill mid-append)
 * is ignored. Names no original value: leaves and inputs are SHA-256 hashes.
 */
public final class Journal implements AutoCloseable {

    /** One file of a finished leaf. */
    public record Entry(String inputHash, String study, String output) {}

    private static final int BUFFER_CHARS = 64 * 1024;

    private final FileChannel channel;
    private final StringBuilder buffer = new StringBuilder();
    private final Map<String, List<Entry>> done;

    private Journal(FileChannel channel, Map<String, List<Entry>> done) {
        this.channel = channel;
        this.done = done;
    }

    /** Opens the journal of {@code out}; {@code restart} truncates it. */
    public static Journal open(Path out, boolean restart) throws IOException {
        Path file = OutputFolder.of(out).journal();
        Files.createDirectories(file.getParent());
        Map<String, List<Entry>> done = restart || !Files.exists(file) ? new HashMap<>() : read(file);
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                restart ? StandardOpenOption.TRUNCATE_EXISTING : StandardOpenOption.APPEND);
        if (!restart) {
            ch.position(ch.size());
        }
        return new Journal(ch, done);
    }

    private static Map<String, List<Entry>> read(Path file) throws IOException {
        Map<String, List<Entry>> pending = new HashMap<>();
        Map<String, List<Entry>> done = new HashMap<>();
        String text = Files.readString(file, StandardCharsets.UTF_8);
        int end = text.lastIndexOf('\n');
        for (String line : (end < 0 ? "" : text.substring(0, end)).split("\n")) {
            String[] f = line.split("\t", 5);
            if (f[0].equals("F") && f.length == 5) {
                pending.computeIfAbsent(f[1], k -> new ArrayList<>()).add(new Entry(f[2], f[3], f[4]));
            } else if (f[0].equals("DONE") && f.length >= 2) {
                List<Entry> files = pending.remove(f[1]);
                done.computeIfAbsent(f[1], k -> new ArrayList<>()).addAll(files == null ? List.of() : files);
            } else if (f[0].equals("START") && f.length >= 2) {
                pending.remove(f[1]);
                done.remove(f[1]);
            }
        }
        return done;
    }

    /** The files of {@code leaf} when a former run finished it, else null. */
    public List<Entry> finished(String leaf) { return done.get(leaf); }

    /** Records that a leaf is processed from scratch, so what earlier attempts journalled for it is forgotten. */
    public synchronized void start(String leaf) throws IOException {
        append("START\t" + leaf + "\n");
    }

    public synchronized void file(String leaf, String inputHash, String study, String output) throws IOException {
        if (output.indexOf('\n') >= 0 || output.indexOf('\t') >= 0) {
            return; // cannot be journalled: the leaf will not count as finished and is redone next time
        }
        append("F\t" + leaf + "\t" + inputHash + "\t" + study + "\t" + output + "\n");
    }

    /** Marks a leaf finished; durable after the next {@link #force()}. Its files must be durable already. */
    public synchronized void done(String leaf, long written, long reused, long quarantined, long failed)
            throws IOException {
        append("DONE\t" + leaf + "\t" + written + "\t" + reused + "\t" + quarantined + "\t" + failed + "\n");
    }

    /** Forces what was appended to disk. */
    public synchronized void force() throws IOException {
        drain();
        channel.force(false);
    }

    /** Lines wait in memory until a force or a full buffer: one write for many files, not one each. */
    private void append(String line) throws IOException {
        buffer.append(line);
        if (buffer.length() >= BUFFER_CHARS) {
            drain();
        }
    }

    private void drain() throws IOException {
        ByteBuffer b = ByteBuffer.wrap(buffer.toString().getBytes(StandardCharsets.UTF_8));
        buffer.setLength(0);
        while (b.hasRemaining()) {
            channel.write(b);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        try {
            drain();
        } finally {
            channel.close();
        }
    }
}
