package org.cloak.pipeline.verify;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.cloak.pipeline.folder.OutputFolder;

/**
 * The sign-off records of an output folder: JSON lines appended to
 * {@code OUT/.cloak/signoff.jsonl}. Each record is written with one append and forced to disk,
 * so a record is either whole or absent.
 */
public final class SignOffLog {
    public static final String FILE = "signoff.jsonl";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SignOffLog() {}

    public static Path fileIn(Path outDir) {
        return OutputFolder.of(outDir).signOffs();
    }

    public static void append(Path outDir, SignOff s) throws IOException {
        Path f = fileIn(outDir);
        Files.createDirectories(f.getParent());
        byte[] line = (MAPPER.writeValueAsString(s) + "\n").getBytes(StandardCharsets.UTF_8);
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            ByteBuffer buf = ByteBuffer.wrap(line);
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(true);
        }
    }

    /** Every record, oldest first; a torn last line (a crash mid-write) is left out. */
    public static List<SignOff> read(Path outDir) throws IOException {
        Path f = fileIn(outDir);
        List<SignOff> out = new ArrayList<>();
        if (!Files.exists(f)) {
            return out;
        }
        for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                try {
                    out.add(MAPPER.readValue(line, SignOff.class));
                } catch (IOException torn) {
                    // only the last line can be torn; the records before it stand
                }
            }
        }
        return out;
    }
}
