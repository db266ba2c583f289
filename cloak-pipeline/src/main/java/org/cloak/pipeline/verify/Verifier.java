package org.cloak.pipeline.verify;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.cloak.deid.DeidConfig;
import org.cloak.deid.Deidentifier;
import org.cloak.deid.pseudo.Origin;
import org.cloak.deid.pseudo.Secret;
import org.cloak.deid.recipe.RecipeCompiler;
import org.cloak.deid.verify.Finding;
import org.cloak.deid.verify.FindingKind;
import org.cloak.deid.verify.FindingSink;
import org.cloak.deid.verify.HeaderFlags;
import org.cloak.deid.verify.IdentifierMatcher;
import org.cloak.deid.verify.IdentifierSource;
import org.cloak.deid.verify.MetaCheck;
import org.cloak.deid.verify.PhiScanner;
import org.cloak.deid.verify.References;
import org.cloak.deid.verify.ReplayCheck;
import org.cloak.deid.verify.RuleLookup;
import org.cloak.deid.verify.Severity;
import org.cloak.dicom.data.DataSet;
import org.cloak.dicom.dict.Tag;
import org.cloak.dicom.io.DicomFile;
import org.cloak.dicom.io.DicomReader;
import org.cloak.pipeline.audit.Digests;
import org.cloak.pipeline.layout.IdentifyingNames;

/**
 * The second person's check, automated. For every output file: it parses and its
 * meta agrees with it; with its original, the engine's own result for that original is the
 * reference every attribute is compared with ({@link ReplayCheck}); the patient's identifying
 * values are searched everywhere in it ({@link PhiScanner}); it is marked, not flagged for
 * burned-in text, and holds no private attribute the recipe removes ({@link HeaderFlags}).
 * Across the set: references resolve, and every input has an output or a quarantine entry.
 * Front ends only render the {@link VerifyReport}.
 */
public final class Verifier {
    private final VerifyOptions opts;

    public Verifier(VerifyOptions opts) {
        this.opts = opts;
    }

    public VerifyReport run() throws IOException, InterruptedException {
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        Path out = opts.outDir().toAbsolutePath().normalize();
        Path in = opts.inDir() == null ? null : opts.inDir().toAbsolutePath().normalize();
        boolean secretKnown = opts.secret() != null;
        Secret secret = secretKnown ? opts.secret() : Secret.random();
        DeidConfig c = RecipeCompiler.compile(opts.recipe(), secret, VerifyOptions.today(), false);
        // burned-in images are flagged by HeaderFlags; the replay must produce them whatever the run's flag was
        DeidConfig config = new DeidConfig(c.rules(), c.method(), c.longitudinal(), true, c.uids(), c.secret(),
                c.processingDate(), false, c.stages());
        RuleLookup rules = new RuleLookup(config.rules());
        // the pixel step is replayed as the run applied it: cleaned pixel data is then compared byte for byte too
        Deidentifier engine = opts.pixelStep() == null ? new Deidentifier(config)
                : new Deidentifier(config).withPixelStep(opts.pixelStep());
        ReplayCheck replay = new ReplayCheck(engine, rules, secretKnown);
        FindingSink sink = new FindingSink(opts.showValues());
        References refs = new References();
        Map<Path, Summaries.Facts> facts = new ConcurrentHashMap<>();
        Set<Path> paired = ConcurrentHashMap.newKeySet();
        List<Path> outputs = TreeFiles.list(out);
        try (Parallel parallel = new Parallel(opts.threads())) {
            InputScan inputs = in == null ? null
                    : InputScan.of(in, TreeFiles.list(in), opts.recipe(), secret, secretKnown ? c.uids() : null,
                            parallel);
            IdentifierSource ids = opts.identifiers() != null ? opts.identifiers()
                    : inputs != null ? inputs.identifiers() : IdentifierSource.NONE;
            Pairing pairing = inputs == null ? null : pairing(inputs, secretKnown ? c.uids() : null);
            parallel.forEach(outputs, rel -> {
                String file = rel.toString();
                DicomFile f;
                try {
                    f = DicomReader.read(out.resolve(rel));
                } catch (IOException e) {
                    sink.add(FindingKind.UNREADABLE, file, "", "", "", e.getMessage(), "");
                    return;
                }
                DataSet ds = f.dataset();
                facts.put(rel, Summaries.Facts.of(ds));
                MetaCheck.check(file, f, sink);
                refs.observe(file, ds);
                Paired p = inputs == null ? null : original(inputs, pairing, rel, ds, file, sink, paired);
                DataSet original = p == null ? null : p.original().dataset();
                if (p != null) {
                    try {
                        replay.check(file, original, ds, inputs.planner().planFor(original, Origin.ofFile(in,
                                p.input())), sink);
                    } catch (RuntimeException e) {
                        sink.add(FindingKind.NOT_CHECKED, file, "", "", "", "the engine failed on the original: "
                                + e.getClass().getSimpleName(), "");
                    }
                }
                HeaderFlags.check(file, ds, original, rules, sink);
                IdentifierMatcher matcher = ids.matcherFor(ds, original);
                PhiScanner.scan(file, ds, original, matcher, rules, sink);
                for (IdentifierMatcher.Hit h : matcher.find(IdentifyingNames.searchText(rel))) {
                    // a mirror layout copies folder names such as DOE_JOHN_0001/ into the output
                    sink.add(FindingKind.IDENTIFIER_IN_PATH, file, "", "", h.identifier().source(),
                            FindingKind.IDENTIFIER_IN_PATH.meaning(), h.found());
                }
                try {
                    opts.pixelCheck().check(file, f, p == null ? null : p.original(), sink);
                } catch (RuntimeException e) {
                    sink.add(FindingKind.NOT_CHECKED, file, "", "", "", "the pixel check failed: "
                            + e.getClass().getSimpleName(), "");
                }
            });
            int quarantined = inputs == null ? 0 : missingOutputs(inputs, out, paired, sink);
            refs.check(inputs == null ? Set.of() : inputs.expectedInstances(), sink);
            List<String> notes = notes(inputs, secretKnown, ids);
            List<Finding> findings = sink.sorted();
            long fails = findings.stream().filter(x -> x.severity() == Severity.FAIL).count();
            VerifyReport.Counts counts = new VerifyReport.Counts(outputs.size(), inputs == null ? 0
                    : inputs.files().size(),
                    paired.size(), quarantined, fails, findings.size() - fails);
            return new VerifyReport(out.toString(), in == null ? "" : in.toString(), opts.recipeLabel(),
                    started.toString(), (System.nanoTime() - t0) / 1_000_000, opts.showValues(), fails == 0, counts,
                    Summaries.of(facts, findings, opts.showValues()), findings, notes);
        }
    }

    private Pairing pairing(InputScan inputs, org.cloak.deid.pseudo.UidMapper uids) {
        List<Pairing> list = new ArrayList<>();
        if (opts.extraPairing() != null) {
            list.add(opts.extraPairing());
        }
        list.add(Pairing.bySopInstanceUid(inputs.bySop(), uids));
        list.add(Pairing.byRelativePath(inputs.files()));
        return Pairing.firstOf(list);
    }

    /** An output's input: its path relative to the input folder, and the file read from it. */
    private record Paired(Path input, DicomFile original) {}

    private static Paired original(InputScan inputs, Pairing pairing, Path rel, DataSet ds, String file,
                                   FindingSink sink, Set<Path> paired) {
        Path inRel = pairing.inputFor(rel, ds.getString(Tag.SOPInstanceUID));
        if (inRel == null) {
            sink.add(FindingKind.UNPAIRED_OUTPUT, file, "", "", "", FindingKind.UNPAIRED_OUTPUT.meaning(), "");
            return null;
        }
        try {
            DicomFile original = DicomReader.read(inputs.root().resolve(inRel));
            paired.add(inRel);
            return new Paired(inRel, original);
        } catch (IOException e) {
            sink.add(FindingKind.NOT_CHECKED, file, "", "", "", "its input can no longer be read", "");
            return null;
        }
    }

    /** Reports inputs with neither output nor quarantine entry; returns how many were quarantined. */
    private static int missingOutputs(InputScan inputs, Path out, Set<Path> paired,
            FindingSink sink) throws IOException {
        Set<String> quarantine = QuarantineList.read(out);
        int quarantined = 0;
        for (Path rel : inputs.files()) {
            if (paired.contains(rel)) {
                continue;
            }
            if (quarantine.contains(Digests.inputPath(rel))) {
                quarantined++;
            } else {
                // the input's own path may name the patient: it goes in the (masked) value
                sink.add(FindingKind.MISSING_OUTPUT, "", "", "", "", FindingKind.MISSING_OUTPUT.meaning(),
                        rel.toString());
            }
        }
        return quarantined;
    }

    private List<String> notes(InputScan inputs, boolean secretKnown, IdentifierSource ids) {
        List<String> notes = new ArrayList<>();
        if (inputs == null) {
            notes.add("No originals (--in): the changed-as-meant, no-other-change and pixel data checks did not run.");
        } else if (inputs.skipped() > 0) {
            notes.add(inputs.skipped()
                    + " files under the input folder are not readable DICOM and were left out, as a run skips them.");
        }
        if (!secretKnown) {
            notes.add("The run's secret was not found in the vault: UIDs, hashed IDs and shifted dates were checked to"
                    + " differ from the original, not for their exact value.");
        }
        if (ids.note() != null) {
            notes.add(ids.note());
        }
        if (ids == IdentifierSource.NONE) {
            notes.add(
                    "No identifying values to search for (no originals, no values file):"
                            + " the residual PHI scan did not run.");
        }
        return notes;
    }
}
