package org.cloak.net.scp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.cloak.net.AeAddress;
import org.cloak.net.Dcmtk;
import org.cloak.net.NetException;
import org.cloak.net.TlsOptions;
import org.cloak.net.dimse.Status;
import org.cloak.net.scu.EchoScu;
import org.cloak.net.scu.ScuOptions;
import org.cloak.net.scu.StoreResult;
import org.cloak.net.scu.StoreScu;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** TLS with a self-signed certificate made by keytool for the test. */
@Timeout(120)
class TlsTest {
    private static final char[] PASSWORD = "changeit".toCharArray();

    @TempDir
    static Path keys;
    @TempDir
    Path dir;

    private static Path serverKeys;
    private static Path trust;

    @BeforeAll
    static void makeKeys() throws Exception {
        serverKeys = keys.resolve("server.p12");
        keytool("-genkeypair", "-alias", "cloak", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
                "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2", "-keystore", serverKeys.toString(),
                "-storetype", "PKCS12", "-storepass", "changeit", "-keypass", "changeit");
        // the JDK trusts the certificate of a key entry too: the key store doubles as trust store
        trust = serverKeys;
    }

    private static void keytool(String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        cmd.addAll(List.of(args));
        Path log = Files.createTempFile("keytool-", ".log");
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("keytool timed out");
            }
            assertThat(p.exitValue()).as(Files.readString(log)).isZero();
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private DicomServer tlsServer(boolean needClientAuth) throws Exception {
        DicomServer server = new DicomServer(ServerOptions.of("CLOAK", 0)
                .withTls(TlsOptions.server(serverKeys, PASSWORD, trust, PASSWORD, needClientAuth)),
                        new FileStoreHandler(dir));
        server.start();
        return server;
    }

    private static AeAddress at(DicomServer s, String host) {
        return new AeAddress("CLOAK", host, s.port());
    }

    @Test
    void echoAndStoreOverTls() throws Exception {
        try (DicomServer server = tlsServer(false)) {
            ScuOptions tls = ScuOptions.of("SCU").withTls(TlsOptions.client(trust, PASSWORD, null, null));
            assertThat(new EchoScu(tls).echo(at(server, "localhost"))).isEqualTo(Status.SUCCESS);
            Path file = Dcmtk.sample(Files.createDirectories(dir.resolve("in")), 1, "explicit");
            List<StoreResult> r = new StoreScu(tls).send(at(server, "127.0.0.1"), List.of(file), x -> { });
            assertThat(r).singleElement().satisfies(x -> assertThat(x.status()).isEqualTo(Status.SUCCESS));
        }
    }

    @Test
    void aClientThatDoesNotTrustTheCertificateOrSpeaksPlainTcpFails() throws Exception {
        try (DicomServer server = tlsServer(false)) {
            ScuOptions untrusting = ScuOptions.of("SCU").withTls(TlsOptions.client(null, null, null, null));
            assertThatThrownBy(() -> new EchoScu(untrusting).echo(at(server, "localhost")))
                    .isInstanceOf(javax.net.ssl.SSLException.class);
            assertThatThrownBy(() -> new EchoScu(ScuOptions.of("SCU")).echo(at(server, "localhost")))
                    .isInstanceOfAny(java.io.IOException.class, NetException.class);
            ScuOptions tls = ScuOptions.of("SCU").withTls(TlsOptions.client(trust, PASSWORD, null, null));
            assertThat(new EchoScu(tls).echo(at(server, "localhost")).isSuccess()).isTrue();
        }
    }

    @Test
    void clientCertificatesAreRequiredWhenConfigured() throws Exception {
        try (DicomServer server = tlsServer(true)) {
            ScuOptions anonymous = ScuOptions.of("SCU").withTls(TlsOptions.client(trust, PASSWORD, null, null));
            assertThatThrownBy(() -> new EchoScu(anonymous).echo(at(server, "localhost")))
                    .isInstanceOf(java.io.IOException.class);
            ScuOptions withCert = ScuOptions.of("SCU")
                    .withTls(TlsOptions.client(trust, PASSWORD, serverKeys, PASSWORD));
            assertThat(new EchoScu(withCert).echo(at(server, "localhost")).isSuccess()).isTrue();
        }
    }
}
