package org.cloak.pipeline.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/** SHA-256 fingerprints used in audit reports. */
public final class Digests {
    private static final HexFormat HEX = HexFormat.of();
    /** One digest per thread: looking one up costs as much as hashing a path (a digest resets after use). */
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(Digests::newSha256);

    private Digests() {}

    public static String sha256Hex(byte[] bytes) {
        return HEX.formatHex(SHA256.get().digest(bytes));
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** The recipe digest of a run configured by a recipe file: SHA-256 of the file's bytes. */
    public static String recipe(Path recipeFile) throws IOException {
        return sha256Hex(Files.readAllBytes(recipeFile));
    }

    /**
     * The recipe digest of a run configured by flags alone: SHA-256 of the flags that shape the
     * output (profile, options...), one per line, in the order given. Paths should be left out,
     * so that the same settings give the same digest on every machine.
     */
    public static String flags(List<String> flags) {
        return sha256Hex(String.join("\n", flags).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The input path hash of a file: SHA-256 of its path relative to its input root, with
     * {@code /} as separator on every platform. Whoever holds the input can recompute it
     * ({@code printf %s 'P1/CT/IM1.dcm' | sha256sum}); the report alone does not show the path,
     * which may hold a name.
     */
    public static String inputPath(Path relative) {
        return sha256Hex(slashes(relative).getBytes(StandardCharsets.UTF_8));
    }

    static String slashes(Path p) {
        StringBuilder b = new StringBuilder();
        for (Path part : p) {
            if (b.length() > 0) {
                b.append('/');
            }
            b.append(part);
        }
        return b.toString();
    }
}
