package org.cloak.net.assoc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.cloak.dicom.dict.Uid;
import org.cloak.net.pdu.PresentationContextAc;
import org.cloak.net.pdu.PresentationContextRq;
import org.junit.jupiter.api.Test;

class AcceptPolicyTest {
    private final AcceptPolicy policy = AcceptPolicy.standard();

    private PresentationContextAc negotiate(String as, String... ts) {
        return policy.negotiate(new PresentationContextRq(1, as, List.of(ts)));
    }

    @Test
    void acceptsStorageClassesWithTheFirstTransferSyntaxTheCodecReads() {
        PresentationContextAc ac = negotiate(Uid.CTImageStorage, "1.2.3.4", "1.2.840.10008.1.2.1", "1.2.840.10008.1.2");
        assertThat(ac.result()).isEqualTo(PresentationContextAc.ACCEPTANCE);
        assertThat(ac.transferSyntax()).isEqualTo("1.2.840.10008.1.2.1");
        assertThat(negotiate(Uid.Verification, "1.2.840.10008.1.2").accepted()).isTrue();
        assertThat(negotiate(Uid.MRImageStorage, "1.2.840.10008.1.2.4.50").accepted()).isTrue();
        assertThat(negotiate(Uid.CTImageStorage, "1.2.840.10008.1.2.5").accepted()).isTrue();
        assertThat(negotiate(Uid.CTImageStorage, "1.2.840.10008.1.2.2").accepted()).isTrue();
        assertThat(negotiate(Uid.CTImageStorage, "1.2.840.10008.1.2.1.99").accepted()).isTrue();
    }

    @Test
    void rejectsUnknownAbstractSyntaxesWithResult3() {
        assertThat(negotiate("1.2.3.999", "1.2.840.10008.1.2").result())
                .isEqualTo(PresentationContextAc.ABSTRACT_SYNTAX_NOT_SUPPORTED);
        // a registered SOP class that is not storage (Storage Commitment Push Model)
        assertThat(negotiate("1.2.840.10008.1.20.1", "1.2.840.10008.1.2").result())
                .isEqualTo(PresentationContextAc.ABSTRACT_SYNTAX_NOT_SUPPORTED);
        assertThat(negotiate(Uid.MediaStorageDirectoryStorage, "1.2.840.10008.1.2").accepted()).isFalse();
    }

    @Test
    void rejectsTransferSyntaxesTheCodecCannotReadWithResult4() {
        assertThat(negotiate(Uid.CTImageStorage, "1.2.3.4").result())
                .isEqualTo(PresentationContextAc.TRANSFER_SYNTAXES_NOT_SUPPORTED);
        assertThat(negotiate(Uid.CTImageStorage, "1.2.840.10008.1.20").accepted()).isFalse(); // Papyrus implicit
        assertThat(negotiate(Uid.CTImageStorage, "1.2.840.10008.1.2.6.2").accepted()).isFalse(); // XML encoding
        assertThat(negotiate(Uid.CTImageStorage, "1.2.840.10008.1.2.4.205").accepted()).isFalse();
        assertThat(negotiate(Uid.CTImageStorage).accepted()).isFalse();
    }
}
