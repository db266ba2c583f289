package org.cloak.net.scp;

import java.net.InetAddress;
import java.util.Objects;
import java.util.Set;
import org.cloak.net.AeTitles;
import org.cloak.net.TlsOptions;
import org.cloak.net.assoc.AcceptPolicy;
import org.cloak.net.assoc.Timeouts;
import org.cloak.net.pdu.PduReader;

/**
 * Configuration of a {@link DicomServer}. Build with {@link #of} and the {@code with*} methods.
 *
 * @param aeTitle                the AE title peers must call; others are rejected
 *                               (called-AE-title-not-recognized)
 * @param bindAddress            local address to listen on; null for all interfaces
 * @param port                   TCP port; 0 picks a free one (see {@link DicomServer#port()})
 * @param maxAssociations        associations served at once, one thread each; a request beyond
 *                               this is rejected (transient, local-limit-exceeded)
 * @param allowedCallingAeTitles calling AE titles accepted; empty accepts any
 * @param allowedAddresses       peer addresses accepted; empty accepts any
 * @param timeouts               ARTIM and idle timeouts
 * @param maxPduLength           maximum P-DATA-TF length this node receives (announced to peers)
 * @param pduLengthLimit         hard bound on any PDU length from a peer; longer PDUs are aborted
 * @param tls                    TLS settings, or null for plain TCP
 * @param acceptPolicy           which presentation contexts are accepted
 */
public record ServerOptions(String aeTitle, InetAddress bindAddress, int port, int maxAssociations,
                            Set<String> allowedCallingAeTitles, Set<InetAddress> allowedAddresses, Timeouts timeouts,
                            int maxPduLength, int pduLengthLimit, TlsOptions tls, AcceptPolicy acceptPolicy) {
    /** Default number of concurrent associations (threads). */
    public static final int DEFAULT_MAX_ASSOCIATIONS = 32;
    /** Default maximum receive PDU length: 256 KiB. */
    public static final int DEFAULT_MAX_PDU_LENGTH = 256 * 1024;

    public ServerOptions {
        AeTitles.check(aeTitle);
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is not in 0..65535");
        }
        if (maxAssociations < 1) {
            throw new IllegalArgumentException("at least one association must be allowed, not " + maxAssociations);
        }
        allowedCallingAeTitles = Set.copyOf(allowedCallingAeTitles);
        allowedAddresses = Set.copyOf(allowedAddresses);
        Objects.requireNonNull(timeouts, "timeouts");
        if (maxPduLength < 4096 || maxPduLength > pduLengthLimit) {
            throw new IllegalArgumentException("maximum PDU length " + maxPduLength
                    + " must be at least 4096 and at most the limit "
                    + pduLengthLimit);
        }
        Objects.requireNonNull(acceptPolicy, "acceptPolicy");
    }

    /** Defaults: all interfaces, 32 associations, anyone may call, standard timeouts and policy, no TLS. */
    public static ServerOptions of(String aeTitle, int port) {
        return new ServerOptions(aeTitle, null, port, DEFAULT_MAX_ASSOCIATIONS, Set.of(), Set.of(), Timeouts.DEFAULT,
                DEFAULT_MAX_PDU_LENGTH, PduReader.DEFAULT_LENGTH_LIMIT, null, AcceptPolicy.standard());
    }

    public ServerOptions withBindAddress(InetAddress a) {
        return new ServerOptions(aeTitle, a, port, maxAssociations, allowedCallingAeTitles, allowedAddresses, timeouts,
                maxPduLength, pduLengthLimit, tls, acceptPolicy);
    }

    public ServerOptions withMaxAssociations(int n) {
        return new ServerOptions(aeTitle, bindAddress, port, n, allowedCallingAeTitles, allowedAddresses, timeouts,
                maxPduLength, pduLengthLimit, tls, acceptPolicy);
    }

    public ServerOptions withAllowedCallingAeTitles(Set<String> titles) {
        return new ServerOptions(aeTitle, bindAddress, port, maxAssociations, titles, allowedAddresses, timeouts,
                maxPduLength, pduLengthLimit, tls, acceptPolicy);
    }

    public ServerOptions withAllowedAddresses(Set<InetAddress> addresses) {
        return new ServerOptions(aeTitle, bindAddress, port, maxAssociations, allowedCallingAeTitles, addresses,
                timeouts,
                maxPduLength, pduLengthLimit, tls, acceptPolicy);
    }

    public ServerOptions withTimeouts(Timeouts t) {
        return new ServerOptions(aeTitle, bindAddress, port, maxAssociations, allowedCallingAeTitles, allowedAddresses,
                t,
                maxPduLength, pduLengthLimit, tls, acceptPolicy);
    }

    public ServerOptions withPduLengths(int maxPdu, int limit) {
        return new ServerOptions(aeTitle, bindAddress, port, maxAssociations, allowedCallingAeTitles, allowedAddresses,
                timeouts, maxPdu, limit, tls, acceptPolicy);
    }

    public ServerOptions withTls(TlsOptions t) {
        return new ServerOptions(aeTitle, bindAddress, port, maxAssociations, allowedCallingAeTitles, allowedAddresses,
                timeouts, maxPduLength, pduLengthLimit, t, acceptPolicy);
    }

}
