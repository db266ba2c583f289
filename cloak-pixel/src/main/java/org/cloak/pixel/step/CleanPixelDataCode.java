package org.cloak.pixel.step;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.cloak.deid.DeidConfig;

/** CID 7050 code 113101 "Clean Pixel Data Option", read from the engine's copy of the standard's table. */
final class CleanPixelDataCode {
    private static final String RESOURCE = "/org/cloak/deid/profile/deidentification_method_codes.tsv";
    static final DeidConfig.MethodCode CODE = load();

    private CleanPixelDataCode() {}

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
