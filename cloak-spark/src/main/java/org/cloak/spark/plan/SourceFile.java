package org.cloak.spark.plan;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cloak.deid.pseudo.Origin;

/**
 * One input file as the driver listed it.
 *
 * @param order its place in the listing: inputs in the order given, each folder's files sorted by path
 * @param uri the file's Hadoop path
 * @param root key of its input root: the local path for the local file system (as {@code cloak
 *     run} names it), else the qualified URI
 * @param rootName the root folder's own name
 * @param relative its path under the root, with {@code /}
 * @param size its length in bytes
 */
public record SourceFile(long order, String uri, String root, String rootName, String relative, long size)
        implements Serializable {

    /** Where it lies, as the de-identification API sees it (equal to {@code cloak run}'s for a local file). */
    public Origin origin() {
        String[] parts = relative.split("/");
        List<String> folders = new ArrayList<>(List.of(parts).subList(0, parts.length - 1));
        return new Origin(root, rootName, folders, parts[parts.length - 1], null);
    }

    /** The relative path as a path. */
    public Path relativePath() { return Path.of(relative); }

    /** Names only the position: the path may hold a patient's name. */
    @Override
    public String toString() { return "SourceFile[" + order + "]"; }
}
