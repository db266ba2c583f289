package org.cloak.pipeline.layout;

import java.nio.file.Path;
import org.cloak.dicom.dict.Tag;
import org.cloak.pipeline.source.Input;

/**
 * The mirror layout with the top folder of each relative path replaced by the new PatientID
 * ({@code DOE_JANE/CT/1.dcm} becomes {@code P001/CT/1.dcm}); a file given directly goes into a
 * folder named after the new PatientID. Lower folder and file names are kept as they are.
 */
public final class MirrorRenamedLayout implements OutputLayout {
    private final Path out;
    private final MirrorLayout mirror;

    public MirrorRenamedLayout(Path out) {
        this.out = out.toAbsolutePath().normalize();
        this.mirror = new MirrorLayout(out);
    }

    @Override
    public Path target(Input item) {
        throw new UnsupportedOperationException("mirror-renamed needs the new PatientID");
    }

    @Override
    public Path target(Path relative, LayoutValues v) {
        Path rel = mirror.target(relative, v);
        rel = out.relativize(rel);
        String id = v.dataset().getString(Tag.PatientID);
        Path top = Path.of(PathComponents.sanitise(id == null ? "" : id.strip()));
        Path rest = rel.getNameCount() > 1 ? rel.subpath(1, rel.getNameCount()) : rel;
        return out.resolve(top).resolve(rest);
    }

    @Override
    public boolean pathOnly() { return false; }
}
