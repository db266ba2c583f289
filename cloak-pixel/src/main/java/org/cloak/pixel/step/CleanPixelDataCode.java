package org.cloak.pixel.step;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.cloak.deid.DeidConfig;
import org.cloak.dicom.data.DataSet;
import org.cloak.dicom.data.Sequence;
import org.cloak.dicom.dict.Tag;

/** CID 7050 code 113101 "Clean Pixel Data Option", read from the engine's copy of the standard's table. */
public final class CleanPixelDataCode {
    private static final String RESOURCE = "/org/cloak/deid/profile/deidentification_method_codes.tsv";
    static final DeidConfig.MethodCode CODE = load();

    private CleanPixelDataCode() {}

    /** Whether a data set's De-identification Method Code Sequence says its pixel data was cleaned. */
    public static boolean marks(DataSet ds) {
        Sequence codes = ds.getSequence(Tag.DeidentificationMethodCodeSequence);
        if (codes == null) {
            return false;
        }
        for (DataSet item : codes) {
            if (CODE.value().equals(item.getString(Tag.CodeValue))
                    && CODE.scheme().equals(item.getString(Tag.CodingSchemeDesignator))) {
                return true;
            }
        }
        return false;
    }

    private static DeidConfig.MethodCode load() {
        try (InputStream in = DeidConfig.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Could not find " + RESOURCE);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String[] c = line.split("\t", -1);
                if (c.length >= 4 && c[3].equals("clean-pixel-data")) {
                    return new DeidConfig.MethodCode(c[0], c[1], c[2]);
                }
            }
            throw new IllegalStateException("Could not find the clean-pixel-data row in " + RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
