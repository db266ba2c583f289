package org.cloak.pipeline.verify;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.cloak.deid.pseudo.Origin;
import org.cloak.deid.pseudo.PseudonymPlanner;
import org.cloak.deid.pseudo.Secret;
import org.cloak.deid.pseudo.UidMapper;
import org.cloak.deid.recipe.Recipe;
import org.cloak.deid.verify.OriginalIdentifiers;
import org.cloak.dicom.data.DataSet;
import org.cloak.dicom.dict.Tag;
import org.cloak.dicom.io.DicomReader;

/**
 * One pass over the originals before any output is checked, as {@code cloak run} does before
 * writing: the pseudonym planner observes every input (sequential numbers and time points
 * depend on all of them), each patient's identifying values are collected, and the inputs are
 * indexed by SOP Instance UID for pairing. Files that are not DICOM are left out, as the run
 * skips them.
 */
record InputScan(Path root, Set<Path> files, Map<String, Path> bySop, Set<String> expectedInstances,
                 PseudonymPlanner planner, OriginalIdentifiers identifiers, int skipped) {

    static InputScan of(Path root, List<Path> candidates, Recipe recipe, Secret secret, UidMapper uids,
                        Parallel parallel) throws InterruptedException {
        PseudonymPlanner.Builder builder = PseudonymPlanner.builder(recipe.patientId(), recipe.dates(), secret);
        OriginalIdentifiers ids = new OriginalIdentifiers();
        Set<Path> files = ConcurrentHashMap.newKeySet();
        Map<String, Path> bySop = new ConcurrentHashMap<>();
        Set<String> expected = ConcurrentHashMap.newKeySet();
        AtomicInteger skipped = new AtomicInteger();
        parallel.forEach(candidates, rel -> {
            DataSet ds;
            try {
                ds = DicomReader.read(root.resolve(rel)).dataset();
            } catch (IOException e) {
                skipped.incrementAndGet();
                return;
            }
            files.add(rel);
            builder.observe(ds, Origin.ofFile(root, rel));
            ids.observe(ds);
            String sop = ds.getString(Tag.SOPInstanceUID);
            if (sop != null) {
                bySop.put(sop, rel);
                expected.add(sop);
                if (uids != null) {
                    expected.add(uids.map(sop));
                }
            }
        });
        return new InputScan(root, files, bySop, expected, builder.build(), ids, skipped.get());
    }
}
