package org.cloak.spark.study;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.cloak.pipeline.folder.OutputFolder;
import org.cloak.spark.io.HadoopFiles;

/**
 * The resume journal of a Spark run, in the output folder ({@code OUT/.cloak/spark/done/}): one
 * entry per finished study, named by its leaf (a hash, never a UID), written only once every
 * file of the study is in place, and holding the study's {@link StudyResult}. A rerun skips
 * the written files of finished studies.
 */
public final class StudyJournal {
    private final FileSystem fs;
    private final Path dir;

    public StudyJournal(FileSystem fs, Path output) {
        this.fs = fs;
        this.dir = new Path(stateDir(output), "done");
    }

    /** {@code OUT/.cloak/spark}: the Spark run's own state in the output folder. */
    public static Path stateDir(Path output) {
        return new Path(new Path(output, OutputFolder.STATE), "spark");
    }

    /** The entry of a finished study, or null. */
    public StudyResult finished(String leaf) throws IOException {
        Path p = new Path(dir, leaf);
        if (!fs.exists(p)) {
            return null;
        }
        try (InputStream in = fs.open(p); ObjectInputStream o = new ObjectInputStream(in)) {
            return (StudyResult) o.readObject();
        } catch (ClassNotFoundException | ClassCastException | java.io.ObjectStreamException e) {
            return null; // an entry of another version: the study is made again
        }
    }

    /** Journals a study finished; replaces the entry of an earlier attempt or run. */
    public void done(StudyResult r) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (ObjectOutputStream o = new ObjectOutputStream(b)) {
            o.writeObject(r);
        }
        HadoopFiles.replace(fs, new Path(dir, r.leaf()), b.toByteArray());
    }

    /** Forgets every finished study (a restart). */
    public void clear() throws IOException {
        fs.delete(dir, true);
    }
}
