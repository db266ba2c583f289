package org.cloak.pixel.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.cloak.dicom.dict.Uid;
import org.cloak.pixel.Photometric;
import org.cloak.pixel.TestImages;
import org.cloak.pixel.jpeg.JpegLosslessCodec;
import org.cloak.pixel.rle.RleCodec;
import org.junit.jupiter.api.Test;

class PixelCodecsTest {
    private final PixelCodecs codecs = PixelCodecs.standard();

    @Test
    void nativeAndSupportedSyntaxes() {
        for (String uid : new String[] {Uid.ImplicitVRLittleEndian, Uid.ExplicitVRLittleEndian,
                Uid.ExplicitVRBigEndian, Uid.DeflatedExplicitVRLittleEndian}) {
            assertThat(codecs.lookup(uid)).isInstanceOf(CodecLookup.Native.class);
        }
        assertThat(codecs.lookup(Uid.RLELossless)).isInstanceOfSatisfying(CodecLookup.Encapsulated.class,
                e -> assertThat(e.codec()).isInstanceOf(RleCodec.class));
        for (String uid : new String[] {Uid.JPEGLossless, Uid.JPEGLosslessSV1}) {
            assertThat(codecs.lookup(uid)).isInstanceOfSatisfying(CodecLookup.Encapsulated.class,
                    e -> assertThat(e.codec()).isInstanceOf(JpegLosslessCodec.class));
        }
        assertThat(codecs.lookup(Uid.EncapsulatedUncompressedExplicitVRLittleEndian).canDecode()).isTrue();
        for (String uid : new String[] {Uid.JPEGBaseline8Bit, Uid.JPEGExtended12Bit, Uid.JPEG2000Lossless,
                Uid.JPEG2000}) {
            assertThat(codecs.lookup(uid).canDecode()).as(uid).isTrue();
        }
    }

    @Test
    void unsupportedSyntaxesSayWhy() {
        assertReason(Uid.JPEGLSLossless, CodecLookup.Reason.NO_CODEC);
        assertReason(Uid.HTJ2KLossless, CodecLookup.Reason.NO_CODEC);
        assertReason(Uid.MPEG2MPML, CodecLookup.Reason.VIDEO);
        assertReason(Uid.JPIPReferenced, CodecLookup.Reason.REFERENCED);
        assertReason("1.2.3.4", CodecLookup.Reason.UNKNOWN_SYNTAX);
        assertReason(null, CodecLookup.Reason.UNKNOWN_SYNTAX);
        assertThat(((CodecLookup.Unsupported) codecs.lookup(Uid.JPEGLSLossless)).detail()).contains("JPEG-LS");
    }

    @Test
    void openingUnsupportedPixelDataNamesTheReason() {
        var ds = TestImages.dataset(TestImages.format(Photometric.MONOCHROME2, 2, 2, 8, 8, false), new byte[4]);
        assertThatThrownBy(() -> PixelData.open(ds, Uid.JPEGLSNearLossless, codecs))
                .isInstanceOfSatisfying(UnsupportedPixelDataException.class,
                        e -> assertThat(e.reason()).isEqualTo(CodecLookup.Reason.NO_CODEC))
                .hasMessageContaining("Could not decode the pixel data");
    }

    private void assertReason(String uid, CodecLookup.Reason reason) {
        assertThat(codecs.lookup(uid)).isInstanceOfSatisfying(CodecLookup.Unsupported.class,
                u -> assertThat(u.reason()).as(uid).isEqualTo(reason));
    }
}
