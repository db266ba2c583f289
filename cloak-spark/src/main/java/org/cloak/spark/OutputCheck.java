package org.cloak.spark;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.cloak.pipeline.PipelineException;
import org.cloak.pipeline.layout.PathChecks;
import org.cloak.pipeline.service.RunService;
import org.cloak.spark.io.HadoopFiles;
import org.cloak.spark.study.StudyJournal;

/**
 * The checks {@code cloak run} makes before anything is written, on Hadoop paths: the output is
 * neither inside an input nor holds one, the vault is outside the output, and an output folder
 * made with other settings is not resumed (its settings digest is kept in {@code .cloak/spark}).
 */
final class OutputCheck {
    private OutputCheck() {}

    static void check(Configuration conf, SparkJobSpec spec) throws IOException {
        String out = qualified(conf, spec.output());
        for (String in : spec.inputs()) {
            String q = qualified(conf, in);
            if (within(out, q) || within(q, out)) {
                throw new PipelineException(PipelineException.Kind.USAGE, "the output folder " + spec.output()
                        + " must not be inside an input, nor hold one: " + in);
            }
        }
        Path o = new Path(out);
        String scheme = o.toUri().getScheme();
        if (scheme == null || scheme.toLowerCase(Locale.ROOT).equals("file")) {
            // the secret must never travel with the de-identified data
            PathChecks.requireDisjoint("vault", spec.vaultDir(), "output folder", java.nio.file.Path.of(o.toUri()
                    .getPath()));
        }
    }

    /** Refuses to resume an output made with other settings, unless restarting; records these settings. */
    static void settings(FileSystem fs, Path out, SparkJobSpec spec) throws IOException {
        String digest = RunService.settingsDigest(spec.recipeDigest(), spec.layout(), spec.strictPrivate(), false);
        Path file = new Path(StudyJournal.stateDir(out), "settings-sha256");
        if (fs.exists(file) && !spec.restart()) {
            String previous;
            try (InputStream in = fs.open(file)) {
                previous = new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip();
            }
            if (!previous.equals(digest)) {
                throw new PipelineException(PipelineException.Kind.USAGE, "the output folder " + spec.output()
                        + " holds outputs made with other settings (recipe, profile, options or layout):"
                        + " give --restart to make them again with these, or choose another output folder");
            }
        }
        HadoopFiles.replace(fs, file, (digest + "\n").getBytes(StandardCharsets.US_ASCII));
    }

    private static String qualified(Configuration conf, String p) throws IOException {
        Path path = new Path(p);
        return path.getFileSystem(conf).makeQualified(path).toString();
    }

    private static boolean within(String child, String parent) {
        return child.equals(parent) || child.startsWith(parent.endsWith("/") ? parent : parent + "/");
    }
}
