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
 * file (the two sources take different paths: only files leave bulk values in place), and a
 * file both ways: read whole into memory and read through the window, which must agree.
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

    /**
     * Reads a file whole and through the window; the two reads must give the same data set
     * (values, and which are bulk references) or the same error. Returns the whole read.
     */
    DicomFile readFile(byte[] data, ReadOptions opts) throws IOException {
        Path f = file(data);
        try {
            Object whole = outcome(() ->
                    bounded(data.length, () -> DicomReader.read(f, opts.withWholeFileLimit(Integer.MAX_VALUE))));
            Object window = outcome(() -> bounded(data.length, () -> DicomReader.read(f, opts.withWholeFileLimit(0))));
            if (whole instanceof DicomFile w && window instanceof DicomFile s) {
                Same.compare(w.dataset().elements(), s.dataset().elements(), "whole vs window: ");
                Same.compareKinds(w.dataset().elements(), s.dataset().elements(), "whole vs window: ");
                assertThat(w.transferSyntax()).isEqualTo(s.transferSyntax());
                return w;
            }
            if (whole instanceof DicomParseException w && window instanceof DicomParseException s) {
                assertThat(w.offset()).as("offset whole vs window").isEqualTo(s.offset());
                assertThat(w.tag()).as("tag whole vs window").isEqualTo(s.tag());
                assertThat(w.problem()).as("problem whole vs window").isEqualTo(s.problem());
                throw w;
            }
            throw new AssertionError("whole read gave " + whole + ", window read gave " + window);
        } finally {
            Files.deleteIfExists(f);
        }
    }

    private static Object outcome(Read read) {
        try {
            return read.run();
        } catch (IOException | RuntimeException e) {
            return e;
        }
    }

    /**
     * Asserts that the input is refused from memory, from a file, and by a file read that skips
     * the groups from (0021,xxxx) on (what it skips it still checks), all the same way.
     */
    DicomParseException refused(byte[] data) throws IOException {
        DicomParseException fromMemory = refusedFromMemory(data);
        DicomParseException fromFile = (DicomParseException) catchRead(() -> readFile(data));
        assertThat(fromFile.offset()).as("offset from file vs memory").isEqualTo(fromMemory.offset());
        assertThat(fromFile.tag()).as("tag from file vs memory").isEqualTo(fromMemory.tag());
        assertThat(fromFile.problem()).isEqualTo(fromMemory.problem());
        DicomParseException skipping = (DicomParseException) catchRead(
                () -> readFile(data, ReadOptions.DEFAULT.withSkipFrom(0x00210000)));
        assertThat(skipping.offset()).as("offset when skipping vs memory").isEqualTo(fromMemory.offset());
        assertThat(skipping.tag()).as("tag when skipping vs memory").isEqualTo(fromMemory.tag());
        assertThat(skipping.problem()).isEqualTo(fromMemory.problem());
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
