package org.cloak.pipeline.verify;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cloak.deid.pseudo.UidMapper;
import org.cloak.dicom.dict.Tag;
import org.cloak.dicom.io.DicomReader;

/**
 * Pairs the files of two trees for a diff: by SOP Instance UID (the second tree's UID is the
 * first's, or its pseudonym through the UID map when the secret is known), else by relative
 * path. Files that do not parse are listed apart.
 *
 * @param pairs (path in A, path in B), relative to their roots, in B's order
 */
public record TreePairs(List<Pair> pairs, List<Path> onlyA, List<Path> onlyB, List<Path> unreadable) {

    public record Pair(Path a, Path b) {}

    /**
     * @param uids the UID pseudonymizer of the run that made B from A, or null
     * @param extra a pairing tried first (the run's audit report: cloak-cli's AuditPairing), or null
     */
    public static TreePairs of(Path a, Path b, UidMapper uids, Pairing extra) throws IOException {
        List<Path> unreadable = new ArrayList<>();
        Map<String, Path> bySop = new HashMap<>();
        List<Path> filesA = TreeFiles.list(a);
        Path rootA = java.nio.file.Files.isRegularFile(a) ? a.getParent() : a;
        Path rootB = java.nio.file.Files.isRegularFile(b) ? b.getParent() : b;
        for (Path rel : filesA) {
            String sop = sopOf(rootA.resolve(rel), a, rel, unreadable);
            if (sop != null) {
                bySop.put(sop, rel);
            }
        }
        List<Pairing> order = new ArrayList<>();
        if (extra != null) {
            order.add(extra);
        }
        order.add(Pairing.bySopInstanceUid(bySop, uids));
        order.add(Pairing.byRelativePath(new HashSet<>(filesA)));
        Pairing pairing = Pairing.firstOf(order);
        List<Pair> pairs = new ArrayList<>();
        List<Path> onlyB = new ArrayList<>();
        Set<Path> pairedA = new HashSet<>();
        for (Path rel : TreeFiles.list(b)) {
            String sop = sopOf(rootB.resolve(rel), b, rel, unreadable);
            Path inA = pairing.inputFor(rel, sop);
            if (inA != null && pairedA.add(inA)) {
                pairs.add(new Pair(inA, rel));
            } else {
                onlyB.add(rel);
            }
        }
        List<Path> onlyA = filesA.stream().filter(p -> !pairedA.contains(p)).toList();
        return new TreePairs(pairs, onlyA, onlyB, unreadable);
    }

    private static String sopOf(Path file, Path root, Path rel, List<Path> unreadable) {
        try {
            return DicomReader.read(file).dataset().getString(Tag.SOPInstanceUID);
        } catch (IOException e) {
            unreadable.add(root.resolve(rel));
            return null;
        }
    }
}
