package org.cloak.spark.plan;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.cloak.pipeline.source.InputItem;
import org.cloak.pipeline.source.InputSource;

/**
 * Lists the input files through the Hadoop FileSystem API, in {@code cloak run}'s order: inputs
 * as given, folders recursed with their files sorted by path, a file given directly named by its
 * own name under its folder. A list file holds more inputs, one a line. Local inputs are listed by
 * the pipeline's {@link InputSource}, as {@code cloak run} lists them.
 */
public final class InputListing {
    private InputListing() {}

    /**
     * @param inputs files and folders (any Hadoop path: a local path, {@code hdfs://}, {@code s3a://})
     * @param listFiles text files of more inputs, one a line (blank lines ignored)
     * @throws IOException when an input does not exist or cannot be listed
     */
    public static List<SourceFile> list(Configuration conf, List<String> inputs, List<String> listFiles)
            throws IOException {
        List<String> all = new ArrayList<>(inputs);
        for (String l : listFiles) {
            all.addAll(lines(conf, new Path(l)));
        }
        List<SourceFile> out = new ArrayList<>();
        for (String input : all) {
            Path p = new Path(input);
            FileSystem fs = p.getFileSystem(conf);
            Path q = fs.makeQualified(p);
            String scheme = q.toUri().getScheme();
            if (scheme != null && scheme.equals("file")) {
                // the batch run's own listing: the same files in the same order, and without Hadoop's
                // local listing, which runs a process per file to read its permissions
                for (InputItem item : InputSource.list(List.of(java.nio.file.Path.of(q.toUri().getPath())))) {
                    String rel = item.relative().toString().replace('\\', '/');
                    out.add(new SourceFile(out.size(), new Path(item.file().toUri()).toString(),
                            item.root().toString(), String.valueOf(item.root().getFileName()), rel,
                            java.nio.file.Files.size(item.file())));
                }
                continue;
            }
            FileStatus st = fs.getFileStatus(q);
            if (st.isDirectory()) {
                List<LocatedFileStatus> files = new ArrayList<>();
                RemoteIterator<LocatedFileStatus> it = fs.listFiles(q, true);
                while (it.hasNext()) {
                    LocatedFileStatus f = it.next();
                    if (f.isFile()) {
                        files.add(f);
                    }
                }
                files.sort(Comparator.comparing(f -> f.getPath().toString()));
                String prefix = q.toString().endsWith("/") ? q.toString() : q + "/";
                for (LocatedFileStatus f : files) {
                    String rel = f.getPath().toString().substring(prefix.length());
                    out.add(new SourceFile(out.size(), f.getPath().toString(), rootKey(q), q.getName(), rel,
                            f.getLen()));
                }
            } else {
                Path parent = q.getParent();
                out.add(new SourceFile(out.size(), q.toString(), rootKey(parent), parent.getName(), q.getName(),
                        st.getLen()));
            }
        }
        return out;
    }

    /** The root as {@code cloak run} names it for a local folder (its path), else the qualified URI. */
    static String rootKey(Path qualified) {
        String scheme = qualified.toUri().getScheme();
        return scheme == null || scheme.toLowerCase(Locale.ROOT).equals("file") ? qualified.toUri().getPath()
                : qualified.toString();
    }

    private static List<String> lines(Configuration conf, Path file) throws IOException {
        List<String> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(file.getFileSystem(conf).open(file),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.isBlank()) {
                    out.add(line.strip());
                }
            }
        }
        return out;
    }
}
