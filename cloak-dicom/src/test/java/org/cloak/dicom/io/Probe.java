package org.cloak.dicom.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.function.ThrowingSupplier;

/**
 * Reads hostile input under a time limit and an allocation budget, from memory and from a
 * file (the two sources take different paths: only files leave bulk values in place).
 */
final class Probe {
    static final Duration LIMIT = Duration.ofSeconds(1);

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private final Path dir;
    private final boolean inline;
    private int counter;

    /** Each read runs in its own thread under {@code assertTimeoutPreemptively}. */
    Probe(Path dir) {
        this(dir, false);
    }

    /**
     * @param inline run reads in the caller's thread and only measure their time, for loops of
     *     thousands of reads that the caller guards with one preemptive timeout (a thread per read
     *     costs more than the read)
     */
    Probe(Path dir, boolean inline) {
        this.dir = dir;
        this.inline = inline;
    }

    /** What a read may allocate: a fixed allowance plus a small multiple of the input. */
    static long budget(long inputSize) {
        return (16L << 20) + 8 * inputSize;
    }

    interface Read {
        DicomFile run() throws IOException;
    }

    /** Runs a read within {@link #LIMIT} and {@link #budget}; returns its result or rethrows. */
    DicomFile bounded(long inputSize, Read read) throws IOException {
        AtomicLong allocated = new AtomicLong();
        ThrowingSupplier<Object> measured = () -> {
            long before = THREADS.getCurrentThreadAllocatedBytes();
            try {
                return read.run();
            } catch (IOException | RuntimeException | StackOverflowError e) {
                return e;
            } finally {
                allocated.set(THREADS.getCurrentThreadAllocatedBytes() - before);
            }
        };
        Object result;
        if (inline) {
            long start = System.nanoTime();
            try {
                result = measured.get();
            } catch (Throwable t) {
                throw new AssertionError(t);
            }
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("time to read %d bytes", inputSize)
                    .isLessThan(LIMIT);
        } else {
            result = assertTimeoutPreemptively(LIMIT, measured);
        }
        assertThat(allocated.get()).as("bytes allocated reading %d bytes of input", inputSize)
                .isLessThan(budget(inputSize));
        if (result instanceof IOException e) {
            throw e;
        }
        if (result instanceof RuntimeException e) {
            throw e;
        }
        if (result instanceof StackOverflowError e) {
            throw new AssertionError("stack overflow", e);
        }
        return (DicomFile) result;
    }

    DicomFile readBytes(byte[] data) throws IOException {
        return bounded(data.length, () -> DicomReader.read(data, "mem"));
    }

    Path file(byte[] data) throws IOException {
        return Files.write(dir.resolve("in-" + (counter++) + ".dcm"), data);
    }

    DicomFile readFile(byte[] data) throws IOException {
        return readFile(data, ReadOptions.DEFAULT);
    }

    DicomFile readFile(byte[] data, ReadOptions opts) throws IOException {
        Path f = file(data);
        try {
            return bounded(data.length, () -> DicomReader.read(f, opts));
        } finally {
            Files.deleteIfExists(f);
        }
    }

    /** Asserts that the input is refused both from memory and from a file, the same way. */
    DicomParseException refused(byte[] data) throws IOException {
        DicomParseException fromMemory = refusedFromMemory(data);
        DicomParseException fromFile = (DicomParseException) catchRead(() -> readFile(data));
        assertThat(fromFile.offset()).as("offset from file vs memory").isEqualTo(fromMemory.offset());
        assertThat(fromFile.tag()).as("tag from file vs memory").isEqualTo(fromMemory.tag());
        assertThat(fromFile.problem()).isEqualTo(fromMemory.problem());
        return fromFile;
    }

    DicomParseException refusedFromMemory(byte[] data) {
        return (DicomParseException) catchRead(() -> readBytes(data));
    }

    private static Throwable catchRead(Read read) {
        Throwable[] caught = new Throwable[1];
        assertThatThrownBy(() -> {
            try {
                read.run();
            } catch (Throwable t) {
                caught[0] = t;
                throw t;
            }
        }).isInstanceOf(DicomParseException.class);
        return caught[0];
    }
}
