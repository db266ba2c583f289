package org.cloak.net.scp;

import java.io.IOException;
import java.io.InputStream;
import org.cloak.net.dimse.Status;

/**
 * What the server does with each received instance (the storage SCP's application part).
 *
 * <p>{@link #store} runs on the association's thread while the data set is still arriving:
 * {@code dataSet} yields the data set bytes exactly as the peer sent them (no file meta, in
 * {@link StoreRequest#transferSyntaxUid()}), one PDV at a time, so an instance is never whole
 * in memory. The status returned goes back to the peer in the C-STORE-RSP, which is sent only
 * after this method returns: return {@link Status#SUCCESS} only once the instance is safely
 * stored. Bytes the handler leaves unread are drained by the server.
 *
 * <p>Failures: an {@link IOException} thrown while the stream itself fails means the
 * association broke (no response is sent). Any other {@code IOException} is answered with
 * A700 (out of resources), a {@link RuntimeException} with 0110 (processing failure).
 * Handlers are called concurrently from several associations.
 */
@FunctionalInterface
public interface StoreHandler {

    /** Receives one instance; returns the status for the C-STORE-RSP. */
    Status store(StoreRequest request, InputStream dataSet) throws IOException;

    /**
     * Called once an association that reached data transfer has ended (released, aborted or
     * failed), after its last {@link #store} call, e.g. to close per-association work.
     */
    default void associationClosed(AssociationInfo association) {
    }

    /**
     * Whether an association calling {@code calledAeTitle}, which is not the server's own AE
     * title, is accepted all the same (a server whose handler serves several AE titles, one per
     * project, say). The default accepts none: only the server's own AE title is recognized.
     */
    default boolean acceptsCalledAeTitle(String calledAeTitle) {
        return false;
    }
}
