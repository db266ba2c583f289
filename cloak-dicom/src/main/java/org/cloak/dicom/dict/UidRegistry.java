package org.cloak.dicom.dict;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** The UID registry of PS3.6 (Tables ), read from {@code uids.tsv}. Immutable. */
public final class UidRegistry {
    private static final String RESOURCE = "uids.tsv";

    /**
     * Storage SOP class names end in "Storage", optionally followed by " SOP Class" (the retired
     * print storage classes) and/or a " - For Presentation", " - For Processing" or " - Trial"
     * suffix. This leaves out "Storage Commitment ... SOP Class", whose "Storage" is not last.
     */
    private static final Pattern STORAGE_NAME = Pattern.compile(".*\\bStorage( SOP Class)?( - .+)?");
    /**
     * Media Storage Directory Storage is the SOP class of a DICOMDIR (PS3.10 Basic Directory):
     * a file-set index, not an instance of the Storage Service Class.
     */
    private static final String MEDIA_STORAGE_DIRECTORY = Uid.MediaStorageDirectoryStorage;

    private final Map<String, UidEntry> byUid;

    private static final class Standard {
        static final UidRegistry INSTANCE = load();
    }

    private UidRegistry(Map<String, UidEntry> byUid) { this.byUid = byUid; }

    /** The registry of the standard edition bundled with Cloak (see SOURCE.md next to the table). */
    public static UidRegistry standard() { return Standard.INSTANCE; }

    /** The registry row for a UID, or null when the standard does not define it. */
    public UidEntry lookup(String uid) { return uid == null ? null : byUid.get(uid); }

    public boolean isRegistered(String uid) { return lookup(uid) != null; }

    /** The standard's name for a UID, or the UID itself when it is unknown or has no name. */
    public String nameOf(String uid) {
        UidEntry e = lookup(uid);
        return e == null || e.name().isEmpty() ? uid : e.name();
    }

    public boolean isTransferSyntax(String uid) {
        UidEntry e = lookup(uid);
        return e != null && "Transfer Syntax".equals(e.type());
    }

    /** True for the SOP classes of the Storage Service Class (PS3.4 Annex B), retired ones included. */
    public boolean isStorageSopClass(String uid) {
        UidEntry e = lookup(uid);
        return e != null && "SOP Class".equals(e.type()) && !MEDIA_STORAGE_DIRECTORY.equals(e.uid())
                && STORAGE_NAME.matcher(e.name()).matches();
    }

    /** Number of registered UIDs. */
    public int size() { return byUid.size(); }

    static UidRegistry load() { return read(Tsv.resource(RESOURCE)); }

    /** Builds the registry from a table in the uids.tsv layout (columns found by name). */
    static UidRegistry read(Tsv table) {
        int uid = table.column("uid");
        int name = table.column("name");
        int keyword = table.column("keyword");
        int type = table.column("type");
        int retired = table.column("retired");
        Map<String, UidEntry> byUid = new HashMap<>(1024);
        for (String[] c : table.rows()) {
            byUid.putIfAbsent(c[uid], new UidEntry(c[uid], c[name], c[keyword], c[type], "Y".equals(c[retired])));
        }
        return new UidRegistry(Map.copyOf(byUid));
    }
}
