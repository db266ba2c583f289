package org.cloak.deid.verify;

import java.io.UncheckedIOException;
import org.cloak.dicom.data.BulkRef;
import org.cloak.dicom.data.Bytes;
import org.cloak.dicom.data.DataSet;
import org.cloak.dicom.data.Element;
import org.cloak.dicom.data.Value;
import org.cloak.dicom.dict.Tag;
import org.cloak.dicom.dict.Vr;

/**
 * Searches every value of an output, at every depth, standard and private, for the patient's
 * identifying values: text decoded with the character set in force where it is held, and the
 * raw bytes of binary values (OB, OW, UN...), streamed when left in the file. Pixel, overlay and
 * waveform samples are not searched: text in them is a matter of pixels, not bytes, and short
 * byte patterns would hit by chance in megabytes of samples. In coded values (CS, code values and
 * scheme designators) a lone word of a name is not reported: codes are words of a vocabulary,
 * and a physician called Head would otherwise flag every head CT; whole names, IDs and dates
 * are reported there as anywhere.
 */
public final class PhiScanner {
    private PhiScanner() {}

    public static void scan(String file, DataSet output, DataSet originalTop, IdentifierMatcher m, RuleLookup rules,
                     FindingSink sink) {
        if (m.isEmpty()) {
            return;
        }
        Walk.each(output, (path, owner, e) -> {
            if (isSamples(e.tag())) {
                return;
            }
            Value v = e.value();
            if (e.vr().isText() && v instanceof Bytes b) {
                boolean coded = isCoded(e);
                for (IdentifierMatcher.Hit h : m.find(ValueText.text(owner, e.vr(), b.data()))) {
                    if (coded && h.identifier().isNameComponent()) {
                        continue;
                    }
                    report(file, path, owner, e, originalTop != null ? originalTop : output, rules, sink,
                            describe(h.identifier()), h.found());
                }
            } else if (e.vr().isBulkCandidate() && (v instanceof Bytes || v instanceof BulkRef)) {
                ByteScanner s = m.scanner(owner.charset());
                try {
                    ValueBytes.stream(v, s::feed);
                } catch (UncheckedIOException ex) {
                    sink.add(FindingKind.UNREADABLE, file, path.toString(), "", "", "value could not be read back: "
                            + ex.getCause().getClass().getSimpleName(), "");
                    return;
                }
                for (ByteScanner.Hit h : s.finish()) {
                    report(file, path, owner, e, originalTop != null ? originalTop : output, rules, sink,
                            describe(h.identifier()) + ", in the raw bytes (" + h.encoding() + ")",
                                    h.identifier().value());
                }
            }
        });
    }

    private static void report(String file, AttributePath path, DataSet owner, Element e, DataSet top, RuleLookup rules,
                               FindingSink sink, String detail, String value) {
        String rule = rules == null ? "" : RuleLookup.describe(rules.resolve(e.tag(), owner, top));
        sink.add(FindingKind.IDENTIFIER, file, path.toString(), Difference.keywordOf(owner, e.tag()), rule, detail,
                value);
    }

    private static String describe(Identifier id) {
        return id.kind().name().toLowerCase().replace('_', ' ') + " from " + id.source();
    }

    private static boolean isCoded(Element e) {
        int t = e.tag();
        return e.vr() == Vr.CS || t == Tag.CodeValue || t == Tag.CodingSchemeDesignator || t == Tag.LongCodeValue
                || t == Tag.URNCodeValue || t == Tag.CodingSchemeVersion;
    }

    /** Pixel data in any form, overlay data (60xx,3000) and waveform samples. */
    public static boolean isSamples(int tag) {
        return tag == Tag.PixelData || tag == Tag.FloatPixelData || tag == Tag.DoubleFloatPixelData
                || (tag & 0xFF01FFFF) == 0x60003000 || tag == Tag.WaveformData;
    }
}
