package org.cloak.net.scu;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cloak.dicom.io.TransferSyntax;
import org.cloak.net.pdu.PresentationContextRq;

/**
 * The presentation contexts proposed for a batch of files (PS3.8 9.3.2.2): one per SOP class
 * and transfer syntax (the file's own), and for uncompressed little endian files one more with
 * the other uncompressed little endian syntaxes as a fallback. At most 128 contexts (IDs 1 to
 * 255, odd).
 */
final class ContextPlan {
    static final int MAX_CONTEXTS = 128;

    private final Map<List<String>, Integer> ids = new LinkedHashMap<>();
    private final List<PresentationContextRq> contexts = new ArrayList<>();

    /** Adds the contexts a file needs; false (and nothing added) when they do not fit. */
    boolean add(SourceFile s) {
        List<List<String>> keys = new ArrayList<>();
        keys.add(List.of(s.sopClassUid(), s.transferSyntaxUid()));
        List<String> fallback = fallbackKey(s);
        if (fallback != null) {
            keys.add(fallback);
        }
        long missing = keys.stream().filter(k -> !ids.containsKey(k)).count();
        if (contexts.size() + missing > MAX_CONTEXTS) {
            return false;
        }
        for (List<String> k : keys) {
            if (!ids.containsKey(k)) {
                int id = contexts.size() * 2 + 1;
                ids.put(k, id);
                contexts.add(new PresentationContextRq(id, k.get(0), k.subList(1, k.size())));
            }
        }
        return true;
    }

    List<PresentationContextRq> contexts() { return List.copyOf(contexts); }

    /** The ID of the context with the file's own transfer syntax. */
    int primary(SourceFile s) {
        return ids.getOrDefault(List.of(s.sopClassUid(), s.transferSyntaxUid()), -1);
    }

    /** The ID of the fallback context, or -1 when the file has none. */
    int fallback(SourceFile s) {
        List<String> k = fallbackKey(s);
        return k == null ? -1 : ids.getOrDefault(k, -1);
    }

    private static List<String> fallbackKey(SourceFile s) {
        String ts = s.transferSyntaxUid();
        boolean littleEndianNative = ts.equals(TransferSyntax.IMPLICIT_LE_UID)
                || ts.equals(TransferSyntax.EXPLICIT_LE_UID)
                || ts.equals(TransferSyntax.DEFLATED_LE_UID);
        if (!littleEndianNative) {
            return null;
        }
        List<String> key = new ArrayList<>();
        key.add(s.sopClassUid());
        for (String t : List.of(TransferSyntax.EXPLICIT_LE_UID, TransferSyntax.IMPLICIT_LE_UID)) {
            if (!t.equals(ts)) {
                key.add(t);
            }
        }
        return List.copyOf(key);
    }
}
