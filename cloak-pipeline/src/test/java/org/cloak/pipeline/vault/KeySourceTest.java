package org.cloak.pipeline.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeySourceTest {
    @TempDir
    Path tmp;

    @Test
    void aPassphraseFileGivesItsFirstLineWithoutTheLineEnd() throws IOException {
        Path f = Files.writeString(tmp.resolve("pass"), "open sesame 42\r\nignored\n");
        KeySource k = KeySource.from(f, null, Map.of(KeySource.PASSPHRASE_ENV, "from env"));
        assertThat(((KeySource.Passphrase) k).chars()).containsExactly("open sesame 42".toCharArray());
        assertThat(k.toString()).isEqualTo("Passphrase[hidden]");
    }

    @Test
    void anExplicitKeyFileWinsOverTheEnvironment() {
        Path key = tmp.resolve("k");
        assertThat(KeySource.from(null, key, Map.of(KeySource.PASSPHRASE_ENV, "from env")))
                .isEqualTo(new KeySource.KeyFile(key));
    }

    @Test
    void theEnvironmentPassphraseIsUsedWhenNoFileIsGiven() {
        KeySource k = KeySource.from(null, null, Map.of(KeySource.PASSPHRASE_ENV, "from env"));
        assertThat(((KeySource.Passphrase) k).chars()).containsExactly("from env".toCharArray());
    }

    @Test
    void withNothingGivenTheDefaultKeyFileIsUsed() {
        assertThat(KeySource.from(null, null, Map.of()))
                .isEqualTo(new KeySource.KeyFile(Path.of(System.getProperty("user.home"), ".cloak", "vault.key")));
    }

    @Test
    void bothFilesAreRefused() {
        assertThatThrownBy(() -> KeySource.from(tmp.resolve("p"), tmp.resolve("k"), Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("give either a vault passphrase file or a key file, not both");
    }

    @Test
    void anEmptyPassphraseFileIsRefused() throws IOException {
        Path f = Files.writeString(tmp.resolve("pass"), "\n");
        assertThatThrownBy(() -> KeySource.from(f, null, Map.of()))
                .hasMessage("the vault passphrase file " + f + " is empty");
    }
}
