package org.cloak.pipeline.vault;

import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.cloak.deid.pseudo.PseudonymPlanner;
import org.cloak.deid.pseudo.Secret;
import org.cloak.deid.pseudo.SecretStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The project's vault: a folder, kept outside every output tree, holding the HMAC secret and the
 * re-identification map, both encrypted with AES-256-GCM ({@code secret.enc}, {@code map.enc})
 * under a key from a passphrase or a key file, described by a plain {@code vault.json}.
 *
 * <p>Thread-safe: workers may {@link #record} and {@link #merge} concurrently. Changes stay in
 * memory until {@link #flush()}, which rewrites the map crash-safely under a lock shared with
 * other processes, first taking in whatever another process flushed meanwhile, so two runs on
 * one vault lose nothing. A crash leaves the previous or the new map, never a torn one.
 * Nothing here logs or puts in a message an original ID, a key or a passphrase.
 */
public final class Vault implements AutoCloseable {
    public static final String SECRET_FILE = "secret.enc";
    public static final String MAP_FILE = "map.enc";
    private static final String SEGMENT_PREFIX = "uids-";
    private static final String SEGMENT_SUFFIX = ".enc";
    /** Shortest passphrase accepted for a new vault. */
    public static final int MIN_PASSPHRASE = 12;
    private static final Logger LOG = LoggerFactory.getLogger(Vault.class);

    private final Path dir;
    private final byte[] key;
    private final Secret secret;
    /** Everything known: {@link #MAP_FILE} and the UID segments, with what this process added. */
    private final ReidMap map;
    /** What {@link #MAP_FILE} holds: the patients, and the UIDs compacted into it. */
    private final ReidMap file;
    /** UIDs added since the last flush: written as a new segment, not into {@link #MAP_FILE}. */
    private ReidMap pendingUids = new ReidMap();
    private boolean dirty;
    private byte[] mapNonce;

    private Vault(Path dir, byte[] key, Secret secret, ReidMap map, ReidMap file, byte[] mapNonce) {
        this.dir = dir;
        this.key = key;
        this.secret = secret;
        this.map = map;
        this.file = file;
        this.mapNonce = mapNonce;
    }

    /**
     * Opens the vault in {@code dir}, creating it (folder 0700, files 0600) when {@code dir} holds
     * none. A plain {@code secret.key} left by {@link SecretStore} is imported, so pseudonyms
     * stay the same, and then deleted. A new vault with a key file creates that file when missing.
     *
     * @throws VaultException wrong key, damaged files, or a key of the other kind than the vault's
     */
    public static Vault openOrCreate(Path dir, KeySource key) {
        return open(dir, key, true);
    }

    /** Opens an existing vault; never creates one (for lookups and exports). */
    public static Vault open(Path dir, KeySource key) {
        return open(dir, key, false);
    }

    /** Whether {@code dir} holds a vault. */
    public static boolean exists(Path dir) {
        return Files.isRegularFile(dir.resolve(VaultHeader.FILE));
    }

    /** Refuses a vault inside {@code tree} (e.g. the output folder) or a tree inside the vault. */
    public static void requireOutside(Path vaultDir, Path tree) {
        Path v = vaultDir.toAbsolutePath().normalize();
        Path t = tree.toAbsolutePath().normalize();
        if (v.startsWith(t) || t.startsWith(v)) {
            throw new IllegalArgumentException("The vault " + v + " and the folder " + t
                    + " overlap; keep the vault outside the output and input trees");
        }
    }

    private static Vault open(Path dir, KeySource source, boolean create) {
        try {
            if (!create && !exists(dir)) {
                throw new VaultException("There is no vault in " + dir + " (" + VaultHeader.FILE + " is missing)");
            }
            VaultFiles.createDirectory(dir);
            return VaultFiles.locked(dir, () -> {
                int left = VaultFiles.removeLeftovers(dir);
                if (left > 0) {
                    LOG.info("Removed {} temporary file(s) left in the vault {} by an interrupted write", left, dir);
                }
                return exists(dir) ? load(dir, source) : create(dir, source);
            });
        } catch (IOException e) {
            throw new VaultException("Could not open the vault " + dir + ": " + e.getMessage(), e);
        }
    }

    private static Vault create(Path dir, KeySource source) throws IOException {
        Path legacy = dir.resolve(SecretStore.KEY_FILE);
        byte[] secretBytes = Files.exists(legacy) ? readLegacy(legacy) : VaultCrypto.random(SecretStore.KEY_BYTES);
        VaultHeader header;
        byte[] key;
        if (source instanceof KeySource.Passphrase p) {
            if (p.chars().length < MIN_PASSPHRASE) {
                throw new VaultException("A new vault needs a passphrase of at least " + MIN_PASSPHRASE
                        + " characters");
            }
            byte[] salt = VaultCrypto.random(VaultCrypto.SALT_BYTES);
            header = VaultHeader.forPassphrase(salt, VaultCrypto.ITERATIONS);
            key = VaultCrypto.derive(p.chars(), salt, VaultCrypto.ITERATIONS);
        } else {
            header = VaultHeader.forKeyFile();
            key = KeyFiles.loadOrCreate(((KeySource.KeyFile) source).file(), dir);
        }
        VaultFiles.replace(dir.resolve(SECRET_FILE), VaultCrypto.seal(key, SECRET_FILE, secretBytes));
        // the header goes last: its presence marks a complete vault
        VaultFiles.replace(dir.resolve(VaultHeader.FILE), header.toBytes());
        LOG.info("Created the vault {}", dir);
        if (Files.exists(legacy)) {
            Files.delete(legacy);
            VaultFiles.syncDirectory(dir);
            LOG.info("Imported the plain secret key of {} into the encrypted vault and deleted the plain file", dir);
        }
        return new Vault(dir, key, new Secret(secretBytes), new ReidMap(), new ReidMap(), new byte[0]);
    }

    private static Vault load(Path dir, KeySource source) throws IOException {
        VaultHeader header = VaultHeader.read(dir.resolve(VaultHeader.FILE));
        byte[] key = keyFor(header, source, dir);
        Path secretFile = dir.resolve(SECRET_FILE);
        if (!Files.exists(secretFile)) {
            throw new VaultException("The vault " + dir + " is damaged: " + SECRET_FILE + " is missing");
        }
        byte[] secretBytes = VaultCrypto.open(key, secretFile, Files.readAllBytes(secretFile));
        Path legacy = dir.resolve(SecretStore.KEY_FILE);
        if (Files.exists(legacy)) {
            if (!Arrays.equals(readLegacy(legacy), secretBytes)) {
                throw new VaultException("The vault " + dir + " holds an encrypted secret and a different plain "
                        + SecretStore.KEY_FILE + "; move one of them away (they give different pseudonyms)");
            }
            Files.delete(legacy);
            VaultFiles.syncDirectory(dir);
        }
        ReidMap onDisk = new ReidMap();
        byte[] nonce = new byte[0];
        Path mapFile = dir.resolve(MAP_FILE);
        if (Files.exists(mapFile)) {
            byte[] sealed = Files.readAllBytes(mapFile);
            onDisk = decodeMap(key, mapFile, sealed);
            nonce = VaultCrypto.nonce(sealed);
        }
        ReidMap all = new ReidMap();
        all.addAll(onDisk);
        for (Path segment : segments(dir)) {
            all.addAll(decodeMap(key, segment, Files.readAllBytes(segment)));
        }
        return new Vault(dir, key, new Secret(secretBytes), all, onDisk, nonce);
    }

    /** The UID segments: each flush of new UIDs adds one, so a flush costs what it adds, not the whole map. */
    private static List<Path> segments(Path dir) throws IOException {
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, SEGMENT_PREFIX + "*" + SEGMENT_SUFFIX)) {
            s.forEach(out::add);
        }
        out.sort(null);
        return out;
    }

    private static byte[] keyFor(VaultHeader header, KeySource source, Path dir) throws IOException {
        if (header.passphrase()) {
            if (!(source instanceof KeySource.Passphrase p)) {
                throw new VaultException("The vault " + dir + " is protected by a passphrase: set "
                        + KeySource.PASSPHRASE_ENV + " or give a passphrase file");
            }
            return VaultCrypto.derive(p.chars(), header.salt(), header.key().iterations());
        }
        if (!(source instanceof KeySource.KeyFile f)) {
            throw new VaultException("The vault " + dir
                    + " is protected by a key file, not a passphrase: give its key file"
                    + " (default " + KeySource.defaultKeyFile() + ") and unset " + KeySource.PASSPHRASE_ENV);
        }
        return KeyFiles.load(f.file(), dir);
    }

    private static byte[] readLegacy(Path legacy) throws IOException {
        byte[] b = Files.readAllBytes(legacy);
        if (b.length != SecretStore.KEY_BYTES) {
            throw new VaultException("The plain secret key " + legacy + " holds " + b.length + " bytes, expected "
                    + SecretStore.KEY_BYTES + "; restore it from a backup before creating the vault");
        }
        return b;
    }

    private static ReidMap decodeMap(byte[] key, Path file, byte[] sealed) {
        try {
            return ReidMap.fromJson(VaultCrypto.open(key, file, sealed));
        } catch (IOException e) {
            throw new VaultException("The vault file " + file + " is damaged: " + e.getMessage());
        }
    }

    /** The project's secret, the same for the vault's whole life. */
    public Secret secret() { return secret; }

    public Path directory() { return dir; }

    /** Adds entries to the map in memory; {@link #flush()} makes them durable. */
    public synchronized void record(ReidMap.Entry... entries) {
        for (ReidMap.Entry e : entries) {
            add(e);
        }
    }

    private void add(ReidMap.Entry e) {
        if (!map.add(e)) {
            return;
        }
        if (e instanceof ReidMap.Uid) {
            pendingUids.add(e);
        } else {
            file.add(e);
            dirty = true;
        }
    }

    /**
     * Adds what a pseudonym planner decided ({@code idMap()}, {@code dateOffsets()},
     * {@code timepointBaselines()}), and optionally original to new UIDs. An idMap value may list
     * several pseudonyms separated by a backslash.
     *
     * @param uidMap original to new UID, or null
     */
    public synchronized void merge(Map<String, String> idMap, Map<String, Integer> dateOffsets,
                                   Map<String, LocalDate> timepointBaselines, Map<String, String> uidMap) {
        Set<String> ids = new TreeSet<>(idMap.keySet());
        ids.addAll(dateOffsets.keySet());
        ids.addAll(timepointBaselines.keySet());
        for (String id : ids) {
            String pseudonyms = idMap.get(id);
            Set<String> ps = pseudonyms == null ? Set.of() : new TreeSet<>(List.of(pseudonyms.split("\\\\")));
            Integer offset = dateOffsets.get(id);
            LocalDate baseline = timepointBaselines.get(id);
            add(new ReidMap.Patient(id, new TreeSet<>(ps),
                    offset == null ? new TreeSet<>() : new TreeSet<>(List.of(offset)),
                    baseline == null ? new TreeSet<>() : new TreeSet<>(List.of(baseline))));
        }
        if (uidMap != null) {
            uidMap.forEach((o, n) -> add(ReidMap.uid(o, n)));
        }
    }

    /** {@link #merge(Map, Map, Map, Map)} with everything {@code planner} has decided so far. */
    public void merge(PseudonymPlanner planner) {
        merge(planner.idMap(), planner.dateOffsets(), planner.timepointBaselines(), null);
    }

    /**
     * Writes the map if it changed since the last flush: temporary file, fsync, rename, fsync of
     * the folder, under the vault's lock. Cost grows with the map (about 100 bytes a patient, 130
     * a UID), so call it at checkpoints (e.g. before a study is marked finished), not per file.
     */
    public synchronized void flush() {
        Path target = dir.resolve(MAP_FILE);
        try {
            if (pendingUids.uidCount() > 0) {
                // new UIDs go to a segment of their own: the cost of a flush follows what it adds
                Path segment = dir.resolve(SEGMENT_PREFIX + System.currentTimeMillis() + "-" + UUID.randomUUID()
                        + SEGMENT_SUFFIX);
                target = segment;
                VaultFiles.replace(segment, VaultCrypto.seal(key, segment.getFileName().toString(),
                        pendingUids.toJson()));
                VaultFiles.syncDirectory(dir);
                pendingUids = new ReidMap();
            }
            if (dirty) {
                target = dir.resolve(MAP_FILE);
                writeMapFile(file);
                dirty = false;
            }
        } catch (IOException e) {
            throw new VaultException("Could not write the vault file " + target + ": " + e.getMessage(), e);
        }
    }

    /** Rewrites {@link #MAP_FILE} from {@code content}, merging what another process wrote there meanwhile. */
    private void writeMapFile(ReidMap content) throws IOException {
        Path mapFile = dir.resolve(MAP_FILE);
        VaultFiles.locked(dir, () -> {
            if (Files.exists(mapFile) && !Arrays.equals(nonceOnDisk(mapFile), mapNonce)) {
                ReidMap other = decodeMap(key, mapFile, Files.readAllBytes(mapFile));
                content.addAll(other);
                map.addAll(other);
            }
            byte[] sealed = VaultCrypto.seal(key, MAP_FILE, content.toJson());
            VaultFiles.replace(mapFile, sealed);
            mapNonce = VaultCrypto.nonce(sealed);
            return null;
        });
    }

    /**
     * Folds the UID segments into {@link #MAP_FILE} and deletes them, under the vault's lock: done
     * once when the vault is closed, so the many segments of a long run become one file again.
     */
    private synchronized void compact() {
        try {
            VaultFiles.locked(dir, () -> {
                List<Path> segs = segments(dir);
                if (segs.isEmpty()) {
                    return null;
                }
                Path mapFile = dir.resolve(MAP_FILE);
                ReidMap content = new ReidMap();
                if (Files.exists(mapFile)) {
                    content.addAll(decodeMap(key, mapFile, Files.readAllBytes(mapFile)));
                }
                content.addAll(file);
                for (Path seg : segs) {
                    content.addAll(decodeMap(key, seg, Files.readAllBytes(seg)));
                }
                byte[] sealed = VaultCrypto.seal(key, MAP_FILE, content.toJson());
                VaultFiles.replace(mapFile, sealed);
                mapNonce = VaultCrypto.nonce(sealed);
                for (Path seg : segs) {
                    Files.deleteIfExists(seg);
                }
                VaultFiles.syncDirectory(dir);
                file.addAll(content);
                return null;
            });
        } catch (IOException e) {
            // the segments stay and are read at the next open: nothing is lost
            LOG.warn("could not fold the vault's UID segments into {}: {}", MAP_FILE, e.getClass().getSimpleName());
        }
    }

    /** Entries whose original value or pseudonym is {@code id} (patient IDs and UIDs, both directions). */
    public synchronized List<ReidMap.Entry> lookup(String id) {
        return map.lookup(id);
    }

    /** Writes the whole map as CSV (see {@link ReidMap#writeCsv}): identifying data, for authorised use. */
    public synchronized void export(Writer csv) throws IOException {
        map.writeCsv(csv);
    }

    /** Writes the patient map as {@code id_old,id_new} CSV ({@link ReidMap#writePatientMap}). */
    public synchronized void exportPatientMap(Writer csv) throws IOException {
        map.writePatientMap(csv);
    }

    /** Writes the UID map as {@code id_old,id_new} CSV ({@link ReidMap#writeUidMap}). */
    public synchronized void exportUidMap(Writer csv) throws IOException {
        map.writeUidMap(csv);
    }

    /**
     * Encrypts {@code plain} under the vault's key as the content of a file named {@code name}
     * (AES-256-GCM, fresh nonce; the name is authenticated, so a sealed file renamed does not
     * open): for originals kept at rest beside the vault, such as a server's quarantine.
     */
    public byte[] seal(String name, byte[] plain) {
        return VaultCrypto.seal(key, name, plain);
    }

    /**
     * Decrypts what {@link #seal} made for the file {@code file} (its name is checked).
     *
     * @throws VaultException wrong key, another file's content or a damaged file
     */
    public byte[] open(Path file, byte[] sealed) {
        return VaultCrypto.open(key, file, sealed);
    }

    public synchronized int patientCount() { return map.patientCount(); }

    public synchronized int uidCount() { return map.uidCount(); }

    /** Flushes, then folds the UID segments into the map file. */
    @Override
    public void close() {
        flush();
        compact();
    }

    private static byte[] nonceOnDisk(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return VaultCrypto.nonce(in.readNBytes(VaultCrypto.HEADER_BYTES));
        }
    }
}
