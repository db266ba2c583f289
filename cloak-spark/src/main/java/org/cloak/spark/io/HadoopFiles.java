package org.cloak.spark.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;
import java.util.Locale;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.cloak.pipeline.io.AtomicFiles;

/**
 * Files on a Hadoop file system, written so that no reader ever sees half a file, whichever
 * task attempt writes: the content goes to a temporary name in the target's folder
 * ({@link AtomicFiles#TEMP_PREFIX}, as {@code cloak run}'s), then is renamed to the target.
 * When the target is already there, another attempt of the same task made it, with the same
 * bytes (outputs are deterministic), and the temporary file is deleted. On object stores whose
 * rename is a copy ({@code s3a}), an upload is already all or nothing: the object is written
 * under its name directly. The local file system is used without checksum files, so an output
 * folder holds the outputs only; its files are written with the pipeline's {@link AtomicFiles}
 * (Hadoop's local file system sets each new file's permissions by running {@code chmod}, which
 * costs more than de-identifying a small file).
 */
public final class HadoopFiles {
    /** Writes content into an open channel. */
    @FunctionalInterface
    public interface Content {
        void writeTo(WritableByteChannel ch) throws IOException;
    }

    private HadoopFiles() {}

    /** The file system of {@code p}; the local one without its checksum files. */
    public static FileSystem fs(Path p, Configuration conf) throws IOException {
        FileSystem fs = p.getFileSystem(conf);
        return fs instanceof LocalFileSystem local ? local.getRaw() : fs;
    }

    /** The local path of {@code p} when its file system is the local one, else null. */
    public static java.nio.file.Path local(FileSystem fs, Path p) {
        String scheme = fs.getUri().getScheme();
        return scheme != null && scheme.equals("file") ? java.nio.file.Path.of(p.toUri().getPath()) : null;
    }

    /** Whether the store's uploads are atomic and its rename a copy (S3 through s3a). */
    static boolean directUpload(FileSystem fs) {
        String scheme = fs.getUri().getScheme();
        return scheme != null && scheme.toLowerCase(Locale.ROOT).startsWith("s3");
    }

    /**
     * Writes {@code target} atomically, creating its folders.
     *
     * @return the bytes written
     */
    public static long write(FileSystem fs, Path target, Content content) throws IOException {
        java.nio.file.Path local = local(fs, target);
        if (local != null) {
            // made durable per study, before its journal entry
            return AtomicFiles.writeUnforced(local, content::writeTo);
        }
        if (directUpload(fs)) {
            try (OutputStream out = fs.create(target, true)) {
                return copy(content, out);
            }
        }
        fs.mkdirs(target.getParent());
        Path temp = new Path(target.getParent(), AtomicFiles.TEMP_PREFIX + UUID.randomUUID() + AtomicFiles.TEMP_SUFFIX);
        boolean moved = false;
        try {
            long n;
            try (OutputStream out = fs.create(temp, false)) {
                n = copy(content, out);
            }
            moved = fs.rename(temp, target);
            if (!moved && !fs.exists(target)) {
                throw new IOException("could not rename a temporary file to its output name");
            }
            return n;
        } finally {
            if (!moved) {
                fs.delete(temp, false);
            }
        }
    }

    /** Replaces {@code target} atomically (a journal entry, a settings file): the new content wins. */
    public static void replace(FileSystem fs, Path target, byte[] content) throws IOException {
        java.nio.file.Path local = local(fs, target);
        if (local != null) {
            AtomicFiles.write(local, ch -> ch.write(java.nio.ByteBuffer.wrap(content)));
            return;
        }
        if (directUpload(fs)) {
            try (OutputStream out = fs.create(target, true)) {
                out.write(content);
            }
            return;
        }
        fs.mkdirs(target.getParent());
        Path temp = new Path(target.getParent(), AtomicFiles.TEMP_PREFIX + UUID.randomUUID() + AtomicFiles.TEMP_SUFFIX);
        try {
            try (OutputStream out = fs.create(temp, false)) {
                out.write(content);
            }
            fs.delete(target, false);
            if (!fs.rename(temp, target)) {
                throw new IOException("could not rename a temporary file to its final name");
            }
        } finally {
            fs.delete(temp, false);
        }
    }

    /** Reads a whole file. */
    public static byte[] read(FileSystem fs, Path file, long size) throws IOException {
        if (size > Integer.MAX_VALUE - 8) {
            throw new IOException("larger than the 2 GB a file can be held in memory");
        }
        java.nio.file.Path local = local(fs, file);
        if (local != null) {
            return java.nio.file.Files.readAllBytes(local);
        }
        byte[] data = new byte[(int) size];
        try (FSDataInputStream in = fs.open(file)) {
            in.readFully(0, data);
        }
        return data;
    }

    /** Deletes the temporary files an attempt that was killed left in {@code folder}; returns how many. */
    public static int deleteTemporaries(FileSystem fs, Path folder) throws IOException {
        if (!fs.exists(folder)) {
            return 0;
        }
        int n = 0;
        for (FileStatus st : fs.listStatus(folder)) {
            String name = st.getPath().getName();
            if (st.isFile() && name.startsWith(AtomicFiles.TEMP_PREFIX) && name.endsWith(AtomicFiles.TEMP_SUFFIX)
                    && fs.delete(st.getPath(), false)) {
                n++;
            }
        }
        return n;
    }

    private static long copy(Content content, OutputStream out) throws IOException {
        CountingStream counting = new CountingStream(out);
        WritableByteChannel ch = Channels.newChannel(counting);
        content.writeTo(ch);
        counting.flush();
        return counting.count;
    }

    private static final class CountingStream extends java.io.FilterOutputStream {
        long count;

        CountingStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }
}
