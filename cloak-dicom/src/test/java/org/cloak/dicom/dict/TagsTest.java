package org.cloak.dicom.dict;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TagsTest {
    @Test
    void writesTagsInUpperCaseHexAsTheStandardDoes() {
        assertThat(Tags.toString(0x00080005)).isEqualTo("(0008,0005)");
        assertThat(Tags.toString(0x7FE00010)).isEqualTo("(7FE0,0010)");
        assertThat(Tags.toString(0xFFFEE0DD)).isEqualTo("(FFFE,E0DD)");
        assertThat(Tags.toString(0x0009A1BC)).isEqualTo("(0009,A1BC)");
    }

    @Test
    void parsesWhatItWrites() {
        for (int tag : new int[] {0, 0x00100010, 0x7FE00010, 0xFFFEE000, 0x0019ABCD}) {
            assertThat(Tags.parse(Tags.toString(tag))).isEqualTo(tag);
        }
    }
}
