package org.cloak.testkit.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.cloak.dicom.data.DataSet;
import org.cloak.dicom.io.DicomReader;
import org.cloak.dicom.text.DicomJsonWriter;
import org.cloak.testkit.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** DicomJsonWriter output is JSON with the PS3.18 Annex F structure. */
class DicomJsonWriterTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static List<Corpus.Entry> corpus;

    @BeforeAll
    static void buildCorpus() {
        corpus = Corpus.build(dir);
    }

    static Stream<Corpus.Entry> corpus() {
        return corpus.stream();
    }

    private static JsonNode json(DataSet ds, boolean pretty) throws Exception {
        StringWriter sw = new StringWriter();
        new DicomJsonWriter(sw, pretty).write(ds);
        return JSON.readTree(sw.toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void everyCorpusFileBecomesParseableJsonWithAVrPerAttribute(Corpus.Entry e) throws Exception {
        DataSet ds = DicomReader.read(e.file()).dataset();
        for (boolean pretty : new boolean[] {false, true}) {
            JsonNode root = json(ds, pretty);
            assertThat(root.isObject()).isTrue();
            assertThat(root.size()).isEqualTo(ds.size());
            root.properties().forEach(f -> {
                assertThat(f.getKey()).matches("[0-9A-F]{8}");
                assertThat(f.getValue().path("vr").asText()).matches("[A-Z]{2}");
            });
        }
    }

    @Test
    void personNamesAreObjectsWithAlphabeticIdeographicAndPhoneticGroups() throws Exception {
        JsonNode root = json(DicomReader.read(entry("explicit-le-defined").file()).dataset(), false);
        JsonNode pn = root.path("00100010");
        assertThat(pn.path("vr").asText()).isEqualTo("PN");
        JsonNode name = pn.path("Value").get(0);
        assertThat(name.path("Alphabetic").asText()).isEqualTo("DOE^JANE");
        assertThat(name.path("Ideographic").asText()).isEqualTo("Ideo^Graphic");
        assertThat(name.path("Phonetic").asText()).isEqualTo("Pho^Netic");
    }

    @Test
    void sequencesAreArraysOfNestedDataSetObjects() throws Exception {
        JsonNode root = json(Fixtures.ct().patientName("DOE^JANE").build(), false);
        JsonNode req = root.path("00400275");
        assertThat(req.path("vr").asText()).isEqualTo("SQ");
        assertThat(req.path("Value").isArray()).isTrue();
        assertThat(req.path("Value")).hasSize(1);
        JsonNode item = req.path("Value").get(0);
        assertThat(item.isObject()).isTrue();
        JsonNode code = item.path("00400008").path("Value").get(0);
        assertThat(code.path("00080104").path("Value").get(0).asText()).isEqualTo("Fake protocol for DOE^JANE");
    }

    @Test
    void binaryAndDecimalNumbersAreJsonNumbers() throws Exception {
        JsonNode root = json(Fixtures.ct().rows(32).columns(48).build(), false);
        JsonNode rows = root.path("00280010");
        assertThat(rows.path("vr").asText()).isEqualTo("US");
        assertThat(rows.path("Value").get(0).isIntegralNumber()).isTrue();
        assertThat(rows.path("Value").get(0).asInt()).isEqualTo(32);
        assertThat(root.path("00280011").path("Value").get(0).asInt()).isEqualTo(48);
        JsonNode spacing = root.path("00280030").path("Value");
        assertThat(spacing.get(0).isNumber()).isTrue();
        assertThat(spacing.get(1).asDouble()).isEqualTo(0.5);
        assertThat(root.path("00281052").path("Value").get(0).asInt()).isEqualTo(-1024);
    }

    @Test
    void multipleValuesAndUidsAreStringArrays() throws Exception {
        JsonNode root = json(DicomReader.read(entry("explicit-le-defined").file()).dataset(), false);
        JsonNode type = root.path("00080008").path("Value");
        assertThat(type).hasSize(3);
        assertThat(type.get(2).asText()).isEqualTo("AXIAL");
        assertThat(root.path("0020000D").path("Value").get(0).asText()).isEqualTo("2.25.2001");
        // AT values are the 8 hex digits of the tag (PS3.18 F.2.3)
        assertThat(root.path("00720060").path("Value").get(1).asText()).isEqualTo("0020000D");
    }

    @Test
    void emptyAttributesHaveAVrButNoValue() throws Exception {
        JsonNode root = json(DicomReader.read(entry("explicit-le-defined").file()).dataset(), false);
        JsonNode empty = root.path("00082112");
        assertThat(empty.path("vr").asText()).isEqualTo("SQ");
        assertThat(empty.has("Value")).isFalse();
    }

    @Test
    void privateBlocksAreKeptWithTheirCreator() throws Exception {
        JsonNode root = json(Fixtures.ct().build(), false);
        assertThat(root.path("00090010").path("Value").get(0).asText()).isEqualTo(Fixtures.PRIVATE_CREATOR);
        assertThat(root.path("00091001").path("vr").asText()).isEqualTo("LO");
    }

    private static Corpus.Entry entry(String name) {
        return corpus.stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow();
    }
}
