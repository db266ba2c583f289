package org.cloak.pipeline.audit;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.CipherInputStream;
import javax.crypto.CipherOutputStream;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.cloak.deid.audit.AuditEvent;

/**
 * Audit records on disk while a run goes on, so memory does not grow with the corpus. The file
 * is encrypted (AES-CTR) under a key that exists only in this object's memory: when records
 * hold original values, a copy of the temporary file, or one left by a crash, shows nothing.
 * Not thread-safe; {@link AuditLog} serialises access.
 */
final class RecordSpool implements AutoCloseable {
    private final Path file;
    private final SecretKeySpec key;
    private final byte[] iv;
    private final DataOutputStream out;
    private long count;

    RecordSpool(Path dir) throws IOException {
        Files.createDirectories(dir);
        file = dir.getFileSystem().supportedFileAttributeViews().contains("posix")
                ? Files.createTempFile(dir, ".cloak-audit-", ".spool",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                : Files.createTempFile(dir, ".cloak-audit-", ".spool");
        file.toFile().deleteOnExit();
        SecureRandom r = new SecureRandom();
        byte[] k = new byte[16];
        r.nextBytes(k);
        key = new SecretKeySpec(k, "AES");
        iv = new byte[16];
        r.nextBytes(iv);
        out = new DataOutputStream(new BufferedOutputStream(
                new CipherOutputStream(Files.newOutputStream(file), cipher(Cipher.ENCRYPT_MODE)), 1 << 16));
    }

    void append(FileRecord r) throws IOException {
        writeString(r.inputHash());
        writeString(r.output());
        writeString(r.study());
        out.writeByte(r.outcome().ordinal());
        out.writeInt(r.removed());
        out.writeInt(r.modified());
        out.writeInt(r.added());
        out.writeLong(r.time().getEpochSecond());
        out.writeInt(r.time().getNano());
        writeString(r.reason());
        out.writeInt(r.changes().size());
        for (AuditEvent e : r.changes()) {
            writeString(e.path());
            writeString(e.keyword());
            out.writeByte(e.change() == null ? -1 : e.change().ordinal());
            writeString(e.action());
            writeString(e.origin());
            writeString(e.oldValue());
            writeString(e.newValue());
        }
        count++;
    }

    /** Reads every record appended so far, in order. */
    void forEach(AuditLog.RecordConsumer consumer) throws IOException {
        out.flush();
        long n = count;
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(
                new CipherInputStream(Files.newInputStream(file), cipher(Cipher.DECRYPT_MODE)), 1 << 16))) {
            for (long i = 0; i < n; i++) {
                consumer.accept(read(in));
            }
        }
    }

    @Override
    public void close() throws IOException {
        try {
            out.close();
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static FileRecord read(DataInputStream in) throws IOException {
        String hash = readString(in);
        String output = readString(in);
        String study = readString(in);
        FileOutcome outcome = FileOutcome.values()[in.readByte()];
        int removed = in.readInt();
        int modified = in.readInt();
        int added = in.readInt();
        Instant time = Instant.ofEpochSecond(in.readLong(), in.readInt());
        String reason = readString(in);
        int n = in.readInt();
        List<AuditEvent> changes = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String path = readString(in);
            String keyword = readString(in);
            byte c = in.readByte();
            changes.add(new AuditEvent(path, keyword, c < 0 ? null : AuditEvent.Change.values()[c], readString(in),
                    readString(in), readString(in), readString(in)));
        }
        return new FileRecord(hash, output, study, outcome, removed, modified, added, time, reason, changes);
    }

    private void writeString(String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String readString(DataInputStream in) throws IOException {
        int n = in.readInt();
        return n < 0 ? null : new String(in.readNBytes(n), StandardCharsets.UTF_8);
    }

    private Cipher cipher(int mode) {
        try {
            Cipher c = Cipher.getInstance("AES/CTR/NoPadding");
            c.init(mode, key, new IvParameterSpec(iv));
            return c;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-CTR is not available", e);
        }
    }

    /** For tests: the raw (encrypted) bytes of the spool. */
    InputStream raw() throws IOException {
        out.flush();
        return Files.newInputStream(file);
    }
}
