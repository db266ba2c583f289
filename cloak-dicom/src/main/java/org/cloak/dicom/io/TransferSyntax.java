package org.cloak.dicom.io;

import org.cloak.dicom.dict.Uid;

/**
 * How a data set is encoded (PS3.5 Section 10). Every transfer syntax not listed as special is
 * Explicit VR Little Endian; compressed ones carry their pixel data encapsulated, which the
 * reader recognises by the undefined length of Pixel Data whatever the UID.
 */
public record TransferSyntax(String uid, boolean explicitVr, boolean bigEndian, boolean deflated) {
    public static final String IMPLICIT_LE_UID = Uid.ImplicitVRLittleEndian;
    public static final String EXPLICIT_LE_UID = Uid.ExplicitVRLittleEndian;
    public static final String EXPLICIT_BE_UID = Uid.ExplicitVRBigEndian;
    public static final String DEFLATED_LE_UID = Uid.DeflatedExplicitVRLittleEndian;
    public static final String JPIP_DEFLATED_UID = Uid.JPIPReferencedDeflate;

    public static final TransferSyntax IMPLICIT_LE = new TransferSyntax(IMPLICIT_LE_UID, false, false, false);
    public static final TransferSyntax EXPLICIT_LE = new TransferSyntax(EXPLICIT_LE_UID, true, false, false);
    public static final TransferSyntax EXPLICIT_BE = new TransferSyntax(EXPLICIT_BE_UID, true, true, false);
    public static final TransferSyntax DEFLATED_LE = new TransferSyntax(DEFLATED_LE_UID, true, false, true);

    public static TransferSyntax of(String uid) {
        return switch (uid) {
            case IMPLICIT_LE_UID -> IMPLICIT_LE;
            case EXPLICIT_LE_UID -> EXPLICIT_LE;
            case EXPLICIT_BE_UID -> EXPLICIT_BE;
            case DEFLATED_LE_UID -> DEFLATED_LE;
            case JPIP_DEFLATED_UID -> new TransferSyntax(uid, true, false, true);
            default -> new TransferSyntax(uid, true, false, false);
        };
    }

    public boolean littleEndian() { return !bigEndian; }
}
