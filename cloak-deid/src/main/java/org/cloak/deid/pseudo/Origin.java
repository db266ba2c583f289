package org.cloak.deid.pseudo;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where an object came from, as data: what ID strategies (FOLDER, SEQUENTIAL per top folder)
 * and audit records need, whatever the source is (a file under an input folder, a zip entry,
 * an instance received over the network, an upload).
 *
 * @param root key of the input root (an absolute folder path, {@code aet:CALLING} for a network
 *     sender, {@code upload:NAME} for an upload); "" when unknown
 * @param rootName the root folder's own name, or null
 * @param folders the folders between the root and the object, top first
 * @param name the object's own name (file or entry name), or null
 * @param sourceAe the calling AE title of a network sender, or null
 */
public record Origin(String root, String rootName, List<String> folders, String name, String sourceAe) {
    public Origin {
        root = root == null ? "" : root;
        folders = List.copyOf(folders);
    }

    /** An object with no known place: a test, or a data set made in memory. */
    public static Origin unknown() {
        return new Origin("", null, List.of(), null, null);
    }

    /**
     * A file at {@code relative} under the input folder {@code root} (either may be null). Path
     * arithmetic only: nothing is read.
     */
    public static Origin ofFile(Path root, Path relative) {
        Path r = root == null ? null : root.toAbsolutePath().normalize();
        List<String> folders = new ArrayList<>();
        if (relative != null && relative.getParent() != null) {
            for (Path p : relative.getParent()) {
                folders.add(p.toString());
            }
        }
        return new Origin(r == null ? "" : r.toString(), r == null || r.getFileName() == null ? null
                : r.getFileName().toString(), folders, relative == null ? null : relative.getFileName().toString(),
                        null);
    }

    /** This origin, sent by the network peer {@code callingAe}. */
    public Origin withSourceAe(String callingAe) {
        return new Origin(root, rootName, folders, name, callingAe);
    }

    /** An instance received over the network from {@code callingAe}. */
    public static Origin received(String callingAe) {
        return new Origin("aet:" + callingAe, null, List.of(), null, callingAe);
    }
}
