package org.cloak.net.scp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.cloak.dicom.dict.Uid;
import org.cloak.dicom.io.FileMeta;
import org.cloak.net.Dcmtk;
import org.cloak.net.assoc.Association;
import org.cloak.net.assoc.AssociationAbortedException;
import org.cloak.net.assoc.Timeouts;
import org.cloak.net.assoc.Watchdog;
import org.cloak.net.dimse.Status;
import org.cloak.net.pdu.AAbort;
import org.cloak.net.pdu.AAssociateRq;
import org.cloak.net.pdu.PDataTf;
import org.cloak.net.pdu.Pdv;
import org.cloak.net.pdu.PresentationContextAc;
import org.cloak.net.pdu.PresentationContextRq;
import org.cloak.net.pdu.UserInformation;
import org.cloak.testkit.Oracles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Requests the server must refuse, and the garbage it must abort, while it keeps serving. */
@Timeout(60)
class RejectionTest {
    @TempDir
    Path dir;

    private DicomServer server;
    private final Watchdog watchdog = new Watchdog("test-timer");

    private DicomServer start(ServerOptions options) throws Exception {
        server = new DicomServer(options, new FileStoreHandler(dir));
        server.start();
        return server;
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        watchdog.close();
    }

    private Oracles.Result echoscu(String callingAet, String calledAet) {
        return Dcmtk.run("echoscu", "-aet", callingAet, "-aec", calledAet, "-to", "10", "-ta", "10", "127.0.0.1",
                Integer.toString(server.port()));
    }

    private Association associate(List<PresentationContextRq> contexts) throws Exception {
        Socket s = new Socket("127.0.0.1", server.port());
        return Association.request(s,
                new AAssociateRq("CLOAK", "TESTER", AAssociateRq.DICOM_APPLICATION_CONTEXT, contexts,
                UserInformation.of(16384, FileMeta.IMPLEMENTATION_CLASS_UID, "TEST")), Timeouts.DEFAULT, watchdog);
    }

    @Test
    void aWrongCalledAeTitleIsRejectedPermanently() throws Exception {
        start(ServerOptions.of("CLOAK", 0));
        Oracles.Result r = echoscu("ECHOSCU", "SOMEONE");
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.output()).contains("Called AE Title Not Recognized");
        assertThat(server.stats().rejected()).isEqualTo(1);
        assertThat(echoscu("ECHOSCU", "CLOAK").exitCode()).isZero();
    }

    @Test
    void aHandlerMayAcceptFurtherCalledAeTitles() throws Exception {
        FileStoreHandler files = new FileStoreHandler(dir);
        server = new DicomServer(ServerOptions.of("CLOAK", 0), new StoreHandler() {
            @Override
            public Status store(StoreRequest request, InputStream dataSet) throws IOException {
                return files.store(request, dataSet);
            }

            @Override
            public boolean acceptsCalledAeTitle(String calledAeTitle) {
                return calledAeTitle.equals("PROJECT1");
            }
        });
        server.start();
        assertThat(echoscu("ECHOSCU", "PROJECT1").exitCode()).isZero();
        assertThat(echoscu("ECHOSCU", "CLOAK").exitCode()).isZero();
        assertThat(echoscu("ECHOSCU", "PROJECT2").output()).contains("Called AE Title Not Recognized");
    }

    @Test
    void aCallingAeTitleNotInTheListIsRejected() throws Exception {
        start(ServerOptions.of("CLOAK", 0).withAllowedCallingAeTitles(Set.of("MODALITY1", "PACS")));
        Oracles.Result r = echoscu("INTRUDER", "CLOAK");
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.output()).contains("Calling AE Title Not Recognized");
        assertThat(echoscu("MODALITY1", "CLOAK").exitCode()).isZero();
    }

    @Test
    void aSourceAddressNotInTheListIsRejected() throws Exception {
        start(ServerOptions.of("CLOAK", 0).withAllowedAddresses(Set.of(InetAddress.getByName("192.0.2.7"))));
        Oracles.Result r = echoscu("ECHOSCU", "CLOAK");
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.output()).contains("Calling AE Title Not Recognized");
        server.close();
        start(ServerOptions.of("CLOAK", 0).withAllowedAddresses(Set.of(InetAddress.getByName("127.0.0.1"))));
        assertThat(echoscu("ECHOSCU", "CLOAK").exitCode()).isZero();
    }

    @Test
    void unsupportedTransferAndAbstractSyntaxesAreRejectedPerContext() throws Exception {
        start(ServerOptions.of("CLOAK", 0));
        try (Association a = associate(List.of(
                new PresentationContextRq(1, Uid.CTImageStorage, List.of("1.2.3.4.5.6")),
                new PresentationContextRq(3, "1.2.3.999", List.of("1.2.840.10008.1.2")),
                new PresentationContextRq(5, Uid.CTImageStorage, List.of("1.2.3.4.5.6", "1.2.840.10008.1.2.4.70")),
                new PresentationContextRq(7, Uid.Verification, List.of("1.2.840.10008.1.2"))))) {
            assertThat(a.context(1).result()).isEqualTo(PresentationContextAc.TRANSFER_SYNTAXES_NOT_SUPPORTED);
            assertThat(a.context(3).result()).isEqualTo(PresentationContextAc.ABSTRACT_SYNTAX_NOT_SUPPORTED);
            assertThat(a.context(5).accepted()).isTrue();
            assertThat(a.context(5).transferSyntax()).isEqualTo("1.2.840.10008.1.2.4.70");
            assertThat(a.context(7).accepted()).isTrue();
            a.release();
        }
    }

    @Test
    void garbageInsteadOfAnAssociationRequestIsAbortedAndTheServerKeepsServing() throws Exception {
        start(ServerOptions.of("CLOAK", 0));
        byte[] junk = "GET / HTTP/1.1\r\nHost: cloak\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertThat(sendRaw(junk)).containsExactly(7, 0, 0, 0, 0, 4, 0, 0, 2, AAbort.REASON_UNRECOGNIZED_PDU);
        // a valid type with an absurd length: refused without reading (or allocating) the body
        assertThat(sendRaw(new byte[] {1, 0, 0x7F, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0, 1}))
                .containsExactly(7, 0, 0, 0, 0, 4, 0, 0, 2, AAbort.REASON_INVALID_PDU_PARAMETER_VALUE);
        awaitAborted(2);
        assertThat(echoscu("ECHOSCU", "CLOAK").exitCode()).isZero();
    }

    @Test
    void aGarbageCommandInsideAnAssociationIsAborted() throws Exception {
        start(ServerOptions.of("CLOAK", 0));
        try (Association a = associate(List.of(new PresentationContextRq(1, Uid.Verification,
                List.of("1.2.840.10008.1.2"))))) {
            a.send(PDataTf.of(new Pdv(1, true, true,
                    new byte[] {(byte) 0xDE, (byte) 0xAD, (byte) 0xBE, (byte) 0xEF, 9, 9})));
            assertThatThrownBy(a::receive).isInstanceOfSatisfying(AssociationAbortedException.class,
                    e -> assertThat(e.abort().source()).isEqualTo(AAbort.SOURCE_SERVICE_PROVIDER));
        }
        try (Association a = associate(List.of(new PresentationContextRq(1, Uid.Verification,
                List.of("1.2.840.10008.1.2"))))) {
            // a data PDV on a context that was never proposed
            a.send(PDataTf.of(new Pdv(9, false, true, new byte[8])));
            assertThatThrownBy(a::receive).isInstanceOf(AssociationAbortedException.class);
        }
        assertThat(echoscu("ECHOSCU", "CLOAK").exitCode()).isZero();
    }

    /** The server counts an association after closing it: wait (5 s at most) for the count. */
    private void awaitAborted(long expected) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (server.stats().aborted() < expected && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(server.stats().aborted()).isEqualTo(expected);
    }

    /** Writes raw bytes to a fresh connection and returns what the server answers before closing. */
    private byte[] sendRaw(byte[] bytes) throws Exception {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(bytes);
            out.flush();
            InputStream in = s.getInputStream();
            return in.readAllBytes();
        }
    }
}
