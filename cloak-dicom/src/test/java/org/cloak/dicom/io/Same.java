package org.cloak.dicom.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.cloak.dicom.data.BulkRef;
import org.cloak.dicom.data.Bytes;
import org.cloak.dicom.data.DataSet;
import org.cloak.dicom.data.Element;
import org.cloak.dicom.data.Fragments;
import org.cloak.dicom.data.Sequence;
import org.cloak.dicom.data.Value;
import org.cloak.dicom.dict.Tags;

/**
 * Deep comparison of data sets: tags, VRs, value bytes (a bulk reference compares by the bytes
 * it points at), sequence and item length forms.
 */
final class Same {
    private Same() {}

    static void assertSame(DataSet actual, DataSet expected) {
        compare(actual.elements(), expected.elements(), "");
    }

    static void compare(List<Element> actual, List<Element> expected, String path) {
        assertThat(actual.stream().map(e -> Tags.toString(e.tag())).toList()).as("tags at %s", path)
                .isEqualTo(expected.stream().map(e -> Tags.toString(e.tag())).toList());
        for (int i = 0; i < actual.size(); i++) {
            Element a = actual.get(i);
            Element x = expected.get(i);
            String here = path + Tags.toString(a.tag());
            assertThat(a.vr()).as("VR of %s", here).isEqualTo(x.vr());
            compare(a.value(), x.value(), here);
        }
    }

    private static void compare(Value a, Value x, String path) {
        if (x instanceof Sequence xs) {
            assertThat(a).as("value of %s", path).isInstanceOf(Sequence.class);
            Sequence as = (Sequence) a;
            assertThat(as.isUndefinedLength()).as("undefined length of %s", path).isEqualTo(xs.isUndefinedLength());
            assertThat(as.isImplicitLittleEndian()).as("implicit LE of %s", path)
                    .isEqualTo(xs.isImplicitLittleEndian());
            assertThat(as.size()).as("items of %s", path).isEqualTo(xs.size());
            for (int i = 0; i < xs.size(); i++) {
                DataSet ai = as.get(i);
                DataSet xi = xs.get(i);
                String here = path + "[" + i + "]";
                assertThat(ai.isUndefinedLength()).as("undefined length of %s", here).isEqualTo(xi.isUndefinedLength());
                compare(ai.elements(), xi.elements(), here + ".");
            }
        } else if (x instanceof Fragments xf) {
            assertThat(a).as("value of %s", path).isInstanceOf(Fragments.class);
            List<Value> af = ((Fragments) a).items();
            assertThat(af).as("fragments of %s", path).hasSameSizeAs(xf.items());
            for (int i = 0; i < af.size(); i++) {
                assertThat(bytes(af.get(i))).as("fragment %d of %s", i, path).isEqualTo(bytes(xf.items().get(i)));
            }
        } else {
            assertThat(bytes(a)).as("value of %s", path).isEqualTo(bytes(x));
        }
    }

    /**
     * Asserts that the same values are held the same way: bulk references (to the same place)
     * where the other has them, bytes where the other has bytes.
     */
    static void compareKinds(List<Element> actual, List<Element> expected, String path) {
        assertThat(actual).as("elements at %s", path).hasSameSizeAs(expected);
        for (int i = 0; i < actual.size(); i++) {
            Value a = actual.get(i).value();
            Value x = expected.get(i).value();
            String here = path + Tags.toString(actual.get(i).tag());
            assertThat(a.getClass()).as("kind of value of %s", here).isEqualTo(x.getClass());
            if (x instanceof BulkRef) {
                assertThat(a).as("bulk reference of %s", here).isEqualTo(x);
            } else if (x instanceof Sequence xs) {
                Sequence as = (Sequence) a;
                for (int j = 0; j < xs.size(); j++) {
                    compareKinds(as.get(j).elements(), xs.get(j).elements(), here + "[" + j + "].");
                }
            } else if (x instanceof Fragments xf) {
                List<Value> af = ((Fragments) a).items();
                for (int j = 0; j < xf.items().size(); j++) {
                    assertThat(af.get(j).getClass()).as("kind of fragment %d of %s", j, here)
                            .isEqualTo(xf.items().get(j).getClass());
                    if (xf.items().get(j) instanceof BulkRef) {
                        assertThat(af.get(j)).as("fragment %d of %s", j, here).isEqualTo(xf.items().get(j));
                    }
                }
            }
        }
    }

    static byte[] bytes(Value v) {
        if (v instanceof Bytes b) {
            return b.data();
        }
        if (v instanceof BulkRef r) {
            try {
                return r.readAll(Integer.MAX_VALUE - 8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw new AssertionError("not a plain value: " + v);
    }
}
