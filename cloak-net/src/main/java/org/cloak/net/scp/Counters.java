package org.cloak.net.scp;

import java.util.concurrent.atomic.AtomicLong;

/** The live counters behind {@link ServerStats}. */
final class Counters {
    final AtomicLong accepted = new AtomicLong();
    final AtomicLong rejected = new AtomicLong();
    final AtomicLong aborted = new AtomicLong();
    final AtomicLong stored = new AtomicLong();
    final AtomicLong failed = new AtomicLong();
    final AtomicLong echoes = new AtomicLong();
    final AtomicLong serial = new AtomicLong();

    ServerStats snapshot() {
        return new ServerStats(accepted.get(), rejected.get(), aborted.get(), stored.get(), failed.get(), echoes.get());
    }
}
