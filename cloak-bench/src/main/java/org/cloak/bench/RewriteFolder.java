package org.cloak.bench;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.cloak.dicom.io.DicomReader;
import org.cloak.dicom.io.DicomWriter;

/**
 * Reads every file of a folder and writes it back unchanged into a mirrored folder, in parallel
 * over files: the codec's cost on a corpus, to compare with {@code cp -r}.
 *
 * <p>Usage: {@code RewriteFolder in-dir out-dir [threads]} (threads default to the cores).
 * Prints files, bytes (read), seconds. Exits 1 if any file failed.
 */
public final class RewriteFolder {
    private RewriteFolder() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 2 || args.length > 3) {
            System.err.println("usage: RewriteFolder in-dir out-dir [threads]");
            System.exit(2);
        }
        Path in = Path.of(args[0]);
        Path out = Path.of(args[1]);
        int threads = args.length == 3 ? Integer.parseInt(args[2]) : Runtime.getRuntime().availableProcessors();

        long start = System.nanoTime();
        AtomicLong files = new AtomicLong();
        AtomicLong bytes = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        // Bounded in-flight work and a walk that visits as it goes: memory does not grow with
        // the number of files. The walk's own attributes spare a stat per file.
        Semaphore inFlight = new Semaphore(threads * 4);
        try {
            Files.walkFileTree(in, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                    Files.createDirectories(out.resolve(in.relativize(dir).toString())); // before its files
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path p, BasicFileAttributes attrs) {
                    if (!attrs.isRegularFile()) {
                        return FileVisitResult.CONTINUE;
                    }
                    Path target = out.resolve(in.relativize(p).toString());
                    inFlight.acquireUninterruptibly();
                    pool.execute(() -> {
                        try {
                            DicomWriter.write(DicomReader.read(p), target);
                            files.incrementAndGet();
                            bytes.addAndGet(attrs.size());
                        } catch (IOException | RuntimeException e) {
                            failed.incrementAndGet();
                            System.err.println("FAILED " + p + ": " + e.getMessage());
                        } finally {
                            inFlight.release();
                        }
                    });
                    return FileVisitResult.CONTINUE;
                }
            });
        } finally {
            pool.shutdown();
            pool.awaitTermination(365, TimeUnit.DAYS);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("files=%d bytes=%d seconds=%.3f MB/s=%.1f threads=%d failed=%d%n", files.get(), bytes.get(),
                seconds, bytes.get() / 1e6 / seconds, threads, failed.get());
        if (failed.get() > 0) {
            System.exit(1);
        }
    }
}
