package org.cloak.pipeline.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.cloak.deid.Deidentification;
import org.cloak.deid.Deidentified;
import org.cloak.dicom.data.DataSet;
import org.cloak.dicom.dict.Tag;
import org.cloak.dicom.io.DicomFile;
import org.cloak.dicom.io.DicomInput;
import org.cloak.dicom.io.DicomParseException;
import org.cloak.dicom.io.ReadOptions;
import org.cloak.pipeline.io.AtomicFiles;
import org.cloak.pipeline.layout.OutputLayout;
import org.cloak.pipeline.quarantine.Quarantine;
import org.cloak.pipeline.source.DicomSniffer;
import org.cloak.pipeline.source.Input;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * De-identifies one input file: sniff, read (a large file's pixel data stays in it), plan the
 * pseudonyms, run the engine, and write the result atomically in the input's transfer syntax,
 * or quarantine it. Never throws: every input ends as one {@link FileResult}. Fails closed: an
 * unexpected error quarantines the file rather than passing anything through. Thread-safe;
 * one instance serves all workers (the batch runner here, the node service later).
 */
public final class FileProcessor {
    private static final Logger LOG = LoggerFactory.getLogger(FileProcessor.class);

    private final Deidentification deid;
    private final OutputLayout layout;
    private final FileDecider decider;
    private final Quarantine quarantine;
    private final Function<Input, StudyIndex.Position> positions;
    private final TargetClaims claims;
    private final InputCheck check;
    private final boolean forceEach;
    private final ClaimKey claimKey;

    /** Who claims an output path: two different keys for one path are a collision. */
    @FunctionalInterface
    public interface ClaimKey {
        String of(Input item, DataSet deidentified);

        /** The input file: a batch run's inputs are distinct files. */
        ClaimKey INPUT_FILE = (item, ds) -> item.file().toString();

        /** The new SOP Instance UID: a resent instance is the same output, another instance is not. */
        ClaimKey NEW_INSTANCE_UID = (item, ds) -> ds.getString(Tag.SOPInstanceUID);
    }

    /** Checks an original data set before de-identification; a non-null answer quarantines the file with it. */
    @FunctionalInterface
    public interface InputCheck {
        String refuse(DataSet original);
    }

    public FileProcessor(Deidentification deid, OutputLayout layout, Quarantine quarantine) {
        this(deid, layout, quarantine, item -> null, new TargetClaims(), ds -> null);
    }

    /**
     * @param positions each input's place from discovery (null when unknown), for template layouts
     * @param claims the output paths already taken; a second input for one path is quarantined
     * @param check a check of the original data set (e.g. strict private data)
     */
    public FileProcessor(Deidentification deid, OutputLayout layout, Quarantine quarantine,
                         Function<Input, StudyIndex.Position> positions, TargetClaims claims, InputCheck check) {
        this(deid, layout, quarantine, positions, claims, check, true, ClaimKey.INPUT_FILE);
    }

    private FileProcessor(Deidentification deid, OutputLayout layout, Quarantine quarantine,
                          Function<Input, StudyIndex.Position> positions, TargetClaims claims, InputCheck check,
                          boolean forceEach, ClaimKey claimKey) {
        this.forceEach = forceEach;
        this.claimKey = claimKey;
        this.deid = deid;
        this.layout = layout;
        this.quarantine = quarantine;
        this.positions = positions;
        this.claims = claims;
        this.check = check;
        this.decider = new FileDecider(deid, layout, check);
    }

    /**
     * This processor, but writing outputs without forcing each to disk: the caller makes them
     * durable in groups (a batch run, per study with {@link org.cloak.pipeline.io.GroupSync}).
     */
    public FileProcessor unforced() {
        return new FileProcessor(deid, layout, quarantine, positions, claims, check, false, claimKey);
    }

    /** This processor, claiming output paths with {@code key}. */
    public FileProcessor claimingBy(ClaimKey key) {
        return new FileProcessor(deid, layout, quarantine, positions, claims, check, forceEach, key);
    }

    /** Processes one input; the result says how it ended. */
    public FileResult process(Input item) {
        Read r = read(item);
        return r instanceof Read.Parsed p ? process(item, p.file(), p.size()) : ((Read.Ended) r).result();
    }

    /** How reading an input ended: parsed, or already at its end (skipped, quarantined, failed). */
    public sealed interface Read {
        record Parsed(DicomFile file, long size) implements Read {}

        record Ended(FileResult result) implements Read {}
    }

    /**
     * Sniffs and parses one input, with one open and, for a small file, one read; a large file's pixel data stays in
     * it.
     */
    public Read read(Input item) {
        long size = 0;
        try (DicomInput input = DicomInput.open(item.file(), ReadOptions.DEFAULT)) {
            size = input.size();
            if (!DicomSniffer.isDicom(input)) {
                return new Read.Ended(new FileResult.Skipped(item, size));
            }
            return new Read.Parsed(input.read(), size);
        } catch (DicomParseException e) {
            return new Read.Ended(quarantine(item, "not readable as DICOM: " + e.withoutSource(), size));
        } catch (IOException e) {
            return new Read.Ended(new FileResult.Failed(item, "cannot read the input: " + IoReasons.of(e), size));
        }
    }

    /**
     * Processes an input already parsed (a received instance: one parse serves the checks and
     * the engine).
     */
    public FileResult process(Input item, DicomFile in, long size) {
        Decision d = decider.decide(in, item.relative(), item.origin(), positions.apply(item));
        if (d instanceof Decision.Skip) {
            return new FileResult.Skipped(item, size);
        }
        if (d instanceof Decision.Hold h) {
            return quarantine(item, h.reason(), size);
        }
        Decision.Write w = (Decision.Write) d;
        Path target = w.target();
        Deidentified result = w.result();
        if (!claims.claim(target, claimKey.of(item, result.dataset()))) {
            return quarantine(item, "layout collision: another input is written to the same output file", size);
        }
        try {
            AtomicFiles.Content content = result::writeTo;
            long written = forceEach ? AtomicFiles.write(target, content) : AtomicFiles.writeUnforced(target, content);
            return new FileResult.Written(item, target, size, written, result.result(),
                    replacedUids(in.dataset(), result.dataset()));
        } catch (IOException | RuntimeException e) {
            return quarantine(item, "could not write the output: " + e.getMessage(), size);
        }
    }

    /** The UIDs a look-up in the vault starts from: original to new, where the engine replaced them. */
    private static final int[] MAPPED_UIDS = {Tag.StudyInstanceUID, Tag.SeriesInstanceUID, Tag.SOPInstanceUID,
        Tag.FrameOfReferenceUID};

    private static Map<String, String> replacedUids(DataSet original, DataSet deidentified) {
        Map<String, String> uids = new LinkedHashMap<>();
        for (int tag : MAPPED_UIDS) {
            String before = original.getString(tag);
            String after = deidentified.getString(tag);
            if (before != null && after != null && !before.equals(after)) {
                uids.put(before, after);
            }
        }
        return uids;
    }

    /**
     * The result for an input whose processing ended in an unexpected throwable (a stack
     * overflow on a hostile file, say): quarantined, naming only the kind of failure.
     */
    public FileResult crashed(Input item, Throwable t) {
        long size = 0;
        try {
            size = Files.size(item.file());
        } catch (IOException ignored) {
            // the size only feeds the statistics
        }
        return quarantine(item, "internal error: " + t.getClass().getName(), size);
    }

    private FileResult quarantine(Input item, String reason, long size) {
        try {
            String name = quarantine.put(item, reason);
            LOG.debug("M-QUARANTINE {}", name);
            return new FileResult.Quarantined(item, reason, name, size);
        } catch (IOException e) {
            return new FileResult.Failed(item, reason + "; and it could not be quarantined: " + e.getMessage(), size);
        }
    }
}
