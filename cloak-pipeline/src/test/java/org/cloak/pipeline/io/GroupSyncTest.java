package org.cloak.pipeline.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class GroupSyncTest {
    /** Records what happens, in order; each sync waits for a permit so tests can hold it. */
    static final class FakeSyncer implements Syncer {
        final List<String> events = Collections.synchronizedList(new ArrayList<>());
        final Semaphore permits = new Semaphore(Integer.MAX_VALUE);
        final CountDownLatch firstStarted = new CountDownLatch(1);
        volatile IOException fail;

        @Override
        public void written(Path file) {
            events.add("written " + file.getFileName());
        }

        @Override
        public void sync() throws IOException {
            events.add("sync start");
            firstStarted.countDown();
            permits.acquireUninterruptibly();
            if (fail != null) {
                throw fail;
            }
            events.add("sync end");
        }

        @Override
        public String describe() { return "fake"; }
    }

    @Test
    void aUnitIsHandedOnOnlyAfterAFlushThatStartedAfterItsCommit() throws Exception {
        FakeSyncer syncer = new FakeSyncer();
        List<String> durable = Collections.synchronizedList(new ArrayList<>());
        try (GroupSync<String> sync = new GroupSync<>(syncer, units -> units.forEach(u -> {
            durable.add(u);
            syncer.events.add("durable " + u);
        }), Long.MAX_VALUE)) {
            sync.written(Path.of("a.dcm"), 10);
            sync.commit("study-1");
            sync.written(Path.of("b.dcm"), 10);
            sync.commit("study-2");
        }
        assertThat(durable).containsExactly("study-1", "study-2");
        List<String> e = syncer.events;
        for (String unit : List.of("study-1", "study-2")) {
            int handedOn = e.indexOf("durable " + unit);
            int lastEnd = e.subList(0, handedOn).lastIndexOf("sync end");
            int start = e.subList(0, lastEnd).lastIndexOf("sync start");
            assertThat(start).as("a flush precedes %s", unit)
                    .isGreaterThan(e.indexOf("written " + (unit.equals("study-1") ? "a.dcm" : "b.dcm")));
        }
    }

    @Test
    void unitsCommittedDuringAFlushWaitForTheNextAndShareIt() throws Exception {
        FakeSyncer syncer = new FakeSyncer();
        syncer.permits.drainPermits();
        List<List<String>> batches = Collections.synchronizedList(new ArrayList<>());
        GroupSync<String> sync = new GroupSync<>(syncer, batches::add, Long.MAX_VALUE);
        sync.commit("first");
        assertThat(syncer.firstStarted.await(5, TimeUnit.SECONDS)).isTrue();
        sync.commit("second");
        sync.commit("third");
        Thread.sleep(50);
        assertThat(batches).as("nothing is durable while the flush is held").isEmpty();
        syncer.permits.release(Integer.MAX_VALUE / 2);
        sync.close();
        assertThat(batches).containsExactly(List.of("first"), List.of("second", "third"));
        assertThat(syncer.events.stream().filter("sync start"::equals).count()).isEqualTo(2);
    }

    @Test
    void enoughBytesStartAFlushWithoutACommitAndCloseFlushesTheRest() throws Exception {
        FakeSyncer syncer = new FakeSyncer();
        List<List<String>> batches = Collections.synchronizedList(new ArrayList<>());
        GroupSync<String> sync = new GroupSync<>(syncer, batches::add, 100);
        sync.written(Path.of("big.dcm"), 150);
        assertThat(syncer.firstStarted.await(5, TimeUnit.SECONDS)).as("a flush starts at 100 bytes").isTrue();
        sync.written(Path.of("small.dcm"), 5);
        sync.close();
        assertThat(batches).isEmpty();
        List<String> e = syncer.events;
        assertThat(e.lastIndexOf("sync start")).as("a flush after the last write")
                .isGreaterThan(e.indexOf("written small.dcm"));
        assertThat(e).endsWith("sync end");
    }

    @Test
    void nothingWrittenNeedsNoFlushAtClose() throws Exception {
        FakeSyncer syncer = new FakeSyncer();
        new GroupSync<String>(syncer, b -> { }, 100).close();
        assertThat(syncer.events).isEmpty();
    }

    @Test
    void aFailedFlushHandsNothingOnAndIsReportedByCommitAndClose() throws Exception {
        FakeSyncer syncer = new FakeSyncer();
        syncer.fail = new IOException("disk full");
        List<List<String>> batches = Collections.synchronizedList(new ArrayList<>());
        GroupSync<String> sync = new GroupSync<>(syncer, batches::add, Long.MAX_VALUE);
        sync.commit("study");
        assertThat(syncer.firstStarted.await(5, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(50);
        assertThatThrownBy(() -> sync.commit("later")).isInstanceOf(IOException.class)
                .hasMessageContaining("disk full");
        assertThatThrownBy(sync::close).isInstanceOf(IOException.class)
                .hasMessageContaining("could not be made durable").hasMessageContaining("disk full");
        assertThat(batches).isEmpty();
    }

    @Test
    void aFailureWhileHandingOnIsReportedAtClose() {
        GroupSync<String> sync = new GroupSync<>(new FakeSyncer(), b -> {
            throw new IllegalStateException("journal gone");
        }, Long.MAX_VALUE);
        assertThatThrownBy(() -> {
            sync.commit("study");
            sync.close();
        }).isInstanceOf(IOException.class).hasMessageContaining("journal gone");
    }
}
