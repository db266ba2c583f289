package org.cloak.pipeline.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.cloak.dicom.dict.Tag;
import org.cloak.dicom.io.DicomReader;
import org.cloak.net.AeAddress;
import org.cloak.testkit.Fixtures;
import org.cloak.testkit.Oracles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Forwarding to a dcmtk storescp that is down for a while, and a listener restarted mid-queue. */
@Timeout(120)
class ForwardingTest {
    private static final int FILES = 10;

    @TempDir
    Path tmp;

    @Test
    void instancesSentWhileTheDestinationIsDownArriveExactlyOnceAfterItStarts() throws Exception {
        List<Path> files = study(FILES);
        int archivePort = Peers.freePort();
        Path out = tmp.resolve("out");
        Path archive = tmp.resolve("archive");
        ListenOptions options = Peers.options(out).withForward(new AeAddress("ARCHIVE", "127.0.0.1", archivePort))
                .withForwardWait(Duration.ofMillis(500));
        try (ListenService node = Peers.listener(tmp, options)) {
            send(node, files.subList(0, FILES / 2));
            assertThat(Peers.outputs(out)).hasSize(FILES / 2);
            assertThat(node.forwardQueue().orElseThrow().pendingCount()).isEqualTo(FILES / 2);
            Peers.Storescp dest = Peers.Storescp.start(archive, archivePort, tmp.resolve("storescp.log"));
            try {
                send(node, files.subList(FILES / 2, FILES));
                assertThat(node.forwardQueue().orElseThrow().awaitEmpty(Duration.ofSeconds(30))).isTrue();
            } finally {
                dest.close();
            }
            assertThat(node.forwardQueue().orElseThrow().sent()).isEqualTo(FILES);
        }
        assertThat(sopUids(Peers.outputs(archive))).hasSize(FILES).isEqualTo(sopUids(Peers.outputs(out)));
        assertThat(Peers.outputs(archive)).hasSize(FILES); // exactly once: no second copy
    }

    @Test
    void aListenerRestartedMidQueueDrainsItWhenTheDestinationReturns() throws Exception {
        List<Path> files = study(6);
        int archivePort = Peers.freePort();
        Path out = tmp.resolve("out");
        Path archive = tmp.resolve("archive");
        ListenOptions options = Peers.options(out).withForward(new AeAddress("ARCHIVE", "127.0.0.1", archivePort))
                .withForwardWait(Duration.ofMillis(500));
        try (ListenService node = Peers.listener(tmp, options)) {
            send(node, files);
            assertThat(node.stop(Duration.ofSeconds(5))).isTrue();
        }
        ForwardQueue left = new ForwardQueue(out, options.forward(), options.forwardScu(), options.forwardWait());
        assertThat(left.pendingCount()).isEqualTo(6);
        try (ListenService again = Peers.listener(tmp, options)) {
            Peers.Storescp dest = Peers.Storescp.start(archive, archivePort, tmp.resolve("storescp.log"));
            try {
                assertThat(again.forwardQueue().orElseThrow().awaitEmpty(Duration.ofSeconds(30))).isTrue();
            } finally {
                dest.close();
            }
        }
        assertThat(sopUids(Peers.outputs(archive))).hasSize(6).isEqualTo(sopUids(Peers.outputs(out)));
    }

    private List<Path> study(int n) throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in"));
        List<Path> files = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            files.add(Fixtures.write(Fixtures.ct().series(1 + i % 2).instance(i).rows(16).columns(16).build(),
                    in.resolve(i + ".dcm")));
        }
        return files;
    }

    private static void send(ListenService node, List<Path> files) {
        Oracles.Result r = Peers.storescu(node.port(), "CLOAK", "MODALITY", files);
        assertThat(r.exitCode()).as(r.stderr()).isZero();
    }

    static Set<String> sopUids(List<Path> files) throws Exception {
        Set<String> uids = new TreeSet<>();
        for (Path f : files) {
            uids.add(DicomReader.read(f).dataset().getString(Tag.SOPInstanceUID));
        }
        return uids;
    }
}
