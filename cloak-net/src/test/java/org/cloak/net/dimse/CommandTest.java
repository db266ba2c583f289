package org.cloak.net.dimse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.cloak.dicom.dict.Uid;
import org.junit.jupiter.api.Test;

class CommandTest {

    @Test
    void echoRequestIsImplicitLittleEndianWithItsGroupLength() throws IOException {
        byte[] b = Command.echoRq(7).encode();
        ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(buf.getInt(0)).isZero(); // (0000,0000)
        assertThat(buf.getInt(4)).isEqualTo(4); // implicit VR: 4-byte length, no VR
        assertThat(buf.getInt(8)).isEqualTo(b.length - 12);
        Command c = Command.decode(b);
        assertThat(c.commandField()).isEqualTo(CommandField.C_ECHO_RQ);
        assertThat(c.messageId()).isEqualTo(7);
        assertThat(c.affectedSopClassUid()).isEqualTo(Uid.Verification);
        assertThat(c.hasDataSet()).isFalse();
    }

    @Test
    void storeResponseAnswersItsRequest() throws IOException {
        Command rq = Command.decode(Command.storeRq(42, "1.2.840.10008.5.1.4.1.1.2", "1.2.3.4.5", 0).encode());
        assertThat(rq.hasDataSet()).isTrue();
        assertThat(rq.affectedSopInstanceUid()).isEqualTo("1.2.3.4.5");
        Command rsp = Command.decode(Command.responseTo(rq, Status.OUT_OF_RESOURCES.withComment("disk full")).encode());
        assertThat(rsp.commandField()).isEqualTo(CommandField.C_STORE_RSP);
        assertThat(rsp.messageIdBeingRespondedTo()).isEqualTo(42);
        assertThat(rsp.affectedSopClassUid()).isEqualTo("1.2.840.10008.5.1.4.1.1.2");
        assertThat(rsp.affectedSopInstanceUid()).isEqualTo("1.2.3.4.5");
        assertThat(rsp.hasDataSet()).isFalse();
        assertThat(rsp.status()).isEqualTo(new Status(0xA700, "disk full"));
    }

    @Test
    void aCommandWithoutCommandFieldIsRefused() {
        assertThatThrownBy(() -> Command.decode(new byte[0])).isInstanceOf(IOException.class);
    }

    @Test
    void statusClasses() {
        assertThat(Status.SUCCESS.isSuccess()).isTrue();
        assertThat(Status.of(0xB000).isWarning()).isTrue();
        assertThat(Status.of(0xA700).isFailure()).isTrue();
        assertThat(Status.of(0xA900).describe()).isEqualTo("A900 (data set does not match SOP class)");
        assertThat(Status.of(0xC000).describe()).isEqualTo("C000 (cannot understand)");
        assertThat(Status.of(0x0122).isFailure()).isTrue();
    }
}
