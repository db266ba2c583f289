package org.cloak.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    @TempDir
    Path tmp;

    @Test
    void fileThenEnvironmentThenFlags() throws Exception {
        Path f = Files.writeString(tmp.resolve("c.yaml"), "http:\n  port: 9000\n  bind: 0.0.0.0\ndicom:\n"
                + "  ae-title: ARCHIVE\n  port: 104\njobs: {workers: 3}\nimport:\n  roots: [/srv/a, /srv/b]\n");
        ServerConfig c = ConfigLoader.load(f, Map.of("CLOAK_DICOM_PORT", "11113", "CLOAK_JAVA_OPTS", "-Xmx1g"),
                Map.of("--data", tmp.resolve("d").toString()));
        assertThat(c.httpPort()).isEqualTo(9000);
        assertThat(c.httpBind()).isEqualTo("0.0.0.0");
        assertThat(c.dicomAeTitle()).isEqualTo("ARCHIVE");
        assertThat(c.dicomPort()).isEqualTo(11113);
        assertThat(c.workers()).isEqualTo(3);
        assertThat(c.importRoots()).containsExactly(Path.of("/srv/a"), Path.of("/srv/b"));
        assertThat(c.data()).isEqualTo(tmp.resolve("d").toAbsolutePath());
        assertThat(ConfigLoader.load(f, Map.of(), Map.of("--http-port", "1234")).httpPort()).isEqualTo(1234);
    }

    @Test
    void unknownKeysAndBadValuesAreErrorsWithTheLine() throws Exception {
        Path f = Files.writeString(tmp.resolve("c.yaml"), "http:\n  port: 9000\n  prot: 1\n");
        assertThatThrownBy(() -> ConfigLoader.load(f, Map.of(), Map.of())).isInstanceOf(ConfigException.class)
                .hasMessageContaining("c.yaml:3").hasMessageContaining("http.prot");
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of(), Map.of("--htp-port", "1")))
                .hasMessageContaining("--htp-port");
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("CLOAK_HTTP_PORT", "x"), Map.of()))
                .hasMessageContaining("http.port");
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of(), Map.of("--database-url", "jdbc:mysql://x")))
                .hasMessageContaining("database.url");
    }

    @Test
    void theDatabasePasswordComesFromItsFileAndIsNeverShown() throws Exception {
        Path pw = Files.writeString(tmp.resolve("pw"), "s3cret-db-pass\n");
        ServerConfig c = ConfigLoader.load(null, Map.of(), Map.of("--database-password-file", pw.toString(),
                "--database-url", "jdbc:postgresql://localhost/cloak"));
        assertThat(c.dbPassword(Map.of())).isEqualTo("s3cret-db-pass");
        assertThat(c.toString()).doesNotContain("s3cret");
    }
}
