package org.cloak.pipeline.layout;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.cloak.deid.pseudo.UidMapper;
import org.cloak.dicom.data.DataSet;
import org.cloak.dicom.dict.Tag;

/**
 * The name a received instance goes by before it is written, and under the mirror layout:
 * {@code <study>/<series>/<instance>.dcm} in de-identified UIDs, so a name carries nothing the
 * output does not, and a resend of one instance has the same name.
 */
public final class ReceivedNames {
    private static final Pattern SAFE_UID = Pattern.compile("[0-9]+(\\.[0-9]+){0,63}");
    private static final int UID_MAX = 64;

    private final UidMapper uids;

    public ReceivedNames(UidMapper uids) {
        this.uids = uids;
    }

    /** The name of the instance {@code sopInstanceUid}; {@code header} null when it did not parse. */
    public Path of(String sopInstanceUid, DataSet header) {
        String instance = name(sopInstanceUid);
        if (header == null) {
            return Path.of("unreadable", instance + ".dcm");
        }
        return Path.of(name(header.getString(Tag.StudyInstanceUID)), name(header.getString(Tag.SeriesInstanceUID)),
                instance + ".dcm");
    }

    /** The name of an instance alone, for records of instances refused before their data set was read. */
    public Path instance(String sopInstanceUid) {
        return Path.of(name(sopInstanceUid) + ".dcm");
    }

    /** The de-identified UID when it is a plain UID, else a hash of it, never a path trick. */
    private String name(String uid) {
        if (uid == null || uid.isEmpty()) {
            return "none";
        }
        String mapped = uids.map(uid);
        if (mapped != null && mapped.length() <= UID_MAX && SAFE_UID.matcher(mapped).matches()) {
            return mapped;
        }
        return "x" + sha256(mapped != null ? mapped : uid).substring(0, 32);
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
