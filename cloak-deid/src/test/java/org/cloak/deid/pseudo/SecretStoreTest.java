package org.cloak.deid.pseudo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretStoreTest {
    @TempDir
    Path dir;

    @Test
    void firstUseCreatesAPrivateDirectoryAndKeyFile() throws Exception {
        Assumptions.assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path vault = dir.resolve("home/.cloak/vault");
        SecretStore.loadOrCreate(vault);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(vault))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(vault.getParent())))
                .isEqualTo("rwx------");
        Path key = vault.resolve(SecretStore.KEY_FILE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
        assertThat(Files.size(key)).isEqualTo(32);
        try (var files = Files.list(vault)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly(SecretStore.KEY_FILE);
        }
    }

    @Test
    void theSecondLoadReturnsTheSameKey() {
        Secret first = SecretStore.loadOrCreate(dir);
        Secret second = SecretStore.loadOrCreate(dir);
        assertThat(second.bytes()).isEqualTo(first.bytes());
        assertThat(second.hmac("uid", "1.2.3")).isEqualTo(first.hmac("uid", "1.2.3"));
    }

    @Test
    void twoVaultsHoldDifferentKeys() {
        assertThat(SecretStore.loadOrCreate(dir.resolve("a")).bytes())
                .isNotEqualTo(SecretStore.loadOrCreate(dir.resolve("b")).bytes());
    }

    @Test
    void concurrentFirstUsesAllGetTheOneKeyThatWon() throws Exception {
        for (int round = 0; round < 20; round++) {
            Path vault = dir.resolve("v" + round);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            CountDownLatch go = new CountDownLatch(1);
            try {
                List<Future<byte[]>> keys = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    keys.add(pool.submit(() -> {
                        go.await();
                        return SecretStore.loadOrCreate(vault).bytes();
                    }));
                }
                go.countDown();
                Set<String> distinct = new HashSet<>();
                for (Future<byte[]> k : keys) {
                    distinct.add(java.util.HexFormat.of().formatHex(k.get()));
                }
                assertThat(distinct).hasSize(1);
                assertThat(java.util.HexFormat.of().formatHex(Files.readAllBytes(vault.resolve(SecretStore.KEY_FILE))))
                        .isEqualTo(distinct.iterator().next());
                try (var files = Files.list(vault)) {
                    assertThat(files.count()).as("no temporary files left").isEqualTo(1);
                }
            } finally {
                pool.shutdown();
            }
        }
    }

    @Test
    void aDamagedKeyFileIsAnErrorNamingTheFile() throws Exception {
        Path key = Files.write(dir.resolve(SecretStore.KEY_FILE), new byte[40]);
        assertThatThrownBy(() -> SecretStore.loadOrCreate(dir))
                .isInstanceOf(PseudonymException.class)
                .hasMessageContaining(key.toString())
                .hasMessageContaining("40 bytes");
        Files.write(key, new byte[5]);
        assertThatThrownBy(() -> SecretStore.loadOrCreate(dir))
                .isInstanceOf(PseudonymException.class)
                .hasMessageContaining("5 bytes");
    }

    @Test
    void theDefaultVaultIsUnderTheUsersHome() {
        assertThat(SecretStore.defaultVault())
                .isEqualTo(Path.of(System.getProperty("user.home"), ".cloak", "vault"));
    }
}
