package org.cloak.server.session;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.cloak.dicom.data.DataSet;
import org.cloak.dicom.dict.Tag;
import org.cloak.dicom.io.DicomWriter;
import org.cloak.dicom.io.TransferSyntax;
import org.cloak.pipeline.io.AtomicFiles;

/**
 * Writes de-identified instances into a session's folder, atomically (the pipeline's
 * {@link AtomicFiles}), as {@code SERIES/INSTANCE.dcm} named by their de-identified UIDs, and
 * gives back size and SHA-256 of what was written.
 */
public final class InstanceFiles {
    private static final Pattern UID = Pattern.compile("[0-9]+(\\.[0-9]+){0,63}");

    private InstanceFiles() {}

    /** A UID as a file name: itself when it is a plain UID, else a hash of it. */
    public static String name(String uid) {
        if (uid != null && uid.length() <= 64 && UID.matcher(uid).matches()) {
            return uid;
        }
        return "x" + Labels.hash(uid == null ? "" : uid).substring(0, 32);
    }

    /** Writes {@code ds} under {@code sessionDir}; returns the stored file's record. */
    public static SessionStore.StoredFile write(Path sessionDir, DataSet ds, TransferSyntax ts) throws IOException {
        String sop = name(ds.getString(Tag.SOPInstanceUID));
        String series = name(ds.getString(Tag.SeriesInstanceUID));
        String modality = ds.getString(Tag.Modality);
        Path target = sessionDir.resolve(series).resolve(sop + ".dcm");
        MessageDigest md = sha256();
        long size = AtomicFiles.write(target, ch -> DicomWriter.write(new DataSet(), ds, ts, new Hashing(ch, md)));
        return new SessionStore.StoredFile(sop, series, modality == null ? null : modality.strip(), size,
                HexFormat.of().formatHex(md.digest()));
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** A channel that digests what passes through. */
    private static final class Hashing implements WritableByteChannel {
        private final WritableByteChannel out;
        private final MessageDigest md;

        Hashing(WritableByteChannel out, MessageDigest md) {
            this.out = out;
            this.md = md;
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            ByteBuffer view = src.duplicate();
            int n = out.write(src);
            view.limit(view.position() + n);
            md.update(view);
            return n;
        }

        @Override
        public boolean isOpen() { return out.isOpen(); }

        @Override
        public void close() {
            // the file channel is closed by AtomicFiles
        }
    }
}
