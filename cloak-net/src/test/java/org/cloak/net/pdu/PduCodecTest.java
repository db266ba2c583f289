package org.cloak.net.pdu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.List;
import org.cloak.net.pdu.UserInformation.AsyncOperationsWindow;
import org.cloak.net.pdu.UserInformation.RoleSelection;
import org.junit.jupiter.api.Test;

class PduCodecTest {
    private static final String CT = "1.2.840.10008.5.1.4.1.1.2";

    private static byte[] encode(Pdu pdu) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new PduWriter(out).write(pdu);
        return out.toByteArray();
    }

    private static Pdu decode(byte[] bytes) throws IOException {
        return new PduReader(new ByteArrayInputStream(bytes), PduReader.DEFAULT_LENGTH_LIMIT).read();
    }

    @Test
    void associateRqRoundTripsWithEveryUserInformationSubItem() throws IOException {
        AAssociateRq rq = new AAssociateRq("STORESCP", "CLOAK", AAssociateRq.DICOM_APPLICATION_CONTEXT,
                List.of(new PresentationContextRq(1, CT, List.of("1.2.840.10008.1.2.1", "1.2.840.10008.1.2")),
                        new PresentationContextRq(3, "1.2.840.10008.1.1", List.of("1.2.840.10008.1.2"))),
                new UserInformation(16384, "1.2.3.4", "CLOAK_0.1.0", new AsyncOperationsWindow(5, 1),
                        List.of(new RoleSelection(CT, true, false))));
        byte[] bytes = encode(rq);
        assertThat(bytes[0]).isEqualTo((byte) 1);
        assertThat(new String(bytes, 10, 16)).isEqualTo("STORESCP        "); // PS3.8 9.3.2: space padded
        assertThat(decode(bytes)).isEqualTo(rq);
    }

    @Test
    void associateAcRoundTrips() throws IOException {
        AAssociateAc ac = new AAssociateAc("CLOAK", "SCU", AAssociateRq.DICOM_APPLICATION_CONTEXT,
                List.of(new PresentationContextAc(1, 0, "1.2.840.10008.1.2.1"),
                        new PresentationContextAc(3, 4, "1.2.840.10008.1.2")),
                UserInformation.of(262144, "1.2.3.4.5", null));
        assertThat(decode(encode(ac))).isEqualTo(ac);
    }

    @Test
    void fixedLengthPdusRoundTrip() throws IOException {
        for (Pdu p : List.of(new AAssociateRj(1, 1, 7), new AReleaseRq(), new AReleaseRp(), AAbort.provider(2))) {
            byte[] bytes = encode(p);
            assertThat(bytes).hasSize(10);
            assertThat(decode(bytes)).isEqualTo(p);
        }
        assertThat(encode(AAbort.provider(AAbort.REASON_UNRECOGNIZED_PDU)))
                .containsExactly(7, 0, 0, 0, 0, 4, 0, 0, 2, 1);
    }

    @Test
    void pDataKeepsFragmentsFlagsAndContexts() throws IOException {
        PDataTf p = new PDataTf(List.of(new Pdv(1, true, true, new byte[] {1, 2, 3}),
                new Pdv(3, false, false, new byte[1000]), new Pdv(3, false, true, new byte[0])));
        byte[] bytes = encode(p);
        assertThat(bytes.length).isEqualTo(6 + (6 + 3) + (6 + 1000) + 6);
        assertThat(bytes[10]).isEqualTo((byte) 1);
        assertThat(bytes[11]).isEqualTo((byte) 3); // command + last (PS3.8 E.2)
        assertThat(decode(bytes)).isEqualTo(p);
    }

    @Test
    void aPduLongerThanTheLimitIsRefusedBeforeItsBodyIsRead() {
        byte[] header = {4, 0, 0x7F, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF};
        assertThatThrownBy(() -> new PduReader(new ByteArrayInputStream(header), 1 << 20).read())
                .isInstanceOfSatisfying(MalformedPduException.class,
                        e -> assertThat(e.abortReason()).isEqualTo(AAbort.REASON_INVALID_PDU_PARAMETER_VALUE))
                .hasMessageContaining("exceeds the limit");
    }

    @Test
    void anUnknownPduTypeIsUnrecognized() {
        assertThatThrownBy(() -> decode(new byte[] {(byte) 0xFF, 0, 0, 0, 0, 4, 1, 2, 3, 4}))
                .isInstanceOfSatisfying(MalformedPduException.class,
                        e -> assertThat(e.abortReason()).isEqualTo(AAbort.REASON_UNRECOGNIZED_PDU));
    }

    @Test
    void itemsThatOverrunTheirPduAreInvalid() {
        // P-DATA-TF whose PDV claims 100 bytes in a 10-byte body
        byte[] bad = {4, 0, 0, 0, 0, 10, 0, 0, 0, 100, 1, 3, 0, 0, 0, 0};
        assertThatThrownBy(() -> decode(bad)).isInstanceOf(MalformedPduException.class);
        byte[] shortRq = {1, 0, 0, 0, 0, 4, 0, 1, 0, 0};
        assertThatThrownBy(() -> decode(shortRq)).isInstanceOf(MalformedPduException.class);
        byte[] longRelease = {5, 0, 0, 0, 0, 5, 0, 0, 0, 0, 0};
        assertThatThrownBy(() -> decode(longRelease)).isInstanceOf(MalformedPduException.class);
    }

    @Test
    void aConnectionClosedInsideAPduIsAnEndOfFile() {
        assertThatThrownBy(() -> decode(new byte[] {4, 0, 0, 0, 1, 0, 0})).isInstanceOf(EOFException.class);
        assertThatThrownBy(() -> decode(new byte[0])).isInstanceOf(EOFException.class);
    }

    @Test
    void randomBytesNeverEscapeAsAnythingButProtocolErrors() {
        java.util.Random r = new java.util.Random(42);
        for (int i = 0; i < 2000; i++) {
            byte[] b = new byte[6 + r.nextInt(300)];
            r.nextBytes(b);
            b[0] = (byte) (1 + r.nextInt(7));
            int len = b.length - 6;
            b[2] = 0;
            b[3] = 0;
            b[4] = (byte) (len >> 8);
            b[5] = (byte) len;
            try {
                decode(b);
            } catch (MalformedPduException | IOException expected) {
                // fine: only protocol errors or end of data
            }
        }
    }
}
