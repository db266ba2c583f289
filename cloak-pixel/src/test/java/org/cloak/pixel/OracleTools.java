package org.cloak.pixel;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cloak.testkit.Oracles;

/** The dcmtk and GDCM decoders the pixel tests compare with, run by the test kit (a missing tool fails). */
public final class OracleTools {
    private OracleTools() {}

    public static Path dcmdrle(Path in, Path out, String... args) {
        return run("dcmdrle", in, out, args);
    }

    public static Path dcmdjpeg(Path in, Path out, String... args) {
        return run("dcmdjpeg", in, out, args);
    }

    /** gdcmconv --raw: GDCM's own decoders write the native file. */
    public static Path gdcmRaw(Path in, Path out) {
        return Oracles.gdcmconv(in, out, "--raw");
    }

    private static Path run(String tool, Path in, Path out, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add(in.toString());
        all.add(out.toString());
        Oracles.check(Oracles.run(tool, null, all));
        if (!Files.isRegularFile(out)) {
            throw new AssertionError(tool + " exited 0 but wrote no " + out);
        }
        return out;
    }
}
