package org.cloak.net.scp;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.regex.Pattern;
import org.cloak.dicom.dict.Tag;
import org.cloak.dicom.io.DicomFile;
import org.cloak.dicom.io.DicomReader;
import org.cloak.net.dimse.Status;

/**
 * Stores each received instance as a Part 10 file {@code <SOP Instance UID>.dcm} in a folder:
 * preamble and file meta, then the data set bytes exactly as received (never re-encoded, so
 * compressed pixel data is untouched). The file is written under a temporary name, forced to
 * disk, checked and renamed; success is reported only after the rename. An instance received
 * twice replaces the earlier file.
 *
 * <p>Statuses: A700 when the disk fails (full, read-only), C000 when the file does not parse,
 * A900 when the data set's SOP Class or Instance UID differs from the request's, C000 for a SOP
 * Instance UID that is not a valid UID (it would become a file name).
 */
public final class FileStoreHandler implements StoreHandler {
    private static final Pattern UID = Pattern.compile("[0-9]+(\\.[0-9]+)*");
    private static final int UID_MAX = 64;
    private static final int BUFFER = 64 * 1024;

    private final Path directory;
    private final boolean verify;

    /** Stores into {@code directory} (created if missing), checking each file after writing. */
    public FileStoreHandler(Path directory) throws IOException {
        this(directory, true);
    }

    /**
     * @param verify parse each stored file and compare its SOP Class and Instance UIDs with the
     *               request's before reporting success
     */
    public FileStoreHandler(Path directory, boolean verify) throws IOException {
        this.directory = Files.createDirectories(directory);
        this.verify = verify;
    }

    public Path directory() { return directory; }

    @Override
    public Status store(StoreRequest request, InputStream dataSet) throws IOException {
        String uid = request.sopInstanceUid();
        if (uid.length() > UID_MAX || !UID.matcher(uid).matches()) {
            return Status.CANNOT_UNDERSTAND.withComment("SOP Instance UID is not a valid UID");
        }
        Path target = directory.resolve(uid + ".dcm");
        Path temp = Files.createTempFile(directory, ".receiving-", ".part");
        boolean moved = false;
        try {
            Status written = write(request, dataSet, temp);
            if (!written.isSuccess()) {
                return written;
            }
            Status checked = verify ? check(request, temp) : Status.SUCCESS;
            if (!checked.isSuccess()) {
                return checked;
            }
            move(temp, target);
            moved = true;
            return Status.SUCCESS;
        } finally {
            if (!moved) {
                Files.deleteIfExists(temp);
            }
        }
    }

    /** Writes meta and data set; network failures propagate, disk failures become A700. */
    private Status write(StoreRequest request, InputStream dataSet, Path temp) throws IOException {
        FileChannel ch;
        try {
            ch = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            return Status.OUT_OF_RESOURCES.withComment("could not create the file");
        }
        try (ch) {
            boolean diskOk = write(ch, ByteBuffer.wrap(Part10Header.encode(request)));
            byte[] buf = new byte[BUFFER];
            int n;
            while ((n = dataSet.read(buf)) >= 0) {
                if (diskOk) {
                    diskOk = write(ch, ByteBuffer.wrap(buf, 0, n));
                }
            }
            if (!diskOk) {
                return Status.OUT_OF_RESOURCES.withComment("could not write the file");
            }
            try {
                ch.force(true);
            } catch (IOException e) {
                return Status.OUT_OF_RESOURCES.withComment("could not flush the file to disk");
            }
        }
        return Status.SUCCESS;
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

    private static Status check(StoreRequest request, Path temp) {
        DicomFile f;
        try {
            f = DicomReader.read(temp);
        } catch (IOException e) {
            return Status.CANNOT_UNDERSTAND.withComment("the data set could not be parsed");
        }
        String sopClass = f.dataset().getString(Tag.SOPClassUID);
        String sopInstance = f.dataset().getString(Tag.SOPInstanceUID);
        if (!request.sopClassUid().equals(sopClass) || !request.sopInstanceUid().equals(sopInstance)) {
            return Status.DATA_SET_DOES_NOT_MATCH_SOP_CLASS
                    .withComment("SOP Class or Instance UID differs from the request");
        }
        return Status.SUCCESS;
    }

    private void move(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true); // makes the rename itself durable (POSIX)
        } catch (IOException e) {
            // some file systems cannot sync a directory; the file itself is on disk
        }
    }
}
