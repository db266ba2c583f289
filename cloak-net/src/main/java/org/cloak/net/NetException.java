package org.cloak.net;

/**
 * Root of the network node's unchecked exceptions: a peer broke the protocol, rejected or
 * aborted an association. Plain I/O failures (connection refused, reset, timeouts) stay
 * {@link java.io.IOException}s. Messages name AE titles and addresses, never attribute values.
 */
public class NetException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public NetException(String message) {
        super(message);
    }

    public NetException(String message, Throwable cause) {
        super(message, cause);
    }
}
