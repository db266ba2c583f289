package org.cloak.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AeAddressTest {

    @Test
    void parsesTitleHostAndPort() {
        assertThat(AeAddress.parse("PACS@pacs.example.org:104"))
                .isEqualTo(new AeAddress("PACS", "pacs.example.org", 104));
        assertThat(AeAddress.parse("ARCHIVE 1@10.0.0.5:11112").aeTitle()).isEqualTo("ARCHIVE 1");
        AeAddress v6 = AeAddress.parse("CLOAK@[::1]:4242");
        assertThat(v6.host()).isEqualTo("::1");
        assertThat(v6).hasToString("CLOAK@[::1]:4242");
    }

    @Test
    void refusesWhatIsNotAnAddress() {
        for (String bad : new String[] {"pacs:104", "PACS@pacs", "PACS@pacs:0", "PACS@pacs:70000", "@pacs:104",
                "SEVENTEEN_CHARS_X@pacs:104", "BACK\\SLASH@pacs:104", "TRAILING @pacs:104"}) {
            assertThatThrownBy(() -> AeAddress.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
