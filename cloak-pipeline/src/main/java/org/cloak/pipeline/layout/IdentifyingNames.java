package org.cloak.pipeline.layout;

import java.nio.file.Path;
import java.util.concurrent.atomic.LongAdder;
import org.cloak.deid.verify.IdentifierMatcher;
import org.cloak.deid.verify.OriginalIdentifiers;
import org.cloak.dicom.data.DataSet;

/**
 * Counts the inputs whose names a layout copies into the output ({@code mirror}: folders and
 * file name; {@code mirror-renamed}: all but the top folder) and that hold their own patient's identifiers
 * (name in any order, IDs, accession, birth and study dates, institution: as verify searches
 * them). Folders named {@code DOE_JOHN_0001/} would otherwise carry the name into data that is
 * meant to be shipped. Thread-safe; keeps counts, never names.
 */
public final class IdentifyingNames {
    private final LayoutSpec layout;
    private final LongAdder count = new LongAdder();

    public IdentifyingNames(LayoutSpec layout) {
        this.layout = layout;
    }

    /** Checks one input's copied names against the identifiers of its header. */
    public void observe(Path relative, DataSet header) {
        String copied = copiedNames(relative);
        if (copied != null && !new IdentifierMatcher(OriginalIdentifiers.valuesOf(header)).find(copied).isEmpty()) {
            count.increment();
        }
    }

    public long count() { return count.sum(); }

    /** The names the layout copies, as words (separators as spaces), or null when it copies none. */
    String copiedNames(Path relative) {
        if (layout instanceof LayoutSpec.Mirror) {
            return searchText(relative);
        }
        if (layout instanceof LayoutSpec.MirrorRenamed) {
            // the top folder becomes the new PatientID; the folders below it and the file name stay
            return searchText(relative.getNameCount() > 1 ? relative.subpath(1, relative.getNameCount()) : relative);
        }
        return null;
    }

    /**
     * A path as the identifier search reads it: its components as they stand (an ID such as
     * {@code PID-0001}) and as words ({@code DOE_JOHN/scan.dcm} also reads {@code DOE JOHN scan dcm}).
     */
    public static String searchText(Path path) {
        String raw = path.toString().replace('\\', '/');
        return raw.replace('/', ' ') + " " + raw.replaceAll("[/_.\\-^,]+", " ");
    }
}
