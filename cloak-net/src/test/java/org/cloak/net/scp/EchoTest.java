package org.cloak.net.scp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import org.cloak.net.AeAddress;
import org.cloak.net.Dcmtk;
import org.cloak.net.dimse.Status;
import org.cloak.net.scu.EchoScu;
import org.cloak.net.scu.ScuOptions;
import org.cloak.testkit.Oracles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class EchoTest {
    @TempDir
    Path dir;

    @Test
    void dcmtkEchoscuVerifiesOurServer() throws Exception {
        try (DicomServer server = new DicomServer(ServerOptions.of("CLOAK", 0), new FileStoreHandler(dir))) {
            server.start();
            Oracles.Result r = Dcmtk.run("echoscu", "-aec", "CLOAK", "-aet", "ECHOSCU", "-to", "10", "-ta", "10",
                    "127.0.0.1", Integer.toString(server.port()));
            assertThat(r.exitCode()).as(r.output()).isZero();
            assertThat(server.stats().echoes()).isEqualTo(1);
            assertThat(server.stats().accepted()).isEqualTo(1);
        }
    }

    @Test
    void ourEchoScuVerifiesDcmtkStorescp() throws Exception {
        try (Dcmtk.Peer storescp = Dcmtk.storescp(dir, "-aet", "STORESCP")) {
            Status s = new EchoScu(ScuOptions.of("CLOAK"))
                    .echo(new AeAddress("STORESCP", "127.0.0.1", storescp.port()));
            assertThat(s).isEqualTo(Status.SUCCESS);
        }
    }

    @Test
    void ourEchoScuVerifiesOurServer() throws Exception {
        try (DicomServer server = new DicomServer(ServerOptions.of("CLOAK", 0), new FileStoreHandler(dir))) {
            server.start();
            for (int i = 0; i < 3; i++) {
                assertThat(new EchoScu(ScuOptions.of("ME")).echo(new AeAddress("CLOAK", "127.0.0.1", server.port()))
                        .isSuccess())
                        .isTrue();
            }
            assertThat(server.stats().echoes()).isEqualTo(3);
        }
    }

    @Test
    void echoToAClosedPortFailsWithAnIoError() throws Exception {
        int port = Dcmtk.freePort();
        assertThatThrownBy(() -> new EchoScu(ScuOptions.of("CLOAK")).echo(new AeAddress("X", "127.0.0.1", port)))
                .isInstanceOf(IOException.class);
    }
}
