package org.cloak.pipeline.verify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;

/** The report as JSON, field for field as {@link VerifyReport} has them. */
public final class ReportJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReportJson() {}

    public static void write(VerifyReport report, Path file) throws IOException {
        MAPPER.writeValue(file.toFile(), report);
    }

    public static String toJson(VerifyReport report) throws IOException {
        return MAPPER.writeValueAsString(report);
    }

    public static VerifyReport read(Path file) throws IOException {
        return MAPPER.readValue(file.toFile(), VerifyReport.class);
    }
}
