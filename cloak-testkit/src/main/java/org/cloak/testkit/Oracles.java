package org.cloak.testkit;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Runs the independent DICOM toolkits (dcmtk, GDCM, dicom3tools) that the tests use as oracles.
 * A missing tool fails the test loudly: a conformance suite that silently skips proves nothing.
 */
public final class Oracles {
    private static final long TIMEOUT_SECONDS = 60;
    private static final String INSTALL_HINT = "apt-get install dcmtk libgdcm-tools dicom3tools";
    private static final Map<String, Path> LOCATED = new ConcurrentHashMap<>();

    private Oracles() {}

    /** What a tool did: its exit code and both output streams. */
    public record Result(List<String> command, int exitCode, String stdout, String stderr) {
        /** stdout followed by stderr, for tools that mix their reports across both. */
        public String output() { return stdout + stderr; }

        public boolean succeeded() { return exitCode == 0; }
    }

    // ---- dcmtk -------------------------------------------------------------------------------

    /** dcmdump listing (stdout); fails on a non-zero exit. */
    public static String dcmdump(Path file, String... extraArgs) {
        return check(run("dcmdump", null, args(extraArgs, file.toString()))).stdout();
    }

    /**
     * The listing the comparisons use: full text values ({@code +L}), values over 4 KB not loaded
     * ({@code -M}, so pixel data is summarised) and UIDs as numbers ({@code -Un}).
     */
    public static String dcmdumpForComparison(Path file) {
        return dcmdump(file, "+L", "-M", "-Un");
    }

    /**
     * dump2dcm; runs in the dump file's directory so that {@code =file} values (e.g. pixel
     * data) resolve relative to the dump.
     */
    public static Path dump2dcm(Path dumpText, Path out, String... args) {
        Result r = check(run("dump2dcm", dumpText.toAbsolutePath().getParent(),
                args(args, dumpText.toAbsolutePath().toString(), out.toAbsolutePath().toString())));
        // dump2dcm reports syntax errors on stderr and may still exit 0
        if (r.stderr().lines().anyMatch(l -> l.startsWith("E:") || l.startsWith("F:"))) {
            throw new AssertionError("dump2dcm reported errors for " + dumpText + ":\n" + r.stderr());
        }
        return produced(r, out);
    }

    /** img2dcm (BMP or JPEG input; pass {@code -i BMP} for bitmaps). */
    public static Path img2dcm(Path image, Path out, String... args) {
        return produced(check(run("img2dcm", null, args(args, image.toString(), out.toString()))), out);
    }

    public static Path dcmconv(Path in, Path out, String... args) {
        return produced(check(run("dcmconv", null, args(args, in.toString(), out.toString()))), out);
    }

    public static Path dcmcjpeg(Path in, Path out, String... args) {
        return produced(check(run("dcmcjpeg", null, args(args, in.toString(), out.toString()))), out);
    }

    public static Path dcmcjpls(Path in, Path out, String... args) {
        return produced(check(run("dcmcjpls", null, args(args, in.toString(), out.toString()))), out);
    }

    public static Path dcmcrle(Path in, Path out, String... args) {
        return produced(check(run("dcmcrle", null, args(args, in.toString(), out.toString()))), out);
    }

    // ---- GDCM --------------------------------------------------------------------------------

    public static Path gdcmconv(Path in, Path out, String... args) {
        return produced(check(run("gdcmconv", null, args(args, in.toString(), out.toString()))), out);
    }

    public static String gdcmdump(Path file, String... extraArgs) {
        return check(run("gdcmdump", null, args(extraArgs, file.toString()))).stdout();
    }

    // ---- dicom3tools -------------------------------------------------------------------------

    /**
     * dciodvfy: IOD conformance. It reports on stderr and may exit non-zero for mere warnings,
     * so the result is returned for the caller to judge (see {@link #dciodvfyErrors}).
     */
    public static Result dciodvfy(Path file) {
        return run("dciodvfy", null, List.of(file.toString()));
    }

    /** The "Error" lines of a dciodvfy report. */
    public static List<String> dciodvfyErrors(Result r) {
        return r.output().lines().filter(l -> l.startsWith("Error")).toList();
    }

    // ---- plumbing ----------------------------------------------------------------------------

    /** Runs a tool without judging its exit code. */
    public static Result run(String tool, Path workDir, List<String> arguments) {
        List<String> cmd = new ArrayList<>();
        cmd.add(locate(tool).toString());
        cmd.addAll(arguments);
        Path outFile = null;
        Path errFile = null;
        try {
            outFile = Files.createTempFile("oracle-", ".out");
            errFile = Files.createTempFile("oracle-", ".err");
            ProcessBuilder pb = new ProcessBuilder(cmd)
                    .redirectOutput(outFile.toFile())
                    .redirectError(errFile.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            if (workDir != null) {
                pb.directory(workDir.toFile());
            }
            Process p = pb.start();
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("oracle timed out after " + TIMEOUT_SECONDS + " s: " + String.join(" ", cmd));
            }
            return new Result(List.copyOf(cmd), p.exitValue(),
                    Files.readString(outFile, StandardCharsets.ISO_8859_1),
                    Files.readString(errFile, StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            throw new AssertionError("could not run oracle: " + String.join(" ", cmd), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running: " + String.join(" ", cmd), e);
        } finally {
            deleteQuietly(outFile);
            deleteQuietly(errFile);
        }
    }

    /** Fails with the command line and stderr when the tool exited non-zero. */
    public static Result check(Result r) {
        if (r.exitCode() != 0) {
            throw new AssertionError("oracle failed (exit " + r.exitCode() + "): " + String.join(" ", r.command())
                    + "\nstderr:\n" + r.stderr() + (r.stdout().isBlank() ? "" : "\nstdout:\n" + tail(r.stdout())));
        }
        return r;
    }

    private static Path produced(Result r, Path out) {
        if (!Files.isRegularFile(out)) {
            throw new AssertionError("oracle exited 0 but wrote no " + out + ": " + String.join(" ", r.command())
                    + "\nstderr:\n" + r.stderr());
        }
        return out;
    }

    /** The tool's path on PATH; an AssertionError naming the packages when it is missing. */
    public static Path locate(String tool) {
        return LOCATED.computeIfAbsent(tool, t -> {
            String path = System.getenv("PATH");
            if (path != null) {
                for (String dir : path.split(File.pathSeparator)) {
                    Path candidate = Path.of(dir.isEmpty() ? "." : dir, t);
                    if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                        return candidate;
                    }
                }
            }
            throw new AssertionError("oracle tool " + t + " is not installed: " + INSTALL_HINT);
        });
    }

    private static List<String> args(String[] options, String... operands) {
        List<String> all = new ArrayList<>(List.of(options));
        all.addAll(List.of(operands));
        return all;
    }

    private static String tail(String s) {
        return s.length() <= 4000 ? s : "..." + s.substring(s.length() - 4000);
    }

    private static void deleteQuietly(Path p) {
        if (p != null) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // a leftover temp file is harmless
            }
        }
    }
}
