package org.cloak.net.scu;

import java.util.Objects;
import org.cloak.net.AeTitles;
import org.cloak.net.TlsOptions;
import org.cloak.net.assoc.Timeouts;

/**
 * How this node calls a peer.
 *
 * @param callingAeTitle this node's AE title in the request
 * @param timeouts       connect, ARTIM and idle (also the wait for each response) timeouts
 * @param maxPduLength   maximum P-DATA-TF length this node receives (announced to the peer)
 * @param tls            TLS settings, or null for plain TCP
 */
public record ScuOptions(String callingAeTitle, Timeouts timeouts, int maxPduLength, TlsOptions tls) {
    public static final String DEFAULT_CALLING_AE_TITLE = "CLOAK";
    public static final int DEFAULT_MAX_PDU_LENGTH = 256 * 1024;

    public ScuOptions {
        AeTitles.check(callingAeTitle);
        Objects.requireNonNull(timeouts, "timeouts");
        if (maxPduLength < 4096) {
            throw new IllegalArgumentException("maximum PDU length " + maxPduLength + " is below 4096");
        }
    }

    /** Default timeouts and PDU length, no TLS. */
    public static ScuOptions of(String callingAeTitle) {
        return new ScuOptions(callingAeTitle, Timeouts.DEFAULT, DEFAULT_MAX_PDU_LENGTH, null);
    }

    public ScuOptions withTimeouts(Timeouts t) { return new ScuOptions(callingAeTitle, t, maxPduLength, tls); }

    public ScuOptions withTls(TlsOptions t) { return new ScuOptions(callingAeTitle, timeouts, maxPduLength, t); }
}
