package org.cloak.spark.plan;

import java.io.IOException;
import java.util.Locale;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.cloak.deid.pseudo.Discovery;
import org.cloak.dicom.io.DicomFile;
import org.cloak.dicom.io.DicomInput;
import org.cloak.dicom.io.DicomReader;
import org.cloak.pipeline.run.HeaderScan;
import org.cloak.pipeline.run.StudyMember;
import org.cloak.pipeline.source.DicomSniffer;
import org.cloak.spark.io.HadoopFiles;

/**
 * The discovery pass's read of one file, with the pipeline's header-only options
 * ({@link HeaderScan#HEADERS_ONLY}). A file of the local file system is read as {@code cloak run}
 * reads it (its pixel data is skipped, not read); a file of another store is fetched whole,
 * since its values must be skipped in bytes that are there.
 */
public final class HeaderReader {
    private HeaderReader() {}

    /** Scans one file into {@code discovery}; never throws for a problem of the file. */
    public static Scan scan(SourceFile f, Configuration conf, Discovery discovery) {
        try {
            DicomFile header = read(f, conf);
            if (header == null || !HeaderScan.placed(header)) {
                return new Scan(f, null);
            }
            discovery.observe(header.dataset(), f.origin());
            return new Scan(f, StudyMember.of(f.relative(), header.dataset()));
        } catch (IOException | RuntimeException e) {
            return new Scan(f, null); // the processing pass reads it again and quarantines it with the reason
        }
    }

    private static DicomFile read(SourceFile f, Configuration conf) throws IOException {
        Path p = new Path(f.uri());
        String scheme = p.toUri().getScheme();
        if (scheme == null || scheme.toLowerCase(Locale.ROOT).equals("file")) {
            try (DicomInput in = DicomInput.open(java.nio.file.Path.of(p.toUri().getPath()),
                    HeaderScan.HEADERS_ONLY)) {
                return DicomSniffer.isDicom(in) ? in.read() : null;
            }
        }
        FileSystem fs = HadoopFiles.fs(p, conf);
        byte[] bytes = HadoopFiles.read(fs, p, f.size());
        return DicomSniffer.isDicom(bytes) ? DicomReader.read(bytes, f.relative(), HeaderScan.HEADERS_ONLY) : null;
    }
}
