package org.cloak.server.entry;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.cloak.pipeline.io.AtomicFiles;
import org.cloak.pipeline.vault.Vault;
import org.cloak.server.config.DataDir;
import org.cloak.server.project.Deidentifiers;
import org.cloak.server.project.RecipeStore;
import org.jdbi.v3.core.Jdbi;

/**
 * Originals held for a person's review, each with its reason: the file is sealed with the
 * project's vault key (the site vault's for unassigned data) under a random name in
 * {@code DATA/quarantine/PROJECT/}, the reason (which never holds an attribute value) is in the
 * database. Nothing identifying is at rest in clear.
 */
public final class QuarantineStore {
    /** Largest original kept; a larger one is recorded with its reason but not kept. */
    static final long MAX_KEPT = 256L * 1024 * 1024;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Jdbi jdbi;
    private final DataDir dirs;
    private final Deidentifiers deids;
    private final Clock clock;

    public QuarantineStore(Jdbi jdbi, DataDir dirs, Deidentifiers deids, Clock clock) {
        this.jdbi = jdbi;
        this.dirs = dirs;
        this.deids = deids;
        this.clock = clock;
    }

    /** An entry as listed. */
    public record Entry(long id, String project, Long job, String name, String reason, long size, String at) {}

    /**
     * Keeps {@code original} with its reason.
     *
     * @param project the project, "" for unassigned
     * @return the entry's neutral name
     */
    public String put(String project, Long job, Path original, String reason) throws IOException {
        byte[] r = new byte[12];
        RANDOM.nextBytes(r);
        String name = HexFormat.of().formatHex(r);
        long size = Files.size(original);
        String kept = reason;
        if (size <= MAX_KEPT) {
            seal(project, name, Files.readAllBytes(original));
        } else {
            kept = reason + " (the original is too large to keep in the quarantine)";
        }
        String stored = kept.length() > 1000 ? kept.substring(0, 1000) : kept;
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO quarantine (project_id, job_id, name, reason, size, created_at)"
                        + " VALUES (:p, :j, :n, :r, :s, :t)").bind("p", project).bind("j", job).bind("n", name)
                .bind("r", stored).bind("s", size).bind("t", clock.millis()).execute());
        return name;
    }

    /** Seals bytes into the project's quarantine folder as {@code NAME.enc}. */
    void seal(String project, String name, byte[] plain) throws IOException {
        Vault vault = deids.vault(project.isEmpty() ? RecipeStore.SITE : project);
        Path file = dirs.quarantine(project).resolve(name + ".enc");
        byte[] sealed = vault.seal(file.getFileName().toString(), plain);
        AtomicFiles.write(file, ch -> {
            ByteBuffer b = ByteBuffer.wrap(sealed);
            while (b.hasRemaining()) {
                ch.write(b);
            }
        });
    }

    /** Decrypts a kept original (for an authorised review). */
    public byte[] open(String project, String name) throws IOException {
        Vault vault = deids.vault(project.isEmpty() ? RecipeStore.SITE : project);
        Path file = dirs.quarantine(project).resolve(name + ".enc");
        return vault.open(file, Files.readAllBytes(file));
    }

    public List<Entry> list(String project) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, project_id, job_id, name, reason, size, created_at"
                        + " FROM quarantine WHERE project_id = :p ORDER BY id").bind("p", project)
                .map((rs, c) -> new Entry(rs.getLong(1), rs.getString(2), rs.getObject(3, Long.class), rs.getString(4),
                        rs.getString(5), rs.getLong(6), Instant.ofEpochMilli(rs.getLong(7)).toString())).list());
    }
}
