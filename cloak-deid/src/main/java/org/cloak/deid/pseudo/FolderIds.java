package org.cloak.deid.pseudo;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * FOLDER: the ID is read from a folder name of the file's path under its input. The regex is
 * searched in the folder at {@code folderDepth} (0 = top folder; for a file lying directly in
 * the input, the input folder itself); group 1 is the ID when the regex has a group, else the
 * whole match. A folder that does not match (or a path not that deep) gets the fallback
 * template, whose {@code {n}} is numbered after discovery over the sorted non-matching folder
 * names (or original PatientIDs when the path is too shallow), from 1.
 */
final class FolderIds implements PatientIdStrategy {
    private final Pattern regex;
    private final int depth;
    private final String fallback;
    private final Numbering numbering = new Numbering("non-matching folder", 1, n -> true);

    FolderIds(String regex, int depth, String fallback) {
        if (regex == null || regex.isEmpty()) {
            throw new PseudonymException("The FOLDER patient ID strategy needs a folder regex");
        }
        try {
            this.regex = Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new PseudonymException("Could not compile the folder regex: " + e.getDescription(), e);
        }
        if (depth < 0) {
            throw new PseudonymException("The folder depth must be 0 or more, not " + depth);
        }
        this.depth = depth;
        this.fallback = fallback == null || fallback.isEmpty() ? "UNKNOWN-{n}" : fallback;
    }

    @Override
    public boolean needsDiscovery() { return fallback.contains("{n}"); }

    @Override
    public void observe(FileFacts file) {
        if (match(file) == null) {
            numbering.observe(fallbackKey(file), null);
        }
    }

    @Override
    public void freeze() { numbering.freeze(); }

    @Override
    public String newId(FileFacts file) {
        String id = match(file);
        if (id != null) {
            return id;
        }
        return needsDiscovery()
                ? fallback.replace("{n}", Integer.toString(numbering.numberOf(fallbackKey(file))))
                : fallback;
    }

    private String match(FileFacts file) {
        String folder = file.folderAt(depth);
        if (folder == null) {
            return null;
        }
        Matcher m = regex.matcher(folder);
        if (!m.find()) {
            return null;
        }
        String id = m.groupCount() >= 1 && m.group(1) != null ? m.group(1) : m.group();
        return id.isEmpty() ? null : id;
    }

    private String fallbackKey(FileFacts file) {
        String folder = file.folderAt(depth);
        return folder != null ? "folder:" + folder : "id:" + file.patientKey();
    }
}
