package org.cloak.net.assoc;

import java.time.Duration;
import java.util.Objects;

/**
 * Time limits that keep a stuck or silent peer from holding a thread forever.
 *
 * @param connect time to open the TCP connection (requestor)
 * @param artim   the Association Request/Reject/Release Timer (PS3.8 Section 9.1.5): the whole
 *                A-ASSOCIATE-RQ must arrive this long after the connection opens, an AC/RJ after
 *                the RQ was sent, an A-RELEASE-RP after the RQ
 * @param idle    longest wait for one PDU (or to write one) on an established association; a
 *                requestor also waits this long for each DIMSE response
 */
public record Timeouts(Duration connect, Duration artim, Duration idle) {
    /** 10 s to connect, 30 s ARTIM (dcmtk's ACSE default), 60 s idle. */
    public static final Timeouts DEFAULT = new Timeouts(Duration.ofSeconds(10), Duration.ofSeconds(30),
            Duration.ofSeconds(60));

    public Timeouts {
        positive(connect, "connect");
        positive(artim, "artim");
        positive(idle, "idle");
    }

    public Timeouts withArtim(Duration d) { return new Timeouts(connect, d, idle); }

    private static void positive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("the " + name + " timeout must be positive, not " + d);
        }
    }
}
