package org.cloak.server.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The data directory's layout, owned here only:
 * <pre>
 * DATA/db/            embedded database (when no external one is configured)
 * DATA/prearchive/    PROJECT|_unassigned/SUBJECT/SESSION/SERIES/INSTANCE.dcm, de-identified by the site recipe
 * DATA/archive/       PROJECT/SUBJECT/SESSION/SERIES/INSTANCE.dcm, de-identified by site and project recipe
 * DATA/quarantine/    PROJECT|_unassigned/NAME.enc: originals held for review, encrypted with the vault key
 * DATA/arrival/       PROJECT/NAME.enc: encrypted copies of what arrived, for projects that keep them
 * DATA/vault/         SCOPE/: one vault per project (and _site), never under archive
 * DATA/keys/          SCOPE.key: the vaults' key files, unless a passphrase or another key folder is set
 * DATA/jobs/          JOB/: uploads waiting to be processed, and a job's scratch space
 * DATA/qc/            SESSION.json: the verify report of each session
 * DATA/tmp/           temporary files (spooled DICOM instances), emptied at start
 * </pre>
 */
public final class DataDir {
    /** Folder name of sessions not assigned to a project. */
    public static final String UNASSIGNED = "_unassigned";

    private final Path root;

    public DataDir(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** Creates the folders (owner-only where they hold secrets or originals). */
    public DataDir create() throws IOException {
        for (Path p : new Path[] {root, db(), prearchive(), archive(), quarantineRoot(), arrivalRoot(), vaultRoot(),
                jobsRoot(), qcRoot(), tmp()}) {
            Files.createDirectories(p);
        }
        return this;
    }

    public Path root() { return root; }

    public Path db() { return root.resolve("db"); }

    public Path prearchive() { return root.resolve("prearchive"); }

    public Path archive() { return root.resolve("archive"); }

    public Path quarantineRoot() { return root.resolve("quarantine"); }

    public Path quarantine(String project) { return quarantineRoot().resolve(folder(project)); }

    public Path arrivalRoot() { return root.resolve("arrival"); }

    public Path arrival(String project) { return arrivalRoot().resolve(folder(project)); }

    public Path vaultRoot() { return root.resolve("vault"); }

    public Path vault(String scope) { return vaultRoot().resolve(scope); }

    public Path jobsRoot() { return root.resolve("jobs"); }

    public Path job(long id) { return jobsRoot().resolve(Long.toString(id)); }

    public Path qcRoot() { return root.resolve("qc"); }

    public Path qcReport(long session) { return qcRoot().resolve(session + ".json"); }

    public Path tmp() { return root.resolve("tmp"); }

    /** The folder of a project's sessions in an area, {@link #UNASSIGNED} for none. */
    public static String folder(String project) {
        return project == null || project.isEmpty() ? UNASSIGNED : project;
    }
}
