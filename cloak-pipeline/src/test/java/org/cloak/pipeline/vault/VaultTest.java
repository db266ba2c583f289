package org.cloak.pipeline.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.cloak.deid.pseudo.Secret;
import org.cloak.deid.pseudo.SecretStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VaultTest {
    private static final String PASSPHRASE = "correct horse battery staple";

    @TempDir
    Path tmp;

    private Path vaultDir() { return tmp.resolve("vault"); }

    private KeySource passphrase() { return new KeySource.Passphrase(PASSPHRASE.toCharArray()); }

    private KeySource keyFile() { return new KeySource.KeyFile(tmp.resolve("keys/vault.key")); }

    @Test
    void aPassphraseVaultReopensWithTheSameSecretAndMap() {
        byte[] secret;
        try (Vault v = Vault.openOrCreate(vaultDir(), passphrase())) {
            secret = v.secret().bytes();
            v.record(ReidMap.patient("PID-0001", "P001", -12, LocalDate.of(2020, 1, 2)));
        }
        Vault again = Vault.open(vaultDir(), passphrase());
        assertThat(again.secret().bytes()).isEqualTo(secret).hasSize(32);
        assertThat(again.lookup("PID-0001")).containsExactly(ReidMap.patient("PID-0001", "P001", -12,
                LocalDate.of(2020, 1, 2)));
    }

    @Test
    void theHeaderIsPlainAndHoldsTheKeyDerivationButNoSecret() throws IOException {
        Vault.openOrCreate(vaultDir(), passphrase()).close();
        String json = Files.readString(vaultDir().resolve("vault.json"));
        assertThat(json).contains("\"format\" : 1", "\"cipher\" : \"AES-256-GCM\"", "\"type\" : \"passphrase\"",
                "\"kdf\" : \"PBKDF2WithHmacSHA256\"", "\"iterations\" : 600000", "\"salt\" : ")
                .doesNotContain(PASSPHRASE);
        assertThat(Files.readAllBytes(vaultDir().resolve(Vault.SECRET_FILE))).hasSize(8 + 1 + 12 + 32 + 16);
    }

    @Test
    void aKeyFileVaultCreatesAnOwnerOnlyKeyFileAndReopensWithIt() throws IOException {
        byte[] secret;
        try (Vault v = Vault.openOrCreate(vaultDir(), keyFile())) {
            secret = v.secret().bytes();
            v.record(ReidMap.uid("1.2.3.4", "2.25.77"));
        }
        Path key = tmp.resolve("keys/vault.key");
        assertThat(Files.readAllBytes(key)).hasSize(32);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(vaultDir()))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(vaultDir().resolve(Vault.MAP_FILE))))
                .isEqualTo("rw-------");
        Vault again = Vault.open(vaultDir(), keyFile());
        assertThat(again.secret().bytes()).isEqualTo(secret);
        assertThat(again.lookup("2.25.77")).containsExactly(ReidMap.uid("1.2.3.4", "2.25.77"));
        assertThat(Files.readString(vaultDir().resolve("vault.json"))).contains("\"type\" : \"key-file\"")
                .doesNotContain("iterations");
    }

    @Test
    void aWrongPassphraseIsAClearErrorNamingTheFile() {
        Vault.openOrCreate(vaultDir(), passphrase()).close();
        assertThatThrownBy(() -> Vault.open(vaultDir(), new KeySource.Passphrase("not the passphrase".toCharArray())))
                .isInstanceOf(VaultException.class)
                .hasMessage("Wrong key or corrupted vault file " + vaultDir().resolve(Vault.SECRET_FILE))
                .hasNoCause();
    }

    @Test
    void aWrongKeyFileIsAClearError() throws IOException {
        Vault.openOrCreate(vaultDir(), keyFile()).close();
        Path other = Files.write(tmp.resolve("other.key"), new byte[32]);
        assertThatThrownBy(() -> Vault.open(vaultDir(), new KeySource.KeyFile(other)))
                .isInstanceOf(VaultException.class)
                .hasMessage("Wrong key or corrupted vault file " + vaultDir().resolve(Vault.SECRET_FILE));
    }

    @Test
    void aKeyOfTheOtherKindSaysWhichKindTheVaultNeeds() {
        Vault.openOrCreate(vaultDir(), passphrase()).close();
        assertThatThrownBy(() -> Vault.open(vaultDir(), keyFile()))
                .isInstanceOf(VaultException.class)
                .hasMessageStartingWith("The vault " + vaultDir()
                        + " is protected by a passphrase: set CLOAK_VAULT_PASSPHRASE");
    }

    @Test
    void aMissingKeyFileIsNotReplacedByANewOne() {
        Vault.openOrCreate(vaultDir(), keyFile()).close();
        Path missing = tmp.resolve("elsewhere.key");
        assertThatThrownBy(() -> Vault.openOrCreate(vaultDir(), new KeySource.KeyFile(missing)))
                .isInstanceOf(VaultException.class)
                .hasMessageContaining("does not exist");
        assertThat(missing).doesNotExist();
    }

    @Test
    void aKeyFileInsideTheVaultIsRefused() {
        assertThatThrownBy(() -> Vault.openOrCreate(vaultDir(), new KeySource.KeyFile(vaultDir().resolve("k.key"))))
                .isInstanceOf(VaultException.class)
                .hasMessageContaining("is inside the vault");
    }

    @Test
    void aShortPassphraseCannotCreateAVault() {
        assertThatThrownBy(() -> Vault.openOrCreate(vaultDir(), new KeySource.Passphrase("short".toCharArray())))
                .isInstanceOf(VaultException.class)
                .hasMessage("A new vault needs a passphrase of at least 12 characters");
    }

    @Test
    void openingAMissingVaultCreatesNothing() {
        assertThatThrownBy(() -> Vault.open(vaultDir(), keyFile()))
                .isInstanceOf(VaultException.class)
                .hasMessage("There is no vault in " + vaultDir() + " (vault.json is missing)");
        assertThat(vaultDir()).doesNotExist();
        assertThat(tmp.resolve("keys")).doesNotExist();
    }

    @Test
    void aCrashBeforeTheRenameLeavesThePreviousMapAndItsLeftoverIsRemoved() throws IOException {
        try (Vault v = Vault.openOrCreate(vaultDir(), keyFile())) {
            v.record(ReidMap.patient("PID-0001", "P001", null, null));
        }
        byte[] before = Files.readAllBytes(vaultDir().resolve(Vault.MAP_FILE));
        // a writer killed between writing its temporary file and renaming it leaves a torn temporary file
        Path torn = vaultDir().resolve(VaultFiles.TEMP_PREFIX + "12345" + VaultFiles.TEMP_SUFFIX);
        Files.write(torn, java.util.Arrays.copyOf(before, before.length / 2));

        Vault again = Vault.openOrCreate(vaultDir(), keyFile());
        assertThat(again.lookup("P001")).containsExactly(ReidMap.patient("PID-0001", "P001", null, null));
        assertThat(torn).doesNotExist();
    }

    @Test
    void aFlushReplacesTheMapWholeAndLeavesNoTemporaryFile() throws IOException {
        Vault v = Vault.openOrCreate(vaultDir(), keyFile());
        v.record(ReidMap.patient("PID-0001", "P001", null, null));
        v.flush();
        v.record(ReidMap.patient("PID-0002", "P002", null, null));
        v.flush();
        try (Stream<Path> files = Files.list(vaultDir())) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("vault.json", "secret.enc", "map.enc", "vault.lock");
        }
        assertThat(Vault.open(vaultDir(), keyFile()).patientCount()).isEqualTo(2);
    }

    @Test
    void aDamagedMapIsReportedAsSuchAndNotSilentlyReplaced() throws IOException {
        try (Vault v = Vault.openOrCreate(vaultDir(), keyFile())) {
            v.record(ReidMap.patient("PID-0001", "P001", null, null));
        }
        Path map = vaultDir().resolve(Vault.MAP_FILE);
        byte[] b = Files.readAllBytes(map);
        b[b.length - 3] ^= 1;
        Files.write(map, b);
        assertThatThrownBy(() -> Vault.openOrCreate(vaultDir(), keyFile()))
                .isInstanceOf(VaultException.class)
                .hasMessage("Wrong key or corrupted vault file " + map);
        assertThat(Files.readAllBytes(map)).isEqualTo(b);
    }

    @Test
    void aMapFileRenamedOverTheSecretFailsAuthentication() throws IOException {
        try (Vault v = Vault.openOrCreate(vaultDir(), keyFile())) {
            v.record(ReidMap.patient("PID-0001", "P001", null, null));
        }
        Files.copy(vaultDir().resolve(Vault.MAP_FILE), vaultDir().resolve(Vault.SECRET_FILE),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertThatThrownBy(() -> Vault.open(vaultDir(), keyFile()))
                .hasMessage("Wrong key or corrupted vault file " + vaultDir().resolve(Vault.SECRET_FILE));
    }

    @Test
    void aLegacyPlainSecretIsImportedUnchangedAndThenDeleted() {
        Secret legacy = SecretStore.loadOrCreate(vaultDir());
        Path plain = vaultDir().resolve(SecretStore.KEY_FILE);
        assertThat(plain).exists();

        Vault v = Vault.openOrCreate(vaultDir(), keyFile());
        assertThat(v.secret().bytes()).isEqualTo(legacy.bytes());
        assertThat(v.secret().hmac("patient-id", "PID-0001")).isEqualTo(legacy.hmac("patient-id", "PID-0001"));
        assertThat(plain).doesNotExist();
        assertThat(Vault.open(vaultDir(), keyFile()).secret().bytes()).isEqualTo(legacy.bytes());
    }

    @Test
    void aPlainSecretDifferentFromTheEncryptedOneIsRefusedAndKept() throws IOException {
        Vault.openOrCreate(vaultDir(), keyFile()).close();
        Path plain = Files.write(vaultDir().resolve(SecretStore.KEY_FILE), new byte[32]);
        assertThatThrownBy(() -> Vault.open(vaultDir(), keyFile()))
                .isInstanceOf(VaultException.class)
                .hasMessageContaining("holds an encrypted secret and a different plain secret.key");
        assertThat(plain).exists();
    }

    @Test
    void lookupFindsPatientsAndUidsFromEitherSide() {
        Vault v = Vault.openOrCreate(vaultDir(), keyFile());
        ReidMap.Patient p = ReidMap.patient("PID-0003", "P003", 17, LocalDate.of(2019, 5, 6));
        v.record(p, ReidMap.uid("1.2.840.99.1", "2.25.1234"));
        assertThat(v.lookup("PID-0003")).containsExactly(p);
        assertThat(v.lookup("P003")).containsExactly(p);
        assertThat(v.lookup("1.2.840.99.1")).containsExactly(ReidMap.uid("1.2.840.99.1", "2.25.1234"));
        assertThat(v.lookup("2.25.1234")).containsExactly(ReidMap.uid("1.2.840.99.1", "2.25.1234"));
        assertThat(v.lookup("P004")).isEmpty();
    }

    @Test
    void mergeTakesThePlannersMapsAndKeepsEveryValueEverSeen() {
        Vault v = Vault.openOrCreate(vaultDir(), keyFile());
        v.merge(Map.of("PID-0001", "P001\\P007", "PID-0002", "P002"), Map.of("PID-0001", -3),
                Map.of("PID-0002", LocalDate.of(2021, 3, 4)), Map.of("1.2.3", "2.25.5"));
        v.merge(Map.of("PID-0001", "P009"), Map.of("PID-0001", 5), Map.of(), null);
        v.flush();
        Vault again = Vault.open(vaultDir(), keyFile());
        assertThat(again.lookup("P007")).singleElement().isEqualTo(new ReidMap.Patient("PID-0001",
                new java.util.TreeSet<>(List.of("P001", "P007", "P009")), new java.util.TreeSet<>(List.of(-3, 5)),
                new java.util.TreeSet<>()));
        assertThat(again.lookup("P002")).containsExactly(ReidMap.patient("PID-0002", "P002", null,
                LocalDate.of(2021, 3, 4)));
        assertThat(again.uidCount()).isEqualTo(1);
    }

    @Test
    void exportWritesEveryEntryAsCsv() throws IOException {
        Vault v = Vault.openOrCreate(vaultDir(), keyFile());
        v.record(ReidMap.patient("PID-0002", "P002", null, LocalDate.of(2021, 3, 4)),
                ReidMap.patient("PID-0001", "P001", -3, null), ReidMap.patient("PID-0001", "P007", null, null),
                ReidMap.uid("1.2.3", "2.25.5"));
        StringWriter out = new StringWriter();
        v.export(out);
        assertThat(out.toString()).isEqualTo("""
                type,original,pseudonym,date_offset_days,timepoint_baseline
                patient,PID-0001,P001\\P007,-3,
                patient,PID-0002,P002,,2021-03-04
                uid,1.2.3,2.25.5,,
                """);
    }

    @Test
    void twoVaultsOnOneFolderLoseNothingWhenBothFlush() {
        Vault a = Vault.openOrCreate(vaultDir(), keyFile());
        Vault b = Vault.openOrCreate(vaultDir(), keyFile());
        a.record(ReidMap.patient("PID-0001", "P001", null, null));
        b.record(ReidMap.patient("PID-0002", "P002", null, null));
        a.flush();
        b.flush();
        Vault again = Vault.open(vaultDir(), keyFile());
        assertThat(again.patientCount()).isEqualTo(2);
        assertThat(again.lookup("P001")).hasSize(1);
    }

    @Test
    void concurrentRecordsFromWorkersAreAllKept() throws InterruptedException {
        Vault v = Vault.openOrCreate(vaultDir(), keyFile());
        Thread[] workers = new Thread[8];
        for (int t = 0; t < workers.length; t++) {
            int w = t;
            workers[t] = new Thread(() -> {
                for (int i = 0; i < 500; i++) {
                    v.record(ReidMap.patient("PID-" + w + "-" + i, "P" + w + "_" + i, i, null));
                    if (i % 100 == 0) {
                        v.flush();
                    }
                }
            });
            workers[t].start();
        }
        for (Thread t : workers) {
            t.join();
        }
        v.flush();
        assertThat(Vault.open(vaultDir(), keyFile()).patientCount()).isEqualTo(4000);
    }

    @Test
    void theEncryptedFilesHoldNoOriginalIdInTheClear() throws IOException {
        try (Vault v = Vault.openOrCreate(vaultDir(), keyFile())) {
            v.record(ReidMap.patient("DOE^JANE-PID-0001", "P001", null, null));
        }
        for (String f : List.of(Vault.MAP_FILE, Vault.SECRET_FILE, "vault.json")) {
            assertThat(new String(Files.readAllBytes(vaultDir().resolve(f)), StandardCharsets.ISO_8859_1))
                    .doesNotContain("DOE^JANE").doesNotContain("PID-0001");
        }
    }

    @Test
    void theVaultMustNotOverlapTheOutput() {
        assertThatThrownBy(() -> Vault.requireOutside(tmp.resolve("out/.cloak/vault"), tmp.resolve("out")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("overlap");
        assertThatThrownBy(() -> Vault.requireOutside(tmp.resolve("v"), tmp.resolve("v/out")))
                .isInstanceOf(IllegalArgumentException.class);
        Vault.requireOutside(tmp.resolve("vault"), tmp.resolve("out"));
    }

    @Test
    void sealedFilesOpenOnlyUnderTheirNameAndTheVaultsKey() {
        byte[] plain = "DOE^JANE original".getBytes(StandardCharsets.UTF_8);
        try (Vault v = Vault.openOrCreate(vaultDir(), keyFile())) {
            byte[] sealed = v.seal("a.enc", plain);
            assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("DOE^JANE");
            assertThat(v.open(tmp.resolve("q/a.enc"), sealed)).isEqualTo(plain);
            assertThatThrownBy(() -> v.open(tmp.resolve("q/b.enc"), sealed)).isInstanceOf(VaultException.class);
            try (Vault other = Vault.openOrCreate(tmp.resolve("other"), new KeySource.KeyFile(tmp.resolve("k2")))) {
                assertThatThrownBy(() -> other.open(tmp.resolve("q/a.enc"), sealed))
                        .isInstanceOf(VaultException.class);
            }
        }
    }
}
