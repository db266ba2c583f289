package org.cloak.pipeline.run;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import org.cloak.deid.Deidentification;
import org.cloak.deid.pseudo.Origin;
import org.cloak.dicom.io.DicomFile;
import org.cloak.dicom.io.DicomParseException;
import org.cloak.dicom.io.DicomReader;
import org.cloak.dicom.io.ReadOptions;
import org.cloak.pipeline.layout.LayoutSpec;
import org.cloak.pipeline.layout.OutputLayout;
import org.cloak.pipeline.source.DicomSniffer;

/**
 * De-identifies objects held in memory, for runners that are not the batch run: a distributed
 * job's task that read a file of a Hadoop file system, say. The same steps and reasons as
 * {@link FileProcessor} (sniff, parse, input check, engine, layout), but it writes nothing: the
 * caller writes each {@link Decision.Write}'s result under its output folder, wherever that is.
 * No threads, no files. Thread-safe; never throws for a problem of the data.
 *
 * <pre>{@code
 * ObjectProcessor p = new ObjectProcessor(deid, LayoutSpec.standard(), ds -> null);
 * Decision d = p.process(bytes, Path.of("CT/1.dcm"), origin, position);
 * // Decision.Write w: write w.result() to OUT/w.target(); Decision.Hold h: quarantine with h.reason()
 * }</pre>
 */
public final class ObjectProcessor {
    /** Layouts resolve against a folder; a root of the default file system makes their paths lexical. */
    private static final Path ROOT = FileSystems.getDefault().getRootDirectories().iterator().next();

    private final FileDecider decider;

    /** @param check a check of the original data set (e.g. strict private data; {@code ds -> null}: none) */
    public ObjectProcessor(Deidentification deid, LayoutSpec layout, FileProcessor.InputCheck check) {
        OutputLayout relative = layout.in(ROOT);
        this.decider = new FileDecider(deid, new OutputLayout() {
            @Override
            public Path target(org.cloak.pipeline.source.Input item) {
                return ROOT.relativize(relative.target(item));
            }

            @Override
            public Path target(Path rel, org.cloak.pipeline.layout.LayoutValues values) {
                return ROOT.relativize(relative.target(rel, values));
            }
        }, check);
    }

    /**
     * Decides one object.
     *
     * @param bytes the whole file; bulk values of the result refer into it, so it must not change
     * @param relative its path relative to its input root
     * @param position its place from discovery ({@link StudyNumbering}), or null when unknown
     * @return the decision; a {@link Decision.Write}'s target is relative to the output folder
     */
    public Decision process(byte[] bytes, Path relative, Origin origin, StudyIndex.Position position) {
        if (!DicomSniffer.isDicom(bytes)) {
            return new Decision.Skip();
        }
        try {
            DicomFile in = DicomReader.read(bytes, relative.toString(), ReadOptions.DEFAULT);
            return decider.decide(in, relative, origin, position);
        } catch (DicomParseException e) {
            return new Decision.Hold("not readable as DICOM: " + e.withoutSource());
        } catch (IOException e) {
            return new Decision.Hold("not readable as DICOM: " + e.getClass().getSimpleName());
        } catch (RuntimeException | StackOverflowError e) {
            // fails closed, as the batch run's crashed(): only the kind of failure is named
            return new Decision.Hold("internal error: " + e.getClass().getName());
        }
    }
}
