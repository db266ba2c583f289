package org.cloak.dicom.io;

/** Cloak's version, as written into file meta and reports. */
public final class Version {
    public static final String VERSION = "0.1.0";

    private Version() {}
}
