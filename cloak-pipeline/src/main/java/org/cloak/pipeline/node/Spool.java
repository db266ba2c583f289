package org.cloak.pipeline.node;

import org.cloak.pipeline.folder.OutputFolder;
import org.cloak.pipeline.io.PrivateFolders;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.cloak.net.scp.Part10Header;
import org.cloak.net.scp.StoreRequest;

/**
 * Where received instances wait, as Part 10 files, while they are de-identified: the engine
 * reads headers from the file and leaves pixel data in it. A spool file holds original data and
 * lives only until its instance is written or quarantined; files left by a crash were never
 * acknowledged to the sender (it sends them again) and are removed at start.
 */
final class Spool {
    /** Location relative to the output folder. */
    private static final String SUFFIX = ".dcm";
    private static final int BUFFER = 64 * 1024;

    private final Path dir;

    private Spool(Path dir) {
        this.dir = dir;
    }

    /** The spool of an output folder, emptied of files left by an earlier process. */
    static Spool open(Path outputDir) throws IOException {
        Path dir = PrivateFolders.create(OutputFolder.of(outputDir).spool());
        try (DirectoryStream<Path> left = Files.newDirectoryStream(dir)) {
            for (Path p : left) {
                if (!p.getFileName().toString().equals(PrivateFolders.MARKER)) {
                    Files.deleteIfExists(p);
                }
            }
        }
        return new Spool(dir);
    }

    /** The outcome of receiving one data set: the file, or null when the disk failed. */
    record Received(Path file) {
        boolean ok() { return file != null; }
    }

    /**
     * Writes preamble, file meta and the data set as it arrives. A failure of the stream (the
     * association broke) is thrown; a failure of the disk returns a result without file, and
     * the rest of the data set is left for the server to drain.
     */
    Received receive(StoreRequest request, InputStream dataSet) throws IOException {
        Path file;
        FileChannel ch;
        try {
            file = Files.createTempFile(dir, "in-", SUFFIX);
            ch = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            return new Received(null);
        }
        boolean complete = false;
        try (ch) {
            if (!write(ch, ByteBuffer.wrap(Part10Header.encode(request)))) {
                return new Received(null);
            }
            byte[] buf = new byte[BUFFER];
            int n;
            while ((n = dataSet.read(buf)) >= 0) {
                if (!write(ch, ByteBuffer.wrap(buf, 0, n))) {
                    return new Received(null);
                }
            }
            complete = true;
            return new Received(file);
        } finally {
            if (!complete) {
                delete(file);
            }
        }
    }

    private static boolean write(FileChannel ch, ByteBuffer b) {
        try {
            while (b.hasRemaining()) {
                ch.write(b);
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // removed again at the next start
        }
    }
}
