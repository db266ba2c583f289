package org.cloak.pipeline.audit;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.apache.poi.util.DefaultTempFileCreationStrategy;
import org.apache.poi.util.TempFile;

/**
 * POI's temporary files (the rows of a streamed workbook) go to a folder of this process only,
 * created owner-only (0700). POI's default is one {@code poifiles} folder in the system temporary
 * folder shared by every user of the machine: the first user's folder refuses the others, and
 * audit rows would sit where others can list them.
 */
final class PoiTemp {
    private static Path dir;

    private PoiTemp() {}

    /** Points POI at this process's own folder, made at the first call; later calls keep it. */
    static synchronized Path ensurePrivate() throws IOException {
        if (dir == null || !Files.isDirectory(dir)) {
            Path d = FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                    ? Files.createTempDirectory("cloak-poi-",
                            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")))
                    : Files.createTempDirectory("cloak-poi-");
            d.toFile().deleteOnExit();
            TempFile.setTempFileCreationStrategy(new DefaultTempFileCreationStrategy(d.toFile()));
            dir = d;
        }
        return dir;
    }
}
